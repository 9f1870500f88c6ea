/// Escaping of user text into iCalendar values and parameters, so no input can start a new line.
enum ICSText {
  /// Escapes a TEXT value (RFC 5545 3.3.11).
  ///
  /// Backslash, `;` and `,` get a backslash; every line break (CRLF, CR, LF, NEL, U+2028, U+2029)
  /// becomes the two characters `\n`; other control characters are removed; TAB is kept.
  static func escapeText(_ text: String) -> String {
    escapeTextBytes(text) ?? escapeTextByScalar(text)
  }

  /// `escapeText` on UTF-8 bytes with a table (nil only for a string without contiguous UTF-8).
  static func escapeTextBytes(_ text: String) -> String? {
    text.utf8.withContiguousStorageIfAvailable { bytes -> String in
      let table = textClass
      guard bytes.contains(where: { table[Int($0)] != 0 }) else { return text }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 8)
      appendEscapedText(bytes, to: &out)
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Appends `escapeText(text)`'s UTF-8 bytes to `out`, without a temporary string.
  static func appendEscapedText(_ text: String, to out: inout [UInt8]) {
    var writer = ICSByteWriter(capacity: text.utf8.count * 2)
    appendEscapedText(text, to: &writer)
    writer.withUnsafeBufferPointer { out.append(contentsOf: $0) }
  }

  /// Appends `escapeText(text)`'s UTF-8 bytes to a writer, without a temporary string.
  @inline(__always)
  static func appendEscapedText(_ text: String, to out: inout ICSByteWriter) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscapedText($0, to: &out) }
    if done == nil { out.append(utf8: escapeTextByScalar(text)) }
  }

  /// The byte table rule of `escapeText` on valid UTF-8, appended to `out`.
  static func appendEscapedText(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    var writer = ICSByteWriter(capacity: bytes.count * 2)
    appendEscapedText(bytes, to: &writer)
    writer.withUnsafeBufferPointer { out.append(contentsOf: $0) }
  }

  /// The byte table rule of `escapeText` on valid UTF-8, appended to `out`. The rule is per
  /// scalar and every scalar it changes is recognised by its bytes: ASCII, C2 xx (C1 controls,
  /// NEL), E2 80 A8/A9 (the line and paragraph separators); runs of unchanged bytes are copied
  /// whole.
  static func appendEscapedText(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ICSByteWriter) {
    textClass.withUnsafeBufferPointer { table in
      let count = bytes.count
      var index = 0
      var previousWasCR = false
      while index < count {
        // The run of bytes copied as they are.
        var end = index
        while end < count, table[Int(bytes[end])] == 0 { end += 1 }
        if end > index {
          out.append(UnsafeBufferPointer(rebasing: bytes[index..<end]))
          previousWasCR = false
          index = end
          if index == count { break }
        }
        let byte = bytes[index]
        var width = 1
        switch table[Int(byte)] {
        case 1:
          out.append(UInt8(ascii: "\\"))
          out.append(byte)
        case 2: appendNewlineEscape(to: &out)
        case 3: if !previousWasCR { appendNewlineEscape(to: &out) }
        case 4: break  // another control: removed
        case 5:  // C2: C1 controls (NEL is a line break) or a Latin-1 character
          let next = index + 1 < count ? bytes[index + 1] : 0
          width = 2
          if next == 0x85 {
            appendNewlineEscape(to: &out)
          } else if !(0x80...0x9F).contains(next) {
            out.append(byte)
            width = 1
          }
        default:  // E2: the line and paragraph separators
          if index + 2 < count, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
          {
            appendNewlineEscape(to: &out)
            width = 3
          } else {
            out.append(byte)
          }
        }
        previousWasCR = byte == 0x0D
        index += width
      }
    }
  }

  /// Appends `\n`, the escaped line break.
  @inline(__always)
  private static func appendNewlineEscape(to out: inout ICSByteWriter) {
    out.append(UInt8(ascii: "\\"))
    out.append(UInt8(ascii: "n"))
  }

  /// What a byte is to `escapeText`: 0 copied, 1 backslash first, 2 a line break, 3 LF (skipped
  /// after CR), 4 a control removed, 5 the lead byte C2, 6 the lead byte E2. TAB is copied.
  private static let textClass: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    for byte in 0..<0x20 { table[byte] = 4 }
    table[0x09] = 0
    for byte in [0x0B, 0x0C, 0x0D] { table[byte] = 2 }
    table[0x0A] = 3
    table[0x7F] = 4
    for byte in "\\;,".utf8 { table[Int(byte)] = 1 }
    table[0xC2] = 5
    table[0xE2] = 6
    return table
  }()

  /// The definition of `escapeText`, scalar by scalar.
  static func escapeTextByScalar(_ text: String) -> String {
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
    parameterValueBytes(value, encoding: encoding)
      ?? parameterValueByScalar(value, encoding: encoding)
  }

  /// `parameterValue` on UTF-8 bytes (nil only for a string without contiguous UTF-8).
  static func parameterValueBytes(_ value: String, encoding: ICSCalendar.ParameterEncoding)
    -> String?
  {
    value.utf8.withContiguousStorageIfAvailable { bytes -> String in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 8)
      appendParameterValue(bytes, encoding: encoding, to: &out)
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Appends `parameterValue(value, encoding:)`'s UTF-8 bytes to `out`.
  static func appendParameterValue(
    _ value: String, encoding: ICSCalendar.ParameterEncoding, to out: inout ICSByteWriter
  ) {
    let done: Void? = value.utf8.withContiguousStorageIfAvailable {
      appendParameterValue($0, encoding: encoding, to: &out)
    }
    if done == nil {
      out.append(utf8: parameterValueByScalar(value, encoding: encoding))
    }
  }

  /// The byte rule of `parameterValue` on valid UTF-8, appended to `out`.
  static func appendParameterValue(
    _ bytes: UnsafeBufferPointer<UInt8>, encoding: ICSCalendar.ParameterEncoding,
    to out: inout [UInt8]
  ) {
    var writer = ICSByteWriter(capacity: bytes.count * 2 + 2)
    appendParameterValue(bytes, encoding: encoding, to: &writer)
    writer.withUnsafeBufferPointer { out.append(contentsOf: $0) }
  }

  /// The byte rule of `parameterValue` on valid UTF-8, appended to `out`. The value is quoted
  /// when it has `:`, `;` or `,` (ASCII bytes, never part of a longer UTF-8 sequence, and kept
  /// by the rule), so a scan for them decides the quotes up front.
  static func appendParameterValue(
    _ bytes: UnsafeBufferPointer<UInt8>, encoding: ICSCalendar.ParameterEncoding,
    to out: inout ICSByteWriter
  ) {
    let caret = encoding == .rfc6868
    // One pass over the classes: quotes needed, and whether any byte is changed at all; a value
    // with none (a name, in any script but for C1 controls and the separators) is copied whole.
    var needsQuotes = false
    var changed = false
    parameterClass.withUnsafeBufferPointer { table in
      for byte in bytes {
        switch table[Int(byte)] {
        case 0: continue
        case 1: needsQuotes = true
        default: changed = true
        }
      }
    }
    if needsQuotes { out.append(UInt8(ascii: "\"")) }
    if !changed {
      out.append(bytes)
      if needsQuotes { out.append(UInt8(ascii: "\"")) }
      return
    }
    var previousWasCR = false
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      var width = 1
      switch byte {
      case UInt8(ascii: "^") where caret: out.append(literal: "^^")
      case UInt8(ascii: "\""): out.append(literal: caret ? "^'" : "'")
      case 0x0A where previousWasCR: break
      case 0x0A, 0x0B, 0x0C, 0x0D: out.append(literal: caret ? "^n" : " ")
      case 0x09: out.append(UInt8(ascii: " "))
      case 0..<0x20, 0x7F: break
      case 0xC2 where index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]):
        width = 2
        if bytes[index + 1] == 0x85 { out.append(literal: caret ? "^n" : " ") }
      case 0xE2
      where index + 2 < count && bytes[index + 1] == 0x80
        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
        width = 3
        out.append(literal: caret ? "^n" : " ")
      default: out.append(byte)
      }
      previousWasCR = byte == 0x0D
      index += width
    }
    if needsQuotes { out.append(UInt8(ascii: "\"")) }
  }

  /// What a byte is to `parameterValue`: 0 copied, 1 copied but the value is quoted (`:;,`),
  /// 2 maybe changed (`^`, `"`, controls, DEL, and the lead bytes C2 and E2 of C1 controls, NEL
  /// and the line and paragraph separators).
  private static let parameterClass: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    for byte in 0..<0x20 { table[byte] = 2 }
    for byte in [0x7F, 0xC2, 0xE2] { table[byte] = 2 }
    for byte in "^\"".utf8 { table[Int(byte)] = 2 }
    for byte in ":;,".utf8 { table[Int(byte)] = 1 }
    return table
  }()

  /// The definition of `parameterValue`, scalar by scalar.
  static func parameterValueByScalar(
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
    // Printable ASCII other than space and `"` is usable without looking at scalar properties.
    let plain = value.utf8.withContiguousStorageIfAvailable { bytes in
      !bytes.isEmpty && !bytes.contains { $0 <= 0x20 || $0 >= 0x7F || $0 == 0x22 }
    }
    if plain == true { return value }
    let unusable = value.unicodeScalars.contains { scalar in
      isControl(scalar) || isLineBreak(scalar) || scalar.properties.isWhitespace || scalar == "\""
    }
    return value.isEmpty || unusable ? nil : value
  }

  /// Whether a UID is non-blank and free of control characters and line breaks.
  static func isUsableUID(_ uid: String) -> Bool {
    // Printable ASCII with something other than spaces: usable, no scalar properties needed.
    let plain = uid.utf8.withContiguousStorageIfAvailable { bytes in
      !bytes.contains { $0 < 0x20 || $0 >= 0x7F } && bytes.contains { $0 != 0x20 }
    }
    if plain == true { return true }
    return !uid.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
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
