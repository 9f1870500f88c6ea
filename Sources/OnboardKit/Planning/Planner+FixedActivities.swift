extension PlanBuilder {
  /// Places the schedule template's activities that apply to the hire, dependencies first.
  mutating func placeFixedActivities() {
    placeFixedActivities(replanFrom: replanFrom, kept: input.replan?.kept ?? [])
  }

  /// The work of `placeFixedActivities()`, with the re-plan's date and kept items as arguments:
  /// Swift 6.3.1's optimizer (CopyPropagation) crashes on borrows of the optional
  /// `input.replan` inside these loops in release builds.
  @inline(never)
  private mutating func placeFixedActivities(replanFrom: CalendarDate?, kept: [PlanItem]) {
    let applicable = input.schedule.filter { $0.applies(to: input.hire) }
    let ids = Set(applicable.map(\.id))
    var placedEnd: [String: (CalendarDate, Int)] = [:]
    for activity in dependencyOrder(applicable) {
      let deps = activity.dependsOn.filter { ids.contains($0) }
      let notBefore = deps.compactMap { placedEnd[$0] }.max { ($0.0, $0.1) < ($1.0, $1.1) }
      let occurrences = dates(for: activity.when)
      for (index, ruleDate) in occurrences.enumerated() {
        let id = occurrences.count > 1 ? "\(activity.id)#\(index + 1)" : activity.id
        if let item = kept.first(where: { $0.id == id }) {
          let end = (item.date, item.start.minutes + item.durationMinutes)
          // Before the re-plan date: kept as it was.
          if placedEnd[activity.id].map({ ($0.0, $0.1) < end }) ?? true {
            placedEnd[activity.id] = end
          }
          continue
        }
        let date = replanFrom.map { max(ruleDate, $0) } ?? ruleDate
        if let skip = isSkipped(itemID: id, activityID: activity.id) {
          applied(skip)
          notes.append("\(activity.title) (\(date.longText)) is left out: \(skip.mark).")
          continue
        }
        guard
          let placed = place(
            minutes: activity.durationMinutes, on: date, preferred: activity.time.minutes,
            notBefore: notBefore, week: weekScope(of: activity.when, date))
        else {
          notes.append(
            "\(activity.title) (\(activity.when)) found no free time near \(date.longText).")
          continue
        }
        var note = placed.note
        if case .week(1, atEnd: true) = activity.when, timeline.firstWeekIsShort {
          let days = timeline.workingDays(inWeek: 1).count
          let why =
            "after the first \(plural(calendar.workDays.count, "working day")): week 1 has "
            + "\(plural(days, "working day")) (holidays or a company closure)"
          note = [why, note].compactMap { $0 }.joined(separator: "; ")
        }
        items.append(
          PlanItem(
            id: id, kind: PlanItem.Kind(rawValue: activity.kind.rawValue) ?? .activity,
            title: activity.title, date: placed.date, start: LocalTime(minutes: placed.start),
            durationMinutes: activity.durationMinutes, owner: activity.owner,
            ownerName: ownerName(for: activity.owner), skillID: nil, topicID: nil, format: nil,
            reason: nil, agenda: activity.agenda, resource: nil, note: note))
        let end = (placed.date, placed.start + activity.durationMinutes)
        if placedEnd[activity.id].map({ ($0.0, $0.1) < end }) ?? true {
          placedEnd[activity.id] = end
        }
      }
      if occurrences.isEmpty {
        notes.append("\(activity.title) (\(activity.when)) has no working day in the plan's range.")
      }
    }
  }

  /// The week an occurrence of a week rule belongs to (it stays in that week when it can).
  func weekScope(of rule: WhenRule, _ date: CalendarDate) -> (number: Int, atEnd: Bool)? {
    switch rule {
    case .week(_, let atEnd), .weeks(_, _, let atEnd): (weekNumber(of: date), atEnd)
    default: nil
    }
  }

  /// The roster's person for an owner role.
  func ownerName(for owner: String) -> String? {
    switch owner {
    case "manager": input.hire.manager.name
    case "buddy": input.hire.buddy.name
    case "hire": input.hire.fullName
    default: nil
    }
  }

  /// Activities ordered so that each comes after those it depends on (template order otherwise).
  /// Cycles are broken in template order; `onboard check` reports them.
  func dependencyOrder(_ activities: [ScheduledActivity]) -> [ScheduledActivity] {
    let byID = Dictionary(activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var ordered: [ScheduledActivity] = []
    var state: [String: Bool] = [:]  // false = visiting, true = done
    func visit(_ activity: ScheduledActivity) {
      if state[activity.id] != nil { return }
      state[activity.id] = false
      for dep in activity.dependsOn { if let next = byID[dep] { visit(next) } }
      state[activity.id] = true
      ordered.append(activity)
    }
    for activity in activities { visit(activity) }
    return ordered
  }
}
