import Foundation
import OnboardICS
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The people's calendars made from the events' blocks against the calendar of the events they
/// were (`ICSCalendar(method: .publish, name:, events:)` in the calendar's order), as they were
/// made before the blocks: the same bytes, and for an event a calendar cannot write, the same
/// error (the first in the calendar's order, with its index there).
@Suite struct PersonCalendarBlockTests {
  /// The calendars the way they were made: the events sorted by start and UID, then written.
  static func reference(_ events: [(key: String, name: String, event: ICSEvent)]) -> String {
    var order: [String] = []
    var byPerson: [String: [(key: String, name: String, event: ICSEvent)]] = [:]
    for entry in events {
      if byPerson[entry.key] == nil { order.append(entry.key) }
      byPerson[entry.key, default: []].append(entry)
    }
    var result = ""
    for key in order.sorted() {
      let list = byPerson[key] ?? []
      let sorted = list.map { (key: $0.event.start.sortKey, event: $0.event) }
        .sorted { ($0.key, $0.event.uid) < ($1.key, $1.event.uid) }.map(\.event)
      let calendar = ICSCalendar(
        method: .publish, name: "Onboarding: \(list.first?.name ?? key)", events: sorted)
      do {
        result += "calendars/\(fileSafeName(key)).ics\n" + (try calendar.render())
      } catch {
        return "error: calendars/\(key).ics: cannot write: \(error)"
      }
    }
    return result
  }

  static func made(_ events: [(key: String, name: String, event: ICSEvent)]) -> String {
    do {
      return try PersonCalendars.files(
        events.map { PersonEvent(personKey: $0.key, personName: $0.name, event: $0.event) }
      ).map { "\($0.path)\n" + String(decoding: $0.data, as: UTF8.self) }.joined()
    } catch {
      return "error: \(error.location.file): \(error.message)"
    }
  }

  @Test func calendarsOfPlannedHiresAreTheCalendarsOfTheirEvents() throws {
    let (plans, people) = try PeopleTests.distributed()
    let library = try RepositoryFiles.library()
    let stamp = try #require(CalendarDate(iso: "2026-11-29"))
    var events: [(key: String, name: String, event: ICSEvent)] = []
    for plan in plans {
      for event in PersonCalendars.events(
        of: plan, people: people, settings: library.settings, stamp: stamp)
      {
        guard case .block(let block) = event.written else {
          Issue.record("an event of \(plan.hire.key) is not written")
          continue
        }
        #expect(block.uid == event.uid)
      }
    }
    // The same events as ICSEvents: the hire's event in the person's zone, as `events` makes it.
    for plan in plans {
      let byKey = Dictionary(people.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
      for item in plan.items {
        guard let email = item.ownerEmail, email.lowercased() != plan.hire.key else { continue }
        let zone = byKey[email.lowercased()]?.timeZone ?? plan.calendar.timeZone
        var event = CalendarFile.event(
          for: item, plan: plan, settings: library.settings, stamp: stamp)
        let begin = ZoneClock.instant(item.date, item.start, in: plan.calendar.timeZone)
        event.start = PersonCalendars.time(begin, zone)
        event.end = PersonCalendars.time(begin + item.durationMinutes, zone)
        event.summary = "\(item.title) (\(plan.hire.fullName))"
        events.append((email.lowercased(), item.ownerName ?? email, event))
      }
    }
    #expect(events.count > 50)
    let made = try PersonCalendars.files(
      plans.flatMap {
        PersonCalendars.events(of: $0, people: people, settings: library.settings, stamp: stamp)
      }
    ).map { "\($0.path)\n" + String(decoding: $0.data, as: UTF8.self) }.joined()
    #expect(made == Self.reference(events))
  }

  @Test func generatedCalendarsAndTheirErrorsAreTheCalendarsOfTheirEvents() {
    let zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "Nowhere/Zone"]
    let emails = ["a@b.example", "Mgr@Example.com", "no-at-sign", "é@example.com", ""]
    let texts = ["Welcome", "é, ; \\ \n", String(repeating: "日本語", count: 30), "👩🏽‍💻 x"]
    var numbers = SeededNumbers(seed: 0xCA1E_DA25)
    var errors = 0
    for _ in 0..<300 {
      var events: [(key: String, name: String, event: ICSEvent)] = []
      for n in 0..<numbers.next(12) {
        let day = 1 + numbers.next(28)
        let hour = numbers.next(24)
        let zone = zones[numbers.next(zones.count)]
        let start = ICSDateTime(
          year: 2027, month: 1 + numbers.next(12), day: day, hour: hour, minute: 0)
        let event = ICSEvent(
          uid: numbers.next(20) == 0 ? "" : "u\(numbers.next(5))-\(n)@x.example",
          timestamp: ICSDateTime(year: 2026, month: 11, day: 29, hour: 0, minute: 0),
          start: .local(start, timeZone: zone),
          end: .local(start.adding(seconds: numbers.next(30) == 0 ? -60 : 3_600), timeZone: zone),
          summary: texts[numbers.next(texts.count)],
          description: numbers.next(2) == 0 ? nil : texts[numbers.next(texts.count)],
          location: "Berlin office", categories: ["meeting"],
          organizer: ICSOrganizer(email: "people@x.example", commonName: "People Team"),
          attendees: [
            ICSAttendee(
              email: emails[numbers.next(numbers.next(8) == 0 ? emails.count : 2)],
              commonName: texts[numbers.next(texts.count)])
          ], sequence: numbers.next(3), status: .confirmed,
          url: numbers.next(2) == 0 ? nil : "https://meet.x.example/a")
        let person = ["p1@x.example", "p2@x.example", "calendars@x.example"][numbers.next(3)]
        events.append((person, "Person \(person.prefix(2))", event))
      }
      let reference = Self.reference(events)
      if reference.hasPrefix("error:") { errors += 1 }
      #expect(Self.made(events) == reference)
    }
    #expect(errors > 10)
  }
}
