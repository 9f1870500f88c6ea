import OnboardTestSupport
import Testing

@testable import OnboardMIME

/// The one-pass header writers (plain unstructured values, display names of atoms) against the
/// rule-by-rule writers they skip, on generated text; several header names and a mailbox before
/// the generated one move the fold points.
@Suite struct HeaderFastPathTests {
  static let pieces: [String] =
    ByteEncodingTests.pieces + [
      "Welcome", "to", "Acme,", "Ada!", "O'Brien", "Jean-Luc", "=?UTF-8?", "?", "=", "#",
      "  ", "\"quoted\"", "\\", "(comment)", "<", ">", "@", String(repeating: "w", count: 61),
      String(repeating: "v", count: 60), "Training: Docker", "day 1 (Mon)",
    ]

  @Test func plainUnstructuredValuesMatchTheRules() {
    var fast = 0
    GeneratedText.forEach(pieces: Self.pieces, seed: 47) { text in
      for name in ["Subject", "X-Onboard-Template-With-A-Long-Name"] {
        var copy = text
        if copy.withUTF8({ HeaderLine.plainUnstructuredBytes(name: name, $0) }) != nil { fast += 1 }
        #expect(
          HeaderLine.unstructuredBytes(name: name, value: text)
            == HeaderLine.unstructuredBytesByRule(name: name, value: text),
          "\(text.debugDescription)")
      }
    }
    #expect(fast > 1000)
  }

  @Test func atomDisplayNamesMatchTheRules() throws {
    var fast = 0
    let before = try Mailbox("first@example.com", displayName: "Someone Before")
    GeneratedText.forEach(pieces: Self.pieces, seed: 53) { text in
      guard let mailbox = try? Mailbox("ada@example.com", displayName: text) else { return }
      for lead in [false, true] {
        var quick = HeaderLine(name: "To")
        var rule = HeaderLine(name: "To")
        if lead {
          before.appendByRule(to: &quick)
          quick.glue(",")
          before.appendByRule(to: &rule)
          rule.glue(",")
        }
        mailbox.append(to: &quick)
        mailbox.appendByRule(to: &rule)
        #expect(quick.renderedBytes == rule.renderedBytes, "\(text.debugDescription)")
        var probe = HeaderLine(name: "To")
        var name = text
        if name.withUTF8({ mailbox.appendAtoms($0, to: &probe) }) { fast += 1 }
      }
    }
    #expect(fast > 500)
  }
}
