/// One session the planner wants to place.
struct SessionRequest {
  var id: String
  var kind: PlanItem.Kind
  var title: String
  var skillID: String
  var topic: TrainingTopic?
  var minutes: Int
  var owner: String
  var reason: String
  var prerequisites: [String]
  /// Verification activities belong in week 1.
  var latestWorkday: Int?
  /// The urgency rank of the weak area the session serves (0 = the most urgent); nil for a
  /// skill check, which is not training.
  var urgency: Int? = nil
  /// Whether the session is of the weak skill its urgency rank stands for (not a prerequisite
  /// from another skill): the first such session is the skill's first session.
  var leadsUrgency = false
  /// The item's agenda (a skill check's: what evidence would settle the skill, from the analysis).
  var agenda: [String] = []
}

extension PlanBuilder {
  /// Verification activities for unassessed essential and conflicting skills, then the catalog's
  /// topics for the weak areas, most severe essential gaps first, prerequisites before dependants.
  mutating func placeTraining() {
    var placedEnd: [String: (CalendarDate, Int)] = [:]
    // The end of the first session of each urgency rank: a less urgent skill's training waits
    // for the first session of every more urgent one.
    var firstSessions: [Int: (CalendarDate, Int)] = [:]
    var skillRank: [String: Int] = [:]
    let lastDay = calendar.workingDay(onOrBefore: day90) ?? day90
    let (topics, missing) = knownTopicRequests ?? topicRequests()
    // The cohort's shared workshops are fixed first: their time was agreed with every attendee.
    for (rank, assessment) in urgencyOrder().enumerated() { skillRank[assessment.skill.id] = rank }
    let requested = Set(topics.compactMap(\.topic?.id))
    for shared in input.sharedSessions where requested.contains(shared.topicID) {
      schedule.reserve(on: shared.date, start: shared.start.minutes, minutes: shared.minutes)
      trainingMinutes[shared.date, default: 0] += shared.minutes
    }
    for assessment in missing {
      unscheduled.append(
        UnscheduledTopic(
          topicID: "", title: "Training in \(assessment.skill.name)", skillID: assessment.skill.id,
          reason: "the training catalog has no topic for this skill above level "
            + "\(formatNumber(planningLevel(of: assessment))); add one to training.csv"))
    }
    let ordered = Self.dependencyOrder(verificationRequests() + topics)
    // Placing training adds only training and skill checks, never a groundwork activity.
    let groundwork = groundworkEnds()
    // A prerequisite serves every topic that needs it: it is as urgent as its most urgent
    // dependant (and says so when that is more urgent than its own skill).
    var effective: [String: Int] = [:]
    var pulledBy: [String: SessionRequest] = [:]
    for request in ordered { if let rank = request.urgency { effective[request.id] = rank } }
    for request in ordered.reversed() {
      guard let rank = effective[request.id] else { continue }
      for id in request.prerequisites where (effective[id] ?? Int.max) > rank {
        effective[id] = rank
        pulledBy[id] = request
      }
    }
    for var request in ordered {
      let ownRank = request.urgency
      request.urgency = effective[request.id] ?? request.urgency
      if let end = keptEnd(request.id) {
        // Done before the re-plan date: dependants follow it, nothing is planned again.
        placedEnd[request.id] = end
        if let rank = skillRank[request.skillID], request.kind == .training,
          firstSessions[rank] == nil
        {
          firstSessions[rank] = end
        }
        continue
      }
      if let skip = isSkipped(itemID: request.id, topicID: request.topic?.id) {
        // Already covered, says the manager: dependants need not wait for it.
        applied(skip)
        placedEnd[request.id] = (start.adding(days: -1), 0)
        notes.append("\(request.title) is left out: \(skip.mark).")
        continue
      }
      if let missing = request.prerequisites.first(where: { placedEnd[$0] == nil }) {
        let title = input.catalog.first { "training:\($0.id)" == missing }?.title ?? missing
        unscheduled.append(
          UnscheduledTopic(
            topicID: request.topic?.id ?? request.id, title: request.title,
            skillID: request.skillID,
            reason: "its prerequisite \"\(title)\" could not be scheduled"))
        continue
      }
      if let shared = input.sharedSessions.first(where: { $0.topicID == request.topic?.id }) {
        let placed = placeShared(
          request, shared, after: request.prerequisites.compactMap { placedEnd[$0] })
        placedEnd[request.id] = placed
        if let rank = skillRank[request.skillID], request.kind == .training,
          firstSessions[rank] == nil
        {
          firstSessions[rank] = placed
        }
        continue
      }
      let after =
        (request.prerequisites.compactMap { placedEnd[$0] }
        + urgencyFloor(for: request, firstSessions: firstSessions)
        + advancedFloor(for: request, groundwork: groundwork)
        + followUpFloor(for: request.skillID)).max {
          ($0.0, $0.1) < ($1.0, $1.1)
        }
      if let placed = placeSession(request, after: after, lastDay: lastDay) {
        placedEnd[request.id] = placed
        if let ownRank, let rank = request.urgency, rank < ownRank,
          let dependant = pulledBy[request.id],
          let index = items.firstIndex(where: { $0.id == request.id })
        {
          let order = urgencyOrder()
          let skill = rank < order.count ? order[rank].skill.name : dependant.skillID
          let text =
            "early: it comes before \"\(dependant.title)\", a topic of the more urgent \(skill)"
          items[index].note = items[index].note.map { "\($0); \(text)" } ?? text
        }
        if let rank = skillRank[request.skillID], request.kind == .training,
          firstSessions[rank] == nil
        {
          firstSessions[rank] = placed
        }
      }
    }
    noteUrgencyExceptions(
      skillRank: skillRank,
      leads: Set(topics.filter { $0.leadsUrgency && pulledBy[$0.id] == nil }.map(\.id)))
    noteLateCriticalGaps()
  }

  /// Whether a training item of this plan can be a shareable workshop (`SharedSessionPlanner`'s
  /// demands): one of the topics it requests, or a training item a re-plan keeps.
  mutating func needsSharedWorkshop(catalog: [String: TrainingTopic]) -> Bool {
    func shareable(_ id: String?) -> Bool {
      guard let id, let topic = catalog[id], topic.format == .workshop,
        let capacity = topic.capacity
      else { return false }
      return capacity > 1
    }
    // Kept for `placeTraining`: the requests depend only on the input.
    let requests = topicRequests()
    knownTopicRequests = requests
    let kept = input.replan?.kept ?? []
    return kept.contains { $0.kind == .training && shareable($0.topicID) }
      || requests.requests.contains { shareable($0.topic?.id) }
  }

  /// Every critical gap of an essential skill should have training in the first ten working days;
  /// when it has not, the plan says why instead of staying silent.
  private mutating func noteLateCriticalGaps() {
    let firstTen = timeline.workday(10) ?? start
    let maxEarlyCap =
      (1...2).map { input.settings.trainingCap(week: $0, isFirstDay: false) }.max() ?? 0
    for gap in input.report.weakAreas
    where gap.levelStatus == .criticalGap && gap.requirement.tier == .essential {
      let skillID = gap.skill.id
      let sessions = items.filter { $0.kind == .training && $0.skillID == skillID }
      guard !sessions.contains(where: { $0.date <= firstTen }) else { continue }
      guard let first = sessions.min(by: { ($0.date, $0.start) < ($1.date, $1.start) }) else {
        continue
      }
      let reason =
        first.durationMinutes > maxEarlyCap
        ? "its first topic lasts \(first.durationMinutes) min, more than the daily training cap of the first two weeks (\(maxEarlyCap) min)"
        : "the training time of the first ten working days is taken by more severe gaps, skill checks and prerequisites"
      notes.append(
        "\(gap.skill.name) is a critical gap, but its training starts on \(first.date.longText) (after the first ten working days): \(reason)."
      )
    }
  }

  /// Requests ordered so that each comes after its prerequisites, otherwise in priority order
  /// (a stable depth-first topological sort; a cycle is broken where it closes).
  ///
  /// (By position: each id stands for its first request, whose state is kept in arrays, and no
  /// request is copied until it is placed in the order; `referenceDependencyOrder` by id.)
  static func dependencyOrder(_ requests: [SessionRequest]) -> [SessionRequest] {
    var first: [String: Int] = [:]
    first.reserveCapacity(requests.count)
    for (position, request) in requests.enumerated() where first[request.id] == nil {
      first[request.id] = position
    }
    var done = [Bool](repeating: false, count: requests.count)
    var visiting = [Bool](repeating: false, count: requests.count)
    var ordered: [SessionRequest] = []
    ordered.reserveCapacity(requests.count)
    func visit(_ position: Int) {
      guard !done[position], !visiting[position] else { return }
      visiting[position] = true
      for id in requests[position].prerequisites { if let next = first[id] { visit(next) } }
      visiting[position] = false
      done[position] = true
      ordered.append(requests[position])
    }
    // A request whose id came earlier is that request, done already.
    for position in requests.indices where first[requests[position].id] == position {
      visit(position)
    }
    return ordered
  }

  /// `dependencyOrder` by id, as it was first written.
  static func referenceDependencyOrder(_ requests: [SessionRequest]) -> [SessionRequest] {
    let byID = Dictionary(requests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var done: Set<String> = []
    var visiting: Set<String> = []
    var ordered: [SessionRequest] = []
    func visit(_ request: SessionRequest) {
      guard !done.contains(request.id), visiting.insert(request.id).inserted else { return }
      for id in request.prerequisites { if let next = byID[id] { visit(next) } }
      visiting.remove(request.id)
      done.insert(request.id)
      ordered.append(request)
    }
    for request in requests { visit(request) }
    return ordered
  }

  /// Pins a shared workshop of the cohort: its date and time were chosen to fit every attendee.
  private mutating func placeShared(
    _ request: SessionRequest, _ shared: SharedSession, after: [(CalendarDate, Int)]
  ) -> (CalendarDate, Int) {
    var note =
      "shared workshop with \(plural(shared.members.count, "hire")) of the cohort (session \(shared.id))"
    if after.contains(where: { ($0.0, $0.1) > (shared.date, shared.start.minutes) }) {
      note += "; a prerequisite ends after it"
    }
    items.append(
      PlanItem(
        id: request.id, kind: .training, title: request.title, date: shared.date,
        start: shared.start,
        durationMinutes: shared.minutes, owner: request.owner,
        ownerName: ownerName(for: request.owner),
        skillID: request.skillID, topicID: request.topic?.id,
        format: request.topic?.format.rawValue,
        reason: request.reason, agenda: [], resource: request.topic?.resource, note: note))
    return (shared.date, shared.start.minutes + shared.minutes)
  }

  /// Finds the first working day (from workday 2) with room under the day's training cap.
  mutating func placeSession(
    _ request: SessionRequest, after: (CalendarDate, Int)?, lastDay: CalendarDate
  ) -> (CalendarDate, Int)? {
    let maxCap = input.settings.trainingCapMinutesByWeek.max() ?? 0
    guard request.minutes <= maxCap else {
      unscheduled.append(
        UnscheduledTopic(
          topicID: request.topic?.id ?? request.id, title: request.title, skillID: request.skillID,
          reason:
            "it lasts \(request.minutes) min, more than the daily training cap of \(maxCap) min"))
      return nil
    }
    let firstIndex = 1  // workday 2
    for index in firstIndex..<forwardDays.count {
      let date = forwardDays[index]
      if date > lastDay { break }
      if let after, date < after.0 { continue }
      if isBeforeReplan(date) { continue }
      let cap = input.settings.trainingCap(week: weekNumber(of: date), isFirstDay: date == start)
      guard (trainingMinutes[date] ?? 0) + request.minutes <= cap else { continue }
      let notBefore = after.map { $0.0 == date ? $0.1 : 0 } ?? 0
      guard let slot = schedule.freeSlot(on: date, minutes: request.minutes, notBefore: notBefore)
      else { continue }
      schedule.reserve(on: date, start: slot, minutes: request.minutes)
      trainingMinutes[date, default: 0] += request.minutes
      var note: String? = nil
      if let latest = request.latestWorkday, index + 1 > latest {
        if let from = replanFrom, latest >= 1, latest <= forwardDays.count,
          forwardDays[latest - 1] < from
        {
          // Its days were before the re-plan date, which keeps them as they were: that is why,
          // not a full week (QA13 F2: a skill check for evidence of 8 Jan said week 1 was full).
          note =
            "added by the re-plan from \(from.shortText) (the days before it stay as they were)"
        } else {
          note = "later than planned (week 1 had no free training time left)"
        }
      }
      items.append(
        PlanItem(
          id: request.id, kind: request.kind, title: request.title, date: date,
          start: LocalTime(minutes: slot), durationMinutes: request.minutes, owner: request.owner,
          ownerName: ownerName(for: request.owner), skillID: request.skillID,
          topicID: request.topic?.id, format: request.topic?.format.rawValue ?? "pairing",
          reason: request.reason, agenda: request.agenda, resource: request.topic?.resource,
          note: note))
      return (date, slot + request.minutes)
    }
    unscheduled.append(
      UnscheduledTopic(
        topicID: request.topic?.id ?? request.id, title: request.title, skillID: request.skillID,
        reason: "no free training time under the daily cap before day 90 (\(lastDay.longText))"))
    return nil
  }

  private func verificationRequests() -> [SessionRequest] {
    let report = input.report
    let targets = report.unassessedEssentials + report.conflicts
    return targets.map { assessment in
      let why: String
      if assessment.status == .conflicting, let conflict = assessment.conflict {
        why =
          "The evidence for \(assessment.skill.name) disagrees: \(conflict.summary). "
          + "A short hands-on exercise settles the level before training is planned around it."
      } else {
        let ranks = assessment.percentileRanks.map { "\(ordinalRank($0)) percentile" }
        why =
          "\(assessment.skill.name) is essential for the role but nobody assessed its level"
          + (ranks.isEmpty ? "" : " (only ranked: \(ranks.joined(separator: ", ")), level unknown)")
          + ". A short exercise with the buddy shows where the hire stands."
      }
      return SessionRequest(
        id: "verify:\(assessment.skill.id)", kind: .verification,
        title: "Skill check: \(assessment.skill.name)", skillID: assessment.skill.id, topic: nil,
        minutes: input.settings.verificationMinutes, owner: "buddy", reason: why,
        prerequisites: [], latestWorkday: 5,
        // The hook of "what would settle it" (Analysis), without the check itself among the ways,
        // and what the buddy does with the result.
        agenda: (GapAnalysis.settleIt(assessment, withSkillCheck: false).map { [$0] } ?? [])
          + [
            "Record the level the check shows (0–5) as evidence (source manual, dated the day of "
              + "the check: it then decides the level, also over interviews that disagree), then "
              + "re-plan from the next day: the follow-up slot then gets the training it calls "
              + "for, or is freed."
          ])
    }
  }

  /// Topics for the weak areas with their prerequisites, in the order they should be placed, and
  /// the weak areas the catalog has no topic for.
  private func topicRequests() -> (requests: [SessionRequest], missing: [SkillAssessment]) {
    let report = input.report
    let catalog = Dictionary(
      input.catalog.filter { !$0.isPractice }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let weak = urgencyOrder()
    var requests: [SessionRequest] = []
    var included: Set<String> = []
    var missingTopics: [SkillAssessment] = []

    // A prerequisite the hire already has is skipped: at or below the level the plan starts from
    // (the lower reading when the evidence conflicts), or a skill that is on target or a strength.
    func satisfied(_ topic: TrainingTopic) -> Bool {
      guard let assessment = report.assessment(of: topic.skillID), assessment.observed != nil
      else { return false }
      if assessment.status != .conflicting,
        assessment.levelStatus == .strength || assessment.levelStatus == .onTarget
      {
        return true
      }
      return Double(topic.level) <= planningLevel(of: assessment)
    }

    func include(_ topic: TrainingTopic, reason: String, urgency: Int, skillID: String) {
      guard !included.contains(topic.id) else { return }
      included.insert(topic.id)
      var prerequisites: [String] = []
      for id in topic.prerequisites {
        guard let prerequisite = catalog[id], !satisfied(prerequisite) else { continue }
        include(
          prerequisite, reason: "Prerequisite of \"\(topic.title)\".", urgency: urgency,
          skillID: skillID)
        prerequisites.append("training:\(id)")
      }
      requests.append(
        SessionRequest(
          id: "training:\(topic.id)", kind: .training, title: topic.title, skillID: topic.skillID,
          topic: topic, minutes: topic.durationMinutes, owner: topic.owner, reason: reason,
          prerequisites: prerequisites, latestWorkday: nil, urgency: urgency,
          leadsUrgency: topic.skillID == skillID))
    }

    for (rank, assessment) in weak.enumerated() {
      let before = requests.count
      let chosen = topics(for: assessment)
      if chosen.isEmpty { missingTopics.append(assessment) }
      var previous: String? = nil
      // The same text for every topic of the skill (made once, not once a topic).
      let reason = chosen.isEmpty ? "" : explain(assessment)
      for topic in chosen {
        include(topic, reason: reason, urgency: rank, skillID: assessment.skill.id)
        // Topics of one skill follow each other by level: basics before the advanced topic.
        let id = "training:\(topic.id)"
        if let previous, let index = requests.firstIndex(where: { $0.id == id }),
          !requests[index].prerequisites.contains(previous)
        {
          requests[index].prerequisites.append(previous)
        }
        previous = id
      }
      // Training of a skill whose evidence disagrees starts after the skill check that settles it.
      if assessment.status == .conflicting, requests.count > before {
        requests[before].prerequisites.append("verify:\(assessment.skill.id)")
      }
    }
    return (requests, missingTopics)
  }

  /// The catalog's topics between the observed level and the target, lowest level first.
  ///
  /// When the evidence conflicts, the plan starts from the lower reading (a weak interview beats
  /// a strong test until the skill check says otherwise): training the hire does not need costs an
  /// hour, a gap nobody trains costs months.
  func topics(for assessment: SkillAssessment) -> [TrainingTopic] {
    let observed = planningLevel(of: assessment)
    let target = Double(assessment.requirement.targetLevel)
    let skillID = assessment.skill.id
    let ofSkill = input.catalog.filter { !$0.isPractice && $0.skillID == skillID }
      .sorted { ($0.level, $0.id) < ($1.level, $1.id) }
    let inRange = ofSkill.filter { Double($0.level) > observed && Double($0.level) <= target }
    if !inRange.isEmpty { return inRange }
    // Nothing between the level and the target: the next topic above the level, never one below.
    return ofSkill.first(where: { Double($0.level) > observed }).map { [$0] } ?? []
  }

  /// The level the plan starts from: the observed level, or the lowest reading when conflicting.
  func planningLevel(of assessment: SkillAssessment) -> Double {
    let observed = assessment.observed?.level ?? 0
    guard assessment.status == .conflicting, let conflict = assessment.conflict else {
      return observed
    }
    return min(observed, conflict.low.level)
  }

  /// "Critical gap in Databases & SQL (essential, priority 1): level 2.0 of target 4; evidence: ..."
  func explain(_ assessment: SkillAssessment) -> String {
    let status =
      assessment.levelStatus.label.prefix(1).uppercased() + assessment.levelStatus.label.dropFirst()
    let level = formatNumber(assessment.observed?.level ?? 0)
    let sources = assessment.sourceLevels.map { "\($0.name) \(formatNumber($0.level))" }
    return
      "\(status) in \(assessment.skill.name) (\(assessment.requirement.tier.rawValue), priority "
      + "\(assessment.requirement.priority)): level \(level) of target \(assessment.requirement.targetLevel)"
      + (sources.isEmpty ? "" : "; evidence: " + sources.joined(separator: ", ")) + "."
      + (assessment.status == .conflicting
        ? " The evidence disagrees, so training starts from the lower reading (\(formatNumber(planningLevel(of: assessment))))."
        : "")
  }
}
