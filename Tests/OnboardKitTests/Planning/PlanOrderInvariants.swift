@testable import OnboardKit

/// The order a plan promises (issue 13), each rule computed from the inputs, returning the first
/// violation or nil: urgency, the first topic of a skill, advanced topics after the groundwork,
/// and where check-ins, the first-week retrospective and weekly 1:1s of short weeks go.
enum PlanOrderInvariants {
  /// The weak areas in urgency order: essential before the rest, most severe first, then priority.
  static func urgencyOrder(_ report: GapReport) -> [SkillAssessment] {
    report.weakAreas.sorted {
      (
        $0.requirement.tier == .essential ? 0 : 1, -($0.severity ?? 0), $0.requirement.priority
      ) < ($1.requirement.tier == .essential ? 0 : 1, -($1.severity ?? 0), $1.requirement.priority)
    }
  }

  /// The first session of a more urgent skill starts before every session of a less urgent one;
  /// a session that comes earlier says why at the item.
  static func urgency(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    let ranked = urgencyOrder(plan.report).map(\.skill.id)
    let rank = Dictionary(ranked.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let training = plan.items.filter { $0.kind == .training }
    let first = Dictionary(grouping: training, by: { $0.skillID ?? "" }).compactMapValues {
      $0.min { ($0.date, $0.start) < ($1.date, $1.start) }
    }
    for item in training {
      guard let skill = item.skillID, let r = rank[skill],
        item.reason?.hasPrefix("Prerequisite of") != true
      else { continue }
      for moreUrgent in ranked.prefix(r) {
        guard let urgent = first[moreUrgent], (urgent.date, urgent.start) > (item.date, item.start)
        else { continue }
        // The reason the item gives must be true: every working day from day 2 to the urgent
        // skill's first session has a training cap below that session's length.
        let capBlocked = (1..<max(1, plan.start.days(to: urgent.date))).map {
          plan.start.adding(days: $0)
        }.filter { PlanInvariants.isWorkingDay($0, input) }.allSatisfy {
          input.settings.trainingCap(week: plan.start.days(to: $0) / 7 + 1, isFirstDay: false)
            < urgent.durationMinutes
        }
        // Or it is a prerequisite of a more urgent skill's topic, placed early for that reason.
        // Or it is a prerequisite of a more urgent skill's topic, placed early for that reason
        // (the note names the topic it comes before).
        let pulled = item.note?.contains("a topic of the more urgent") == true
        if !pulled
          && (item.note?.contains("before the first session of the more urgent") != true
            || !capBlocked)
        {
          return "\(item.id) (\(skill), rank \(r)) on \(item.date) \(item.start) comes before the "
            + "first session of \(moreUrgent) (\(urgent.date) \(urgent.start)) without a reason; "
            + training.map {
              "\($0.id) \($0.skillID ?? "") \($0.date) \($0.start) \($0.durationMinutes) \($0.note ?? "")"
            }.joined(separator: " | ")
        }
      }
    }
    return nil
  }

  /// A skill's earliest session is the lowest-level topic the plan has for that skill.
  static func firstTopicIsTheLowest(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    let catalog = Dictionary(input.catalog.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let training = plan.items.filter {
      $0.kind == .training && $0.topicID != nil && $0.reason?.hasPrefix("Prerequisite of") != true
    }
    for (skill, items) in Dictionary(grouping: training, by: { $0.skillID ?? "" }) {
      let levels = items.compactMap { catalog[$0.topicID ?? ""]?.level }
      guard let lowest = levels.min(),
        let first = items.min(by: { ($0.date, $0.start) < ($1.date, $1.start) }),
        let level = catalog[first.topicID ?? ""]?.level
      else { continue }
      if level != lowest {
        return
          "\(skill) starts with \(first.topicID ?? "") at level \(level), not a level-\(lowest) topic; "
          + items.map { "\($0.id) \($0.date) \($0.reason ?? "")" }.joined(separator: " | ")
      }
      // Every planned topic lies above the hire's level (the lower reading when conflicting).
      if let assessment = plan.report.assessment(of: skill), let observed = assessment.observed {
        let low = assessment.status == .conflicting ? assessment.conflict?.low.level : nil
        let from = min(observed.level, low ?? observed.level)
        if Double(lowest) <= from {
          return "\(skill) has a level-\(lowest) topic, not above the hire's level \(from)"
        }
      }
    }
    return nil
  }

  /// No topic above level 3 starts before the development setup and the codebase tour end.
  static func advancedAfterGroundwork(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    let catalog = Dictionary(input.catalog.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let groundwork = plan.items.filter {
      ["dev-environment-setup", "codebase-tour"].contains($0.id)
    }
    for item in plan.items where item.kind == .training {
      guard let topic = catalog[item.topicID ?? ""], topic.level > 3 else { continue }
      if let before = groundwork.first(where: { ($0.date, $0.end) > (item.date, item.start) }) {
        return
          "\(item.id) (level \(topic.level)) on \(item.date) \(item.start) before \(before.id) ends"
      }
    }
    return nil
  }

  /// The hire's own day: start and end, and the breaks inside it.
  static func busy(_ plan: OnboardingPlan, _ input: PlanningInput, on date: CalendarDate)
    -> [Range<Int>]
  {
    let hours = PlanInvariants.workingHours(input)
    return plan.items.filter { $0.date == date }.map { $0.start.minutes..<$0.end.minutes }
      + (hours.lunch.map { [$0] } ?? [])
  }

  /// A check-in whose usual time is after the hire's day ends goes to the end of the hire's day:
  /// no later free time of its length is left that day.
  static func checkInsAtTheEndOfTheDay(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    let hours = PlanInvariants.workingHours(input)
    for activity in input.schedule where activity.kind == .checkIn {
      guard activity.time.minutes + activity.durationMinutes > hours.end else { continue }
      for item in plan.items where item.id.hasPrefix(activity.id + "#") || item.id == activity.id {
        let others = busy(plan, input, on: item.date).filter {
          $0 != item.start.minutes..<item.end.minutes
        }
        var candidate = item.start.minutes + 5
        while candidate + item.durationMinutes <= hours.end {
          let range = candidate..<(candidate + item.durationMinutes)
          if !others.contains(where: { $0.overlaps(range) }) {
            return
              "\(item.id) at \(item.start) on \(item.date), but \(LocalTime(minutes: candidate)) "
              + "was free and nearer the end of the hire's day (\(LocalTime(minutes: hours.end)))"
          }
          candidate += 5
        }
      }
    }
    return nil
  }

  /// The working days of week N of the hire, from the inputs.
  static func workingDays(_ plan: OnboardingPlan, _ input: PlanningInput, week: Int)
    -> [CalendarDate]
  {
    (0..<7).map { plan.start.adding(days: 7 * (week - 1) + $0) }.filter {
      PlanInvariants.isWorkingDay($0, input)
    }
  }

  /// An item of a week rule is on a working day of its week (the last one for `end`, or another
  /// with a note); it leaves its week only with a note that names the week.
  static func weekItemsStayInTheirWeek(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    for activity in input.schedule {
      let weeks: [Int]
      let atEnd: Bool
      switch activity.when {
      case .week(let n, let end):
        weeks = [n]
        atEnd = end
      case .weeks(let a, let b, let end):
        weeks = (a...b).filter { !workingDays(plan, input, week: $0).isEmpty }
        atEnd = end
      default: continue
      }
      for (index, week) in weeks.enumerated() {
        let id = weeks.count > 1 ? "\(activity.id)#\(index + 1)" : activity.id
        let days = workingDays(plan, input, week: week)
        guard let item = plan.item(id: id), let expected = atEnd ? days.last : days.first
        else { continue }
        if days.contains(item.date) {
          if item.date != expected && item.note?.contains("instead of") != true
            && item.note?.contains("follows an item") != true
          {
            return "\(id) on \(item.date), not \(expected) (week \(week)), without a note"
          }
        } else if item.note?.contains("no working day of week \(week)") != true
          && item.note?.contains("it follows an item that ends later") != true
          // A week 1 of fewer than three working days ends after a week's worth of them.
          && !(week == 1 && atEnd && days.count < 3
            && item.note?.hasPrefix("after the first ") == true
            && item.note?.contains("week 1 has \(plural(days.count, "working day"))") == true)
        {
          return "\(id) on \(item.date) outside week \(week) without saying why: \(item.note ?? "")"
        }
      }
    }
    return nil
  }

  /// Every weak skill with sessions gets practice after them (a practice topic of its own), or
  /// the plan says why (no practice topic in the catalog, or no time before day 90).
  static func practiceAfterSessions(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    for assessment in plan.report.weakAreas {
      let id = assessment.skill.id
      let sessions = plan.items.filter { $0.kind == .training && $0.skillID == id }
      guard let last = sessions.max(by: { ($0.date, $0.end) < ($1.date, $1.end) }) else { continue }
      let practice = plan.items.filter { $0.kind == .practice && $0.skillID == id }
      if let first = practice.first {
        if (first.date, first.start) < (last.date, last.end) {
          return "practice \(first.id) on \(first.date) before the last session of \(id)"
        }
        if first.date < plan.start.adding(days: 30) {
          return "practice \(first.id) on \(first.date), in month 1"
        }
        if input.catalog.first(where: { $0.id == first.topicID })?.isPractice != true {
          return "\(first.id) is not a practice topic of the catalog"
        }
        continue
      }
      let hasTopic = input.catalog.contains { $0.skillID == id && $0.isPractice }
      let explained =
        hasTopic
        ? plan.unscheduled.contains { entry in
          entry.skillID == id
            && input.catalog.contains { $0.id == entry.topicID && $0.isPractice }
        }
        : plan.notes.contains { $0.contains(assessment.skill.name) && $0.contains("no practice") }
      if !explained { return "\(id) has sessions but no practice and no reason" }
    }
    return nil
  }

  /// Each skill check has its follow-up slot after it, in the next week or with a note.
  static func followUpAfterEachCheck(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    for check in plan.items where check.kind == .verification {
      let id = "follow-up:\(check.skillID ?? "")"
      guard let slot = plan.item(id: id) else {
        if plan.unscheduled.contains(where: { $0.topicID == id }) { continue }
        return "skill check \(check.id) has no follow-up slot and no reason"
      }
      if (slot.date, slot.start) < (check.date, check.end) {
        return "\(id) on \(slot.date) before its check on \(check.date)"
      }
      let nextWeek = plan.timeline.weekNumber(of: check.date) + 1
      if plan.timeline.weekNumber(of: slot.date) != nextWeek && slot.note == nil {
        return "\(id) on \(slot.date), not in week \(nextWeek), without a note"
      }
    }
    return nil
  }

  /// Every weak area has a skill goal with its target, and every skill check a goal for day 30.
  static func goalsForEveryGap(_ plan: OnboardingPlan, _ input: PlanningInput) -> String? {
    for assessment in plan.report.weakAreas {
      guard
        let goal = plan.goals.first(where: {
          $0.source == .skill && $0.skillID == assessment.skill.id
        })
      else { return "no goal for the gap in \(assessment.skill.id)" }
      if !goal.outcome.contains("level \(assessment.requirement.targetLevel)")
        || ![30, 60, 90].contains(goal.day)
      {
        return "goal \(goal.id) does not name the target or a review day: \(goal.outcome)"
      }
      let lastWork = plan.items.filter { $0.skillID == assessment.skill.id }.map(\.date).max()
      if let lastWork, plan.start.days(to: lastWork) + 1 >= goal.day, goal.day != 90 {
        return "goal \(goal.id) is due on day \(goal.day), before its last session on \(lastWork)"
      }
    }
    for check in plan.items where check.kind == .verification {
      if !plan.goals.contains(where: {
        $0.source == .check && $0.skillID == check.skillID && $0.day == 30
      }) {
        return "no day-30 goal for the skill check \(check.id)"
      }
    }
    return nil
  }
}
