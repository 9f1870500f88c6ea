import OnboardTestSupport
import Testing

@testable import OnboardMIME

/// The one-pass address and dot-atom checks against the rule-by-rule definitions they skip, on
/// generated text: every accepted value must be accepted by the rules, and the whole validation
/// (fast path, then rules) must give the same answer and the same reason as the rules alone.
@Suite struct AddressFastPathTests {
  static let pieces: [String] = [
    "a", "Z", "7", ".", "..", "@", "-", "_", "+", "!", "~", "=", "?", "ada", "lovelace", "example",
    "com", "xn--bcher-kva", " ", "\t", "\r\n", "<", ">", ",", "\"", "(", ")", "[", "]", ":", ";",
    "\\", "é", "日本", "\u{7F}", "\u{0}", "ada@example.com", "@example.org", "a-b", "-a", "a-",
    String(repeating: "x", count: 40), String(repeating: "y", count: 63), "1", "mgr",
  ]

  /// What the rules alone say: nil when valid, else the error's description.
  static func ruling(_ address: String) -> String? {
    do {
      try Mailbox.validateByRule(address: address)
      return nil
    } catch {
      return "\(error)"
    }
  }

  @Test func plainAddressesAreValidByTheRules() {
    var accepted = 0
    GeneratedText.forEach(pieces: Self.pieces, seed: 31) { text in
      if Mailbox.isPlainAddress(text) {
        accepted += 1
        #expect(Self.ruling(text) == nil, "\(text.debugDescription)")
      }
      let whole: String?
      do {
        try Mailbox.validate(address: text)
        whole = nil
      } catch {
        whole = "\(error)"
      }
      #expect(whole == Self.ruling(text), "\(text.debugDescription)")
    }
    #expect(accepted > 100)
    for address in ["ada@example.com", "a.b-c+d@mail.example.co.uk", "x@y", "ingrid.mgr@x-1.org"] {
      #expect(Mailbox.isPlainAddress(address), "\(address)")
    }
  }

  @Test func dotAtomFastPathMatchesTheRules() {
    var accepted = 0
    GeneratedText.forEach(pieces: Self.pieces, seed: 37) { text in
      if Syntax.isDotAtom(text) {
        accepted += 1
        #expect(Syntax.dotAtomProblemByRule(text) == nil, "\(text.debugDescription)")
      }
      #expect(Syntax.dotAtomProblem(text) == Syntax.dotAtomProblemByRule(text))
    }
    #expect(accepted > 100)
  }
}
