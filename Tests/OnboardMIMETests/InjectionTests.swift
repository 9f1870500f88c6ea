import Testing

@testable import OnboardMIME

@Suite struct InjectionTests {
  static let attacks = [
    "Eve\r\nBcc: victim@example.com", "Eve\nBcc: victim@example.com",
    "Eve\rBcc: victim@example.com",
    "Eve\r\n\r\n<html>body</html>", "Eve\u{85}Bcc: victim@example.com",
    "Eve\u{2028}Bcc: victim@example.com", "Eve\u{0}\tBcc: victim@example.com",
    "Ëve\r\nBcc: victim@example.com",
  ]

  /// The header field names of the rendered top-level entity.
  private func fieldNames(_ message: EmailMessage) throws -> [String] {
    try TestEntity.parse(try message.render()).fields.map(\.name)
  }

  private let expectedNames = [
    "Date", "From", "To", "Cc", "Reply-To", "Subject", "Message-ID", "X-Onboard-Template",
    "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
  ]

  @Test(arguments: attacks)
  func displayNamesCannotAddHeaders(_ name: String) throws {
    let message = try Fixtures.message(fromName: name, toName: name)
    let bytes = try message.render()
    let lines = Fixtures.lines(bytes)
    #expect(!lines.contains { $0.lowercased().hasPrefix("bcc") })
    #expect(try fieldNames(message) == expectedNames)
    let from = try #require(try TestEntity.parse(bytes).header("From"))
    let flattened = flatten(name)
    if from.hasPrefix("=?") {
      let phrase = String(from.dropLast(" <onboarding@example.com>".count))
      #expect(TestDecoders.encodedWords(phrase) == flattened)
    } else {
      #expect(from == "\"\(flattened)\" <onboarding@example.com>")
    }
  }

  @Test(arguments: attacks)
  func subjectsCannotAddHeaders(_ subject: String) throws {
    let message = try Fixtures.message(subject: subject)
    let bytes = try message.render()
    #expect(!Fixtures.lines(bytes).contains { $0.lowercased().hasPrefix("bcc") })
    #expect(try fieldNames(message) == expectedNames)
    let value = try #require(try TestEntity.parse(bytes).header("Subject"))
    let decoded = value.hasPrefix("=?") ? TestDecoders.encodedWords(value) : value
    #expect(decoded == flatten(subject))
    #expect(decoded?.contains("Bcc: victim@example.com") == subject.contains("Bcc"))
  }

  /// Independent statement of the documented rule: each run of CR, LF, NUL, TAB, NEL, U+2028…
  /// becomes one space.
  private func flatten(_ text: String) -> String {
    var out = ""
    var inRun = false
    for scalar in text.unicodeScalars {
      let isControl =
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}"
      if isControl {
        if !inRun { out += " " }
      } else {
        out.unicodeScalars.append(scalar)
      }
      inRun = isControl
    }
    return out
  }

  @Test func extraHeaderValuesCannotAddHeaders() throws {
    var message = try Fixtures.message()
    message.extraHeaders = [
      try HeaderField(name: "X-Onboard-Template", value: "welcome\r\nBcc: victim@example.com")
    ]
    let entity = try TestEntity.parse(try message.render())
    #expect(entity.fields.map(\.name) == expectedNames)
    #expect(entity.header("X-Onboard-Template") == "welcome Bcc: victim@example.com")
  }

  @Test(arguments: ["Bcc", "bcc", "From", "CONTENT-TYPE", "MIME-Version", "Message-ID", "Subject"])
  func reservedHeaderNamesAreRefused(_ name: String) {
    #expect(throws: MIMEError.reservedHeaderName(name)) { try HeaderField(name: name, value: "x") }
  }

  @Test(arguments: [
    "", "X Onboard", "X-Onboard:", "X-Onboard\r\nBcc", "-X", "X-", "Ünï",
    String(repeating: "X", count: 41),
  ])
  func malformedHeaderNamesAreRefused(_ name: String) {
    #expect {
      try HeaderField(name: name, value: "x")
    } throws: { error in
      guard case .invalidHeaderName(let value, _) = error as? MIMEError else { return false }
      return value == name
    }
  }

  @Test func bodiesCannotReachTheHeaders() throws {
    let message = try Fixtures.message(html: true, text: "\r\n\r\nBcc: victim@example.com\r\n")
    let entity = try TestEntity.parse(try message.render())
    #expect(!entity.fields.contains { $0.name.lowercased() == "bcc" })
    #expect(entity.children[0].decodedBody() == Array("\r\n\r\nBcc: victim@example.com\r\n".utf8))
    let html = try #require(entity.children[1].decodedBody())
    #expect(String(decoding: html, as: UTF8.self).contains("<script>alert(1)</script>"))
  }

  @Test func addressesWithLineBreaksAreRefused() {
    #expect(throws: MIMEError.self) { try Mailbox("eve@example.com\r\nBcc: victim@example.com") }
    #expect(throws: MIMEError.self) { try Mailbox("eve@example.com>, victim@example.com") }
  }
}
