import Testing

@testable import OnboardICS

@Suite("VEVENT properties, validation errors, determinism and UIDs")
struct EventTests {
  @Test("a full event is written property by property in a fixed order")
  func fullEvent() throws {
    let event = ICSEvent(
      uid: "s1@onboard.example.com", timestamp: ICSTestSupport.stamp,
      start: .utc(ICSDateTime(year: 2026, month: 4, day: 3, hour: 8, minute: 0)),
      end: .utc(ICSDateTime(year: 2026, month: 4, day: 3, hour: 9, minute: 30, second: 15)),
      summary: "Pairing: Swift, Git", description: "Bring a laptop", location: "Room 1",
      categories: ["Training", "A,B"],
      organizer: ICSOrganizer(email: "boss@example.com", commonName: "Boss"),
      attendees: [
        ICSAttendee(email: "hire@example.com", commonName: "New Hire"),
        ICSAttendee(
          email: "cc@example.com", role: .nonParticipant, participationStatus: .accepted,
          rsvp: false),
      ],
      sequence: 2, status: .tentative, transparency: .transparent, url: "https://x.example/1")
    let text = try ICSCalendar(method: .request, events: [event]).render()
    let expected = [
      "BEGIN:VCALENDAR", "PRODID:-//Onboard//OnboardICS 1.0//EN", "VERSION:2.0",
      "CALSCALE:GREGORIAN", "METHOD:REQUEST", "BEGIN:VEVENT", "UID:s1@onboard.example.com",
      "DTSTAMP:20260301T120000Z", "DTSTART:20260403T080000Z", "DTEND:20260403T093015Z",
      #"SUMMARY:Pairing: Swift\, Git"#, "DESCRIPTION:Bring a laptop", "LOCATION:Room 1",
      #"CATEGORIES:Training,A\,B"#, "ORGANIZER;CN=Boss:mailto:boss@example.com",
      "ATTENDEE;CN=New Hire;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:hire@example.com",
      "ATTENDEE;ROLE=NON-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:cc@example.com",
      "SEQUENCE:2", "STATUS:TENTATIVE", "TRANSP:TRANSPARENT", "URL:https://x.example/1",
      "END:VEVENT", "END:VCALENDAR",
    ]
    #expect(ICSTestSupport.unfoldedLines(text) == expected)
  }

  @Test("a minimal event writes only what it has; an empty CN is left out")
  func minimalEvent() throws {
    var event = ICSTestSupport.event("m@x", .allDay(ICSDate(year: 2026, month: 2, day: 28)))
    event.organizer = ICSOrganizer(email: "o@example.com", commonName: "")
    let lines = ICSTestSupport.unfoldedLines(try ICSCalendar(events: [event]).render())
    #expect(
      Array(lines.dropFirst(4)) == [
        "BEGIN:VEVENT", "UID:m@x", "DTSTAMP:20260301T120000Z", "DTSTART;VALUE=DATE:20260228",
        "SUMMARY:Session", "ORGANIZER:mailto:o@example.com", "SEQUENCE:0", "END:VEVENT",
        "END:VCALENDAR",
      ])
  }

  @Test("a calendar without events is just the header, with a custom PRODID escaped")
  func emptyCalendar() throws {
    let calendar = ICSCalendar(productID: "-//Acme, Inc//Onboard//EN", method: .publish)
    #expect(
      try calendar.render()
        == "BEGIN:VCALENDAR\r\nPRODID:-//Acme\\, Inc//Onboard//EN\r\nVERSION:2.0\r\n"
        + "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n")
  }

  @Test("the same calendar renders to identical bytes; renderBytes is the UTF-8 of render")
  func determinism() throws {
    let first = try ICSTestSupport.onboardingCalendar().render()
    let second = try ICSTestSupport.onboardingCalendar().render()
    #expect(first == second)
    #expect(Array(first.utf8) == Array(second.utf8))
    #expect(try ICSTestSupport.onboardingCalendar().renderBytes() == Array(first.utf8))
    var changed = ICSTestSupport.onboardingCalendar()
    changed.events[1].sequence = 1
    #expect(try changed.render() != first)
  }

  /// Renders one event (as the second of two) and returns the error.
  func failure(_ event: ICSEvent, method: ICSCalendar.Method? = nil) -> ICSError? {
    let calendar = ICSCalendar(
      method: method, events: [ICSTestSupport.onboardingCalendar().events[0], event])
    do {
      _ = try calendar.render()
      return nil
    } catch {
      return error
    }
  }

  @Test("invalid input is reported with the event index, UID and property")
  func validation() {
    let day = { (d: Int) in ICSDate(year: 2026, month: 2, day: d) }
    var event = ICSTestSupport.event("v@x", .allDay(day(30)))
    #expect(
      failure(event)
        == ICSError(.invalidDateTime("20260230"), eventIndex: 1, uid: "v@x", property: "DTSTART"))
    event.start = ICSTestSupport.local(2026, 3, 1, 24)
    #expect(failure(event)?.reason == .invalidDateTime("20260301T240000"))
    event.start = .allDay(day(10))
    event.end = ICSTestSupport.local(2026, 2, 11, 9)
    #expect(failure(event)?.reason == .mixedValueTypes)
    event.end = .allDay(day(10))
    #expect(failure(event)?.reason == .endNotAfterStart)
    event.start = ICSTestSupport.local(2026, 2, 10, 9)
    event.end = .utc(ICSDateTime(year: 2026, month: 2, day: 10, hour: 8, minute: 0))
    #expect(failure(event)?.reason == .endNotAfterStart)  // 08:00Z is 09:00 in Berlin
    event.end = .utc(ICSDateTime(year: 2026, month: 2, day: 10, hour: 8, minute: 1))
    #expect(failure(event) == nil)
    #expect(failure(event, method: .request)?.reason == .missingOrganizer(method: "REQUEST"))
    event.sequence = -1
    #expect(failure(event)?.property == "SEQUENCE")
    event.sequence = 0
    event.uid = "\r\n"
    #expect(failure(event)?.reason == .invalidUID("\r\n"))
    event.uid = " "
    #expect(failure(event)?.reason == .invalidUID(" "))
    event.uid = "a\u{0}b"
    #expect(failure(event)?.property == "UID")
    event.uid = "v@x"
    event.timestamp = ICSDateTime(year: 2026, month: 13, day: 1, hour: 0, minute: 0)
    #expect(failure(event)?.property == "DTSTAMP")
  }

  @Test("error descriptions say where the problem is")
  func errorDescription() {
    let error = ICSError(
      .unknownTimeZone("Mars/Olympus"), eventIndex: 2, uid: "a@b", property: "DTSTART")
    #expect(error.description == "event 2 (uid a@b) DTSTART: unknown time zone \"Mars/Olympus\"")
    let email = ICSError(.invalidEmail("x\ny"), eventIndex: 0, property: "ATTENDEE")
    #expect(email.description == #"event 0 ATTENDEE: invalid email address "x\ny""#)
  }

  @Test("stable UIDs depend only on the key and domain")
  func stableUID() {
    let uid = ICSEvent.stableUID(key: "hire-42/welcome", domain: "Onboard.Example.com")
    #expect(uid == ICSEvent.stableUID(key: "hire-42/welcome", domain: "onboard.example.com"))
    #expect(uid != ICSEvent.stableUID(key: "hire-42/welcome2", domain: "onboard.example.com"))
    #expect(uid.hasSuffix("@onboard.example.com"))
    #expect(uid.count == 32 + 1 + "onboard.example.com".count)
    #expect(uid.prefix(32) == SHA256.hexDigest("hire-42/welcome").prefix(32))
    #expect(
      ICSEvent.stableUID(key: "k", domain: "bad domain\r\n;")
        == ICSEvent.stableUID(key: "k", domain: "baddomain"))
    #expect(ICSEvent.stableUID(key: "k", domain: "").hasSuffix("@onboard.invalid"))
  }
}
