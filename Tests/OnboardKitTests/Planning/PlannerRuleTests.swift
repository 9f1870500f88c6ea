import Foundation
import Testing

@testable import OnboardKit

/// Each rule of README "How the planner schedules", stated on a small hand-made input whose
/// expected dates are worked out from the rule. The hire starts on Monday 4 January 2027, works
/// Monday–Friday 09:00–17:30 with lunch at 12:30, and has no fixed activities unless a test adds
/// them, so only the rule under test decides where a session goes. Default caps: 60, 120, 150,
/// then 180 training minutes a day; a skill check lasts 45 minutes.
@Suite struct PlannerRuleTests {
  static func date(_ day: Int) -> CalendarDate {
    CalendarDate(year: 2027, month: 1, day: day) ?? CalendarDate(dayNumber: 0)
  }
  /// Workday n of the plan (no holidays): Mon 4 Jan is 1, Fri 8 Jan is 5, Mon 11 Jan is 6.
  static func workday(_ n: Int) -> CalendarDate {
    let week = (n - 1) / 5
    return date(4 + 7 * week + (n - 1) % 5)
  }

  static func requirement(_ id: String, _ priority: Int, _ tier: Tier, target: Int)
    -> SkillRequirement
  {
    SkillRequirement(skillID: id, priority: priority, tier: tier, targetLevel: target)
  }

  static func level(_ id: String, _ value: Double, line: Int = 2) -> Evidence {
    AnalysisGen.evidence(
      skillID: id, source: .test, scale: .level, raw: value, instrument: "Quiz", assessor: nil,
      line: line)
  }

  static func topic(
    _ id: String, skill: String, level: Int, minutes: Int = 60, after: [String] = [],
    format: TrainingTopic.Format = .pairing, capacity: Int? = nil
  ) -> TrainingTopic {
    TrainingTopic(
      id: id, skillID: skill, level: level, title: id, format: format, durationMinutes: minutes,
      owner: "buddy", prerequisites: after, capacity: capacity, origin: PlanGen.origin)
  }

  static func input(
    _ requirements: [SkillRequirement], evidence: [Evidence], catalog: [TrainingTopic],
    schedule: [ScheduledActivity] = [], settings: PlanSettings = PlanSettings(),
    shared: [SharedSession] = []
  ) -> PlanningInput {
    let role = RoleProfile(title: "Backend Developer", requirements: requirements)
    let report = GapAnalysis.analyze(
      hireKey: AnalysisCase.hireKey, role: role, skills: [:], evidence: evidence,
      settings: settings.analysis)
    var hire = AnalysisGen.hire()
    hire.requestedStart = date(4)
    return PlanningInput(
      hire: hire, role: role, report: report, catalog: catalog, schedule: schedule, holidays: [],
      settings: settings, sharedSessions: shared)
  }

  // MARK: Skill checks

  @Test func skillCheckLaterThanPlannedNoteFromWorkdaySix() throws {
    // Six essential skills nobody assessed: six 45-minute skill checks. Week 1 allows 60 training
    // minutes a day from workday 2, so one check a day on workdays 2–5; checks 5 and 6 go to
    // workday 6 (Monday of week 2, cap 120) and only they are "later than planned".
    let ids = (1...6).map { "s\($0)" }
    let input = Self.input(
      ids.enumerated().map { Self.requirement($1, $0 + 1, .essential, target: 3) }, evidence: [],
      catalog: [])
    let plan = Planner.plan(input)
    let checks = try ids.map { try #require(plan.item(id: "verify:\($0)")) }
    #expect(checks.map(\.kind) == Array(repeating: .verification, count: 6))
    #expect(checks.map(\.date) == [2, 3, 4, 5, 6, 6].map(Self.workday))
    #expect(checks.map(\.durationMinutes) == Array(repeating: 45, count: 6))
    for check in checks.prefix(4) {
      #expect(check.note == nil, "\(check.id) on \(check.date.longText): \(check.note ?? "")")
    }
    for check in checks.suffix(2) {
      #expect(check.note?.contains("later than planned") == true, "\(check.id)")
    }
    // Nobody assessed them: every milestone must ask for their level, none was trained.
    #expect(!plan.items.contains { $0.kind == .training })
  }

  @Test func conflictingSkillIsCheckedThenTrainedFromItsLowerReading() throws {
    // Test 4, interviewer 2 (2 apart): conflicting; fused level 3, lower reading 2. From 3 only
    // the level-4 topic would be chosen; from 2 the level-3 topic is needed first.
    let evidence = [
      Self.level("c", 4),
      AnalysisGen.evidence(
        skillID: "c", source: .interview, scale: .rubric, raw: 2, instrument: "Interview",
        assessor: "Ana", line: 3),
    ]
    let input = Self.input(
      [Self.requirement("c", 1, .essential, target: 4)], evidence: evidence,
      catalog: [
        Self.topic("c-mid", skill: "c", level: 3), Self.topic("c-adv", skill: "c", level: 4),
      ])
    #expect(input.report.assessment(of: "c")?.status == .conflicting)
    let plan = Planner.plan(input)
    let check = try #require(plan.item(id: "verify:c"))
    let mid = try #require(plan.item(id: "training:c-mid"))
    let adv = try #require(plan.item(id: "training:c-adv"))
    // Check on workday 2 (45 of 60 min); c-mid does not fit beside it, so workday 3; c-adv 4.
    #expect(check.date == Self.workday(2))
    #expect(mid.date == Self.workday(3) && adv.date == Self.workday(4))
    #expect(mid.reason?.contains("lower reading (2)") == true)
  }

  // MARK: Training order

  @Test func essentialSkillsFirstThenMostSevereFirst() throws {
    // imp:        important p1, level 0 of 5 → shortfall 5 × (2 × 1)    = 10
    // ess-mild:   essential p2, level 2 of 4 → shortfall 2 × (3 × 0.75) = 4.5
    // ess-severe: essential p3, level 1 of 5 → shortfall 4 × (3 × 0.5)  = 6
    // Essential first, most severe first: ess-severe, ess-mild, then imp (the most severe).
    let input = Self.input(
      [
        Self.requirement("imp", 1, .important, target: 5),
        Self.requirement("ess-mild", 2, .essential, target: 4),
        Self.requirement("ess-severe", 3, .essential, target: 5),
      ],
      evidence: [
        Self.level("imp", 0), Self.level("ess-mild", 2, line: 3),
        Self.level("ess-severe", 1, line: 4),
      ],
      catalog: [
        Self.topic("t-imp", skill: "imp", level: 5),
        Self.topic("t-mild", skill: "ess-mild", level: 4),
        Self.topic("t-severe", skill: "ess-severe", level: 5),
      ])
    #expect(input.report.weakAreas.map(\.severity) == [10, 6, 4.5])
    let plan = Planner.plan(input)
    // One 60-minute topic a day in week 1, from workday 2.
    #expect(plan.item(id: "training:t-severe")?.date == Self.workday(2))
    #expect(plan.item(id: "training:t-mild")?.date == Self.workday(3))
    #expect(plan.item(id: "training:t-imp")?.date == Self.workday(4))
  }

  @Test func topicsBetweenTheLevelAndTheTargetPrerequisitesUnlessAlreadyThere() throws {
    let catalog = [
      Self.topic("basics", skill: "a", level: 2), Self.topic("expert", skill: "a", level: 5),
      Self.topic("advanced", skill: "a", level: 4, after: ["basics", "git-101"]),
      Self.topic("git-101", skill: "git", level: 2),
    ]
    func plan(level: Double, git: Double) -> OnboardingPlan {
      Planner.plan(
        Self.input(
          [
            Self.requirement("a", 1, .essential, target: 4),
            Self.requirement("git", 2, .important, target: 2),
          ], evidence: [Self.level("a", level), Self.level("git", git, line: 3)], catalog: catalog))
    }
    // Level 2 of 4: only "advanced" (level 4) lies in (2, 4]; "expert" is above the target.
    // Its prerequisite "basics" (level 2) is the hire's level already, and git is on target: both
    // skipped.
    let skilled = plan(level: 2, git: 2)
    #expect(skilled.items.filter { $0.kind == .training }.compactMap(\.topicID) == ["advanced"])
    // Level 1 of 4 and git 0 of 2: basics (in range) and git-101 (a prerequisite the hire lacks)
    // come before advanced.
    let beginner = plan(level: 1, git: 0)
    let ids = beginner.items.filter { $0.kind == .training }.compactMap(\.topicID)
    #expect(Set(ids) == ["basics", "git-101", "advanced"])
    let advanced = try #require(beginner.item(id: "training:advanced"))
    for id in ["basics", "git-101"] {
      let before = try #require(beginner.item(id: "training:\(id)"))
      #expect((before.date, before.end) <= (advanced.date, advanced.start), "\(id)")
    }
  }

  // MARK: Shared workshops

  static let sqlCatalog = [
    topic("sql-basics", skill: "sql", level: 2),
    topic(
      "sql-joins", skill: "sql", level: 3, after: ["sql-basics"], format: .workshop, capacity: 8),
  ]

  static func shared(on day: CalendarDate) -> SharedSession {
    SharedSession(
      id: "sql-joins@\(day)#1", topicID: "sql-joins", date: day,
      start: LocalTime(minutes: 10 * 60), minutes: 60,
      members: [AnalysisCase.hireKey, "someone.else@example.com"])
  }

  @Test func sharedWorkshopBeforeItsPrerequisiteIsNoted() throws {
    // The shared sql-joins is fixed on workday 2 at 10:00 and takes that day's 60 minutes, so its
    // prerequisite sql-basics goes to workday 3: after the workshop, which the plan must say.
    let early = Planner.plan(
      Self.input(
        [Self.requirement("sql", 1, .essential, target: 4)], evidence: [Self.level("sql", 1)],
        catalog: Self.sqlCatalog, shared: [Self.shared(on: Self.workday(2))]))
    let basics = try #require(early.item(id: "training:sql-basics"))
    let joins = try #require(early.item(id: "training:sql-joins"))
    #expect(basics.date == Self.workday(3))
    #expect(joins.date == Self.workday(2) && joins.start == LocalTime(minutes: 600))
    #expect(joins.note?.contains("a prerequisite ends after it") == true, "\(joins.note ?? "")")
    // A workshop on workday 10, after its prerequisite: no such note.
    let late = Planner.plan(
      Self.input(
        [Self.requirement("sql", 1, .essential, target: 4)], evidence: [Self.level("sql", 1)],
        catalog: Self.sqlCatalog, shared: [Self.shared(on: Self.workday(10))]))
    #expect(late.item(id: "training:sql-basics")?.date == Self.workday(2))
    let lateJoins = try #require(late.item(id: "training:sql-joins"))
    #expect(lateJoins.note?.contains("shared workshop with 2 hires") == true)
    #expect(lateJoins.note?.contains("prerequisite") == false)
  }

  @Test func sharedWorkshopWithAnUnschedulablePrerequisiteIsListed() throws {
    // sql-basics lasts 200 minutes, more than any day's cap: it cannot be placed, so the shared
    // workshop that needs it is listed with the reason instead of being attended unprepared.
    var catalog = Self.sqlCatalog
    catalog[0].durationMinutes = 200
    let plan = Planner.plan(
      Self.input(
        [Self.requirement("sql", 1, .essential, target: 4)], evidence: [Self.level("sql", 1)],
        catalog: catalog, shared: [Self.shared(on: Self.workday(10))]))
    #expect(plan.item(id: "training:sql-joins") == nil)
    let reasons = Dictionary(uniqueKeysWithValues: plan.unscheduled.map { ($0.topicID, $0.reason) })
    #expect(
      reasons["sql-basics"] == "it lasts 200 min, more than the daily training cap of 180 min")
    #expect(reasons["sql-joins"] == "its prerequisite \"sql-basics\" could not be scheduled")
  }

  // MARK: Caps

  @Test func theDailyCapRampsUpAndDayOneHasNoTraining() throws {
    let settings = PlanSettings()
    #expect(settings.trainingCap(week: 1, isFirstDay: true) == 0)
    #expect(
      (1...6).map { settings.trainingCap(week: $0, isFirstDay: false) } == [
        60, 120, 150, 180, 180, 180,
      ])
    // Sixty 30-minute topics (1800 minutes) of one critical gap fill each day to its cap:
    // week 1 workdays 2–5 60 (240), week 2 120 (600), week 3 150 (750), then 180 and the last 30.
    let catalog = (0..<60).map {
      Self.topic(String(format: "t%02d", $0), skill: "a", level: 1 + $0 / 12, minutes: 30)
    }
    let plan = Planner.plan(
      Self.input(
        [Self.requirement("a", 1, .essential, target: 5)], evidence: [Self.level("a", 0)],
        catalog: catalog))
    #expect(plan.unscheduled.isEmpty)
    var minutes: [CalendarDate: Int] = [:]
    for item in plan.items where item.kind == .training {
      minutes[item.date, default: 0] += item.durationMinutes
    }
    var expected: [CalendarDate: Int] = [:]
    for n in 2...5 { expected[Self.workday(n)] = 60 }
    for n in 6...10 { expected[Self.workday(n)] = 120 }
    for n in 11...15 { expected[Self.workday(n)] = 150 }
    expected[Self.workday(16)] = 180
    expected[Self.workday(17)] = 30
    #expect(minutes == expected)
  }

  @Test func whatDoesNotFitBeforeDayNinetyIsListedWithTheReason() throws {
    // A cap of 30 minutes a day and a hundred 30-minute topics: one a day from workday 2 to the
    // last working day before day 90 (Fri 2 April 2027, workday 65), so 64 placed, 36 listed.
    var settings = PlanSettings()
    settings.trainingCapMinutesByWeek = [30]
    let catalog = (0..<100).map {
      Self.topic(String(format: "t%03d", $0), skill: "a", level: 1 + $0 / 20, minutes: 30)
    }
    let plan = Planner.plan(
      Self.input(
        [Self.requirement("a", 1, .essential, target: 5)], evidence: [Self.level("a", 0)],
        catalog: catalog, settings: settings))
    let training = plan.items.filter { $0.kind == .training }
    #expect(training.count == 64)
    #expect(training.map(\.date).max() == CalendarDate(year: 2027, month: 4, day: 2))
    // The first that does not fit says so; the rest follow it (topics of a skill go by level).
    #expect(plan.unscheduled.count == 36)
    let first = try #require(plan.unscheduled.first)
    #expect(first.topicID == "t064")
    #expect(first.reason.hasPrefix("no free training time under the daily cap before day 90"))
    #expect(
      plan.unscheduled.dropFirst().allSatisfy {
        $0.reason.hasPrefix("its prerequisite \"t0")
      })
  }

  // MARK: Notes

  @Test func aCriticalGapTrainedLateSaysWhy() throws {
    // A 150-minute first topic fits no day of weeks 1–2 (caps 60, 120): it starts in week 3,
    // after the first ten working days, and the plan says so.
    let plan = Planner.plan(
      Self.input(
        [Self.requirement("a", 1, .essential, target: 4)], evidence: [Self.level("a", 1)],
        catalog: [Self.topic("long", skill: "a", level: 3, minutes: 150)]))
    #expect(plan.item(id: "training:long")?.date == Self.workday(11))
    #expect(
      plan.notes.contains {
        $0.hasPrefix("a is a critical gap, but its training starts on")
          && $0.contains(
            "its first topic lasts 150 min, more than the daily training cap of the first two weeks (120 min)"
          )
      }, "\(plan.notes)")
  }

  @Test func everyMilestoneReassessesTheGapSkills() throws {
    let review = ScheduledActivity(
      id: "review-30", title: "30-day review", kind: .milestone, when: .day(30),
      time: PlanGen.at(10, 0), durationMinutes: 60, owner: "manager", origin: PlanGen.origin)
    let plan = Planner.plan(
      Self.input(
        [
          Self.requirement("a", 1, .essential, target: 4),
          Self.requirement("b", 2, .essential, target: 3),
        ], evidence: [Self.level("a", 1)], catalog: [Self.topic("t", skill: "a", level: 4)],
        schedule: [review]))
    let milestone = try #require(plan.item(id: "review-30"))
    #expect(
      milestone.agenda == [
        "Re-assess the gap skills: a (now 1, target 4)", "Confirm the level of: b",
      ])
  }

  // MARK: Fixed activities

  static func activity(
    _ id: String, workday: Int, at hour: Int, _ minute: Int = 0, minutes: Int,
    after: [String] = []
  ) -> ScheduledActivity {
    ScheduledActivity(
      id: id, title: id, kind: .activity, when: .workday(workday), time: PlanGen.at(hour, minute),
      durationMinutes: minutes, owner: "it", dependsOn: after, origin: PlanGen.origin)
  }

  @Test func fixedActivitiesDependenciesFirstAndMovesAreNoted() throws {
    // "intro" comes first in the template but depends on "setup" (10:00–11:30): it is placed
    // after it, at 11:30, and says it moved. On workday 3 the morning (09:00–12:30) and the
    // afternoon (13:30–17:30) are taken, so "chat" moves to workday 4 at 09:00.
    let schedule = [
      Self.activity("intro", workday: 2, at: 10, minutes: 60, after: ["setup"]),
      Self.activity("setup", workday: 2, at: 10, minutes: 90),
      Self.activity("morning", workday: 3, at: 9, minutes: 210),
      Self.activity("afternoon", workday: 3, at: 13, 30, minutes: 240),
      Self.activity("chat", workday: 3, at: 10, minutes: 30),
    ]
    let plan = Planner.plan(
      Self.input([], evidence: [], catalog: [], schedule: schedule))
    let setup = try #require(plan.item(id: "setup"))
    let intro = try #require(plan.item(id: "intro"))
    #expect(setup.date == Self.workday(2) && setup.start == PlanGen.at(10, 0) && setup.note == nil)
    #expect(intro.date == Self.workday(2) && intro.start == PlanGen.at(11, 30))
    #expect(intro.note == "moved from 10:00 to 11:30 to fit the working day")
    let chat = try #require(plan.item(id: "chat"))
    #expect(chat.date == Self.workday(4) && chat.start == PlanGen.at(9, 0))
    #expect(chat.note?.hasSuffix("at 10:00: no free time that day") == true, "\(chat.note ?? "")")
  }
}
