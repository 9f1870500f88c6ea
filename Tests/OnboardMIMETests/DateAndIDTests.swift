import Foundation
import Testing

@testable import OnboardMIME

@Suite struct DateAndIDTests {
  @Test(arguments: [
    (1_796_630_400.0, 3600, "Mon, 07 Dec 2026 09:00:00 +0100"),
    (1_796_630_400.0, 0, "Mon, 07 Dec 2026 08:00:00 +0000"),
    (1_796_630_400.0, -12_600, "Mon, 07 Dec 2026 04:30:00 -0330"),
    (1_796_630_400.0, -10 * 3600, "Sun, 06 Dec 2026 22:00:00 -1000"),
    (1_709_164_800.5, 0, "Thu, 29 Feb 2024 00:00:00 +0000"),
    (-1.0, 0, "Wed, 31 Dec 1969 23:59:59 +0000"),
    (951_782_400.0, 0, "Tue, 29 Feb 2000 00:00:00 +0000"),
    (4_102_444_799.0, 20_700, "Fri, 01 Jan 2100 05:44:59 +0545"),
  ])
  func formatsRFC5322Dates(_ seconds: Double, _ offset: Int, _ expected: String) throws {
    let date = try EmailDate(Date(timeIntervalSince1970: seconds), utcOffsetSeconds: offset)
    #expect(date.headerValue == expected)
  }

  @Test func usesTheTimeZoneOffsetAtThatInstant() throws {
    let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
    let summer = Date(timeIntervalSince1970: 1_783_072_800)  // 2026-07-03 10:00 UTC
    #expect(
      try EmailDate(summer, timeZone: berlin).headerValue == "Fri, 03 Jul 2026 12:00:00 +0200")
    #expect(try EmailDate(Fixtures.instant, timeZone: berlin).headerValue.hasSuffix(" +0100"))
  }

  @Test(arguments: [30, 24 * 3600, -24 * 3600, 90_000])
  func refusesOddOffsets(_ offset: Int) {
    #expect(throws: MIMEError.invalidTimeZoneOffset(seconds: offset)) {
      try EmailDate(Fixtures.instant, utcOffsetSeconds: offset)
    }
  }

  @Test(arguments: ["Mon, 07 Dec 2026 09:00:00 +0100", "7 Dec 2026 09:00 -0000"])
  func acceptsPreformattedDates(_ text: String) throws {
    #expect(try EmailDate(preformatted: text).headerValue == text)
  }

  @Test(arguments: [
    "", "2026-12-07T09:00:00Z", "Mon, 07 Dec 2026 09:00:00 +0100\r\nBcc: x@example.com",
    "Mon, 32 Dec 2026 09:00:00 +0100", "Mon, 07 Dez 2026 09:00:00 +0100",
    "Mon, 07 Dec 2026 24:00:00 +0100", "Mon, 07 Dec 2026 09:00:00 CET",
    "Xyz, 07 Dec 2026 09:00:00 +0100",
  ])
  func refusesMalformedPreformattedDates(_ text: String) {
    #expect {
      try EmailDate(preformatted: text)
    } throws: { error in
      guard case .invalidDate(let value, _) = error as? MIMEError else { return false }
      return value == text
    }
  }

  @Test func messageIDsFromPartsOrWhole() throws {
    #expect(
      try MessageID(left: "welcome.ada", domain: "example.com").headerValue
        == "<welcome.ada@example.com>")
    #expect(try MessageID("<a.b@c.d>") == MessageID(left: "a.b", domain: "c.d"))
    #expect(try MessageID("a.b@c.d").headerValue == "<a.b@c.d>")
  }

  @Test(arguments: ["", "no-at", "a@b@c", "<a b@c>", "a@b>\r\nBcc: x", "a..b@c", "<>", "a@"])
  func refusesBadMessageIDs(_ id: String) {
    #expect {
      try MessageID(id)
    } throws: { error in
      guard case .invalidMessageID = error as? MIMEError else { return false }
      return error.localizedDescription.isEmpty == false
    }
  }

  @Test func attachmentAndCalendarValidation() throws {
    #expect(throws: MIMEError.self) {
      try Attachment(filename: "", contentType: "text/plain", data: [])
    }
    #expect(throws: MIMEError.self) {
      try Attachment(filename: "../etc/passwd", contentType: "text/plain", data: [])
    }
    #expect(throws: MIMEError.self) {
      try Attachment(filename: "a\r\nb.txt", contentType: "text/plain", data: [])
    }
    #expect(throws: MIMEError.self) {
      try Attachment(filename: "a.txt", contentType: "text", data: [])
    }
    #expect(throws: MIMEError.self) {
      try Attachment(filename: "a.txt", contentType: "text/plain; x=y", data: [])
    }
    #expect(throws: MIMEError.self) {
      try Attachment(filename: "a.eml", contentType: "message/rfc822", data: [])
    }
    #expect(
      try Attachment(filename: "a.txt", contentType: "Text/Plain", data: []).contentType
        == "text/plain")
    #expect(throws: MIMEError.self) { try CalendarPart(ics: "hello") }
    #expect(throws: MIMEError.self) { try CalendarPart(ics: Fixtures.ics, method: "request\r\n") }
    #expect(try CalendarPart(ics: Fixtures.ics, method: "CANCEL").method == "CANCEL")
  }

  /// The bytes initialiser takes what the String one takes from an iCalendar writer, byte for
  /// byte, and refuses what does not open with the whole line BEGIN:VCALENDAR or a bad method.
  @Test func calendarPartFromBytesMatchesTheStringOne() throws {
    let bytes = Array(Fixtures.ics.utf8)
    let fromBytes = try CalendarPart(icsBytes: bytes)
    #expect(fromBytes == (try CalendarPart(ics: Fixtures.ics)))
    #expect(fromBytes.ics == Fixtures.ics)
    #expect(throws: MIMEError.self) { try CalendarPart(icsBytes: Array("hello".utf8)) }
    #expect(throws: MIMEError.self) {
      try CalendarPart(icsBytes: Array("BEGIN:VCALENDARX\r\n".utf8))
    }
    #expect(throws: MIMEError.self) { try CalendarPart(icsBytes: bytes, method: "request\r\n") }
    #expect(try CalendarPart(icsBytes: bytes, method: "CANCEL").method == "CANCEL")
  }
}
