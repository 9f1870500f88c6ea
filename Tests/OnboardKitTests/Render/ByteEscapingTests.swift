import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The byte-table escapers against copies of the character-by-character code they replaced, on
/// generated text full of what makes bytes and characters differ: combining marks after markup,
/// prepended marks before it, CRLF, NEL, the Unicode separators, C0/C1 and bidirectional controls,
/// U+1FEF (canonically equal to a backtick), emoji sequences, CJK.
@Suite struct ByteEscapingTests {
  static let pieces: [String] = [
    "a", "Z", "7", "12", " ", "  ", "\t", "\r", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}",
    "\u{80}", "\u{9F}", "\u{7F}", "\u{0}", "\u{1B}", "\u{2028}", "\u{2029}", "\u{202A}",
    "\u{202E}", "\u{2066}", "\u{2069}", "\u{061C}", "\u{0301}", "\u{0338}", "\u{200D}",
    "\u{FE0F}", "\u{0600}", "\u{0903}", "\u{1FEF}", "\u{037E}", "\u{212A}", "é", "Siobhán",
    "Zoë", "日本", "👩🏽‍💻", "🇩🇪", "\u{A0}", "–", "“", "\\", "`", "*", "_", "[", "]", "<",
    ">", "|", "#", "{", "}", "~", "-", "+", ".", ")", ":", ";", ",", "\"", "'", "&", "^", "=",
    "From ", "https://x.example/a", "e\u{301}",
  ]

  /// Runs `check` on every piece, every pair and `count` random joins (``GeneratedText``).
  static func generated(seed: UInt64, count: Int = 20_000, _ check: (String) -> Void) {
    GeneratedText.forEach(pieces: pieces, seed: seed, count: count, check)
  }

  @Test func markdownEscapedMatchesTheCharacterDefinition() {
    var fast = 0
    var total = 0
    Self.generated(seed: 1) { text in
      let expected = Reference.markdownEscaped(text)
      #expect(markdownEscaped(text) == expected, "\(text.debugDescription)")
      if let bytes = UTF8Escaping.markdown(text) {
        #expect(bytes == expected, "\(text.debugDescription)")
        fast += 1
      }
      total += 1
    }
    // The byte path is the common one, not a rarely taken branch.
    #expect(fast * 2 > total)
    #expect(UTF8Escaping.markdown("Siobhán O’Brien *x* \r\n| a |") != nil)
    #expect(UTF8Escaping.markdown("*\u{301}") == nil)
  }

  @Test func emailMarkdownEscapeMatchesTheCharacterDefinition() {
    var fast = 0
    var total = 0
    Self.generated(seed: 2) { text in
      let expected = Reference.emailEscape(text)
      #expect(EmailMarkdown.escape(text) == expected, "\(text.debugDescription)")
      if let bytes = UTF8Escaping.emailMarkdown(text) {
        #expect(bytes == expected, "\(text.debugDescription)")
        fast += 1
      }
      // Into a buffer that already holds bytes: the same bytes appended, or none at all.
      var out: [UInt8] = Array("ab".utf8)
      if UTF8Escaping.emailMarkdown(text, into: &out) {
        #expect(out == Array(("ab" + expected).utf8), "\(text.debugDescription)")
      } else {
        #expect(out == Array("ab".utf8), "\(text.debugDescription)")
        #expect(UTF8Escaping.emailMarkdown(text) == nil, "\(text.debugDescription)")
      }
      var appended: [UInt8] = Array("ab".utf8)
      EmailMarkdown.escape(text, into: &appended)
      #expect(appended == Array(("ab" + expected).utf8), "\(text.debugDescription)")
      total += 1
    }
    #expect(fast * 2 > total)
    // Digits and dashes next to non-ASCII text stay on the byte path (times, names, dates)...
    for text in ["09:00–17:30", "Zoë-2", "日本3.", "–1) x", "é+1"] {
      #expect(UTF8Escaping.emailMarkdown(text) == Reference.emailEscape(text), "\(text)")
    }
    // ...but one that would be escaped and is joined to a mark is left to the character rule.
    #expect(UTF8Escaping.emailMarkdown("-\u{301} x") == nil)
    #expect(UTF8Escaping.emailMarkdown("1.\u{301}") == nil)
  }

  @Test func htmlWithBreaksMatchesFoundationsReplacement() {
    var fast = 0
    var total = 0
    Self.generated(seed: 3) { text in
      let expected = htmlEscaped(text).replacingOccurrences(of: "\u{2028}", with: "<br>")
      if let bytes = UTF8Escaping.htmlWithBreaks(text) {
        #expect(bytes == expected, "\(text.debugDescription)")
        fast += 1
      }
      total += 1
    }
    #expect(fast * 2 > total)
  }

  @Test func visibleTextMatchesTheScalarDefinition() {
    Self.generated(seed: 4) { text in
      #expect(visibleText(text) == Reference.visibleText(text), "\(text.debugDescription)")
      #expect(
        visibleDocument(text)
          == Reference.visibleText(text, allowing: ["\n", "\r", "\t"]), "\(text.debugDescription)"
      )
      #expect(
        visibleText(text, allowing: []) == Reference.visibleText(text, allowing: []),
        "\(text.debugDescription)")
    }
  }

  /// The eight-byte steps of `mayNeedVisibleChange`: each generated text at every offset within a
  /// word of plain ASCII, and followed by more of it, so that what matters falls on every byte of
  /// a word and on the tail.
  @Test func visibleTextMatchesInLongText() {
    let padding = "<p class=\"x\">Plain text 0123456789 "
    Self.generated(seed: 6, count: 4_000) { text in
      for offset in [0, 1, 3, 7, 8, 13] {
        let long = String(padding.prefix(offset)) + text + padding + padding.prefix(offset)
        #expect(
          visibleDocument(long) == Reference.visibleText(long, allowing: ["\n", "\r", "\t"]),
          "\(long.debugDescription)")
      }
    }
  }

  @Test func fileSafeNamesMatchTheFoldingDefinition() {
    Self.generated(seed: 5) { text in
      for name in [
        text, "Jose.Angstrom_" + text + "+X", text + String(repeating: "ab-", count: 30),
      ] {
        #expect(fileSafeName(name) == Reference.fileSafeName(name), "\(name.debugDescription)")
      }
    }
  }

  /// The code as it was before the byte tables: the definitions the tests compare against.
  enum Reference {
    static func fileSafeName(_ text: String) -> String {
      var result = ""
      let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      for scalar in folded.lowercased().unicodeScalars {
        if scalar.isASCII,
          scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
        {
          result.unicodeScalars.append(scalar)
        } else if scalar == "." || scalar == "_" || scalar == "+" {
          result.append(result.last == "-" || result.isEmpty ? "" : "-")
        } else if !result.isEmpty, result.last != "-" {
          result.append("-")
        }
      }
      while result.hasSuffix("-") { result.removeLast() }
      return result.isEmpty ? "hire" : String(result.prefix(64))
    }

    static func markdownEscaped(_ text: String) -> String {
      var result = ""
      for character in text {
        switch character {
        case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "{", "}", "~":
          result.append("\\")
          result.append(character)
        case "\r\n", "\n", "\r", "\u{2028}", "\u{2029}":
          result.append(" ")
        default:
          result.append(character)
        }
      }
      return result
    }

    static func emailEscape(_ value: String) -> String {
      var out = ""
      var atLineStart = true
      var digits = false
      for character in value {
        if character.isNewline {
          out.append("\u{2028}")
          atLineStart = true
          digits = false
          continue
        }
        if atLineStart, "-+#>".contains(character) {
          out.append("\\")
        } else if "\\*[]<>|`:".contains(character) {
          out.append("\\")
        } else if digits, character == "." || character == ")" {
          out.append("\\")
        }
        digits = (atLineStart || digits) && character.isASCII && character.isNumber
        atLineStart = character == "\n"
        out.append(character)
      }
      return out
    }

    static func visibleText(_ text: String, allowing allowed: Set<Unicode.Scalar> = ["\n", "\t"])
      -> String
    {
      func needsChange(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || value == 0x7F { return !allowed.contains(scalar) }
        if value < 0x80 { return false }
        return (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
          || (0x2066...0x2069).contains(value) || value == 0x061C
      }
      guard text.unicodeScalars.contains(where: needsChange) else { return text }
      var result = String.UnicodeScalarView()
      for scalar in text.unicodeScalars {
        guard needsChange(scalar) else {
          result.append(scalar)
          continue
        }
        switch scalar.value {
        case 0..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
        case 0x7F: result.append("\u{2421}")
        case 0x80...0x9F: result.append("\u{FFFD}")
        default: break
        }
      }
      return String(result)
    }
  }
}
