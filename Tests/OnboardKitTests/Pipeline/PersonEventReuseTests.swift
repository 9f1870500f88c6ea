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

  /// An item a re-plan removed stays in its owner's calendar as cancelled, with the UID it had
  /// (owners of the earlier plan.json are known by name only): it was dropped, so a calendar
  /// that had it kept a session that no longer exists.
  @Test func aRemovedItemIsCancelledInItsOwnersCalendar() throws {
    let (plans, people) = try PeopleTests.distributed()
    let settings = try RepositoryFiles.library().settings
    let stamp = try #require(CalendarDate(iso: "2026-11-29"))
    var plan = try #require(plans.first)
    let index = try #require(
      plan.items.firstIndex { $0.owner == "manager" && $0.date >= plan.start })
    var gone = plan.items.remove(at: index)
    gone.ownerEmail = nil
    plan.cancelled = [gone]
    let uid = try #require(
      CalendarFile.event(for: gone, plan: plan, settings: settings, stamp: stamp).uid as String?)
    let files = try PersonCalendars.files(
      PersonCalendars.events(of: plan, people: people, settings: settings, stamp: stamp))
    let manager = try #require(
      files.first { $0.path.contains(fileSafeName(plan.hire.manager.email)) })
    let text = String(decoding: manager.data, as: UTF8.self).replacingOccurrences(
      of: "\r\n ", with: "")
    let event = try #require(
      text.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:\(uid)") })
    #expect(event.contains("STATUS:CANCELLED"))
  }
}
