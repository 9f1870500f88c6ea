/// Escaping of user text into iCalendar values and parameters, so no input can start a new line.
enum ICSText {
  /// Escapes a TEXT value (RFC 5545 3.3.11).
  ///
  /// Backslash, `;` and `,` get a backslash; every line break (CRLF, CR, LF, NEL, U+2028, U+2029)
  /// becomes the two characters `\n`; other control characters are removed; TAB is kept.
  static func escapeText(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\\": out.append(contentsOf: #"\\"#.unicodeScalars)
      case ";": out.append(contentsOf: #"\;"#.unicodeScalars)
      case ",": out.append(contentsOf: #"\,"#.unicodeScalars)
      case "\n" where previousWasCR: continue  // the LF of a CRLF already written
      case _ where isLineBreak(scalar): out.append(contentsOf: #"\n"#.unicodeScalars)
      case "\t": out.append(scalar)
      case _ where isControl(scalar): continue
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// Encodes a parameter value (RFC 5545 3.2), quoting it when it contains `:;,`.
  ///
  /// A parameter value cannot hold a double quote or a line break. With `.compatible`, a double
  /// quote becomes `'` and a line break a space; with `.rfc6868`, they become `^'` and `^n` and `^`
  /// becomes `^^`. Either way TAB becomes a space and other control characters are removed.
  static func parameterValue(
    _ value: String, encoding: ICSCalendar.ParameterEncoding = .compatible
  ) -> String {
    let caret = encoding == .rfc6868
    var out = String.UnicodeScalarView()
    var previousWasCR = false
    var needsQuotes = false
    for scalar in value.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "^" where caret: out.append(contentsOf: "^^".unicodeScalars)
      case "\"": out.append(contentsOf: (caret ? "^'" : "'").unicodeScalars)
      case "\n" where previousWasCR: continue
      case _ where isLineBreak(scalar): out.append(contentsOf: (caret ? "^n" : " ").unicodeScalars)
      case "\t": out.append(" ")
      case _ where isControl(scalar): continue
      case ":", ";", ",":
        needsQuotes = true
        out.append(scalar)
      default: out.append(scalar)
      }
    }
    let text = String(out)
    return needsQuotes ? "\"" + text + "\"" : text
  }

  /// A URI value (`mailto:`, `https:`) as given, or nil when it is empty or has spaces or controls.
  static func uriValue(_ value: String) -> String? {
    let unusable = value.unicodeScalars.contains { scalar in
      isControl(scalar) || isLineBreak(scalar) || scalar.properties.isWhitespace || scalar == "\""
    }
    return value.isEmpty || unusable ? nil : value
  }

  /// Whether a UID is non-blank and free of control characters and line breaks.
  static func isUsableUID(_ uid: String) -> Bool {
    !uid.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
      && !uid.unicodeScalars.contains { isControl($0) || isLineBreak($0) }
  }

  /// Whether the scalar ends a line in some reader: CR, LF, VT, FF, NEL, LINE/PARAGRAPH SEPARATOR.
  static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// Whether the scalar is a C0 control, DEL or a C1 control.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
