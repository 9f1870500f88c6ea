import Foundation
import OnboardICS
import Testing

@testable import OnboardKit

/// The people's events made from the sessions.ics events of a plan's items (as a run does) are
/// the events made from the plan alone, and sessions.ics is the same bytes either way.
@Suite struct PersonEventReuseTests {
  @Test func eventsFromTheSessionsEventsAreTheSame() throws {
    let (plans, people) = try PeopleTests.distributed()
    let library = try RepositoryFiles.library()
    let settings = library.settings
    let stamp = try #require(CalendarDate(iso: "2026-11-29"))
    var reused = 0
    for plan in plans {
      let sessions = try CalendarFile.sessionsAndEvents(plan, settings: settings, stamp: stamp)
      #expect(sessions.data == (try CalendarFile.sessions(plan, settings: settings, stamp: stamp)))
      #expect(sessions.itemEvents.count == plan.items.count)
      for (item, event) in zip(plan.items, sessions.itemEvents) {
        #expect((event != nil) == (item.date >= plan.start))
        if let event {
          #expect(
            event == CalendarFile.event(for: item, plan: plan, settings: settings, stamp: stamp))
          reused += 1
        }
      }
      #expect(
        PersonCalendars.events(
          of: plan, people: people, settings: settings, stamp: stamp,
          itemEvents: sessions.itemEvents)
          == PersonCalendars.events(of: plan, people: people, settings: settings, stamp: stamp))
    }
    #expect(reused > 50)
  }
}
