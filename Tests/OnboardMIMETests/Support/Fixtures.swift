import Foundation
import Testing

@testable import OnboardMIME

/// Sample values and shape checks shared by the tests.
enum Fixtures {
  /// 2026-12-07 08:00:00 UTC.
  static let instant = Date(timeIntervalSince1970: 1_796_630_400)

  static let ics =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Onboard//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
    + "UID:training-1@onboard.example\r\nDTSTAMP:20261201T090000Z\r\n"
    + "DTSTART:20261207T090000Z\r\nDTEND:20261207T100000Z\r\nSUMMARY:Kick-off – Zoë\r\n"
    + "END:VEVENT\r\nEND:VCALENDAR\r\n"

  /// A complete message; the parts present are chosen by the flags.
  static func message(
    html: Bool = false, calendar: Bool = false, attachments: Bool = false,
    subject: String = "Welcome to the team, Ada!", fromName: String? = "Onboarding Team",
    toName: String? = "Ada Lovelace", text: String = "Hello Ada,\nsee you on Monday.\n"
  ) throws -> EmailMessage {
    EmailMessage(
      from: try Mailbox("onboarding@example.com", displayName: fromName),
      to: [try Mailbox("ada@example.com", displayName: toName)],
      cc: [try Mailbox("manager@example.com", displayName: "Grace Hopper")],
      replyTo: [try Mailbox("hr@example.com")],
      subject: subject,
      date: try EmailDate(instant, utcOffsetSeconds: 3600),
      messageID: try MessageID(left: "welcome.ada.20261207", domain: "onboard.example.com"),
      extraHeaders: [try HeaderField(name: "X-Onboard-Template", value: "welcome")],
      textBody: text,
      htmlBody: html ? "<p>Hello <b>Ada</b> – café ☕</p>\n<script>alert(1)</script>\n" : nil,
      calendar: calendar ? try CalendarPart(ics: ics) : nil,
      attachments: attachments
        ? [
          try Attachment(
            filename: "first-week.pdf", contentType: "application/PDF",
            data: Array("%PDF-1.4 fake".utf8) + [0, 255, 13, 10, 128]),
          try Attachment(
            filename: "Über unser Büro – Wegbeschreibung mit sehr langem Namen.txt",
            contentType: "text/plain", data: Array("Weg: links, dann rechts.\r\n".utf8)),
        ] : [])
  }

  /// The file's lines without their CRLF; records an issue for a bare CR or LF or non-ASCII byte.
  static func lines(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation)
    -> [String]
  {
    #expect(
      bytes.allSatisfy { $0 < 128 }, "output is not 7-bit ASCII", sourceLocation: sourceLocation)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasSuffix("\r\n"), "output does not end with CRLF", sourceLocation: sourceLocation)
    let lines = text.components(separatedBy: "\r\n").dropLast()
    for line in lines {
      #expect(
        !line.contains("\r") && !line.contains("\n"), "bare CR or LF in \(line.debugDescription)",
        sourceLocation: sourceLocation)
      #expect(line.utf8.count <= 998, "line over 998 octets", sourceLocation: sourceLocation)
    }
    return Array(lines)
  }

  /// The header lines of an entity (up to the first empty line).
  static func headerLines(_ bytes: [UInt8]) -> [String] {
    let text = String(decoding: bytes, as: UTF8.self)
    let head = text.components(separatedBy: "\r\n\r\n")[0]
    return head.components(separatedBy: "\r\n")
  }
}
