@testable import OnboardKit

/// The rules every plan must follow, each checked from the inputs (not from the planner's own
/// calendar), returning the first violation found or nil.
enum PlanInvariants {
  /// The working weekdays and closed dates the hire's inputs describe.
  static func closedDates(_ input: PlanningInput) -> Set<CalendarDate> {
    let location = input.hire.location.lowercased()
    return Set(
      input.holidays.filter { $0.location == "*" || $0.location.lowercased() == location }.map(
        \.date))
  }

  static func isWorkingDay(_ date: CalendarDate, _ input: PlanningInput) -> Bool {
    (input.hire.workDays ?? input.settings.workDays).contains(date.weekday)
      && !closedDates(input).contains(date)
  }

  /// The hire's day: the company start, `hoursPerDay` later plus lunch when lunch falls inside,
  /// never after the company's end of day.
  static func workingHours(_ input: PlanningInput) -> (start: Int, end: Int, lunch: Range<Int>?) {
    let s = input.settings
    let start = s.dayStart.minutes
    var end = start + Int(((input.hire.hoursPerDay ?? s.hoursPerDay) * 60).rounded())
    var lunch: Range<Int>? = nil
    if let lunchStart = s.lunchStart?.minutes, lunchStart < end, s.lunchMinutes > 0 {
      lunch = lunchStart..<(lunchStart + s.lunchMinutes)
      end += s.lunchMinutes
    }
    return (start, min(end, s.dayEnd.minutes), lunch)
  }

  /// Before day 1 (pre-boarding, HR's and IT's work) the company's weekdays count.
  static func isCompanyWorkingDay(_ date: CalendarDate, _ input: PlanningInput) -> Bool {
    input.settings.workDays.contains(date.weekday) && !closedDates(input).contains(date)
  }

  static func workingDaysAndHours(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    let hours = workingHours(input)
    for item in plan.items {
      if item.date < plan.start {
        if !isCompanyWorkingDay(item.date, input) {
          return "\(item.id) on \(item.date.longText), before day 1 and not a company working day"
        }
      } else if !isWorkingDay(item.date, input) {
        return "\(item.id) on \(item.date.longText), not a working day of the hire"
      }
      if item.durationMinutes <= 0 { return "\(item.id) lasts \(item.durationMinutes) min" }
      if item.start.minutes < hours.start || item.end.minutes > hours.end {
        return "\(item.id) at \(item.start)–\(item.end) outside "
          + "\(LocalTime(minutes: hours.start))–\(LocalTime(minutes: hours.end))"
      }
      if let lunch = hours.lunch, item.start.minutes < lunch.upperBound,
        lunch.lowerBound < item.end.minutes
      {
        return "\(item.id) at \(item.start)–\(item.end) overlaps the lunch break"
      }
    }
    return nil
  }

  static func noOverlaps(_ plan: OnboardingPlan) -> String? {
    if Set(plan.items.map(\.id)).count != plan.items.count { return "duplicate item ids" }
    let byDate = Dictionary(grouping: plan.items, by: \.date)
    for date in byDate.keys.sorted() {
      let items = (byDate[date] ?? []).sorted { $0.start < $1.start }
      for (a, b) in zip(items, items.dropFirst()) where a.end > b.start {
        return "\(a.id) \(a.start)–\(a.end) overlaps \(b.id) \(b.start)–\(b.end) on \(date)"
      }
    }
    return nil
  }

  static func dailyTrainingCap(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    var minutes: [CalendarDate: Int] = [:]
    for item in plan.items
    where [.training, .verification, .practice, .followUp].contains(item.kind) {
      if item.date < plan.start { return "training \(item.id) before the first day" }
      minutes[item.date, default: 0] += item.durationMinutes
    }
    for (date, total) in minutes {
      let week = plan.start.days(to: date) / 7 + 1
      // The documented rule, computed here rather than with `PlanSettings.trainingCap`: the
      // week's value (the last one after the list ends), none on the first day.
      let caps = input.settings.trainingCapMinutesByWeek
      let cap = date == plan.start ? 0 : caps[min(week, caps.count) - 1]
      if cap != input.settings.trainingCap(week: week, isFirstDay: date == plan.start) {
        return "PlanSettings.trainingCap disagrees with the documented cap \(cap) in week \(week)"
      }
      if total > cap { return "\(total) training minutes on \(date) (week \(week)), cap \(cap)" }
    }
    return nil
  }

  /// Each scheduled topic's prerequisites end before it starts; a prerequisite that is not
  /// scheduled must be one the hire already has (the report puts them at or above its level).
  static func prerequisitesFirst(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    let catalog = Dictionary(input.catalog.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let byTopic = Dictionary(
      plan.items.compactMap { item in item.topicID.map { ($0, item) } },
      uniquingKeysWith: { a, _ in a })
    for item in plan.items {
      guard let topicID = item.topicID, let topic = catalog[topicID] else { continue }
      for id in topic.prerequisites {
        guard let prerequisite = catalog[id] else { continue }
        if let before = byTopic[id] {
          if (before.date, before.end) > (item.date, item.start) {
            return "\(id) (\(before.date) \(before.start)–\(before.end)) is not before its "
              + "dependant \(topicID) (\(item.date) \(item.start))"
          }
        } else if !alreadyKnown(prerequisite, plan.report) {
          // A prerequisite the hire already has (at or above its level) need not be scheduled.
          return "\(topicID) is scheduled but its prerequisite \(id) (level "
            + "\(prerequisite.level) of \(prerequisite.skillID)), which the hire lacks, is not"
        }
      }
    }
    return nil
  }

  /// A critical gap of an essential skill gets training in the first ten working days, or the plan
  /// names why not: a note naming the skill, or an `unscheduled` entry with a reason.
  static func criticalGapsTrainedOrExplained(_ plan: OnboardingPlan) -> String? {
    let firstTen = plan.timeline.workday(10) ?? plan.start
    for gap in plan.report.assessments
    where gap.status == .criticalGap && gap.requirement.tier == .essential {
      let id = gap.skill.id
      let early = plan.items.contains {
        $0.kind == .training && $0.skillID == id && $0.date <= firstTen
      }
      let explained =
        plan.unscheduled.contains { $0.skillID == id && !$0.reason.isEmpty }
        || plan.notes.contains {
          $0.contains(gap.skill.name) && $0.contains("first ten working days")
        }
      if !early && !explained {
        return "critical gap \(id) has neither training in the first ten working days nor a reason"
      }
    }
    return nil
  }

  /// Whether the report says the hire already has a topic's level in its skill.
  static func alreadyKnown(_ topic: TrainingTopic, _ report: GapReport) -> Bool {
    guard let assessment = report.assessment(of: topic.skillID), let observed = assessment.observed
    else { return false }
    return Double(topic.level) <= observed.level
      || [.strength, .onTarget].contains(assessment.levelStatus)
  }

  static func startDate(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    let requested = input.hire.requestedStart
    if !isWorkingDay(plan.start, input) {
      return "start \(plan.start.longText) is not a working day"
    }
    if plan.start < requested { return "start \(plan.start) before the requested \(requested)" }
    if let skipped = (0..<requested.days(to: plan.start)).map({ requested.adding(days: $0) })
      .first(where: { isWorkingDay($0, input) })
    {
      return "start \(plan.start) skips the working day \(skipped)"
    }
    if (plan.start != requested) != (plan.startMovedReason != nil) {
      return
        "start moved \(requested) → \(plan.start) but reason is \(plan.startMovedReason ?? "nil")"
    }
    return nil
  }
}
