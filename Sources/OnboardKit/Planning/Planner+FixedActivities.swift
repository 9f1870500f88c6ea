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
    // The position in `items` of each activity placed here, with its activity and rule date.
    var placedHere: [Int: (activity: ScheduledActivity, ruleDate: CalendarDate)] = [:]
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
        placedHere[items.count] = (activity, date)
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
    endDaysWithCheckIns(placedHere, applicable: applicable)
  }

  /// A check-in ends its day ("End-of-day check-in"). On a day that ends before its usual time
  /// (a part-time day) it took the latest time still free when it was placed, which could be the
  /// morning (10:45, before the office tour and the first 1:1): it moves after the day's other
  /// items. When no time is left after them, the day's last item makes room (when nothing
  /// depends on it) and goes where it would have gone had the day been full.
  private mutating func endDaysWithCheckIns(
    _ placedHere: [Int: (activity: ScheduledActivity, ruleDate: CalendarDate)],
    applicable: [ScheduledActivity]
  ) {
    let dependedOn = Set(applicable.flatMap(\.dependsOn))
    for position in placedHere.keys.sorted() where items[position].kind == .checkIn {
      let checkIn = items[position]
      let day = checkIn.date
      let others = items.indices.filter {
        $0 != position && items[$0].date == day && items[$0].kind != .checkIn
          && items[$0].durationMinutes > 0
      }
      guard let last = others.max(by: { items[$0].end.minutes < items[$1].end.minutes }),
        items[last].end.minutes > checkIn.start.minutes,
        let usual = placedHere[position]?.activity.time
      else { continue }
      let minutes = checkIn.durationMinutes
      schedule.release(on: day, start: checkIn.start.minutes, minutes: minutes)
      if let start = checkInSlot(
        on: day, minutes: minutes, notBefore: items[last].end.minutes, usual: usual)
      {
        moveCheckIn(at: position, to: start, usual: usual)
        continue
      }
      // The items after it move up into its time, in their order, and it follows them.
      if slideUp(after: position, others: others, placedHere: placedHere, usual: usual) {
        continue
      }
      // The last item makes room: it is placed again as if the day were full.
      let lastItem = items[last]
      // (Only an item of one working day, `workday N`, that nothing depends on: a week's item
      // keeps its week and its notes, and moving an item others follow could reorder them.)
      guard let (activity, ruleDate) = placedHere[last], !dependedOn.contains(activity.id),
        case .workday = activity.when
      else {
        schedule.reserve(on: day, start: checkIn.start.minutes, minutes: minutes)
        continue
      }
      schedule.release(on: day, start: lastItem.start.minutes, minutes: lastItem.durationMinutes)
      let endOfOthers = others.filter { $0 != last }.map { items[$0].end.minutes }.max() ?? 0
      guard
        let start = schedule.latestFreeSlot(on: day, minutes: minutes, notBefore: endOfOthers)
      else {
        schedule.reserve(on: day, start: lastItem.start.minutes, minutes: lastItem.durationMinutes)
        schedule.reserve(on: day, start: checkIn.start.minutes, minutes: minutes)
        continue
      }
      schedule.reserve(on: day, start: start, minutes: minutes)
      let floor = items.filter { activity.dependsOn.contains(Self.activityID(of: $0.id)) }
        .map { ($0.date, $0.end.minutes) }.max { ($0.0, $0.1) < ($1.0, $1.1) }
      guard
        let placed = place(
          minutes: lastItem.durationMinutes, on: ruleDate, preferred: activity.time.minutes,
          notBefore: floor, week: nil)
      else {
        schedule.release(on: day, start: start, minutes: minutes)
        schedule.reserve(on: day, start: lastItem.start.minutes, minutes: lastItem.durationMinutes)
        schedule.reserve(on: day, start: checkIn.start.minutes, minutes: minutes)
        continue
      }
      items[last].date = placed.date
      items[last].start = LocalTime(minutes: placed.start)
      items[last].note = placed.note
      schedule.release(on: day, start: start, minutes: minutes)
      moveCheckIn(at: position, to: start, usual: usual)
    }
  }

  /// Moves the day's items that start after the check-in (released from the schedule) up into
  /// its time, each to the earliest free time after the one before (never later than it was),
  /// and puts the check-in after the last; false, with nothing changed, when that does not fit.
  private mutating func slideUp(
    after position: Int, others: [Int],
    placedHere: [Int: (activity: ScheduledActivity, ruleDate: CalendarDate)], usual: LocalTime
  ) -> Bool {
    let checkIn = items[position]
    let day = checkIn.date
    let later = others.filter { items[$0].start.minutes > checkIn.start.minutes }
      .sorted { items[$0].start.minutes < items[$1].start.minutes }
    // Only the activities placed here (a kept, added or moved-by-override item stays put).
    guard !later.isEmpty, later.allSatisfy({ placedHere[$0] != nil && items[$0].override == nil })
    else { return false }
    for index in later {
      schedule.release(
        on: day, start: items[index].start.minutes, minutes: items[index].durationMinutes)
    }
    var cursor = checkIn.start.minutes
    var starts: [Int] = []
    for index in later {
      guard
        let start = schedule.freeSlot(
          on: day, minutes: items[index].durationMinutes, notBefore: cursor),
        start <= items[index].start.minutes
      else { break }
      schedule.reserve(on: day, start: start, minutes: items[index].durationMinutes)
      starts.append(start)
      cursor = start + items[index].durationMinutes
    }
    let checkInStart =
      starts.count == later.count
      ? checkInSlot(on: day, minutes: checkIn.durationMinutes, notBefore: cursor, usual: usual)
      : nil
    guard let checkInStart else {
      for (index, start) in zip(later, starts) {
        schedule.release(on: day, start: start, minutes: items[index].durationMinutes)
      }
      for index in later {
        schedule.reserve(
          on: day, start: items[index].start.minutes, minutes: items[index].durationMinutes)
      }
      return false  // (the check-in stays released: the caller places it)
    }
    for (index, start) in zip(later, starts) where start != items[index].start.minutes {
      let old = items[index].start
      let new = LocalTime(minutes: start)
      items[index].start = new
      if let note = items[index].note, note.contains("at \(old) instead of") {
        items[index].note = note.replacing("at \(old) instead of", with: "at \(new) instead of")
      } else {
        let moved = "moved from \(old) to \(new) so that the day ends with the check-in"
        items[index].note = items[index].note.map { "\($0); \(moved)" } ?? moved
      }
    }
    moveCheckIn(at: position, to: checkInStart, usual: usual)
    return true
  }

  /// A check-in's time after `notBefore`: its usual time or the next free one, or, when the day
  /// ends before its usual time, the latest free time (as the planner places it).
  private func checkInSlot(on day: CalendarDate, minutes: Int, notBefore: Int, usual: LocalTime)
    -> Int?
  {
    if usual.minutes + minutes > calendar.dayEnd.minutes {
      return schedule.latestFreeSlot(on: day, minutes: minutes, notBefore: notBefore)
    }
    return schedule.freeSlot(on: day, minutes: minutes, notBefore: max(notBefore, usual.minutes))
      ?? schedule.freeSlot(on: day, minutes: minutes, notBefore: notBefore)
  }

  /// Puts a check-in (released from the day's schedule) at `start` on its day.
  private mutating func moveCheckIn(at position: Int, to start: Int, usual: LocalTime) {
    let day = items[position].date
    schedule.reserve(on: day, start: start, minutes: items[position].durationMinutes)
    let new = LocalTime(minutes: start)
    items[position].start = new
    if start == usual.minutes {
      items[position].note = nil
    } else if start < usual.minutes,
      start + items[position].durationMinutes >= calendar.dayEnd.minutes
    {
      items[position].note =
        "at \(new) instead of \(usual): the hire's day ends at \(calendar.dayEnd)"
    } else {
      items[position].note =
        "moved from \(usual) to \(new) to end the day, after the day's other items"
    }
  }

  /// The activity of an item id: `eod-check-in#3` → `eod-check-in`.
  static func activityID(of itemID: String) -> String {
    String(itemID.split(separator: "#", omittingEmptySubsequences: false)[0])
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
