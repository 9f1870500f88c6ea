import Testing

@testable import OnboardMIME

@Suite struct EncodedWordTests {
  static let names = [
    "Zoë 👩🏽‍💻 Dev", "Ünïcödé Ñämé", "محمد عبد الله الفلسطيني", "山田 太郎", "José, Müller; \"Ñ\"",
    String(repeating: "日本語のテキスト", count: 12), String(repeating: "👨‍👩‍👧‍👦", count: 9),
    "Ada Lovelace 🚀", "e\u{301}\u{302}\u{303}", "=?UTF-8?B?SGk=?=",
    String(repeating: "x", count: 90),
  ]

  /// Checks every encoded word of a header: ≤ 75 characters, UTF-8 complete on its own.
  private func checkWords(_ value: String) {
    for word in TestDecoders.encodedWordTokens(value) {
      #expect(word.utf8.count <= 75, "word too long: \(word)")
      let inner = word.dropFirst(2).dropLast(2).split(
        separator: "?", omittingEmptySubsequences: false)
      let bytes = TestDecoders.decodeWord(scheme: String(inner[1]), String(inner[2]))
      #expect(
        bytes.flatMap { String(validating: $0, as: UTF8.self) } != nil,
        "word splits a UTF-8 character: \(word)")
    }
  }

  @Test(arguments: names)
  func displayNamesRoundTrip(_ name: String) throws {
    let field = Mailbox.addressList(
      name: "From", [try Mailbox("someone@example.com", displayName: name)])
    let lines = field.components(separatedBy: "\r\n").dropLast()
    #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines)")
    let value = String(field.replacingOccurrences(of: "\r\n", with: "").dropFirst("From: ".count))
    #expect(value.hasSuffix(" <someone@example.com>"))
    let phrase = String(value.dropLast(" <someone@example.com>".count))
    checkWords(phrase)
    if phrase.hasPrefix("\"") {
      #expect(!name.unicodeScalars.contains { $0.value > 127 })
    } else {
      #expect(TestDecoders.encodedWords(phrase) == name)
    }
  }

  @Test(arguments: names)
  func subjectsRoundTrip(_ subject: String) {
    let field = HeaderLine.unstructured(name: "Subject", value: subject)
    let lines = field.components(separatedBy: "\r\n").dropLast()
    #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines)")
    let value = String(
      field.replacingOccurrences(of: "\r\n", with: "").dropFirst("Subject: ".count))
    checkWords(value)
    #expect(TestDecoders.encodedWords(value) == subject)
  }

  @Test func asciiTextThatLooksEncodedIsEncoded() {
    let field = HeaderLine.unstructured(name: "Subject", value: "=?UTF-8?B?SGk=?= literally")
    #expect(!field.contains("Subject: =?UTF-8?B?SGk=?="))
    let value = String(field.replacingOccurrences(of: "\r\n", with: "").dropFirst(9))
    #expect(TestDecoders.encodedWords(value) == "=?UTF-8?B?SGk=?= literally")
  }

  @Test func mostlyASCIIUsesQAndOtherTextUsesB() {
    #expect(
      EncodedWord.words(for: "Welcome to the café", firstMax: 75) == [
        "=?UTF-8?Q?Welcome_to_the_caf=C3=A9?="
      ])
    #expect(EncodedWord.words(for: "山田", firstMax: 75) == ["=?UTF-8?B?5bGx55Sw?="])
  }

  @Test func graphemeClustersStayWholeWhenTheyFit() {
    let family = "👨‍👩‍👧‍👦"  // 25 bytes: one per B word of at most 45 bytes
    let words = EncodedWord.words(for: String(repeating: family, count: 4), firstMax: 75)
    #expect(words.count == 4)
    for word in words {
      let payload = String(word.dropFirst(10).dropLast(2))
      let text = TestDecoders.decodeWord(scheme: "B", payload).flatMap {
        String(validating: $0, as: UTF8.self)
      }
      #expect(text == family)
    }
  }

  @Test func wordsBreakAfterASpaceWhenTheyCan() {
    let words = EncodedWord.words(for: String(repeating: "Ünïcödé ", count: 6), firstMax: 75)
    #expect(words.count > 1)
    for word in words.dropLast() {
      let payload = String(word.dropFirst(10).dropLast(2))
      let scheme = String(word.dropFirst(8).prefix(1))
      let text = TestDecoders.decodeWord(scheme: scheme, payload).flatMap {
        String(validating: $0, as: UTF8.self)
      }
      #expect(text?.hasSuffix(" ") == true, "\(text ?? "?") does not end with a space")
    }
  }

  @Test func firstWordFitsTheRoomLeftOnTheLine() {
    let words = EncodedWord.words(for: String(repeating: "ü", count: 60), firstMax: 30)
    #expect(words[0].utf8.count <= 30)
    #expect(words.dropFirst().allSatisfy { $0.utf8.count <= 75 })
  }
}
