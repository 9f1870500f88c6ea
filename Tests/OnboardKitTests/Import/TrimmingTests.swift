import Foundation
import Testing

@testable import OnboardKit

/// The import's own trimming and number parsing (faster than Foundation's) agree with it.
@Suite struct TrimmingTests {
  static let samples = [
    "", " ", "\t", "abc", " abc ", "\tabc\t", "\u{A0}78\u{A0}", "\u{3000}Zoë\u{2009}", "a b",
    "\r\n78\n", "\u{85}x\u{2028}", "\u{2029}", " \u{301}x ", "x\u{200B}", "\u{FEFF}x", " \r ",
    "\u{1680}\u{202F}\u{205F}y",
  ]

  @Test(arguments: samples) func trimmingMatchesFoundation(_ text: String) {
    #expect(
      Array(text.trimmingSpaces().unicodeScalars)
        == Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars))
    #expect(
      Array(text.trimmingSpacesAndNewlines().unicodeScalars)
        == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars))
    #expect(text.isBlankText == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
  }

  @Test func numbersAcceptPercentSignsAndOneDecimalComma() {
    #expect(EvidenceImport.number(" 78,5 % ") == 78.5)
    #expect(EvidenceImport.number("\u{A0}91%") == 91)
    #expect(EvidenceImport.number("-5") == -5)
    #expect(EvidenceImport.number("1,234.5") == nil)
    #expect(EvidenceImport.number("1,2,3") == nil)
    #expect(EvidenceImport.number("abc") == nil)
    #expect(EvidenceImport.number("٧٨") == nil, "digits other than ASCII are refused")
    #expect(EvidenceImport.number("7\u{301}") == nil)
    #expect(EvidenceImport.number("1e3") == nil)
    #expect(EvidenceImport.number("") == nil)
    #expect(EvidenceImport.number("%") == nil)
  }

  @Test func emailsStayAsStrictAsBefore() {
    for good in ["a@example.org", "Zoe.M-L+x@sub.example.co", "o'connor@example.org"] {
      #expect(isPlausibleEmail(good), "\(good)")
    }
    for bad in [
      "a@example", "a..b@example.org", ".a@example.org", "a@-x.org", "a@x-.org", "zoë@example.org",
      "a@exämple.org", "a b@example.org", "a@b@example.org", "a\r\n@example.org", "@example.org",
      "a@example..org", "e\u{301}@example.org", "a@" + String(repeating: "x", count: 64) + ".org",
    ] {
      #expect(!isPlausibleEmail(bad), "\(bad)")
    }
  }
}

extension TrimmingTests {
  /// Every scalar up to U+FFFF is trimmed by ours exactly when Foundation trims it.
  @Test func everyBMPScalarAgreesWithFoundation() {
    var differences: [String] = []
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = String(scalar)
      if text.trimmingSpaces().isEmpty != text.trimmingCharacters(in: .whitespaces).isEmpty
        || text.trimmingSpacesAndNewlines().isEmpty
          != text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      {
        differences.append(String(value, radix: 16))
      }
    }
    #expect(differences.isEmpty, "differ: \(differences)")
  }
}

extension TrimmingTests {
  /// The ASCII fast path of column keys gives what the general rule gives.
  @Test func columnKeysFoldCaseAndSeparators() {
    let general = { (name: String) in
      name.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" })
        .joined(separator: " ")
    }
    for name in [
      "Email", "Candidate Email", "candidate_email", " Scoring  metric ", "--", "", "work-days",
      "Node.js (Intermediate) Score", "A_b-C\td", "Zoë Ärger", "_x_",
    ] {
      #expect(TableReader.key(name) == general(name), "\(name)")
    }
    #expect(TableReader.key("Candidate_Email") == "candidate email")
  }
}
