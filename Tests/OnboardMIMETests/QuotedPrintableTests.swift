import Testing

@testable import OnboardMIME

@Suite struct QuotedPrintableTests {
  /// The text with every line break (CRLF, CR, LF) as CRLF.
  private func canonical(_ text: String) -> [UInt8] {
    let lf = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
      of: "\r", with: "\n")
    return Array(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8)
  }

  static let samples = [
    "", "Hello", "Hello\n", "a = b\n", "trailing space \nand tab\t\nend ",
    "Grüße aus Köln – ☕ 👩🏽‍💻\r\nمرحبا بك\rようこそ\n",
    String(repeating: "0123456789", count: 30), String(repeating: "é", count: 100),
    String(repeating: "a", count: 74) + "=" + String(repeating: "b", count: 10),
    ".\n..leading dots\nFrom the team\nFrom: x\n", "\u{0}\u{7}\u{1B}[31mcontrol\u{7F}",
    String(repeating: " ", count: 80) + "\n", "<script>alert('x')</script>\n",
  ]

  @Test(arguments: samples)
  func decodesBackToCanonicalText(_ text: String) {
    let encoded = String(decoding: QuotedPrintable.encode(text), as: UTF8.self)
    #expect(encoded.utf8.allSatisfy { $0 < 128 })
    for line in encoded.components(separatedBy: "\r\n") {
      #expect(line.utf8.count <= 76, "line too long: \(line)")
      #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"), "trailing whitespace: \(line)")
      #expect(!line.hasPrefix(".") && !line.hasPrefix("From "), "unsafe line start: \(line)")
    }
    #expect(TestDecoders.quotedPrintable(encoded) == canonical(text))
  }

  @Test func escapesAsRFC2045Says() {
    let encode = { String(decoding: QuotedPrintable.encode($0), as: UTF8.self) }
    #expect(encode("a=b") == "a=3Db")
    #expect(encode("end \nnext\t") == "end=20\r\nnext=09")
    #expect(encode("é") == "=C3=A9")
    #expect(encode("x\r\ny\rz\n") == "x\r\ny\r\nz\r\n")
    #expect(encode(".\nFrom here") == "=2E\r\n=46rom here")
    #expect(encode("a b") == "a b")
  }

  @Test func softBreaksNeverSplitAnEscape() {
    let text = String(repeating: "a", count: 73) + "ééé"
    let encoded = String(decoding: QuotedPrintable.encode(text), as: UTF8.self)
    let lines = encoded.components(separatedBy: "\r\n")
    #expect(lines.count == 2)
    #expect(lines[0] == String(repeating: "a", count: 73) + "=")
    #expect(lines[1] == "=C3=A9=C3=A9=C3=A9")
  }
}
