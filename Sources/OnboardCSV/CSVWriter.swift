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
