/// What the writer does to cells a spreadsheet would run as formulas (CSV injection).
///
/// OWASP's guidance: a cell starting with `=`, `+`, `-`, `@`, tab or CR may be evaluated by
/// Excel, LibreOffice or Google Sheets (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3+cmd|…`); prefixing
/// it with `'` makes the spreadsheet show it as text. The price: the `'` is part of the value
/// for any program that reads the file back.
public enum CSVFormulaDefence: Sendable, Equatable, Hashable {
  /// Write every value unchanged (for files read by programs, not spreadsheets).
  case off
  /// Prefix `'` to every value that starts with a trigger character, numbers included.
  case escapeAll
  /// Prefix `'` to values that start with a trigger character, except plain numbers such as
  /// `-3`, `+1.5` or `-2.5e3`, which a spreadsheet reads as numbers and cannot run (default).
  case escapeExceptNumbers

  /// The characters that make a spreadsheet treat a cell as a formula.
  public static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// `value` as it should be written under this defence.
  public func apply(to value: String) -> String {
    guard self != .off, let first = value.unicodeScalars.first, Self.triggers.contains(first)
    else { return value }
    if self == .escapeExceptNumbers && Self.isPlainNumber(value) { return value }
    return "'" + value
  }

  /// Whether `value` is a plain decimal number: optional sign, digits with an optional
  /// fraction, optional exponent (`-3`, `+0.5`, `.5`, `1e-3`). No spaces, no thousands separators.
  public static func isPlainNumber(_ value: String) -> Bool {
    var bytes = value.utf8[...]
    func digits() -> Int {
      let count = bytes.prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }).count
      bytes = bytes.dropFirst(count)
      return count
    }
    func skip(_ allowed: String) -> Bool {
      guard let byte = bytes.first, allowed.utf8.contains(byte) else { return false }
      bytes = bytes.dropFirst()
      return true
    }
    _ = skip("+-")
    var mantissa = digits()
    if skip(".") { mantissa += digits() }
    guard mantissa > 0 else { return false }
    if skip("eE") {
      _ = skip("+-")
      guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
  }
}
