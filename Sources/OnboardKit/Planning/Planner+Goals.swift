extension PlanBuilder {
  /// The plan's goals: the role's (from `goals.csv`), one per weak area (reach the target by
  /// the review after its last session and practice) and one per skill check (settle the level
  /// by day 30).
  mutating func buildGoals() {
    var goals = input.goals
    for assessment in urgencyOrder() {
      let skill = assessment.skill
      let sessions = items.filter {
        ($0.kind == .training || $0.kind == .practice || $0.kind == .followUp)
          && $0.skillID == skill.id
      }
      let dayNumbers = sessions.map { start.days(to: $0.date) + 1 }
      let due = dayNumbers.max().map { last in [30, 60, 90].first { last < $0 } ?? 90 } ?? 90
      // Counted as the practice line counts them: the training sessions, then the practice (a
      // goal said "after its 3 sessions" where the practice said "after its 2").
      let training = sessions.filter { $0.kind == .training }.count
      let practice = sessions.contains { $0.kind == .practice }
      let followUp = sessions.contains { $0.kind == .followUp }
      var after: [String] = []
      if training > 0 { after.append(plural(training, "training session")) }
      if followUp { after.append("the skill check's follow-up") }
      if practice { after.append("the practice on real work") }
      let shown =
        sessions.isEmpty
        ? "a re-test or a reviewed task (no training fitted before day 90: see Not scheduled)"
        : "a re-test or a reviewed task after its " + listText(after)
      goals.append(
        Goal(
          id: "goal:skill:\(skill.id)", day: due,
          outcome:
            "Reach level \(assessment.requirement.targetLevel) in \(skill.name) by day \(due) "
            + "(\(atHireText(assessment)))",
          shownBy: shown, owner: "manager", source: .skill, skillID: skill.id))
    }
    for assessment in input.report.unassessedEssentials + input.report.conflicts {
      goals.append(
        Goal(
          id: "goal:check:\(assessment.skill.id)", day: 30,
          outcome: "Know the level in \(assessment.skill.name) from a skill check, and agree the "
            + "training it needs",
          shownBy: "the skill check's result, recorded as evidence", owner: "buddy", source: .check,
          skillID: assessment.skill.id))
    }
    // By day, role goals first; within that the order above (stable).
    self.goals = goals.enumerated().sorted {
      ($0.element.day, $0.element.source == .role ? 0 : 1, $0.offset)
        < ($1.element.day, $1.element.source == .role ? 0 : 1, $1.offset)
    }.map(\.element)
  }

  /// The level a skill had in the first plan (the report's, unless this is a re-plan).
  func levelAtHire(_ assessment: SkillAssessment) -> Double? {
    guard let levels = input.levelsAtHire else { return assessment.observed?.level }
    return levels[assessment.skill.id]
  }

  /// "level 3.1 at hire", or "not assessed at hire".
  func atHireText(_ assessment: SkillAssessment) -> String {
    levelAtHire(assessment).map { "level \(formatNumber($0)) at hire" } ?? "not assessed at hire"
  }

  /// Each review's agenda gets the goals it judges, and the skills to re-assess with the level at
  /// hire and the latest level, labelled; the first review also the levels still unknown.
  mutating func annotateMilestones() {
    var reviewDay: [String: Int] = [:]
    for activity in input.schedule where activity.kind == .milestone {
      if case .day(let day) = activity.when { reviewDay[activity.id] = day }
    }
    let weak = urgencyOrder().map { a in
      let latest = a.observed.map { formatNumber($0.level) } ?? "unknown"
      let atHire = levelAtHire(a).map { formatNumber($0) } ?? "unknown"
      return "\(a.skill.name) (at hire \(atHire), latest \(latest), "
        + "target \(a.requirement.targetLevel))"
    }
    let unknown = input.report.unassessedEssentials.map(\.skill.name)
    let firstReview = items.filter { $0.kind == .milestone }.map(\.date).min()
    for index in items.indices where items[index].kind == .milestone && !isKept(items[index].id) {
      if let day = reviewDay[items[index].id] {
        for goal in goals where goal.day == day {
          items[index].agenda.append("Goal: \(goal.sentence)")
        }
      }
      if !weak.isEmpty {
        items[index].agenda.append("Re-assess the gap skills: " + weak.joined(separator: ", "))
      }
      if !unknown.isEmpty, items[index].date == firstReview {
        items[index].agenda.append(
          "Confirm the level of: " + unknown.joined(separator: ", ")
            + " (no skill check result recorded yet)")
      }
    }
  }
}
