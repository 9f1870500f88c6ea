import OnboardTestSupport
import Testing

@testable import OnboardKit
@testable import OnboardMustache

/// The byte fast paths of the email glue and of Mustache's HTML escaping against copies of the
/// code they replaced, on generated text (line breaks of every kind, the five HTML specials next
/// to combining marks and multi-byte characters).
@Suite struct EmailGlueFastPathTests {
  static let pieces: [String] = [
    "a", "Z", "7", " ", "\t", "\r", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}",
    "\u{2029}", "\u{2027}", "\u{A0}", "\u{0301}", "é", "e\u{301}", "日本語", "👩🏽‍💻", "&", "<", ">",
    "\"", "'", "&amp;", "<b>", "'\u{0301}", "&\u{0301}", "Welcome", "Ada's", "\u{C2}", "\u{E2}",
    String(repeating: "x", count: 40),
  ]

  /// The old `MustacheEscaping.escapeHTML`, kept as the definition.
  enum Reference {
    static func escapeHTML(_ text: String) -> String {
      let utf8 = text.utf8
      guard let first = utf8.firstIndex(where: MustacheEscaping.isHTMLSpecial) else { return text }
      var result: [UInt8] = []
      result.append(contentsOf: utf8[..<first])
      for byte in utf8[first...] {
        switch byte {
        case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
        default: result.append(byte)
        }
      }
      return String(decoding: result, as: UTF8.self)
    }
  }

  @Test func htmlEscapingMatchesTheOldCode() {
    GeneratedText.forEach(pieces: Self.pieces, seed: 41) { text in
      let expected = Reference.escapeHTML(text)
      #expect(Array(MustacheEscaping.escapeHTML(text).utf8) == Array(expected.utf8))
      var bytes: [UInt8] = [0x41]
      MustacheEscaping.appendHTML(text, to: &bytes)
      #expect(bytes == [0x41] + Array(expected.utf8), "\(text.debugDescription)")
    }
  }

  @Test func subjectOnOneLineMatchesTheCharacterSplit() {
    var unchanged = 0
    GeneratedText.forEach(pieces: Self.pieces, seed: 43) { text in
      let expected = EmailRenderer.oneLineByCharacter(text)
      #expect(
        Array(EmailRenderer.oneLine(text).utf8) == Array(expected.utf8), "\(text.debugDescription)")
      if !EmailRenderer.mayHoldLineBreak(text) {
        unchanged += 1
        let hasNewline = text.contains { $0.isNewline }
        #expect(!hasNewline, "\(text.debugDescription)")
      }
    }
    #expect(unchanged > 1000)
  }
}
