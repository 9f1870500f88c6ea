import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The byte replacement of ASCII text against Foundation's `replacingOccurrences`, on generated
/// text made of the targets' parts, overlapping repeats and non-ASCII pieces (which must take the
/// Foundation path).
@Suite struct TextReplacingTests {
  static let pieces: [String] = [
    "a", "W", "What would settle it: ", "What would settle it:", "What ", "it: ", "`", "``",
    "*", "**", "***", " ", ":", "'", "tg.csv:4:12", "\n", "é", "e\u{301}", "\u{1FEF}", "`\u{301}",
    "日本", "👩🏽‍💻",
  ]

  @Test func asciiReplacingMatchesFoundation() {
    let cases = [
      ("What would settle it: ", ""), ("`", "'"), ("**", ""), ("it: ", "it:: "),
    ]
    var fast = 0
    var total = 0
    GeneratedText.forEach(pieces: Self.pieces, seed: 41, count: 10_000) { text in
      for (target, replacement) in cases {
        let expected = text.replacingOccurrences(of: target, with: replacement)
        #expect(
          replacingText(text, target, with: replacement) == expected,
          "\(text.debugDescription) \(target.debugDescription)")
        if let bytes = UTF8Escaping.asciiReplacing(text, target, with: replacement) {
          #expect(bytes == expected, "\(text.debugDescription) \(target.debugDescription)")
          fast += 1
        }
        total += 1
      }
    }
    #expect(fast * 4 > total)
    #expect(UTF8Escaping.asciiReplacing("a`\u{301}", "`", with: "'") == nil)
    #expect(UTF8Escaping.asciiReplacing("abc", "é", with: "e") == nil)
  }
}
