import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// `slug`'s ASCII byte path and the task id without the `#` replacement, against copies of the
/// code they replaced, on generated text with ASCII punctuation, digits, both cases and the
/// non-ASCII characters that lowercase into ASCII (KELVIN SIGN, dotted capital I).
@Suite struct SlugTests {
  static let pieces: [String] = [
    "a", "Z", "k", "7", "0", " ", "-", "#", ":", "_", ".", "/", "@", "\t", "\n", "\u{0}",
    "\u{7F}", "É", "é", "\u{212A}", "İ", "ß", "Σ", "\u{301}", "日本", "👩🏽‍💻", "Backend Developer",
    "weekly-1-1", "sql#2", "priya.raman@example.com",
  ]

  /// The slug as it was: lowercased, then scalar by scalar.
  static func referenceSlug(_ text: String) -> String {
    var result = ""
    var pendingDash = false
    for scalar in text.lowercased().unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingDash, !result.isEmpty { result.append("-") }
        pendingDash = false
        result.unicodeScalars.append(scalar)
      } else {
        pendingDash = true
      }
    }
    return result
  }

  @Test func slugMatchesTheScalarDefinition() {
    GeneratedText.forEach(pieces: Self.pieces, seed: 16) { text in
      #expect(slug(text) == Self.referenceSlug(text), "\(text.debugDescription)")
      #expect(scalarSlug(text) == Self.referenceSlug(text), "\(text.debugDescription)")
      if let fast = asciiSlug(text) {
        #expect(text.utf8.allSatisfy { $0 < 0x80 })
        #expect(fast == Self.referenceSlug(text), "\(text.debugDescription)")
      } else {
        #expect(text.utf8.contains { $0 >= 0x80 })
      }
    }
  }

  @Test func taskIDMatchesTheReplacingDefinition() {
    GeneratedText.forEach(pieces: Self.pieces, seed: 17, count: 5_000) { text in
      let reference =
        "onb-\(Self.referenceSlug("a@b.example"))-\(Self.referenceSlug(text.replacingOccurrences(of: "#", with: "-")))"
      #expect(
        OnboardingTask.id(hireKey: "a@b.example", itemID: text) == reference,
        "\(text.debugDescription)")
    }
  }
}
