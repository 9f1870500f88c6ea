/// Makes caller text safe for one header line: the defence against header injection.
enum HeaderText {
  /// C0 controls (CR, LF, TAB, NUL, …), DEL, C1 controls (NEL, …) and the Unicode line and
  /// paragraph separators: everything a mail program might treat as a line end.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
  }

  /// Replaces each run of control characters by one space, collapses runs of spaces to one space
  /// when `collapsingSpaces`, and trims leading and trailing whitespace.
  ///
  /// So `"Eve\r\nBcc: victim@example.com"` becomes `"Eve Bcc: victim@example.com"`: one line.
  static func sanitized(_ text: String, collapsingSpaces: Bool) -> String {
    var scalars = String.UnicodeScalarView()
    var lastWasSpace = false
    for scalar in text.unicodeScalars {
      if isControl(scalar) || scalar == " " {
        if collapsingSpaces || isControl(scalar) {
          if !lastWasSpace { scalars.append(" ") }
        } else {
          scalars.append(" ")
        }
        lastWasSpace = true
      } else {
        scalars.append(scalar)
        lastWasSpace = false
      }
    }
    let result = String(scalars)
    return String(
      result.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }

  /// True when every scalar is printable ASCII or space.
  static func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  /// True when the text must go out as encoded words: non-ASCII, something a decoder would take
  /// for an encoded word (`=?`), or a word too long to fold.
  static func needsEncodedWords(_ text: String) -> Bool {
    !isPrintableASCII(text) || text.contains("=?")
      || text.split(separator: " ").contains { $0.utf8.count > 60 }
  }
}
