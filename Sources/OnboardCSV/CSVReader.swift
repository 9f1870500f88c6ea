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
/// ```
/// - Quoted fields may hold the delimiter, `""` (a literal quote) and line breaks, which are kept
///   byte for byte. Records end with CRLF, LF or a lone CR. A leading UTF-8 BOM is skipped.
/// - Files are read in chunks, so memory stays flat however large the file is. A copy of a reader
///   continues independently from where the original was.
/// - Line numbers count every line break (including blank lines and breaks inside quotes);
///   columns count Unicode scalars, both 1-based.
public struct CSVReader: Sendable {
  /// The dialect in use: the one given, or the one detected once the first record is read.
  public internal(set) var dialect: CSVDialect?
  /// The options given at creation.
  public let options: CSVReaderOptions

  var input: ByteInput
  var position = TextPosition()
  /// Bytes of the field being read; reused so reading allocates little beyond the strings.
  var fieldBytes: [UInt8] = []
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
    if !started { try start() }
    guard let dialect else { return nil }
    return try readRecord(delimiter: dialect.delimiter)
  }

  /// All remaining records.
  public mutating func readAll() throws(CSVError) -> [CSVRecord] {
    var records: [CSVRecord] = []
    while let record = try next() { records.append(record) }
    return records
  }
}
