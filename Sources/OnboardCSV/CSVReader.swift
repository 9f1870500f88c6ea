#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A streaming RFC 4180 reader: bytes in, one ``CSVRecord`` at a time out.
///
/// ```swift
/// var reader = try CSVReader(contentsOf: url)      // delimiter detected: , ; or tab
/// while let record = try reader.next() {
///   print(record.line, record.values)
/// }
/// while let row = try reader.nextRow() {           // the fast path: fields decoded on demand
///   print(row.line, row[0] ?? "")
/// }
/// ```
/// - Quoted fields may hold the delimiter, `""` (a literal quote) and line breaks, which are kept
///   byte for byte. Records end with CRLF, LF or a lone CR. A leading UTF-8 BOM is skipped.
/// - Files are read in chunks, so memory stays flat however large the file is: one chunk, or two
///   records' worth when a record is longer than a chunk. A copy of a reader continues
///   independently from where the original was.
/// - Records are found eight bytes at a time (``nextRow()``) and checked for well-formedness and
///   UTF-8 as a whole; a malformed one is re-read byte by byte by a reference parser, which
///   reports the first problem in the input with its exact position.
/// - Line numbers count every line break (including blank lines and breaks inside quotes);
///   columns count Unicode scalars, both 1-based.
public struct CSVReader: Sendable {
  /// The dialect in use: the one given, or the one detected once the first record is read.
  public internal(set) var dialect: CSVDialect?
  /// The options given at creation.
  public let options: CSVReaderOptions

  var input: ByteInput
  var position = TextPosition()
  /// Bytes of the field being read by the reference parser.
  var fieldBytes: [UInt8] = []
  /// Field ends of the record being scanned; its storage is reused from record to record (a row
  /// still alive keeps the old storage: copy on write).
  var ends = [Int](repeating: 0, count: 64)
  var started = false

  /// The default number of bytes read from a file at a time (64 KiB).
  public static let defaultChunkSize = 1 << 16

  /// A reader over bytes in memory. `dialect: nil` detects the delimiter from the first record.
  public init(bytes: [UInt8], dialect: CSVDialect? = nil, options: CSVReaderOptions = .init()) {
    self.dialect = dialect
    self.options = options
    self.input = ByteInput(bytes: bytes)
  }

  /// A reader over the UTF-8 bytes of `data`.
  public init(data: Data, dialect: CSVDialect? = nil, options: CSVReaderOptions = .init()) {
    self.init(bytes: [UInt8](data), dialect: dialect, options: options)
  }

  /// A reader over the UTF-8 form of `string`.
  public init(string: String, dialect: CSVDialect? = nil, options: CSVReaderOptions = .init()) {
    self.init(bytes: Array(string.utf8), dialect: dialect, options: options)
  }

  /// A reader that streams a file, `chunkSize` bytes at a time; throws if it cannot be opened.
  public init(
    contentsOf url: URL, dialect: CSVDialect? = nil, options: CSVReaderOptions = .init(),
    chunkSize: Int = CSVReader.defaultChunkSize
  ) throws(CSVError) {
    self.dialect = dialect
    self.options = options
    self.input = try ByteInput(path: url.path(percentEncoded: false), chunkSize: chunkSize)
  }

  /// The next record, or nil at the end of the input.
  ///
  /// After an error the reader's position is unspecified; stop reading.
  public mutating func next() throws(CSVError) -> CSVRecord? {
    try nextRow()?.record
  }

  /// The next record as byte ranges, decoded only as far as asked; nil at the end of the input.
  /// The same records, errors and positions as ``next()``, without a `String` per field.
  ///
  /// After an error the reader's position is unspecified; stop reading.
  public mutating func nextRow() throws(CSVError) -> CSVRow? {
    if !started { try start() }
    guard let dialect else { return nil }
    while let byte = try input.peek() {
      guard byte == CSVByte.cr || byte == CSVByte.lf else {
        return try scanRow(delimiter: dialect.delimiter)
      }
      let line = position.line
      try consumeLineBreak(byte)
      if !options.skipBlankLines {
        return CSVRow(bytes: [], ends: [], count: 0, start: 0, line: line)
      }
    }
    try position.finish()
    return nil
  }

  /// All remaining records.
  public mutating func readAll() throws(CSVError) -> [CSVRecord] {
    var records: [CSVRecord] = []
    while let record = try next() { records.append(record) }
    return records
  }
}
