import Foundation
import Testing

@testable import OnboardKit

/// Example plans on real calendars (issue 5): each also passes every property of the planner.
@Suite struct PlannerExampleTests {
  static func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate {
    CalendarDate(year: y, month: m, day: d) ?? CalendarDate(dayNumber: 0)
  }

  /// An essential critical gap (level 1 of 4) with a two-topic path, and an unassessed
  /// essential skill that needs a skill check.
  static func input(
    start: CalendarDate, zone: String = "Europe/Berlin", location: String = "Berlin",
    workDays: [Weekday]? = nil, hours: Double? = nil, holidays: [Holiday] = [],
    extra: [ScheduledActivity] = []
  ) -> PlanningInput {
    let role = RoleProfile(
      title: "Backend Developer",
      requirements: [
        SkillRequirement(skillID: "sql", priority: 1, tier: .essential, targetLevel: 4),
        SkillRequirement(skillID: "git", priority: 2, tier: .essential, targetLevel: 3),
      ])
    let evidence = [
      AnalysisGen.evidence(
        skillID: "sql", source: .test, scale: .percent, raw: 20, instrument: "SQL test",
        assessor: nil, line: 2)
    ]
    let report = GapAnalysis.analyze(
      hireKey: AnalysisCase.hireKey, role: role, skills: [:], evidence: evidence)
    func topic(_ id: String, _ level: Int, _ minutes: Int, _ pre: [String]) -> TrainingTopic {
      TrainingTopic(
        id: id, skillID: "sql", level: level, title: id, format: .workshop,
        durationMinutes: minutes, owner: "trainer", prerequisites: pre, origin: PlanGen.origin)
    }
    var hire = AnalysisGen.hire()
    hire.requestedStart = start
    hire.timeZone = zone
    hire.location = location
    hire.workDays = workDays
    hire.hoursPerDay = hours
    if workDays.map({ $0.count < 5 }) ?? false { hire.employment = .partTime }
    return PlanningInput(
      hire: hire, role: role, report: report,
      catalog: [topic("sql-basics", 2, 60, []), topic("sql-indexing", 3, 60, ["sql-basics"])],
      schedule: PlanGen.baseSchedule() + extra, holidays: holidays, settings: PlanSettings())
  }

  /// Plans the input and checks every planner property on it.
  static func plan(
    _ input: PlanningInput, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> OnboardingPlan {
    let plan = Planner.plan(input)
    let failures = [
      PlanInvariants.workingDaysAndHours(plan, input), PlanInvariants.noOverlaps(plan),
      PlanInvariants.dailyTrainingCap(plan, input), PlanInvariants.prerequisitesFirst(plan, input),
      PlanInvariants.criticalGapsTrainedOrExplained(plan), PlanInvariants.startDate(plan, input),
    ].compactMap { $0 }
    for failure in failures {
      Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
    return plan
  }

  @Test func aSundayToThursdayTeamInDubai() throws {
    // 8 January 2027 is a Friday, the Dubai weekend: the plan starts on Sunday the 10th.
    let plan = Self.plan(
      Self.input(
        start: Self.date(2027, 1, 8), zone: "Asia/Dubai", location: "Dubai",
        workDays: PlanGen.sundayToThursday))
    #expect(plan.start == Self.date(2027, 1, 10))
    #expect(plan.startMovedReason?.contains("Friday") == true)
    #expect(plan.items.allSatisfy { ![.friday, .saturday].contains($0.date.weekday) })
    #expect(plan.weekOne.map(\.date.weekday) == PlanGen.sundayToThursday)
    #expect(plan.item(id: "welcome")?.date == Self.date(2027, 1, 10))
    // "weeks 2-13 end": the last working day of each week is a Thursday.
    let weekly = plan.items.filter { $0.id.hasPrefix("weekly#") }
    #expect(weekly.count == 12)
    #expect(weekly.allSatisfy { $0.date.weekday == .thursday })
    // Training begins on workday 2, the Monday.
    let training = plan.items.filter { $0.kind == .training || $0.kind == .verification }
    #expect(training.first?.date == Self.date(2027, 1, 11))
    let json = String(decoding: try PlanDocument(plan: plan).encoded(), as: UTF8.self)
    #expect(json.contains(#""timeZone" : "Asia/Dubai""#))
  }

  @Test func aPartTimeHireWorkingMondayToWednesday() {
    let input = Self.input(
      start: Self.date(2027, 3, 1), workDays: [.monday, .tuesday, .wednesday], hours: 4)
    let plan = Self.plan(input)
    #expect(
      plan.items.filter { $0.date >= plan.start }
        .allSatisfy { [.monday, .tuesday, .wednesday].contains($0.date.weekday) })
    // Pre-boarding is HR's and IT's work, on the company's days: five company days before day 1.
    #expect(plan.timeline.workday(-5) == Self.date(2027, 2, 22))
    // 4 hours from 09:00 plus the 12:30 lunch hour: the day ends at 14:00.
    #expect(plan.calendar.dayEnd == LocalTime(minutes: 14 * 60))
    #expect(plan.items.allSatisfy { $0.end.minutes <= 14 * 60 })
    // Workday 4 is the next Monday; the 16:30 check-in moves inside the short day, with a note.
    #expect(plan.timeline.workday(4) == Self.date(2027, 3, 8))
    let checkIn = plan.item(id: "eod#4")
    #expect(checkIn?.date == Self.date(2027, 3, 8))
    #expect((checkIn?.end.minutes ?? .max) <= 14 * 60)
    #expect(checkIn?.note?.contains("16:30") == true)
  }

  @Test func aStartTheDayBeforeAPublicHoliday() {
    // Thursday 24 December 2026; Berlin closes on the 25th (Friday) and the company on the 31st.
    let holidays = [
      Holiday(location: "Berlin", date: Self.date(2026, 12, 25), name: "Christmas Day"),
      Holiday(location: "*", date: Self.date(2026, 12, 31), name: "Company shutdown"),
      Holiday(location: "Dubai", date: Self.date(2026, 12, 28), name: "Not Berlin's holiday"),
    ]
    let plan = Self.plan(Self.input(start: Self.date(2026, 12, 24), holidays: holidays))
    #expect(plan.start == Self.date(2026, 12, 24))
    #expect(plan.startMovedReason == nil)
    let closed = [Self.date(2026, 12, 25), Self.date(2026, 12, 31)]
    #expect(plan.items.allSatisfy { !closed.contains($0.date) })
    #expect(plan.item(id: "eod#2")?.date == Self.date(2026, 12, 28))
    #expect(plan.item(id: "eod#4")?.date == Self.date(2026, 12, 30))
    #expect(plan.item(id: "eod#5")?.date == Self.date(2027, 1, 1))
    // Training starts on workday 2, the Monday after the holiday.
    let firstTraining = plan.items.first { $0.kind == .training || $0.kind == .verification }
    #expect(firstTraining?.date == Self.date(2026, 12, 28))
  }

  @Test func aStartOnASaturdayMovesToMondayWithAReason() throws {
    let plan = Self.plan(Self.input(start: Self.date(2027, 3, 6)))
    #expect(plan.start == Self.date(2027, 3, 8))
    #expect(plan.startMovedReason?.contains("Saturday") == true)
    #expect(plan.notes.contains { $0.contains("Saturday") && $0.contains("Monday, 8 March 2027") })
    let document = PlanDocument(plan: plan)
    #expect(document.requestedStart == "2027-03-06" && document.start == "2027-03-08")
    // A Saturday followed by a holiday Monday moves to the Tuesday.
    let moved = Self.plan(
      Self.input(
        start: Self.date(2027, 3, 6),
        holidays: [Holiday(location: "*", date: Self.date(2027, 3, 8), name: "Closed")]))
    #expect(moved.start == Self.date(2027, 3, 9))
    #expect(moved.startMovedReason?.contains("Saturday") == true)
  }

  @Test(arguments: [
    // Europe/Berlin springs forward on Sunday 28 March 2027.
    ("Europe/Berlin", 2027, 3, 24),
    // America/New_York falls back on Sunday 1 November 2026.
    ("America/New_York", 2026, 10, 28),
  ])
  func aStartInTheWeekOfADaylightSavingChange(zone: String, year: Int, month: Int, day: Int) throws
  {
    let standup = ScheduledActivity(
      id: "standup", title: "Team stand-up", kind: .meeting, when: .workdays(1, 10),
      time: PlanGen.at(10, 15), durationMinutes: 15, owner: "team", origin: PlanGen.origin)
    let plan = Self.plan(
      Self.input(
        start: Self.date(year, month, day), zone: zone, location: "Anywhere", extra: [standup]))
    let standups = plan.items.filter { $0.id.hasPrefix("standup#") }
    #expect(standups.count == 10)
    #expect(standups.allSatisfy { $0.start == PlanGen.at(10, 15) && $0.end == PlanGen.at(10, 30) })
    #expect(
      plan.items.filter { $0.id.hasPrefix("eod#") }.allSatisfy { $0.start == PlanGen.at(16, 30) })
    // The calendar file keeps the wall-clock time on both sides of the change.
    let ics = String(
      decoding: try CalendarFile.sessions(plan, settings: PlanSettings(), stamp: plan.start),
      as: UTF8.self)
    for item in standups {
      let c = item.date.components
      let stamp = String(format: "%04d%02d%02dT101500", c.year, c.month, c.day)
      #expect(ics.contains("DTSTART;TZID=\(zone):\(stamp)"), "\(item.date)")
    }
  }
}
