import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardMIME

@Suite struct StructureTests {
  @Test func textOnlyIsOnePlainPart() throws {
    let bytes = try Fixtures.message().render()
    _ = Fixtures.lines(bytes)
    let entity = try TestEntity.parse(bytes)
    #expect(
      entity.fields.map(\.name) == [
        "Date", "From", "To", "Cc", "Reply-To", "Subject", "Message-ID", "X-Onboard-Template",
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
      ])
    #expect(entity.header("Date") == "Mon, 07 Dec 2026 09:00:00 +0100")
    #expect(entity.header("From") == "Onboarding Team <onboarding@example.com>")
    #expect(entity.header("To") == "Ada Lovelace <ada@example.com>")
    #expect(entity.header("Cc") == "Grace Hopper <manager@example.com>")
    #expect(entity.header("Reply-To") == "hr@example.com")
    #expect(entity.header("Subject") == "Welcome to the team, Ada!")
    #expect(entity.header("Message-ID") == "<welcome.ada.20261207@onboard.example.com>")
    #expect(entity.header("X-Onboard-Template") == "welcome")
    #expect(entity.header("MIME-Version") == "1.0")
    #expect(entity.header("Content-Type") == "text/plain; charset=UTF-8")
    #expect(entity.header("Content-Transfer-Encoding") == "quoted-printable")
    #expect(entity.decodedBody() == Array("Hello Ada,\r\nsee you on Monday.\r\n".utf8))
  }

  @Test func bodyWithoutFinalLineBreakEndsWithASoftBreak() throws {
    let bytes = try Fixtures.message(text: "No newline").render()
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasSuffix("\r\n\r\nNo newline=\r\n"))
    #expect(try TestEntity.parse(bytes).decodedBody() == Array("No newline".utf8))
  }

  @Test func textAndHTMLAreAlternatives() throws {
    let bytes = try Fixtures.message(html: true).render()
    _ = Fixtures.lines(bytes)
    let entity = try TestEntity.parse(bytes)
    #expect(entity.mediaType == "multipart/alternative")
    #expect(entity.children.map(\.mediaType) == ["text/plain", "text/html"])
    #expect(entity.children.allSatisfy { $0.contentTypeParameter("charset") == "UTF-8" })
    let html = try #require(entity.children[1].decodedBody())
    #expect(
      String(decoding: html, as: UTF8.self)
        == "<p>Hello <b>Ada</b> – café ☕</p>\r\n<script>alert(1)</script>\r\n")
  }

  @Test func calendarIsTheLastAlternative() throws {
    let bytes = try Fixtures.message(html: true, calendar: true).render()
    let lines = Fixtures.lines(bytes)
    let entity = try TestEntity.parse(bytes)
    #expect(entity.mediaType == "multipart/alternative")
    #expect(entity.children.map(\.mediaType) == ["text/plain", "text/html", "text/calendar"])
    let calendar = entity.children[2]
    #expect(calendar.header("Content-Type") == "text/calendar; method=REQUEST; charset=UTF-8")
    #expect(calendar.header("Content-Transfer-Encoding") == "base64")
    #expect(calendar.decodedBody() == Array(Fixtures.ics.utf8))
    let base64Lines = String(decoding: calendar.body, as: UTF8.self).components(separatedBy: "\r\n")
    #expect(base64Lines.allSatisfy { $0.utf8.count <= 76 })
    #expect(base64Lines.dropLast().allSatisfy { $0.utf8.count == 76 })
    #expect(lines.contains("MIME-Version: 1.0"))
  }

  @Test func attachmentsWrapTheAlternativesInMixed() throws {
    let message = try Fixtures.message(html: true, calendar: true, attachments: true)
    let bytes = try message.render()
    let entity = try TestEntity.parse(bytes)
    #expect(entity.mediaType == "multipart/mixed")
    #expect(
      entity.children.map(\.mediaType) == [
        "multipart/alternative", "application/pdf", "text/plain",
      ])
    #expect(
      entity.children[0].children.map(\.mediaType) == ["text/plain", "text/html", "text/calendar"])
    let pdf = entity.children[1]
    #expect(pdf.header("Content-Disposition") == "attachment; filename=\"first-week.pdf\"")
    #expect(pdf.contentTypeParameter("name") == "first-week.pdf")
    #expect(pdf.decodedBody() == message.attachments[0].data)
    let long = entity.children[2]
    let disposition = try #require(long.header("Content-Disposition"))
    #expect(disposition.hasPrefix("attachment; filename*0*=UTF-8''%C3%9Cber"))
    #expect(disposition.contains("filename*1*="))
    #expect(long.decodedBody() == message.attachments[1].data)
  }

  @Test func boundariesAreDistinctAndAbsentFromEveryPart() throws {
    let evil = "--=_Onboard_alternative_0000000000000000\n--=_Onboard_mixed_x--\n"
    let message = try Fixtures.message(html: true, calendar: true, attachments: true, text: evil)
    let bytes = try message.render()
    let entity = try TestEntity.parse(bytes)
    let outer = try #require(entity.contentTypeParameter("boundary"))
    let inner = try #require(entity.children[0].contentTypeParameter("boundary"))
    #expect(outer != inner)
    #expect(outer.utf8.count <= 70 && inner.utf8.count <= 70)
    #expect(outer.hasPrefix("=_Onboard_mixed_") && inner.hasPrefix("=_Onboard_alternative_"))
    for part in entity.children[0].children + entity.children.dropFirst() {
      let body = String(decoding: part.body, as: UTF8.self)
      #expect(!body.contains(outer) && !body.contains(inner))
    }
    #expect(
      entity.children[0].children[0].decodedBody()
        == Array(evil.replacingOccurrences(of: "\n", with: "\r\n").utf8))
  }

  @Test func boundaryDependsOnContent() throws {
    let first = try Fixtures.message(html: true).render()
    let second = try Fixtures.message(html: true, text: "Other text").render()
    let boundary = { (bytes: [UInt8]) in
      try TestEntity.parse(bytes).contentTypeParameter("boundary")
    }
    #expect(try boundary(first) != boundary(second))
  }

  @Test func boundarySearchSkipsACandidateFoundInAPart() {
    let seed = FNV1a()
    let first = MIMEPart.boundary(kind: "mixed", seed: seed, avoiding: [])
    let part = Array("text \(first) text".utf8)
    let second = MIMEPart.boundary(kind: "mixed", seed: seed, avoiding: [part])
    #expect(second != first)
    #expect(!MIMEPart.contains(part, Array(second.utf8)))
    #expect(MIMEPart.boundary(kind: "mixed", seed: seed, avoiding: [part]) == second)
  }

  /// The boundary search (Horspool's) against a byte-by-byte search, on generated texts over a
  /// few letters with the needle, its prefixes and near misses planted in them.
  @Test func boundarySearchMatchesANaiveSearch() {
    func naive(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
      guard !needle.isEmpty else { return true }
      guard haystack.count >= needle.count else { return false }
      return (0...(haystack.count - needle.count)).contains {
        haystack[$0..<($0 + needle.count)].elementsEqual(needle)
      }
    }
    var numbers = SeededNumbers(seed: 16)
    let needles = [
      "=_Onboard_alternative_0123456789abcdef", "=_Onboard_mixed_00000000000000aa", "aba", "a",
      "ab", "=_",
    ].map { Array($0.utf8) }
    var found = 0
    for round in 0..<4_000 {
      let needle = needles[round % needles.count]
      let pieces: [[UInt8]] = [
        Array("a".utf8), Array("b".utf8), Array("=".utf8), Array("_".utf8), Array("\r\n".utf8),
        needle, Array(needle.dropLast()), Array(needle.dropFirst()),
        Array(needle.dropLast()) + [UInt8(ascii: "z")],
      ]
      var haystack: [UInt8] = []
      for _ in 0..<numbers.next(12) {
        haystack += pieces[numbers.next(pieces.count)]
      }
      let expected = naive(haystack, needle)
      #expect(MIMEPart.contains(haystack, needle) == expected, "\(haystack) \(needle)")
      if expected { found += 1 }
    }
    #expect(found > 500 && found < 3_500)
    #expect(MIMEPart.contains([], []))
    #expect(!MIMEPart.contains([], Array("a".utf8)))
  }

  /// The hash, four bytes a round, against FNV-1a byte by byte, for every length up to 40.
  @Test func hashMatchesFNV1aByteByByte() {
    var numbers = SeededNumbers(seed: 17)
    for length in 0...40 {
      let bytes = (0..<length).map { _ in UInt8(numbers.next(256)) }
      var expected: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { expected = (expected ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
      var hash = FNV1a()
      hash.combine(bytes)
      #expect(hash.value == expected, "\(length)")
      var split = FNV1a()
      split.combine(bytes.prefix(length / 3))
      split.combine(AnySequence(bytes.dropFirst(length / 3)))
      #expect(split.value == expected, "\(length)")
    }
  }

  @Test func renderingIsDeterministic() throws {
    let a = try Fixtures.message(html: true, calendar: true, attachments: true).render()
    let b = try Fixtures.message(html: true, calendar: true, attachments: true).render()
    #expect(a == b)
    #expect(
      try Fixtures.message().renderedString()
        == String(decoding: try Fixtures.message().render(), as: UTF8.self))
  }

  @Test func derivedMessageIDIsDeterministicAndContentDependent() throws {
    var message = try Fixtures.message()
    message.messageID = nil
    let first = try TestEntity.parse(try message.render()).header("Message-ID")
    let again = try TestEntity.parse(try message.render()).header("Message-ID")
    message.subject = "Another subject"
    let other = try TestEntity.parse(try message.render()).header("Message-ID")
    #expect(first == again)
    #expect(first != other)
    let id = try #require(first)
    #expect(id.hasPrefix("<onboard.") && id.hasSuffix("@example.com>"))
    #expect(try MessageID(id).headerValue == id)
  }

  @Test func everyHeaderLineIsAtMost78Characters() throws {
    let message = try Fixtures.message(
      html: true, calendar: true, attachments: true,
      subject: String(repeating: "Willkommen im Team – wir freuen uns sehr! ", count: 6),
      fromName: String(repeating: "Ünïcödé ", count: 12),
      toName: "Lovelace, Ada (Countess of Lovelace)")
    let bytes = try message.render()
    var entities = [try TestEntity.parse(bytes)]
    var count = 0
    while let entity = entities.popLast() {
      entities += entity.children
      count += 1
      for line in entity.rawHeader.components(separatedBy: "\r\n") {
        #expect(line.utf8.count <= 78, "header line too long: \(line)")
      }
    }
    #expect(count == 7)  // mixed(alternative(plain, html, calendar), pdf, txt)
  }

  @Test func needsARecipient() throws {
    var message = try Fixtures.message()
    message.to = []
    #expect(throws: Never.self) { try message.render() }
    message.cc = []
    #expect(throws: MIMEError.noRecipients) { try message.render() }
  }
}
