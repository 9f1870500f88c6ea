import Foundation

/// Recognises text files saved in an encoding other than UTF-8 from their first bytes, so that a
/// UTF-16 export ("Unicode Text" in Excel) is named as such instead of reported as bad UTF-8.
enum TextEncodingCheck {
  /// An error for a file that starts as UTF-16 or UTF-32 (by byte-order mark, or by the NUL bytes
  /// of ASCII text in UTF-16 without a mark); nil when the start is plausible UTF-8.
  static func problem(_ data: Data, path: String) -> InputError? {
    guard let name = encodingName(Array(data.prefix(4))) else { return nil }
    return InputError(
      SourceLocation(file: path, line: 1, column: 1),
      "the file is \(name), not UTF-8; save it as UTF-8 (in Excel: Save As → CSV UTF-8)")
  }

  /// The name of the encoding the first bytes announce, or nil.
  static func encodingName(_ start: [UInt8]) -> String? {
    if start.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (little-endian, with a BOM)" }
    if start.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 (big-endian, with a BOM)" }
    if start.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian, with a BOM)" }
    if start.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian, with a BOM)" }
    if start.count >= 4 {
      // ASCII text in UTF-16 without a BOM: every other byte is NUL.
      let ascii = { (byte: UInt8) in byte != 0 && byte < 0x80 }
      if ascii(start[0]) && start[1] == 0 && ascii(start[2]) && start[3] == 0 {
        return "UTF-16 (little-endian)"
      }
      if start[0] == 0 && ascii(start[1]) && start[2] == 0 && ascii(start[3]) {
        return "UTF-16 (big-endian)"
      }
    }
    return nil
  }

  /// A hint for a byte that is not UTF-8: the character it is in Latin-1, the usual culprit.
  static func legacyHint(byte: UInt8) -> String {
    guard byte >= 0xA0, let scalar = Unicode.Scalar(UInt32(byte)) else { return "" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "; 0x\(hex) is `\(Character(scalar))` in Latin-1 / Windows-1252, so the file was "
      + "likely saved in a legacy encoding"
  }
}
