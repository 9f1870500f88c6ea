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
    sanitizedBytes(text, collapsingSpaces: collapsingSpaces)
      ?? sanitizedByScalar(text, collapsingSpaces: collapsingSpaces)
  }

  /// `sanitized` on UTF-8 bytes, or nil when the trimmed ends touch a non-ASCII scalar (a space
  /// there could belong to a larger character, which the trimming by `Character` keeps).
  static func sanitizedBytes(_ text: String, collapsingSpaces: Bool) -> String? {
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var lastWasSpace = false
      let count = bytes.count
      var index = 0
      while index < count {
        let byte = bytes[index]
        var width = 0
        if byte < 0x20 || byte == 0x7F {
          width = 1
        } else if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) {
          width = 2
        } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80,
          bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
        {
          width = 3
        }
        if width > 0 || byte == 0x20 {
          // A control, or a space.
          if collapsingSpaces || width > 0 {
            if !lastWasSpace { out.append(0x20) }
          } else {
            out.append(0x20)
          }
          lastWasSpace = true
          index += max(width, 1)
        } else {
          out.append(byte)
          lastWasSpace = false
          index += 1
        }
      }
      var start = 0
      while start < out.count, out[start] == 0x20 { start += 1 }
      var end = out.count
      while end > start, out[end - 1] == 0x20 { end -= 1 }
      if start > 0, start < out.count, out[start] >= 0x80 { return nil }
      if end < out.count, end > start, out[end - 1] >= 0x80 { return nil }
      return String(decoding: out[start..<end], as: UTF8.self)
    }
    return result ?? nil
  }

  /// The definition of `sanitized`, scalar by scalar, trimmed by `Character`.
  static func sanitizedByScalar(_ text: String, collapsingSpaces: Bool) -> String {
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
    // Past the first test the text is printable ASCII, where a character is its byte: the
    // longest word is the longest run of bytes other than space.
    !isPrintableASCII(text) || Syntax.contains(text, ascii: "=?") || longestWord(text) > 60
  }

  /// The length of the longest run of bytes other than space.
  static func longestWord(_ text: String) -> Int {
    var longest = 0
    var run = 0
    for byte in text.utf8 {
      if byte == 0x20 {
        run = 0
      } else {
        run += 1
        longest = max(longest, run)
      }
    }
    return longest
  }
}
