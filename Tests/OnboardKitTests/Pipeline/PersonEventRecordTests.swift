import Foundation
import OnboardICS
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The binary spool record of person events (a run's calendars are made from what it reads back):
/// every event read back equal, in order, from one buffer of many records.
@Suite struct PersonEventRecordTests {
  /// Writes all the events into one buffer, reads them back.
  static func roundTrip(_ events: [PersonEvent]) -> [PersonEvent] {
    var bytes: [UInt8] = []
    for event in events { event.write(to: &bytes) }
    var offset = 0
    var read: [PersonEvent] = []
    while offset < bytes.count, let event = PersonEvent.read(from: bytes, at: &offset) {
      read.append(event)
    }
    #expect(offset == bytes.count)
    return read
  }

  @Test func eventsOfPlannedHiresComeBackEqual() throws {
    let (plans, people) = try PeopleTests.distributed()
    let library = try RepositoryFiles.library()
    let stamp = try #require(CalendarDate(iso: "2026-11-29"))
    let events = plans.flatMap {
      PersonCalendars.events(of: $0, people: people, settings: library.settings, stamp: stamp)
    }
    #expect(events.count > 50)
    #expect(Self.roundTrip(events) == events)
    // And the calendars made from them are the same bytes.
    #expect(try PersonCalendars.files(Self.roundTrip(events)) == PersonCalendars.files(events))
  }

  @Test func generatedEventsComeBackEqual() {
    let pieces = ["", "a", "é", "\n", "\r\n", "\t", "\\", "\u{0}", "👩‍💻", ";", ",", "mailto:x@y"]
    var events: [PersonEvent] = []
    var n = 0
    GeneratedText.forEach(pieces: pieces, seed: 7, count: 3_000, maximumPieces: 6) { text in
      n += 1
      let times: [ICSEventTime] = [
        .local(
          ICSDateTime(year: 2026, month: 1 + n % 12, day: 1 + n % 28, hour: n % 24, minute: n % 60),
          timeZone: text),
        .utc(ICSDateTime(year: -n, month: 0, day: n, hour: 99, minute: -1, second: Int.max)),
        .allDay(ICSDate(year: Int.min, month: n, day: 3)),
      ]
      let optional: String? = n % 3 == 0 ? nil : text
      events.append(
        PersonEvent(
          personKey: text, personName: text + "x",
          event: ICSEvent(
            uid: "\(n)@\(text)",
            timestamp: ICSDateTime(year: 2026, month: 11, day: 29, hour: 0, minute: 0),
            start: times[n % 3], end: n % 4 == 0 ? nil : times[(n + 1) % 3], summary: text,
            description: optional, location: n % 2 == 0 ? text : nil,
            categories: Array(repeating: text, count: n % 3),
            organizer: n % 5 == 0 ? nil : ICSOrganizer(email: text, commonName: optional),
            attendees: (0..<(n % 4)).map {
              ICSAttendee(
                email: "\($0)\(text)", commonName: $0 % 2 == 0 ? nil : text,
                role: ICSAttendee.Role.allCases[(n + $0) % ICSAttendee.Role.allCases.count],
                participationStatus: ICSAttendee.ParticipationStatus.allCases[
                  n % ICSAttendee.ParticipationStatus.allCases.count],
                rsvp: n % 2 == 0)
            },
            sequence: n % 7 == 0 ? -n : n,
            status: n % 4 == 0 ? nil : ICSEvent.Status.allCases[n % 3],
            transparency: n % 3 == 0 ? nil : ICSEvent.Transparency.allCases[n % 2],
            url: n % 2 == 0 ? nil : text)))
    }
    #expect(Self.roundTrip(events) == events)
  }

  @Test func truncatedRecordIsNotRead() {
    let event = PersonEvent(
      personKey: "a@b", personName: "A",
      event: ICSEvent(
        uid: "u", timestamp: ICSDateTime(year: 2026, month: 1, day: 1, hour: 0, minute: 0),
        start: .utc(ICSDateTime(year: 2026, month: 1, day: 1, hour: 9, minute: 0)),
        summary: "S"))
    var bytes: [UInt8] = []
    event.write(to: &bytes)
    for length in 0..<bytes.count {
      var offset = 0
      #expect(PersonEvent.read(from: Array(bytes[..<length]), at: &offset) == nil)
      #expect(offset == 0)
    }
  }
}
