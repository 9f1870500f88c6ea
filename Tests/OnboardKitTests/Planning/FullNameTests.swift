import Foundation
import Testing

@testable import OnboardKit

/// `Hire.fullName`'s ASCII shortcut against Foundation's trimming it stands in for.
@Suite struct FullNameTests {
  /// Every ASCII scalar and a few non-ASCII ones (Zs spaces among them) at either end.
  static let ends: [String] =
    (0..<128).map { String(UnicodeScalar(UInt8($0))) } + [
      "", " ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "\u{200B}", "é", "e\u{301}",
      "\u{1F600}", "  ", " \t",
    ]

  @Test func matchesFoundationAtEveryEnd() {
    for head in Self.ends {
      for tail in Self.ends {
        for (first, last) in [
          (head + "Ada", "Love" + tail), (head, tail), (head + "Ada" + tail, ""),
          ("", head + "Love" + tail),
        ] {
          let expected = "\(first) \(last)".trimmingCharacters(in: .whitespaces)
          #expect(
            Array(Hire.fullName(first, last).utf8) == Array(expected.utf8),
            "\(first.debugDescription) \(last.debugDescription)")
        }
      }
    }
  }
}
