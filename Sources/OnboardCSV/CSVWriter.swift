/// Writes records as RFC 4180 CSV text: values in, `String` out (CRLF after every record).
///
/// ```swift
/// let writer = CSVWriter()
/// let text = writer.write([["name", "note"], ["Ada", "says \"hi\", twice"]])
/// // name,note\r\nAda,"says ""hi"", twice"\r\n
/// ```
/// A field is quoted when it contains `,`, `;`, tab, `"`, CR or LF (any of the delimiters the
/// reader can detect, so the output reads back right with detection too), starts or ends with a
/// space, starts with a BOM, or is the only field of its record and empty (which would otherwise
/// be a blank line). Spreadsheet formulas are neutralised by default: see ``CSVFormulaDefence``.
public struct CSVWriter: Sendable, Equatable, Hashable {
  /// The delimiter written between fields; it must be valid (``CSVDialect/isValid``), or the
  /// output cannot be read back.
  public var dialect: CSVDialect
  /// What to do with cells a spreadsheet would run as formulas.
  public var formulaDefence: CSVFormulaDefence

  /// A writer; the defaults write comma-separated text safe to open in a spreadsheet.
  public init(
    dialect: CSVDialect = .comma, formulaDefence: CSVFormulaDefence = .escapeExceptNumbers
  ) {
    self.dialect = dialect
    self.formulaDefence = formulaDefence
  }

  /// All records, each followed by CRLF.
  public func write(_ records: [[String]]) -> String {
    var text = ""
    for values in records { append(values, to: &text) }
    return text
  }

  /// One record followed by CRLF.
  public func record(_ values: [String]) -> String {
    var text = ""
    append(values, to: &text)
    return text
  }

  /// Appends one record and its CRLF to `text` (for writing many records without copies).
  public func append(_ values: [String], to text: inout String) {
    let delimiter = Character(Unicode.Scalar(dialect.delimiter))
    for (index, value) in values.enumerated() {
      if index > 0 { text.append(delimiter) }
      appendField(value, alone: values.count == 1, to: &text)
    }
    text.append("\r\n")
  }

  /// Appends one record and its CRLF as UTF-8 bytes: the same bytes as `append(_:to:)` on a
  /// `String`, without building one (for files written as bytes).
  public func append(_ values: [String], to bytes: inout [UInt8]) {
    // A valid delimiter is ASCII, one byte; any other is written as the `String` writer writes
    // it (the scalar of that value, in UTF-8).
    let delimiter = dialect.delimiter
    for (index, value) in values.enumerated() {
      if index > 0 {
        if delimiter < 0x80 {
          bytes.append(delimiter)
        } else {
          bytes.append(contentsOf: String(Character(Unicode.Scalar(delimiter))).utf8)
        }
      }
      appendField(value, alone: values.count == 1, to: &bytes)
    }
    bytes.append(0x0D)
    bytes.append(0x0A)
  }

  /// Appends one field as UTF-8 bytes, quoted and escaped as needed (as a field of a record of
  /// several), without a delimiter or line end.
  public func appendField(_ value: String, to bytes: inout [UInt8]) {
    appendField(value, alone: false, to: &bytes)
  }

  /// One field, quoted and escaped as needed, without a delimiter or line end.
  public func field(_ value: String) -> String {
    var text = ""
    appendField(value, alone: false, to: &text)
    return text
  }

  private func appendField(_ value: String, alone: Bool, to text: inout String) {
    let safe = formulaDefence.apply(to: value)
    guard needsQuotes(safe) || (alone && safe.isEmpty) else {
      text.append(safe)
      return
    }
    text.append("\"")
    // `"` is one byte in UTF-8 and never inside another character's bytes: a value without one
    // is copied whole (the common case: a comma or a line break made the quotes).
    if safe.utf8.contains(UInt8(ascii: "\"")) {
      for scalar in safe.unicodeScalars {
        if scalar == "\"" { text.append("\"") }
        text.unicodeScalars.append(scalar)
      }
    } else {
      text.append(safe)
    }
    text.append("\"")
  }

  /// `appendField` into bytes. The formula defence is applied only to a value whose first byte
  /// is a trigger: the triggers are ASCII, and a scalar's first UTF-8 byte is ASCII only when the
  /// scalar is, so any other value is one `apply(to:)` returns unchanged.
  private func appendField(_ value: String, alone: Bool, to bytes: inout [UInt8]) {
    var safe = value
    if formulaDefence != .off, let first = value.utf8.first, Self.isTrigger(first) {
      safe = formulaDefence.apply(to: value)
    }
    let delimiter = dialect.delimiter
    safe.withUTF8 { utf8 in
      // `needsQuotes` on the buffer, in the same pass finding whether a `"` must be doubled.
      var quote = alone && utf8.isEmpty
      var hasQuote = false
      if let first = utf8.first, let last = utf8.last {
        quote =
          first == 0x20 || last == 0x20
          || (utf8.count >= 3 && first == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        for byte in utf8 {
          if byte == UInt8(ascii: "\"") {
            hasQuote = true
            quote = true
            break
          }
          if Self.forcesQuotes(byte) || byte == delimiter { quote = true }
        }
      }
      guard quote else {
        bytes.append(contentsOf: utf8)
        return
      }
      bytes.append(UInt8(ascii: "\""))
      if hasQuote {
        for byte in utf8 {
          // `"` is one byte and never inside another character's bytes: doubling the byte
          // doubles the scalar.
          if byte == UInt8(ascii: "\"") { bytes.append(byte) }
          bytes.append(byte)
        }
      } else {
        bytes.append(contentsOf: utf8)
      }
      bytes.append(UInt8(ascii: "\""))
    }
  }

  /// `,`, `;`, tab, `"`, CR or LF: a byte that makes `needsQuotes` true whatever the delimiter.
  @inline(__always)
  static func forcesQuotes(_ byte: UInt8) -> Bool {
    let mask: UInt64 = 1 << 0x2C | 1 << 0x3B | 1 << 0x09 | 1 << 0x22 | 1 << 0x0D | 1 << 0x0A
    return byte < 0x40 && (mask >> UInt64(byte)) & 1 != 0
  }

  /// The first bytes of the values `CSVFormulaDefence.triggers` start (`=`, `+`, `-`, `@`, tab,
  /// CR).
  @inline(__always)
  static func isTrigger(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
      return true
    default: return false
    }
  }

  /// Decided on the UTF-8 bytes: every character that forces quotes is ASCII (the delimiter
  /// too), and a BOM is the bytes EF BB BF.
  private func needsQuotes(_ value: String) -> Bool {
    let bytes = value.utf8
    guard let first = bytes.first, let last = bytes.last else { return false }
    if first == 0x20 || last == 0x20 || bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return true }
    let delimiter = dialect.delimiter
    return bytes.contains { byte in
      switch byte {
      case UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "\""), 0x0D, 0x0A: return true
      default: return byte == delimiter
      }
    }
  }
}
