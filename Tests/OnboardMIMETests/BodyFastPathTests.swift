import OnboardTestSupport
import Testing

@testable import OnboardMIME

/// The pointer loops of the body encoders against the code they replaced, on seeded random bytes
/// of every length up to a few lines (quoted-printable is compared in `ByteEncodingTests`).
@Suite struct BodyFastPathTests {
  static func randomBytes(_ numbers: inout SeededNumbers, count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8(numbers.next(256)) }
  }

  @Test func base64LinesMatchCuttingTheFlatText() {
    var numbers = SeededNumbers(seed: 59)
    for count in 0..<400 {
      let bytes = Self.randomBytes(&numbers, count: count)
      #expect(Base64.lines(bytes) == Base64.linesByCutting(bytes), "\(count) bytes")
    }
  }

  @Test func hashThroughAPointerMatchesTheByteLoop() {
    var numbers = SeededNumbers(seed: 61)
    for count in 0..<300 {
      let bytes = Self.randomBytes(&numbers, count: count)
      var fast = FNV1a()
      fast.combine(bytes)
      fast.combine(bytes[(count / 3)...])
      var slow = FNV1a()
      // A lazy map has no contiguous storage: the byte-by-byte loop.
      slow.combine(bytes.lazy.map { $0 })
      slow.combine(bytes[(count / 3)...].lazy.map { $0 })
      #expect(fast.value == slow.value, "\(count) bytes")
    }
  }

  @Test func bodiesGivenAsBytesRenderAsTheSameBodiesGivenAsStrings() throws {
    let texts = [
      "", "Hello\n", "Zoë – café\r\nFrom here.\n.\n", "a\u{301}\u{2028}b \n",
      String(repeating: "x=y ", count: 40), "<p>R&D</p>\r\n",
    ]
    for text in texts {
      for html in [false, true] {
        let fromString = try Fixtures.message(html: html, calendar: true, text: text)
        let fromBytes = EmailMessage(
          from: fromString.from, to: fromString.to, cc: fromString.cc,
          replyTo: fromString.replyTo, subject: fromString.subject, date: fromString.date,
          messageID: fromString.messageID, extraHeaders: fromString.extraHeaders,
          textBodyUTF8: Array(text.utf8), htmlBodyUTF8: fromString.htmlBody.map { Array($0.utf8) },
          calendar: fromString.calendar, attachments: fromString.attachments)
        #expect(try fromBytes.render() == fromString.render(), "\(text.debugDescription)")
        #expect(fromBytes.textBody.utf8.elementsEqual(text.utf8))
        #expect(fromBytes == fromString)
      }
    }
  }
  /// A message written part by part after its headers (a given Message-ID, a multipart of
  /// leaves) is byte for byte the one joined by `MIMEPart.serialized()`: text alone, with HTML,
  /// with an invitation, with attachments (a nested multipart, which keeps the joined path), on
  /// seeded random bodies that include boundary-like text.
  @Test func partsWrittenAfterTheHeadersMatchTheJoinedMessage() throws {
    var numbers = SeededNumbers(seed: 67)
    let pieces = [
      "Hello Ada,", "\n", "\r\n", " ", "=_Onboard_alternative_", "--", "é", "☕", ".", "From ",
      "<b>R&D</b>", "=", "\t", String(repeating: "long line ", count: 12),
    ]
    var flattened = 0
    for round in 0..<240 {
      let text = (0..<numbers.next(30)).map { _ in pieces[numbers.next(pieces.count)] }.joined()
      let base = try Fixtures.message(
        html: round % 2 == 0, calendar: round % 3 != 0, attachments: round % 5 == 0, text: text)
      var messages = [base]
      // No Message-ID: derived from the joined body, so never flattened.
      messages.append(
        EmailMessage(
          from: base.from, to: base.to, cc: base.cc, replyTo: base.replyTo, subject: base.subject,
          date: base.date, messageID: nil, extraHeaders: base.extraHeaders, textBody: text,
          htmlBody: base.htmlBody, calendar: base.calendar, attachments: base.attachments))
      for message in messages {
        let written = try message.render()
        #expect(written == (try message.render(flattening: false)), "round \(round)")
        if message.messageID != nil, round % 5 != 0, round % 2 == 0 || round % 3 != 0 {
          flattened += 1
        }
      }
    }
    // Most rounds took the flattened path (an HTML or calendar part, no attachment).
    #expect(flattened > 120)
  }
}
