/// Everything the planner needs for one hire: pure values, no files.
public struct PlanningInput: Sendable {
  public var hire: Hire
  public var role: RoleProfile
  public var report: GapReport
  public var catalog: [TrainingTopic]
  public var schedule: [ScheduledActivity]
  public var holidays: [Holiday]
  public var settings: PlanSettings
  /// The manager's overrides for this hire.
  public var overrides: [PlanOverride]
  /// Shared workshops of the cohort this hire attends (from `SharedSessionPlanner`).
  public var sharedSessions: [SharedSession]
  /// The role's goals for day 30, 60 and 90 (`goals.csv`); the planner adds one per gap.
  public var goals: [Goal] = []
  /// The levels of the first plan, by skill id, when this plan is a re-plan from new evidence:
  /// the reviews show the level at hire beside the latest one. Nil: the report is the hire's.
  public var levelsAtHire: [String: Double]? = nil
  /// A re-plan from new evidence: the earlier plan and the date it is rebuilt from.
  public var replan: Replan? = nil {
    didSet { if let replan { levelsAtHire = replan.levelsAtHire } }
  }

  public init(
    hire: Hire, role: RoleProfile, report: GapReport, catalog: [TrainingTopic],
    schedule: [ScheduledActivity], holidays: [Holiday], settings: PlanSettings,
    overrides: [PlanOverride] = [], sharedSessions: [SharedSession] = [], goals: [Goal] = []
  ) {
    self.goals = goals
    self.overrides = overrides
    self.sharedSessions = sharedSessions
    self.hire = hire
    self.role = role
    self.report = report
    self.catalog = catalog
    self.schedule = schedule
    self.holidays = holidays
    self.settings = settings
  }
}

/// Builds an onboarding plan on the hire's working calendar: fixed activities from the schedule
/// template, then verification activities and training for the weak areas, most severe first,
/// under a daily training cap that ramps up over the first weeks.
public enum Planner {
  public static func plan(_ input: PlanningInput) -> OnboardingPlan {
    var builder = PlanBuilder(input: input)
    builder.placeItems()
    builder.buildGoals()
    builder.annotateMilestones()
    return builder.finish()
  }

  /// The workshop demands of a hire (`SharedSessionPlanner.demands` of `plan(input)`) without the
  /// whole plan: none, with nothing placed, when no topic the hire needs is a shareable workshop;
  /// otherwise from the items placed as `plan` places them (goals and review agendas, which move
  /// nothing, left out).
  public static func workshopDemands(
    _ input: PlanningInput, catalog: [String: TrainingTopic]
  ) -> [WorkshopDemand] {
    lonePlan(input, catalog: catalog).demands
  }

  /// The lone plan `workshopDemands` places, kept with its demands, so that the plan the hire
  /// gets can be finished from it (`plan(_:sharedSessions:replan:)`) instead of planned again.
  static func lonePlan(_ input: PlanningInput, catalog: [String: TrainingTopic]) -> LonePlan {
    var builder = PlanBuilder(input: input)
    guard builder.needsSharedWorkshop(catalog: catalog) else {
      return LonePlan(beforeTraining: builder, fixedPlaced: false, placed: nil, demands: [])
    }
    builder.placeFixedItems()
    let beforeTraining = builder
    builder.placeTrainingItems()
    let demands = SharedSessionPlanner.demands(
      plan: builder.finish(), catalog: catalog, settings: input.settings)
    return LonePlan(
      beforeTraining: beforeTraining, fixedPlaced: true, placed: builder, demands: demands)
  }

  /// `plan(input)` of the lone plan's input with these shared sessions and re-plan, from what the
  /// lone plan built: with no session, the lone plan finished (the same builder in the state
  /// `plan` reaches after `placeItems()`); with sessions, its builder before training given the
  /// sessions (nothing before training reads them) and placed from there; a re-plan (which
  /// changes the items before training) is planned from the input again.
  static func plan(
    _ lone: LonePlan, sharedSessions: [SharedSession], replan: Replan?
  ) -> OnboardingPlan {
    guard replan == nil else {
      var input = lone.beforeTraining.input
      input.replan = replan
      input.sharedSessions = sharedSessions
      return plan(input)
    }
    var builder: PlanBuilder
    if sharedSessions.isEmpty, let placed = lone.placed {
      builder = placed
    } else {
      builder = lone.beforeTraining
      builder.input.sharedSessions = sharedSessions
      if !lone.fixedPlaced { builder.placeFixedItems() }
      builder.placeTrainingItems()
    }
    builder.buildGoals()
    builder.annotateMilestones()
    return builder.finish()
  }
}

/// A hire's plan alone (no shared session, no re-plan) as far as the demand pass of a cohort
/// built it, and the workshop demands it gives.
struct LonePlan: Sendable {
  /// The builder before training: its topic requests made, and its fixed items placed when
  /// `fixedPlaced` (when the hire needs a shareable workshop).
  var beforeTraining: PlanBuilder
  var fixedPlaced: Bool
  /// The builder after `placeItems()` (nil when nothing was placed).
  var placed: PlanBuilder?
  var demands: [WorkshopDemand]
}

/// The mutable state of one planning run (kept private to the planner).
struct PlanBuilder {
  /// The input (changed only by `Planner.plan(_:sharedSessions:replan:)`, which gives a lone
  /// plan's builder its shared sessions before training: nothing before `placeTraining` reads
  /// `input.sharedSessions`).
  var input: PlanningInput
  let calendar: WorkCalendar
  let start: CalendarDate
  let startMovedReason: String?
  let day90: CalendarDate
  let timeline: Timeline
  var forwardDays: [CalendarDate] { timeline.forwardDays }
  var schedule: DaySchedule
  var items: [PlanItem] = []
  var trainingMinutes: [CalendarDate: Int] = [:]
  var unscheduled: [UnscheduledTopic] = []
  var notes: [String] = []
  /// What the manager's overrides asked that the plan keeps but the manager should know (a move
  /// to a holiday, before day 1, outside the hire's hours), at the override's line.
  var planWarnings: [Diagnostic] = []
  /// Override rows a re-plan does not follow (`settleOverridesBeforeReplan`).
  var overridesLeftOut: Set<PlanOverride> = []
  var goals: [Goal] = []
  /// Overrides not applied yet (each is removed when it takes effect).
  var pendingOverrides: [PlanOverride]
  /// `topicRequests()`, when it was already made (by `needsSharedWorkshop`).
  var knownTopicRequests: (requests: [SessionRequest], missing: [SkillAssessment])? = nil
  /// `urgencyOrder()`: the report's weak areas in training order (the report never changes).
  let urgency: [SkillAssessment]

  init(input: PlanningInput) {
    self.input = input
    urgency = Self.urgencyOrder(of: input.report)
    var calendar = WorkCalendar(
      hire: input.hire, settings: input.settings, holidays: input.holidays)
    var pending: [PlanOverride] = []
    var notes: [String] = []
    for override in input.overrides {
      if case .buddy(let person) = override.action {
        notes.append("Buddy: \(person.name), \(override.mark).")
        continue
      }
      if case .manager(let person) = override.action {
        notes.append("Manager: \(person.name), \(override.mark).")
        continue
      }
      guard case .away(let from, let through) = override.action else {
        pending.append(override)
        continue
      }
      notes.append("Away \(from.longText) – \(through.longText), \(override.mark).")
      for offset in 0...from.days(to: through)
      where calendar.workDays.contains(from.adding(days: offset).weekday) {
        calendar.closures[from.adding(days: offset)] =
          override.note.isEmpty ? "Away" : "Away: \(override.note)"
      }
    }
    self.calendar = calendar
    pendingOverrides = pending
    let requested = input.hire.requestedStart
    start = calendar.workingDay(onOrAfter: requested) ?? requested
    startMovedReason = start == requested ? nil : calendar.closureReason(requested)
    day90 = start.adding(days: 89)
    timeline = Timeline(calendar: calendar, start: start)
    schedule = DaySchedule(calendar: calendar)
    if let reason = startMovedReason {
      notes.insert(
        "The roster's start date \(requested.longText) is \(reason); the plan starts on the next "
          + "working day, \(start.longText).", at: 0)
    }
    self.notes = notes
  }

  /// Every item of the plan, in the order each step depends on the ones before.
  mutating func placeItems() {
    placeFixedItems()
    placeTrainingItems()
  }

  /// The items before training: kept, added, the schedule's activities, their moves.
  mutating func placeFixedItems() {
    overridesLeftOut = settleOverridesBeforeReplan()
    placeKeptItems()
    placeAddedItems()
    placeFixedActivities()
    applyMoves(of: [.activity, .meeting, .checkIn, .milestone])
  }

  /// Training (the cohort's shared workshops first), practice, follow-ups, their moves.
  mutating func placeTrainingItems() {
    placeTraining()
    placePractice()
    placeFollowUps()
    applyMoves(of: [.training, .verification, .practice, .followUp])
  }

  func dates(for rule: WhenRule) -> [CalendarDate] { timeline.dates(for: rule) }

  func weekNumber(of date: CalendarDate) -> Int { timeline.weekNumber(of: date) }

  /// Places `minutes` on `date` at `preferred` or the next free time; failing that, the earliest
  /// free time of the following working days. Returns the date, start and a note when moved.
  ///
  /// An item whose usual time is after the hire's day ends (a part-time day) goes to the end of
  /// the hire's own day, not to its morning. An item of a week (`week 1 end`, `weeks 2-13 end`)
  /// tries the other working days of that week before it leaves the week, and says so when it does.
  mutating func place(
    minutes: Int, on date: CalendarDate, preferred: Int, notBefore: (CalendarDate, Int)?,
    week: (number: Int, atEnd: Bool)? = nil
  ) -> (date: CalendarDate, start: Int, note: String?)? {
    var day = date
    var earliest = preferred
    var floor = 0
    if let (depDate, depEnd) = notBefore, depDate >= day {
      if depDate > day { earliest = calendar.dayStart.minutes }
      day = depDate
      earliest = max(earliest, depEnd)
      floor = depEnd
    }
    let dayEnd = calendar.dayEnd.minutes
    let lateItem = preferred + minutes > dayEnd
    func slot(on day: CalendarDate, floor: Int) -> Int? {
      if lateItem, let late = schedule.latestFreeSlot(on: day, minutes: minutes, notBefore: floor) {
        return late
      }
      return schedule.freeSlot(on: day, minutes: minutes, notBefore: floor)
    }
    func accept(_ day: CalendarDate, _ start: Int, _ note: String?) -> (CalendarDate, Int, String?)
    {
      schedule.reserve(on: day, start: start, minutes: minutes)
      return (day, start, note)
    }
    // The first choice: the rule's own day, at the usual time or the nearest time that fits.
    if timeline.isPlanningDay(day) {
      let usual = lateItem ? nil : schedule.freeSlot(on: day, minutes: minutes, notBefore: earliest)
      if let start = usual ?? slot(on: day, floor: floor) {
        var note: String? = nil
        if day != date {
          note =
            "moved from \(date.shortText) at \(LocalTime(minutes: preferred)): it follows an item that ends later"
        } else if start != preferred {
          note =
            lateItem
            ? "at \(LocalTime(minutes: start)) instead of \(LocalTime(minutes: preferred)): the hire's day ends at \(calendar.dayEnd)"
            : "moved from \(LocalTime(minutes: preferred)) to \(LocalTime(minutes: start)) to fit the working day"
        }
        return accept(day, start, note)
      }
    }
    // An item of a week: another working day of the same week first.
    if let week {
      var days = timeline.workingDays(inWeek: week.number).filter { $0 != day }
      if let (depDate, _) = notBefore { days = days.filter { $0 >= depDate } }
      if week.atEnd { days.reverse() }
      for other in days {
        let floor = notBefore.map { $0.0 == other ? $0.1 : 0 } ?? 0
        if let start = slot(on: other, floor: floor) {
          return accept(
            other, start,
            "on \(other.shortText) instead of \(date.shortText): no free time that day")
        }
      }
    }
    // Then the following working days.
    for _ in 1..<15 {
      guard
        let next = (1...60).lazy.map({ day.adding(days: $0) }).first(
          where: timeline.isPlanningDay)
      else { return nil }
      day = next
      if let week, weekNumber(of: day) == week.number { continue }
      if let start = slot(on: day, floor: calendar.dayStart.minutes) {
        let note =
          week.map {
            "moved to \(day.shortText), week \(weekNumber(of: day)): no working day of week \($0.number) had free time"
          }
          ?? "moved from \(date.shortText) at \(LocalTime(minutes: preferred)): no free time that day"
        return accept(day, start, note)
      }
    }
    return nil
  }

  func finish() -> OnboardingPlan {
    var sorted = items.sorted {
      ($0.date, $0.start, $0.id) < ($1.date, $1.start, $1.id)
    }
    var changes: [PlanChange] = []
    var cancelled: [PlanItem] = []
    if let replan = input.replan {
      (sorted, changes, cancelled, _) = replan.compare(sorted, report: input.report)
    }
    var plan = OnboardingPlan(
      hire: input.hire, role: input.role, report: input.report, calendar: calendar, start: start,
      startMovedReason: startMovedReason, day90: day90, items: sorted, unscheduled: unscheduled,
      notes: notes, unappliedOverrides: pendingOverrides, goals: goals)
    var warnings = planWarnings
    if let replan = input.replan, let last = replan.previous.map(\.date).max(), replan.from > last {
      warnings.append(
        Diagnostic(
          .warning, input.hire.origin,
          "\(input.hire.email): the re-plan date \(replan.from.shortText) is after the earlier "
            + "plan's last item (\(last.shortText)): there is nothing left to re-plan, so every "
            + "item stays as it was; only the gap table shows the new evidence"))
    }
    plan.planWarnings = warnings.sorted {
      ($0.location.line ?? 0, $0.message) < ($1.location.line ?? 0, $1.message)
    }
    plan.replannedFrom = input.replan?.from
    for activity in input.schedule where !activity.dependsOn.isEmpty {
      plan.dependsOn[activity.id] = activity.dependsOn
    }
    plan.changes = changes
    plan.cancelled = cancelled
    plan.levelsAtHire = input.levelsAtHire
    return plan
  }
}
