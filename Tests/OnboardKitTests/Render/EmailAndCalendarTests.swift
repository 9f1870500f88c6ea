import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The .eml and .ics files mail and calendar programs read: checked byte by byte here, and parsed
/// back independently by Python's standard `email` package when python3 is present.
@Suite struct EmailAndCalendarTests {
  let cohort: FixtureCohort
  var hires: [Hire] { cohort.hires }
  init() throws { cohort = try FixtureCohort() }

  func output(for hire: Hire) throws -> HireOutput { try cohort.output(for: hire) }

  /// A hire whose every text field is hostile.
  var hostileHire: Hire {
    var hire = hires[0]
    hire.firstName = "Eve\r\nBcc: victim@example.com"
    hire.lastName = "<script>alert(1)</script> \"O'Brien\" 😀 مرحبا"
    hire.manager.name = "Boss, The \"Chief\"\nX-Injected: yes"
    hire.buddy.name = "BEGIN:VEVENT\r\nSUMMARY:pwned"
    hire.location = "Berlin\r\nEND:VCALENDAR"
    return hire
  }

  @Test func hostileNamesNeverBecomeHeaders() throws {
    let out = try output(for: hostileHire)
    let emails = out.files.filter { $0.path.hasSuffix(".eml") }
    #expect(!emails.isEmpty)
    for email in emails {
      let text = String(decoding: email.data, as: UTF8.self)
      let headers = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
      #expect(!headers.contains { $0.lowercased().hasPrefix("bcc:") }, "\(email.path)")
      #expect(!headers.contains { $0.lowercased().hasPrefix("x-injected:") }, "\(email.path)")
      // The plain-text part may carry the name as typed; the HTML part must escape it.
      if let html = text.components(separatedBy: "Content-Type: text/html").dropFirst().first {
        let body = html.components(separatedBy: "\r\n--=_")[0].replacingOccurrences(
          of: "=\r\n", with: "")
        #expect(!body.contains("<script>"), "raw HTML from a name in \(email.path)")
        #expect(body.contains("&lt;script&gt;") || !body.contains("alert(1)"), "\(email.path)")
      }
      #expect(text.utf8.allSatisfy { $0 < 0x80 }, "7-bit message")
      let lines = text.components(separatedBy: "\r\n")
      #expect(lines.allSatisfy { $0.utf8.count <= 998 && !$0.contains("\n") && !$0.contains("\r") })
    }
  }

  /// A terminal sequence or a bell in a name reaches no email: shown as its symbol (␛, ␇) in
  /// the bodies as in every other document, bidirectional overrides removed; the rest of the
  /// name stays. (The messages are quoted-printable: decoded here before they are searched.)
  @Test func controlCharactersInNamesAreShownNotSentInTheEmails() throws {
    var hire = hires[0]
    hire.lastName = "Red\u{1B}[31m\u{07}\u{202E}x"
    hire.buddy.name = "Bud\u{1B}]0;pwned\u{07}"
    let out = try output(for: hire)
    let emails = out.files.filter { $0.path.hasSuffix(".eml") }
    #expect(emails.count > 3)
    var shown = 0
    for email in emails {
      let decoded = Self.quotedPrintableDecoded(Array(email.data))
      #expect(!decoded.contains(0x1B) && !decoded.contains(0x07), "\(email.path)")
      let override: [UInt8] = [0xE2, 0x80, 0xAE]
      #expect(
        !decoded.indices.dropLast(2).contains { Array(decoded[$0..<$0 + 3]) == override },
        "\(email.path)")
      let text = String(decoding: decoded, as: UTF8.self)
      if text.contains("Red␛[31m␇x") || text.contains("Bud␛]0;pwned␇") { shown += 1 }
    }
    #expect(shown > 3, "the names are still there, made visible")
  }

  /// A start on Thursday 24 December in Berlin: the holidays and the company shutdown take the
  /// rest of week 1, so the first-week retrospective comes after five working days (not at the
  /// end of day 1) and says why, and the first-day email says when work goes on instead of an
  /// empty "The rest of your first week".
  @Test func aStartJustBeforeTheHolidaysGetsAWeeksWorthOfFirstWeek() throws {
    var hire = hires[0]
    hire.requestedStart = try #require(CalendarDate(year: 2026, month: 12, day: 24))
    let out = try output(for: hire)
    let retro = try #require(out.plan.items.first { $0.id == "first-week-retro" })
    #expect(retro.date == CalendarDate(year: 2027, month: 1, day: 7))
    #expect(
      retro.note?.hasPrefix("after the first 5 working days: week 1 has 1 working day") == true)
    let email = try #require(out.files.first { $0.path.contains("first-day-logistics") })
    let text = String(
      decoding: Self.quotedPrintableDecoded(Array(email.data)), as: UTF8.self)
    #expect(!text.contains("THE REST OF YOUR FIRST WEEK"))
    #expect(text.contains("AFTER YOUR FIRST DAY"))
    #expect(text.contains("Your next working day is Monday, 4 January 2027"))
  }

  /// The welcome email says "one session ..., on <date>" (not "the first on" of one), and the
  /// manager's briefing gives the number of sessions once.
  @Test func theWelcomeAndBriefingSayEachThingOnce() throws {
    let out = try output(for: try cohort.hire("siobhan"))
    func text(_ id: String) throws -> String {
      let email = try #require(out.files.first { $0.path.contains(id) })
      return String(decoding: Self.quotedPrintableDecoded(Array(email.data)), as: UTF8.self)
    }
    let welcome = try text("-welcome")
    #expect(welcome.contains("- Node.js & Express.js: one session with Devon Clarke, on Wednesday"))
    #expect(!welcome.contains("one session with Devon Clarke, the first on"))
    #expect(welcome.contains("two sessions") && welcome.contains(", the first on "))
    let briefing = try text("manager-briefing")
    #expect(!briefing.contains("Training sessions planned"))
    #expect(briefing.contains("training sessions for 5 weak areas"))
  }

  /// Quoted-printable decoding (RFC 2045 6.7) of a whole message: soft breaks joined, `=XX` made
  /// its byte; anything else as it is.
  static func quotedPrintableDecoded(_ bytes: [UInt8]) -> [UInt8] {
    func hex(_ byte: UInt8) -> UInt8? {
      switch byte {
      case 0x30...0x39: byte - 0x30
      case 0x41...0x46: byte - 0x41 + 10
      default: nil
      }
    }
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count {
        if bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A {
          index += 3
          continue
        }
        if let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
          out.append(high << 4 | low)
          index += 3
          continue
        }
      }
      out.append(bytes[index])
      index += 1
    }
    return out
  }

  @Test func hostileNamesStayDataInTheCalendar() throws {
    let out = try output(for: hostileHire)
    let ics = String(
      decoding: try #require(out.files.first { $0.path == "sessions.ics" }).data, as: UTF8.self)
    let lines = ics.components(separatedBy: "\r\n").dropLast()
    #expect(ics.hasSuffix("\r\n"))
    #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") && !$0.contains("\r") })
    let events = out.plan.items.filter { $0.date >= out.plan.start }.count
    #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == events)
    #expect(lines.filter { $0 == "END:VCALENDAR" }.count == 1)
    #expect(!lines.contains { $0.hasPrefix("SUMMARY:pwned") })
  }

  @Test func hostileNamesAreEscapedInTheMarkdownPlan() throws {
    let out = try output(for: hostileHire)
    let markdown = String(
      decoding: try #require(out.files.first { $0.path == "plan.md" }).data, as: UTF8.self)
    #expect(!markdown.contains("<script>"))
    #expect(markdown.contains("\\<script\\>"))
    #expect(markdown.hasPrefix("# Onboarding plan: Eve Bcc: victim@example.com \\<script\\>"))
  }

  @Test func calendarHasTimeZoneStableUIDsAndFoldedLines() throws {
    let hire = try #require(RepositoryFiles.hire("siobhan", in: hires))
    let out = try output(for: hire)
    let ics = String(
      decoding: try #require(out.files.first { $0.path == "sessions.ics" }).data, as: UTF8.self)
    #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
    #expect(ics.contains("\r\nBEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"))
    #expect(ics.contains("DTSTART;TZID=America/New_York:20270104T090000\r\n"))
    #expect(ics.contains("DTSTAMP:20261129T000000Z\r\n"))
    let uids = ics.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
    #expect(Set(uids).count == uids.count)
    let again = try output(for: hire).files.first { $0.path == "sessions.ics" }?.data
    #expect(again == Data(ics.utf8))
  }

  @Test func trainingInvitationsCarryARequestCalendarPart() throws {
    let hire = try #require(RepositoryFiles.hire("siobhan", in: hires))
    let out = try output(for: hire)
    let invitation = try #require(out.files.first { $0.path.contains("training-invitation") })
    let text = String(decoding: invitation.data, as: UTF8.self)
    #expect(text.contains("Content-Type: multipart/alternative;"))
    #expect(text.contains("Content-Type: text/calendar; method=REQUEST; charset=UTF-8"))
    #expect(text.contains("X-Unsent: 1"))
    // `cc: host`: whoever runs the session, an attendee of the invitation, is copied (QA13 F7:
    // the trainer was an ATTENDEE with RSVP but no email reached them).
    let plan = out.plan
    var hosted = 0
    for file in out.files where file.path.contains("training-invitation") {
      let message = String(decoding: file.data, as: UTF8.self)
      let headers = message.components(separatedBy: "\r\n\r\n")[0]
      let item = try #require(
        plan.items.first { item in file.path.hasSuffix("-\(fileSafeName(item.id)).eml") })
      if let email = item.ownerEmail, item.owner != "hire" {
        #expect(headers.contains("Cc: ") && headers.contains(email), "\(file.path)")
        hosted += 1
      } else {
        #expect(!headers.contains("Cc: "), "\(file.path)")
      }
    }
    #expect(hosted >= 3)
  }

  /// `cc: host` is for templates sent for each training: elsewhere it names nobody.
  @Test func ccHostOutsideATrainingTemplateIsAnError() {
    #expect {
      _ = try EmailTemplateFile(
        id: "welcome", path: "Plans/emails/welcome.mustache",
        contents: "subject: Hi\naudience: hire\ncc: host\nsend: workday -5 at 10:00\n---\nHello\n")
    } throws: { error in
      (error as? InputErrors)?.description.contains(
        "Plans/emails/welcome.mustache:3: error: cc `host` names the person who runs a session")
        == true
    }
  }

  /// Every email of every Fixtures hire, parsed by Python's `email` with `policy.strict`.
  @Test func pythonStrictParserReadsEveryFixtureEmail() throws {
    guard let python = PythonCheck.python else {
      Issue.record("python3 is not installed; the independent .eml parse was skipped")
      return
    }
    try TemporaryDirectory.with("eml") { directory in
      var paths: [String] = []
      var expectations: [(file: String, to: String)] = []
      for hire in hires + [hostileHire] {
        for file in try output(for: hire).files where file.path.hasSuffix(".eml") {
          let url = directory.appendingPathComponent("\(paths.count).eml")
          try file.data.write(to: url)
          paths.append(url.path)
          expectations.append((file.path, hire.email))
        }
      }
      let results = try PythonCheck.parseEmails(paths, python: python)
      #expect(results.count == paths.count)
      for (result, expected) in zip(results, expectations) {
        #expect(result.defects.isEmpty, "\(expected.file): \(result.defects)")
        #expect(result.from == "people@northwind.example")
        #expect(!result.subject.isEmpty)
        #expect(result.types.first == "multipart/alternative" || result.types.first == "text/plain")
      }
      // The hostile name comes back as one display name: data, not structure.
      let hostile = results.filter { $0.toNames.contains { $0.contains("Eve") } }
      #expect(!hostile.isEmpty)
      #expect(
        hostile.allSatisfy { r in
          r.toNames.contains { $0.contains("Bcc: victim@example.com") && $0.contains("😀") }
        })
      #expect(hostile.allSatisfy { $0.headerNames.allSatisfy { $0.lowercased() != "bcc" } })
    }
  }
}
