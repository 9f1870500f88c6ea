/// One record as byte ranges over the reader's window: nothing is decoded until asked.
///
/// ```swift
/// while let row = try reader.nextRow() {
///   if row.utf8(at: 5) == Array("Completed".utf8)[...] { total += 1 }   // no String made
///   let email = row[2]                                                    // decoded on demand
/// }
/// ```
/// A row keeps the bytes it was read from alive (a copy-on-write reference, not a copy), so it stays
/// valid after the reader moves on. `value`/`subscript` decode one field; ``field(at:)`` also works
/// out its line and column; ``record`` decodes everything into a ``CSVRecord``.
public struct CSVRow: Sendable {
  /// The window the record was read from.
  @usableFromInline let bytes: [UInt8]
  /// For each field, the index just past it in `bytes` (its delimiter, line break or the end);
  /// only the first `fieldCount` are this row's (the reader reuses the array's storage).
  @usableFromInline let ends: [Int]
  @usableFromInline let fieldCount: Int
  /// Index of the record's first byte in `bytes` (always the first column of a line).
  @usableFromInline let start: Int
  /// 1-based line where the record starts.
  public let line: Int
  /// Fields already decoded (a record the reference parser read), used instead of the ranges.
  @usableFromInline let decoded: [CSVField]?
  /// Whether the record is known to hold no line break (none inside a quoted field), so that
  /// every field is on `line` (false when unknown).
  @usableFromInline let singleLine: Bool

  init(bytes: [UInt8], ends: [Int], count: Int, start: Int, line: Int, singleLine: Bool = false) {
    self.bytes = bytes
    self.ends = ends
    self.fieldCount = count
    self.start = start
    self.line = line
    self.decoded = nil
    self.singleLine = singleLine
  }

  init(record: CSVRecord) {
    self.bytes = []
    self.ends = []
    self.fieldCount = record.count
    self.start = 0
    self.line = record.line
    self.decoded = record.fields
    self.singleLine = false
  }

  /// The number of fields (0 only for a blank line read with `skipBlankLines: false`).
  public var count: Int { fieldCount }

  /// The field's bytes as written: from its first byte (its opening quote if quoted) to its end.
  @inline(__always)
  func rawRange(_ index: Int) -> Range<Int> {
    (index == 0 ? start : ends[index &- 1] &+ 1)..<ends[index]
  }

  /// The value's bytes without the quotes, and whether `""` pairs in them still need undoubling.
  @inline(__always)
  func valueRange(_ index: Int) -> (range: Range<Int>, quoted: Bool) {
    let raw = rawRange(index)
    guard !raw.isEmpty, bytes[raw.lowerBound] == CSVByte.quote else { return (raw, false) }
    return ((raw.lowerBound &+ 1)..<(raw.upperBound &- 1), true)
  }

  /// The value of the field at `index`, or nil when the record is shorter.
  public subscript(index: Int) -> String? {
    guard index >= 0 && index < count else { return nil }
    if let decoded { return decoded[index].value }
    let (range, quoted) = valueRange(index)
    if quoted, bytes[range].contains(CSVByte.quote) {
      return String(decoding: Self.undoubled(bytes[range]), as: UTF8.self)
    }
    return bytes.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
  }

  /// The UTF-8 bytes of the value at `index` (quotes removed, `""` undoubled), or nil when the
  /// record is shorter. A slice of the window, copied only when quotes had to be undoubled.
  public func utf8(at index: Int) -> ArraySlice<UInt8>? {
    guard index >= 0 && index < count else { return nil }
    if let decoded { return Array(decoded[index].value.utf8)[...] }
    let (range, quoted) = valueRange(index)
    if quoted, bytes[range].contains(CSVByte.quote) { return Self.undoubled(bytes[range])[...] }
    return bytes[range]
  }

  /// Whether the value at `index` is empty (`""` counts as empty); true when the record is shorter.
  public func isEmpty(at index: Int) -> Bool {
    guard index >= 0 && index < count else { return true }
    if let decoded { return decoded[index].value.isEmpty }
    return valueRange(index).range.isEmpty
  }

  /// The value at `index` with its position, or nil when the record is shorter.
  public func field(at index: Int) -> CSVField? {
    guard let (line, column) = position(at: index) else { return nil }
    return CSVField(value: self[index] ?? "", line: line, column: column, index: index)
  }

  /// Where the field at `index` starts (its opening quote if quoted): 1-based line and column
  /// (Unicode scalars), without decoding it; nil when the record is shorter.
  public func position(at index: Int) -> (line: Int, column: Int)? {
    guard index >= 0 && index < count else { return nil }
    if let decoded { return (decoded[index].line, decoded[index].column) }
    var cursor = PositionCursor(line: line, at: start)
    cursor.advance(through: bytes, to: rawRange(index).lowerBound)
    return (cursor.line, cursor.column)
  }

  /// Every field decoded, with its position.
  public var record: CSVRecord {
    if let decoded { return CSVRecord(fields: decoded, line: line) }
    var fields: [CSVField] = []
    fields.reserveCapacity(fieldCount)
    var cursor = PositionCursor(line: line, at: start)
    for index in 0..<fieldCount {
      cursor.advance(through: bytes, to: rawRange(index).lowerBound)
      fields.append(
        CSVField(value: self[index] ?? "", line: cursor.line, column: cursor.column, index: index))
    }
    return CSVRecord(fields: fields, line: line)
  }

  /// The values in order.
  public var values: [String] { (0..<count).map { self[$0] ?? "" } }

  /// `bytes` with each `""` turned into `"`.
  static func undoubled(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var skip = false
    for byte in bytes {
      if byte == CSVByte.quote && skip {
        skip = false
        continue
      }
      skip = byte == CSVByte.quote
      result.append(byte)
    }
    return result
  }
}

/// Line and column (Unicode scalars, 1-based) while walking forward over a record's bytes.
struct PositionCursor {
  var line: Int
  var column = 1
  var index: Int
  /// Whether the last byte walked over was a CR (so an LF right after it is the same break).
  private var afterCR = false

  init(line: Int, at index: Int) {
    self.line = line
    self.index = index
  }

  /// Walks up to (not including) `bytes[target]`; eight bytes at a time over ASCII text.
  mutating func advance(through bytes: [UInt8], to target: Int) {
    guard index < target else { return }
    bytes.withUnsafeBufferPointer { buffer in advance(through: buffer, to: target) }
  }

  /// Whether `buffer[from..<to]` is plain text: ASCII without control bytes (below 0x10, which
  /// covers CR and LF), so that walking over it adds its length to the column and nothing else.
  /// (A tab or other control byte below 0x10 only makes it not plain: the walk then decides.)
  static func isPlain(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Bool {
    guard from < end, let base = buffer.baseAddress else { return true }
    var index = from
    // A byte below 0x80 plus 0x70 has its high bit set exactly when it is 0x10 or more.
    let offset = Words.broadcast(0x70)
    while index &+ 8 <= end {
      let word = Words.load(base + index)
      if word & Words.high != 0 || (word &+ offset) & Words.high != Words.high { return false }
      index &+= 8
    }
    while index < end {
      let byte = base[index]
      if byte < 0x10 || byte >= 0x80 { return false }
      index &+= 1
    }
    return true
  }

  /// Walks up to `target` over bytes known to be plain (``isPlain(_:from:to:)``).
  @inline(__always)
  mutating func skipPlain(to target: Int) {
    guard index < target else { return }
    column &+= target &- index
    index = target
    afterCR = false
  }

  /// ``advance(through:to:)`` over the window's bytes.
  mutating func advance(through buffer: UnsafeBufferPointer<UInt8>, to target: Int) {
    guard index < target, let base = buffer.baseAddress else { return }
    while index < target {
      // Up to eight bytes at once while they hold no line break: the column grows by the bytes
      // that start a scalar (all but the continuation bytes, 10xxxxxx). The word may reach past
      // `target` (never past the buffer); those bytes are masked off.
      if index &+ 8 <= buffer.count {
        let length = min(8, target &- index)
        let mask: UInt64 = length == 8 ? ~0 : (1 &<< UInt64(length &* 8)) &- 1
        let word = Words.load(base + index) & mask
        if Words.lineBreaks(word) & mask == 0 {
          // Continuation bytes as one bit each in the bytes' low bits, summed by a multiply
          // (the top byte of the product; no POPCNT on baseline x86-64).
          let continuation = (word & ~(word &<< 1) & Words.high) &>> 7
          column &+= length &- Int(truncatingIfNeeded: (continuation &* Words.ones) &>> 56)
          afterCR = false
          index &+= length
          continue
        }
      }
      let byte = base[index]
      if byte == CSVByte.lf {
        if !afterCR { line &+= 1 }
        column = 1
      } else if byte == CSVByte.cr {
        line &+= 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column &+= 1
      }
      afterCR = byte == CSVByte.cr
      index &+= 1
    }
  }
}
