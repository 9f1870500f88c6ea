import OnboardTestSupport
import Testing

@testable import OnboardICS

/// The byte-table TEXT and parameter escaping and the byte folding against copies of the
/// scalar-by-scalar code they replaced, on generated text with every kind of line break and
/// control, C1 bytes, the Unicode separators and 1- to 4-octet characters.
@Suite struct ICSByteEscapingTests {
  static let pieces: [String] = [
    "a", "Z", "7", " ", "\t", "\r", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{80}",
    "\u{9F}", "\u{A0}", "\u{7F}", "\u{0}", "\u{1B}", "\u{2028}", "\u{2029}", "\u{2027}",
    "\u{202A}", "\u{0301}", "é", "Siobhán", "Zoë", "日本語", "👩🏽‍💻", "𝄞", "–", "\\", ";", ",",
    ":", "\"", "^", "'", "mailto:a@b.example", String(repeating: "x", count: 30),
  ]

  /// Every piece, every pair, and 20,000 random joins of 0–11 pieces.
  static func generated(_ check: (String) -> Void) {
    GeneratedText.forEach(pieces: pieces, seed: 5, check)
  }

  @Test func textAndParametersMatchTheScalarDefinition() {
    Self.generated { text in
      #expect(ICSText.escapeText(text) == Reference.escapeText(text), "\(text.debugDescription)")
      #expect(
        ICSText.escapeTextBytes(text) == Reference.escapeText(text), "\(text.debugDescription)")
      for encoding in [ICSCalendar.ParameterEncoding.compatible, .rfc6868] {
        #expect(
          ICSText.parameterValueBytes(text, encoding: encoding)
            == Reference.parameterValue(text, encoding: encoding), "\(text.debugDescription)")
      }
      #expect(ICSText.uriValue(text) == Reference.uriValue(text), "\(text.debugDescription)")
      #expect(ICSText.isUsableUID(text) == Reference.isUsableUID(text), "\(text.debugDescription)")
    }
  }

  @Test func byteFoldingMatchesTheScalarFolding() {
    Self.generated { text in
      for prefix in ["SUMMARY:", "X:", "DESCRIPTION;LANGUAGE=en:"] {
        let line = prefix + text + text + text
        var output: [UInt8] = []
        ICSContentLines.fold(Array(line.utf8), into: &output)
        var expected = ""
        Reference.fold(line, into: &expected)
        #expect(output == Array(expected.utf8), "\(line.debugDescription)")
        // Folded in place after other lines, as the writer does it.
        var lines = ICSContentLines()
        lines.line(literal: "BEGIN:VEVENT")
        let start = lines.bytes.count
        lines.bytes.append(contentsOf: line.utf8)
        lines.finishLine(from: start)
        #expect(
          lines.bytes == Array("BEGIN:VEVENT\r\n".utf8) + Array(expected.utf8),
          "\(line.debugDescription)")
      }
    }
  }

  @Test func stableUIDDomainsMatchTheScalarFilter() {
    Self.generated { text in
      for domain in [text, "Onboard.EXAMPLE.com" + text, "\u{212A}" + text] {
        #expect(
          ICSEvent.stableUID(key: text, domain: domain)
            == Reference.stableUID(key: text, domain: domain), "\(domain.debugDescription)")
      }
    }
  }

  /// The code as it was before the byte tables.
  enum Reference {
    static func stableUID(key: String, domain: String) -> String {
      let allowed = domain.lowercased().unicodeScalars.filter { scalar in
        scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "."
            || scalar == "-")
      }
      let cleanDomain =
        allowed.isEmpty ? "onboard.invalid" : String(String.UnicodeScalarView(allowed))
      let hexDigits = Array("0123456789abcdef")
      let hex = String(
        SHA256.digestByArrays(Array(key.utf8)).flatMap {
          [hexDigits[Int($0 >> 4)], hexDigits[Int($0 & 0xF)]]
        })
      return String(hex.prefix(32)) + "@" + cleanDomain
    }

    static func escapeText(_ text: String) -> String {
      var out = String.UnicodeScalarView()
      var previousWasCR = false
      for scalar in text.unicodeScalars {
        defer { previousWasCR = scalar == "\r" }
        switch scalar {
        case "\\": out.append(contentsOf: #"\\"#.unicodeScalars)
        case ";": out.append(contentsOf: #"\;"#.unicodeScalars)
        case ",": out.append(contentsOf: #"\,"#.unicodeScalars)
        case "\n" where previousWasCR: continue
        case _ where ICSText.isLineBreak(scalar): out.append(contentsOf: #"\n"#.unicodeScalars)
        case "\t": out.append(scalar)
        case _ where ICSText.isControl(scalar): continue
        default: out.append(scalar)
        }
      }
      return String(out)
    }

    static func parameterValue(_ value: String, encoding: ICSCalendar.ParameterEncoding)
      -> String
    {
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
        case _ where ICSText.isLineBreak(scalar):
          out.append(contentsOf: (caret ? "^n" : " ").unicodeScalars)
        case "\t": out.append(" ")
        case _ where ICSText.isControl(scalar): continue
        case ":", ";", ",":
          needsQuotes = true
          out.append(scalar)
        default: out.append(scalar)
        }
      }
      let text = String(out)
      return needsQuotes ? "\"" + text + "\"" : text
    }

    static func uriValue(_ value: String) -> String? {
      let unusable = value.unicodeScalars.contains { scalar in
        ICSText.isControl(scalar) || ICSText.isLineBreak(scalar) || scalar.properties.isWhitespace
          || scalar == "\""
      }
      return value.isEmpty || unusable ? nil : value
    }

    static func isUsableUID(_ uid: String) -> Bool {
      !uid.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        && !uid.unicodeScalars.contains { ICSText.isControl($0) || ICSText.isLineBreak($0) }
    }

    static func fold(_ line: String, into output: inout String) {
      if line.utf8.count <= ICSContentLines.maximumOctets {
        output += line
        output += "\r\n"
        return
      }
      var used = 0
      for scalar in line.unicodeScalars {
        let size = UTF8.width(scalar)
        if used + size > ICSContentLines.maximumOctets {
          output += "\r\n "
          used = 1
        }
        output.unicodeScalars.append(scalar)
        used += size
      }
      output += "\r\n"
    }
  }
}
