import Foundation
import Testing

@testable import OnboardKit

/// README "How the planner schedules": emails are events on the plan's timeline. The hire starts
/// on Monday 4 January 2027 (Monday–Friday, no holidays), so every date below is counted by hand.
@Suite struct EmailTimingRuleTests {
  static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day) ?? CalendarDate(dayNumber: 0)
  }

  static func template(_ id: String, send: String) throws -> EmailTemplateFile {
    try EmailTemplateFile(
      id: id, path: "\(id).mustache",
      contents: "subject: About {{first_name}}\naudience: hire\nsend: \(send)\n---\nHello.\n")
  }

  @Test func sendRulesCountWorkdaysOnThePlansTimeline() throws {
    let review = ScheduledActivity(
      id: "review-30", title: "30-day review", kind: .milestone, when: .day(30),
      time: PlanGen.at(10, 0), durationMinutes: 60, owner: "manager", origin: PlanGen.origin)
    var input = PlannerRuleTests.input(
      [PlannerRuleTests.requirement("a", 1, .essential, target: 4)],
      evidence: [PlannerRuleTests.level("a", 1)],
      catalog: [PlannerRuleTests.topic("t", skill: "a", level: 4)], schedule: [review])
    input.holidays = []
    let plan = Planner.plan(input)
    // The one training session is on workday 2, Tuesday 5 January; day 30 is Tuesday 2 February.
    #expect(plan.item(id: "training:t")?.date == Self.date(2027, 1, 5))
    #expect(plan.item(id: "review-30")?.date == Self.date(2027, 2, 2))
    let templates = try [
      Self.template("welcome", send: "workday -5 at 10:00"),
      Self.template("review", send: "3 workdays before review-30"),
      Self.template("invite", send: "1 workdays before each training"),
      Self.template("offsite", send: "2 workdays before offsite"),
    ]
    let (events, notes) = EmailSchedule.events(
      for: plan, templates: templates, defaultTime: PlanGen.at(9, 0))
    let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.templateID, $0) })
    // Workday -5: five working days before Monday 4 January (1, 31, 30, 29, 28 December).
    #expect(byID["welcome"]?.date == Self.date(2026, 12, 28))
    #expect(byID["welcome"]?.time == PlanGen.at(10, 0))
    // Three workdays before Tuesday 2 February: Monday 1, Friday 29, Thursday 28 January; no
    // time given, so the default.
    #expect(byID["review"]?.date == Self.date(2027, 1, 28))
    #expect(byID["review"]?.time == PlanGen.at(9, 0))
    #expect(byID["review"]?.itemID == "review-30")
    // One workday before the training on Tuesday 5 January.
    #expect(byID["invite"]?.date == Self.date(2027, 1, 4))
    #expect(byID["invite"]?.itemID == "training:t")
    // About an activity this hire does not have: not sent, and said so.
    #expect(byID["offsite"] == nil)
    #expect(notes.contains { $0.contains("`offsite`") && $0.hasSuffix("not sent.") })
    // In send order.
    #expect(events.map(\.templateID) == ["welcome", "invite", "review"])
  }

  /// Two invitations sent at the same minute go in the order of their sessions (the 10:00
  /// session's came first, numbered before the 09:00 one's), and none says "next".
  @Test func sameMinuteInvitationsFollowTheirSessions() throws {
    let cohort = try FixtureCohort()
    let output = try cohort.output(for: try cohort.hire("siobhan"))
    let plan = output.plan
    let (events, _) = EmailSchedule.events(
      for: plan, templates: cohort.templates.map(\.file),
      defaultTime: cohort.library.settings.defaultSendTime)
    var pairs = 0
    for (a, b) in zip(events, events.dropFirst()) where (a.date, a.time) == (b.date, b.time) {
      guard let x = a.itemID.flatMap(plan.item(id:)), let y = b.itemID.flatMap(plan.item(id:))
      else { continue }
      pairs += 1
      #expect((x.date, x.start) <= (y.date, y.start), "\(x.id) before \(y.id)")
    }
    #expect(pairs >= 1)
    #expect(!output.emails.contains { $0.subject.contains("Your next session") })
  }
}
