extension PlanBuilder {
  /// After a weak skill's sessions, practice on real work: the catalog's practice topic of the
  /// skill (a project task, pairing or shadowing marked `practice`), two weeks after the last
  /// session and not before day 31, so that months 2–3 apply what month 1 taught.
  mutating func placePractice() {
    let lastDay = calendar.workingDay(onOrBefore: day90) ?? day90
    for assessment in urgencyOrder() {
      let skill = assessment.skill
      let sessions = items.filter { $0.skillID == skill.id && $0.kind == .training }
      guard let last = sessions.max(by: { ($0.date, $0.start) < ($1.date, $1.start) }) else {
        continue
      }
      // Two weeks to use the sessions in daily work first, and never before month 2: month 1 is
      // for learning, months 2–3 for applying it.
      let target = assessment.requirement.targetLevel
      let options = input.catalog.filter { $0.skillID == skill.id && $0.isPractice }
      guard
        let topic = options.filter({ $0.level <= target }).max(by: { $0.level < $1.level })
          ?? options.min(by: { $0.level < $1.level })
      else {
        notes.append(
          "\(skill.name) has no practice after its sessions: training.csv has no topic of this "
            + "skill marked practice = yes.")
        continue
      }
      if isKept("practice:\(topic.id)") { continue }
      if let skip = isSkipped(itemID: "practice:\(topic.id)", topicID: topic.id) {
        applied(skip)
        notes.append("\(topic.title) is left out: \(skip.mark).")
        continue
      }
      // Its prerequisites: planned before it, or a level the hire already has.
      var earliest = max(last.date.adding(days: 14), start.adding(days: 30))
      var missing: TrainingTopic? = nil
      for id in topic.prerequisites {
        guard let prerequisite = input.catalog.first(where: { $0.id == id }) else { continue }
        if let done = items.first(where: { $0.topicID == id }) {
          earliest = max(earliest, done.date.adding(days: 1))
        } else if !hasLevel(of: prerequisite) {
          missing = prerequisite
        }
      }
      if let missing {
        unscheduled.append(
          UnscheduledTopic(
            topicID: topic.id, title: topic.title, skillID: skill.id,
            reason: "its prerequisite \"\(missing.title)\" is not in the plan"))
        continue
      }
      let count = sessions.count
      let request = SessionRequest(
        id: "practice:\(topic.id)", kind: .practice, title: topic.title, skillID: skill.id,
        topic: topic, minutes: topic.durationMinutes, owner: topic.owner,
        reason: "Practice in \(skill.name) after its \(count) session\(count == 1 ? "" : "s") "
          + "(the last on \(last.date.shortText)): the hire applies \(count == 1 ? "it" : "them") on real work, which "
          + "shows whether level \(target) is reached.",
        prerequisites: [], latestWorkday: nil)
      _ = placeSession(request, after: (earliest, 0), lastDay: lastDay)
    }
  }

  /// Whether the report puts the hire at or above a topic's level (or the skill is on target).
  func hasLevel(of topic: TrainingTopic) -> Bool {
    guard let assessment = input.report.assessment(of: topic.skillID), assessment.observed != nil
    else { return false }
    if assessment.status != .conflicting,
      assessment.levelStatus == .strength || assessment.levelStatus == .onTarget
    {
      return true
    }
    return Double(topic.level) <= planningLevel(of: assessment)
  }

  /// Every skill check keeps a slot in the week after it for what the check finds: training at
  /// the level it shows, or nothing (then a re-plan with the recorded result frees the slot).
  mutating func placeFollowUps() {
    let lastDay = calendar.workingDay(onOrBefore: day90) ?? day90
    let minutes = max(60, input.settings.verificationMinutes)
    for check in items.filter({ $0.kind == .verification }) {
      guard let skillID = check.skillID else { continue }
      let name = input.report.assessment(of: skillID)?.skill.name ?? skillID
      let id = "follow-up:\(skillID)"
      // Kept as it was, or no longer needed: the check's result is recorded (its training, if
      // any, starts in this slot; otherwise the slot is freed).
      if isKept(id) || (isBeforeReplan(check.date) && checkIsSettled(skillID)) { continue }
      if let skip = isSkipped(itemID: id, topicID: nil) {
        applied(skip)
        notes.append("The follow-up of the \(name) skill check is left out: \(skip.mark).")
        continue
      }
      let nextWeek = weekNumber(of: check.date) + 1
      let firstDay = start.adding(days: 7 * (nextWeek - 1))
      let request = SessionRequest(
        id: id, kind: .followUp,
        title: "Follow-up of the \(name) skill check: training matched to what it shows",
        skillID: skillID, topic: nil, minutes: minutes, owner: "buddy",
        reason: "Kept for what the skill check of \(check.date.shortText) finds: once its result "
          + "is recorded as evidence and the plan is re-planned (--replan-from), this slot "
          + "gets the training at the level the check shows, or is freed when none is needed.",
        prerequisites: [], latestWorkday: nil)
      guard let placed = placeSession(request, after: (firstDay, 0), lastDay: lastDay) else {
        continue
      }
      if weekNumber(of: placed.0) != nextWeek, let index = items.firstIndex(where: { $0.id == id })
      {
        items[index].note =
          "in week \(weekNumber(of: placed.0)): week \(nextWeek) had no free training time"
      }
    }
  }
}
