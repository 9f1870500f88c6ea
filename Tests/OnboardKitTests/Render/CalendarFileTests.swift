import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The calendar events' byte-level shortcuts against their definitions.
@Suite struct CalendarFileTests {
  /// Pieces whose first character is, or is not, a lone ASCII scalar: letters of both cases,
  /// CR LF, combining marks after ASCII, letters with special uppercase forms.
  static let pieces = [
    "w", "with", "W", "a", "z", "A", "Z", "`", "{", "@", "1", " ", "\t", "\r", "\n", "\r\n",
    "\u{301}", "\u{345}", "\u{200D}", "é", "ß", "ŉ", "ǆ", "ﬀ", "i", "ı", "Σ", "日本", "👩🏽‍💻",
    "🇩🇪", "\u{1160}", "\u{0E33}", "\u{0600}", " your manager", "(IT team)", "",
  ]

  @Test func uppercasingTheFirstCharacterMatchesItsDefinition() {
    GeneratedText.forEach(pieces: Self.pieces, seed: 2026, count: 20_000, maximumPieces: 4) {
      text in
      // Bytes, not `==`, which would take a canonically equivalent string as equal.
      let expected = text.prefix(1).uppercased() + text.dropFirst()
      #expect(
        Array(CalendarFile.uppercasingFirst(text).utf8) == Array(expected.utf8),
        "\(text.debugDescription)")
    }
  }

  @Test func uppercasedBytesAndLowercasedComparisonMatchTheirDefinitions() {
    GeneratedText.forEach(pieces: Self.pieces, seed: 2027, count: 20_000, maximumPieces: 4) {
      text in
      var bytes: [UInt8] = [0x41]
      CalendarFile.appendUppercasingFirst(text, to: &bytes)
      #expect(
        bytes == [0x41] + Array(CalendarFile.uppercasingFirst(text).utf8),
        "\(text.debugDescription)")
      for key in [text.lowercased(), text, "with", "w", "", text.lowercased() + "\u{37E}"] {
        #expect(
          CalendarFile.lowercased(text, equals: key) == (text.lowercased() == key),
          "\(text.debugDescription) \(key.debugDescription)")
      }
    }
  }

  @Test func aKeyCanonicallyEquivalentToTheTextIsEqualAsByTheDefinition() {
    for (text, key) in [("a;b", "a\u{37E}b"), ("A;B", "a\u{37E}b"), ("Kelvin", "\u{212A}elvin")] {
      #expect(CalendarFile.lowercased(text, equals: key) == (text.lowercased() == key))
    }
  }
}
