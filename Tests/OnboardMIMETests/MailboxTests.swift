import Testing

@testable import OnboardMIME

@Suite struct MailboxTests {
  @Test(arguments: [
    "ada@example.com", "o'brien+onboarding@mail.example.co.uk", "user@localhost",
    "first.last@xn--bcher-kva.example", "a_b-c=d?e^f{g}|h~i@x-y.example",
  ])
  func acceptsSaneAddresses(_ address: String) throws {
    #expect(try Mailbox(address).address == address)
  }

  @Test(arguments: [
    ("", "empty"), ("ada", "missing '@'"), ("a@b@example.com", "more than one '@'"),
    ("ada @example.com", "whitespace"), ("ada@exa mple.com", "whitespace"),
    ("ada\r\n@example.com", "line break"), ("<ada@example.com>", "angle bracket"),
    ("ada,bob@example.com", "comma"), ("ada@", "domain is empty"), ("@example.com", "empty local"),
    (".ada@example.com", "starts or ends with '.'"), ("a..b@example.com", "'..'"),
    ("ada@-x.example", "starting or ending with '-'"), ("ada@x..example", "empty label"),
    ("adä@example.com", "non-ASCII"), ("ada@[192.0.2.1]", "letters, digits"),
    ("a\u{7}@example.com", "control"), ("\"ada\"@example.com", "character '\"'"),
    (String(repeating: "a", count: 65) + "@example.com", "longer than 64"),
  ])
  func rejectsBadAddressesNamingThem(_ address: String, _ reason: String) {
    do {
      _ = try Mailbox(address, displayName: "X")
      Issue.record("accepted \(address.debugDescription)")
    } catch {
      guard case .invalidAddress(let value, let why) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(value == address)
      #expect(why.contains(reason), "reason was \(why)")
      #expect(error.description.contains(String(reflecting: address)))
    }
  }

  @Test func errorDescriptionShowsControlCharactersEscaped() {
    #expect(throws: MIMEError.self) { try Mailbox("eve\r\n@x.example") }
    let error = MIMEError.invalidAddress("eve\r\n@x.example", reason: "contains a line break")
    #expect(
      error.description == #"invalid email address "eve\r\n@x.example": contains a line break"#)
  }

  /// The rendered `To:` value of a one-recipient list.
  private func rendered(_ name: String?) throws -> String {
    Mailbox.addressList(name: "To", [try Mailbox("ada@example.com", displayName: name)])
  }

  @Test func plainNamesAreWrittenAsAtoms() throws {
    #expect(try rendered("Ada Lovelace") == "To: Ada Lovelace <ada@example.com>\r\n")
    #expect(try rendered("  Ada   Lovelace ") == "To: Ada Lovelace <ada@example.com>\r\n")
    #expect(try rendered(nil) == "To: ada@example.com\r\n")
    #expect(try rendered("") == "To: ada@example.com\r\n")
  }

  @Test func namesWithSpecialsAreQuotedAndEscaped() throws {
    #expect(try rendered("Lovelace, Ada") == "To: \"Lovelace, Ada\" <ada@example.com>\r\n")
    #expect(
      try rendered(#"Ada "The Countess" L."#)
        == #"To: "Ada \"The Countess\" L." <ada@example.com>"# + "\r\n")
    #expect(try rendered(#"back\slash"#) == #"To: "back\\slash" <ada@example.com>"# + "\r\n")
    for special in ["a;b", "a<b", "a>b", "a@b", "a:b", "a(b)", "a[b]", "a.b"] {
      #expect(try rendered(special) == "To: \"\(special)\" <ada@example.com>\r\n")
    }
  }

  @Test func listsAreCommaSeparatedAndFoldedBetweenWords() throws {
    let people = try (1...8).map {
      try Mailbox("person\($0)@example.com", displayName: "Person \($0)")
    }
    let field = Mailbox.addressList(name: "To", people)
    let lines = field.components(separatedBy: "\r\n").dropLast()
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
    let unfolded = field.replacingOccurrences(of: "\r\n", with: "")
    let expected = people.map { "\($0.displayName ?? "") <\($0.address)>" }.joined(separator: ", ")
    #expect(unfolded == "To: " + expected)
  }
}
