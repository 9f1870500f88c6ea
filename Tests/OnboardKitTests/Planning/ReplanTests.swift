import Foundation
import OnboardICS
import Testing

@testable import OnboardKit

/// `--replan-from`: Siobhán's Application Security skill check (Tue 5 Jan) gets a recorded
/// result (level 2 of target 3); the plan is re-planned from Wed 6 Jan.
@Suite struct ReplanTests {
  static let from = CalendarDate(year: 2027, month: 1, day: 6)!

  /// The first plan, and the re-plan made from its plan.json with the skill check's result.
  static func plans() throws -> (first: HireOutput, again: HireOutput, replan: Replan) {
    let cohort = try FixtureCohort()
    let hire = try cohort.hire("siobhan")
    let first = try cohort.output(for: hire)
    let replan = try FixtureCohort.replan(of: first, from: from)
    let check = try EvidenceImport.parse(
      try RepositoryFiles.source("Fixtures/skill-check-week1.csv"),
      skills: cohort.library.skillIndex, questions: cohort.library.questionBanks)
    let again = try Onboarding.process(
      hire: hire, folder: "siobhan-oconnor", library: cohort.library, templates: cohort.templates,
      evidence: cohort.evidence.evidence + check.evidence, stamp: FixtureCohort.stamp,
      replan: replan)
    return (first, again, replan)
  }

  /// The VEVENT blocks of a calendar file by UID.
  static func events(_ output: HireOutput) throws -> [String: String] {
    let ics = String(
      decoding: try #require(output.files.first { $0.path == "sessions.ics" }).data,
      as: UTF8.self)
    var events: [String: String] = [:]
    for block in ics.components(separatedBy: "BEGIN:VEVENT").dropFirst() {
      let body = block.components(separatedBy: "END:VEVENT")[0]
      let uid = body.components(separatedBy: "\r\n").first { $0.hasPrefix("UID:") } ?? ""
      events[uid] = body
    }
    return events
  }

  static func sequence(_ event: String) -> Int {
    let line = event.components(separatedBy: "\r\n").first { $0.hasPrefix("SEQUENCE:") } ?? ""
    return Int(line.dropFirst("SEQUENCE:".count)) ?? -1
  }

  @Test func itemsBeforeTheDateAreKeptByteForByte() throws {
    let (first, again, _) = try Self.plans()
    let before = first.plan.items.filter { $0.date < Self.from }
    let after = again.plan.items.filter { $0.date < Self.from }
    #expect(!before.isEmpty)
    #expect(before == after)
    // The same items give the same JSON and the same calendar events, byte for byte.
    let a = try PlanDocument(plan: first.plan).items.filter { $0.date < Self.from.iso }
    let b = try PlanDocument(plan: again.plan).items.filter { $0.date < Self.from.iso }
    #expect(a == b)
    let old = try Self.events(first)
    let new = try Self.events(again)
    let domain = try FixtureCohort().library.settings.domain
    for item in before where item.date >= first.plan.start {
      let uid = "UID:" + ICSEvent.stableUID(key: "\(first.hire.key)/\(item.id)", domain: domain)
      #expect(old[uid] != nil && new[uid] == old[uid], "\(item.id)")
    }
  }

  @Test func changedItemsCarryAHigherSequenceAndAreListed() throws {
    let (first, again, _) = try Self.plans()
    let old = Dictionary(first.plan.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let changed = again.plan.changes.filter { $0.change == .changed }
    #expect(!changed.isEmpty)
    let newEvents = try Self.events(again)
    let oldEvents = try Self.events(first)
    var detailsOnly = 0
    for change in changed {
      let item = try #require(again.plan.item(id: change.itemID))
      let previous = try #require(old[change.itemID])
      #expect(item.date >= Self.from)
      #expect(item != previous)
      // A higher SEQUENCE when the calendar event shows the change; the same when only the
      // plan's reason, note or a review's agenda changed (QA13 F4: such events had been bumped
      // with nothing new in them). The check below, that every event that differs has a higher
      // SEQUENCE, keeps `calendarShows` honest.
      if Replan.calendarShows(item) != Replan.calendarShows(previous) {
        #expect(item.sequence == previous.sequence + 1, "\(item.id)")
      } else {
        #expect(item.sequence == previous.sequence, "\(item.id)")
        detailsOnly += 1
      }
    }
    #expect(detailsOnly > 0, "the re-plan changes a review's agenda, which no calendar shows")
    // Every item that differs is listed; every event that differs has a higher SEQUENCE.
    for item in again.plan.items where item.date >= Self.from {
      if let previous = old[item.id], previous != item {
        #expect(changed.contains { $0.itemID == item.id }, "\(item.id) changed but is not listed")
      }
    }
    for (uid, event) in newEvents {
      guard let before = oldEvents[uid], before != event else { continue }
      #expect(Self.sequence(event) > Self.sequence(before), "\(uid)")
    }
    // Unchanged items keep SEQUENCE 0 and the event of the first plan.
    let unchanged = again.plan.items.filter { $0.date >= Self.from && old[$0.id] == $0 }
    #expect(!unchanged.isEmpty)
    #expect(unchanged.allSatisfy { $0.sequence == 0 })
  }

  @Test func theFollowUpSlotGetsTheTrainingTheCheckCalledFor() throws {
    let (first, again, _) = try Self.plans()
    let slot = try #require(first.plan.item(id: "follow-up:application-security"))
    #expect(slot.date.weekday == .tuesday && first.plan.timeline.weekNumber(of: slot.date) == 2)
    #expect(again.plan.item(id: "follow-up:application-security") == nil)
    let training = again.plan.items.filter {
      $0.skillID == "application-security" && $0.kind == .training
    }
    // Level 2 of target 3: the level-3 topics, the first in the slot the check kept.
    let first3 = try #require(training.min { ($0.date, $0.start) < ($1.date, $1.start) })
    #expect(first3.date == slot.date && first3.start == slot.start)
    let removed = try #require(
      again.plan.changes.first { $0.itemID == "follow-up:application-security" })
    #expect(removed.change == .removed && removed.text.contains("now holds"))
    // The reviews show the level at hire and the latest level, labelled.
    let review = try #require(again.plan.item(id: "review-60"))
    #expect(
      review.agenda.contains {
        $0.contains("Application Security (at hire unknown, latest 2, target 3)")
      })
    #expect(!review.agenda.contains { $0.contains("Confirm the level of") })
    // The calendar cancels nothing it still has, and cancels the freed slot.
    let ics = String(
      decoding: try #require(again.files.first { $0.path == "sessions.ics" }).data, as: UTF8.self)
    #expect(ics.contains("STATUS:CANCELLED"))
  }

  @Test func aReplanWithoutNewEvidenceChangesNothing() throws {
    let cohort = try FixtureCohort()
    let hire = try cohort.hire("siobhan")
    let first = try cohort.output(for: hire)
    let replan = try FixtureCohort.replan(of: first, from: Self.from)
    let again = try Onboarding.process(
      hire: hire, folder: "siobhan-oconnor", library: cohort.library, templates: cohort.templates,
      evidence: cohort.evidence.evidence, stamp: FixtureCohort.stamp, replan: replan)
    #expect(again.plan.changes.isEmpty, "\(again.plan.changes)")
    #expect(again.plan.items == first.plan.items)
  }

  /// A re-test that changes the order of urgency (Docker is re-tested on 1 Feb) must not reach
  /// back: the items before the re-plan date keep their notes, SEQUENCE and bytes, and none of
  /// them is listed as changed.
  @Test func newUrgencyOrderDoesNotRewriteItemsBeforeTheDate() throws {
    let from = CalendarDate(year: 2027, month: 2, day: 10)!
    let cohort = try FixtureCohort()
    let hire = try cohort.hire("siobhan")
    let first = try cohort.output(for: hire)
    let replan = try FixtureCohort.replan(of: first, from: from)
    let retest = try EvidenceImport.parse(
      try RepositoryFiles.source("Fixtures/retest-day30.csv"),
      skills: cohort.library.skillIndex, questions: cohort.library.questionBanks)
    let again = try Onboarding.process(
      hire: hire, folder: "siobhan-oconnor", library: cohort.library, templates: cohort.templates,
      evidence: cohort.evidence.evidence + retest.evidence, stamp: FixtureCohort.stamp,
      replan: replan)
    #expect(!again.plan.changes.isEmpty, "the re-test changes the plan after the date")
    let before = first.plan.items.filter { $0.date < from }
    #expect(before == again.plan.items.filter { $0.date < from })
    for change in again.plan.changes {
      let item = again.plan.item(id: change.itemID) ?? first.plan.item(id: change.itemID)
      #expect((item?.date ?? from) >= from, "\(change.text)")
    }
    let old = try Self.events(first)
    for (uid, event) in try Self.events(again) where old[uid] != nil {
      let start = event.components(separatedBy: "\r\n").first { $0.hasPrefix("DTSTART") } ?? ""
      guard let stamp = start.split(separator: ":").last, stamp.prefix(8) < "20270210" else {
        continue
      }
      #expect(event == old[uid], "\(uid)")
    }
  }

  /// A manager's hand-over from Mon 15 Feb (`manager` override, re-planned from that day): the
  /// weekly 1:1s from then on go to Grace Liu, and the earlier manager's calendar keeps them as
  /// cancelled (same UID, the new SEQUENCE) instead of losing them without a word.
  @Test func aHandOverCancelsTheEventsInTheEarlierOwnersCalendar() throws {
    let from = CalendarDate(year: 2027, month: 2, day: 15)!
    let cohort = try FixtureCohort()
    let hire = try cohort.hire("siobhan")
    let first = try cohort.output(for: hire)
    let replan = try FixtureCohort.replan(of: first, from: from)
    let overrides = try OverridesImport.parse(
      SourceFile(
        path: "overrides.csv",
        text: "email,action,target,date,time,duration_minutes,title,owner,note\n"
          + "\(hire.email),manager,Grace Liu <grace.liu@example.com>,,,,,,Marcus moves team\n"))
    let again = try Onboarding.process(
      hire: hire, folder: "siobhan-oconnor", library: cohort.library, templates: cohort.templates,
      evidence: cohort.evidence.evidence, overrides: overrides, stamp: FixtureCohort.stamp,
      replan: replan)
    let handed = again.plan.items.filter { $0.id.hasPrefix("weekly-1on1#") && $0.date >= from }
    #expect(!handed.isEmpty && handed.allSatisfy { $0.ownerName == "Grace Liu" })
    #expect(
      again.plan.changes.contains {
        $0.itemID == handed[0].id && $0.text.contains("now with Grace Liu (was Marcus Oyelaran)")
      })
    let people = cohort.library.people
    let calendars = try PersonCalendars.files(
      PersonCalendars.events(
        of: again.plan, people: people, settings: cohort.library.settings,
        stamp: FixtureCohort.stamp))
    func events(_ person: String) throws -> [String: String] {
      let file = try #require(calendars.first { $0.path.contains(person) }, "\(person)")
      var byUID: [String: String] = [:]
      for block in String(decoding: file.data, as: UTF8.self).components(
        separatedBy: "BEGIN:VEVENT"
      ).dropFirst() {
        let uid = block.components(separatedBy: "\r\n").first { $0.hasPrefix("UID:") } ?? ""
        byUID[uid] = block
      }
      return byUID
    }
    let marcus = try events("marcus-oyelaran")
    let grace = try events("grace-liu")
    let domain = cohort.library.settings.domain
    for item in handed {
      let uid = "UID:" + ICSEvent.stableUID(key: "\(hire.key)/\(item.id)", domain: domain)
      let old = try #require(marcus[uid], "\(item.id) is not in Marcus's calendar")
      #expect(old.contains("STATUS:CANCELLED"), "\(item.id)")
      #expect(old.contains("SEQUENCE:\(item.sequence)\r\n") && item.sequence == 1)
      let new = try #require(grace[uid], "\(item.id) is not in Grace's calendar")
      #expect(!new.contains("STATUS:CANCELLED"))
    }
    // The 1:1s before the hand-over stay Marcus's, not cancelled.
    let before = again.plan.items.filter { $0.id.hasPrefix("weekly-1on1#") && $0.date < from }
    #expect(!before.isEmpty)
    for item in before {
      let uid = "UID:" + ICSEvent.stableUID(key: "\(hire.key)/\(item.id)", domain: domain)
      #expect(marcus[uid].map { !$0.contains("STATUS:CANCELLED") } == true, "\(item.id)")
    }
  }

  /// A re-plan date after the earlier plan's last item has nothing to re-plan: every item stays,
  /// and a warning says so (it ran in silence and the unscheduled list blamed the training time).
  @Test func aReplanAfterThePlansLastDayIsWarned() throws {
    let cohort = try FixtureCohort()
    let hire = try cohort.hire("siobhan")
    let first = try cohort.output(for: hire)
    let replan = try FixtureCohort.replan(
      of: first, from: CalendarDate(year: 2027, month: 5, day: 1)!)
    let again = try Onboarding.process(
      hire: hire, folder: "siobhan-oconnor", library: cohort.library, templates: cohort.templates,
      evidence: cohort.evidence.evidence, stamp: FixtureCohort.stamp, replan: replan)
    #expect(again.plan.items == first.plan.items)
    #expect(
      again.plan.planWarnings.contains {
        $0.message.contains("the re-plan date Sat 1 May is after the earlier plan's last item")
      }, "\(again.plan.planWarnings)")
    #expect(!first.plan.planWarnings.contains { $0.message.contains("re-plan") })
  }
}
