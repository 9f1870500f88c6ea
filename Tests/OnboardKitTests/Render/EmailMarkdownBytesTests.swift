import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The byte renderer of email bodies against the `Character` path it stands in for: on generated
/// bodies full of block markers, inline markup, escapes, HTML specials, non-ASCII letters and the
/// characters that make a body take the `Character` path (combining marks, CR, U+2028, NBSP,
/// U+1FEF), both parts must have the same bytes whenever the byte renderer takes a body.
@Suite struct EmailMarkdownBytesTests {
  /// Pieces the byte renderer takes.
  static let plainPieces: [String] = [
    "a", "h", "Z", "7", "12", " ", "  ", "\t", "\n", "\n\n", "\n  ", "\n    ", "- ", "* ", "1. ",
    "10. ", "1234567890. ", "# ", "## ", "### ", "#### ", "#", "> ", ">", "| ", " | ", "|", "|---|",
    "---", ":", "*", "**", "`", "[", "]", "](", "(", ")", "<", ">", "\"", "'", "&", "\\", "\\*",
    "\\:", "https://", "http://", "https://x.example/a", "a@b.example", "mailto:",
    "mailto:a@b.example",
    ".", ",", "!", "?", ";", "-", "é", "Zoë", "ß", "Ö", "–", "“", "”", "ū", "Ё", "ά", "€", "ǅ",
  ]

  /// Pieces after which the `Character` path decides.
  static let otherPieces: [String] = [
    "\r", "\r\n", "\u{0301}", "\u{A0}", "\u{2028}", "\u{1FEF}", "\u{037E}", "\u{0387}", "日本",
    "👩🏽‍💻", "\u{200D}", "\u{0600}", "\u{0B}",
  ]

  static func check(_ body: String) -> Bool {
    var copy = body
    guard let fast = copy.withUTF8({ EmailMarkdownBytes.render($0) }) else { return false }
    let reference = EmailMarkdown.render(byReference: body)
    #expect(fast.text == Array(reference.text.utf8), "text of \(body.debugDescription)")
    #expect(fast.html == Array(reference.html.utf8), "HTML of \(body.debugDescription)")
    return true
  }

  @Test func bothPartsMatchTheCharacterPath() {
    var taken = 0
    GeneratedText.forEach(pieces: Self.plainPieces, seed: 31, count: 40_000, maximumPieces: 24) {
      if Self.check($0) { taken += 1 }
    }
    // Every body of these pieces qualifies.
    #expect(taken == Self.plainPieces.count * (Self.plainPieces.count + 1) + 40_000)
  }

  @Test func bodiesWithOtherCharactersMatchOrTakeTheCharacterPath() {
    var taken = 0
    var total = 0
    GeneratedText.forEach(
      pieces: Self.plainPieces + Self.otherPieces, seed: 37, count: 40_000, maximumPieces: 20
    ) {
      total += 1
      if Self.check($0) { taken += 1 }
    }
    #expect(taken > total / 10)
    #expect(taken < total)
    for piece in Self.otherPieces {
      var copy = "a" + piece + "b"
      #expect(copy.withUTF8({ EmailMarkdownBytes.render($0) }) == nil, "\(piece.debugDescription)")
    }
  }

  @Test func bodiesBuiltFromEscapedValuesMatch() {
    // Values as the templates insert them: escaped, inside markup written in the template.
    let values = [
      "Zoë O'Brien", "R&D <team>", "https://evil.example/x", "a*b*c", "1. not a list",
      "- not an item", "# not a heading", "| not | a table", "back\\slash", "`code`", "[x](y)",
    ]
    for value in values {
      for other in values {
        let escaped = EmailMarkdown.escape(value)
        let second = EmailMarkdown.escape(other)
        let body =
          "Hi \(escaped),\n\n- **\(second)** with \(escaped)\n  - [\(second)](https://x.example)\n\n| \(escaped) | \(second) |\n|---|---|\n| a | <\(second)> |\n\n> \(escaped)\n### \(second)"
        #expect(Self.check(body), "\(body.debugDescription)")
      }
    }
  }

  @Test func theShippedTemplatesTakeTheBytePath() {
    #expect(
      Self.check(
        "Hi Ada,\n\nYour next session is on **Tuesday, 23 February 2027 at 09:00**.\n\nThe team\nNorthwind"
      ))
    #expect(
      Self.check(
        "## Your first week\n\n| Day | What |\n|---|---|\n| Mon | Welcome |\n\n1. one\n2. two\n  - nested"
      ))
  }
}
