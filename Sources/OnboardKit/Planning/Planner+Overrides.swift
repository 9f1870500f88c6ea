extension PlanBuilder {
  /// Whether a skip override names this item, its activity (all occurrences) or its topic.
  func isSkipped(itemID: String, activityID: String? = nil, topicID: String? = nil) -> PlanOverride?
  {
    input.overrides.first {
      guard case .skip(let target) = $0.action, !overridesLeftOut.contains($0) else { return false }
      return target == itemID || target == activityID || (topicID != nil && target == topicID)
    }
  }

  /// Marks an override as applied.
  mutating func applied(_ override: PlanOverride) {
    if let index = pendingOverrides.firstIndex(of: override) { pendingOverrides.remove(at: index) }
  }

  /// A re-plan keeps everything before its date as it was, overrides included: a row that would
  /// move or add an item before the date, or move or skip an item kept from the earlier plan, is
  /// not followed, and a warning at its line says so. The same row of the earlier run (the item
  /// is where it puts it) is simply done. Returns the rows left out of the re-plan.
  mutating func settleOverridesBeforeReplan() -> Set<PlanOverride> {
    guard let from = replanFrom else { return [] }
    var settled: Set<PlanOverride> = []
    func keptItem(_ id: String) -> PlanItem? { input.replan?.kept.first { $0.id == id } }
    func warn(_ override: PlanOverride, _ text: String) {
      planWarnings.append(
        Diagnostic(
          .warning, override.origin,
          "\(input.hire.email): this override \(text), before \(from.shortText), the re-plan date; "
            + "a re-plan keeps everything before its date as it was, so the row is not followed"))
    }
    for override in input.overrides {
      switch override.action {
      case .skip(let target):
        guard let item = keptItem(target) else { continue }
        warn(override, "skips `\(target)`, which is on \(item.date.shortText)")
      case .move(let target, let date, let time):
        if let item = keptItem(target) {
          if (item.date, item.start) == (date, time ?? item.start) {
            settled.insert(override)  // the earlier run's move: done already
            applied(override)
            continue
          }
          warn(override, "moves `\(target)`, which is on \(item.date.shortText)")
        } else if date < from {
          warn(override, "moves `\(target)` to \(date.shortText)")
        } else {
          continue
        }
      case .add(let id, _, let date, _, _, _):
        if keptItem(id) != nil {
          settled.insert(override)  // added by the earlier run, kept
          applied(override)
          continue
        }
        guard date < from else { continue }
        warn(override, "adds `\(id)` on \(date.shortText)")
      default:
        continue
      }
      settled.insert(override)
      applied(override)
    }
    return settled
  }

  /// The manager's own items go in first: nothing else may take their time.
  mutating func placeAddedItems() {
    for override in input.overrides where !overridesLeftOut.contains(override) {
      guard
        case .add(let id, let title, let date, let time, let minutes, let owner) = override.action
      else { continue }
      schedule.reserve(on: date, start: time.minutes, minutes: minutes)
      var item = PlanItem(
        id: id, kind: .activity, title: title, date: date, start: time, durationMinutes: minutes,
        owner: owner,
        ownerName: ownerName(for: owner), skillID: nil, topicID: nil, format: nil, reason: nil,
        agenda: [],
        resource: nil,
        note: nil)
      item.override = override.mark
      let problems = warnIfOutsideTheHiresTime(item, override: override, verb: "adds")
      if !problems.isEmpty { item.note = problems.joined(separator: "; ") }
      items.append(item)
      applied(override)
    }
  }

  /// Moves the items that overrides name to the manager's date and time. The manager's word wins;
  /// a clash with another item is noted, not silently resolved.
  mutating func applyMoves(of kinds: Set<PlanItem.Kind>) {
    for override in input.overrides where !overridesLeftOut.contains(override) {
      guard case .move(let target, let date, let time) = override.action,
        let index = items.firstIndex(where: { $0.id == target && kinds.contains($0.kind) })
      else { continue }
      var item = items[index]
      schedule.release(on: item.date, start: item.start.minutes, minutes: item.durationMinutes)
      if item.kind == .training || item.kind == .verification {
        trainingMinutes[item.date, default: 0] -= item.durationMinutes
        trainingMinutes[date, default: 0] += item.durationMinutes
      }
      let start = time ?? item.start
      let clash =
        schedule.freeSlot(on: date, minutes: item.durationMinutes, notBefore: start.minutes)
        != start.minutes
      item.date = date
      item.start = start
      item.override = override.mark
      schedule.reserve(on: date, start: start.minutes, minutes: item.durationMinutes)
      let problems = warnIfOutsideTheHiresTime(item, override: override, verb: "moves")
      item.note =
        !problems.isEmpty
        ? problems.joined(separator: "; ") : clash ? "overlaps another item" : nil
      let earlier = input.overrides.prefix { $0 != override }.filter {
        if case .move(let other, _, _) = $0.action { return other == target }
        return false
      }
      if !earlier.isEmpty {
        planWarnings.append(
          Diagnostic(
            .warning, override.origin,
            "\(input.hire.email): `\(target)` is moved by line "
              + listText(earlier.map { $0.origin.line.map(String.init) ?? "?" })
              + " too; the plan follows this line, the last (remove the other)"))
      }
      items[index] = item
      applied(override)
    }
    if kinds.contains(.milestone) { warnIfReviewsOutOfOrder() }
  }

  /// A warning at the override's line when its item lands where the hire does not work: on a
  /// day off or holiday, before day 1, after day 90, or outside the hire's hours.
  /// Returns the problems, for the item's note.
  @discardableResult
  mutating func warnIfOutsideTheHiresTime(
    _ item: PlanItem, override: PlanOverride, verb: String
  ) -> [String] {
    var problems: [String] = []
    // The plan's last day: day 90, or the working day after it that holds the 90-day review.
    let lastDay = calendar.workingDay(onOrAfter: day90) ?? day90
    if let name = calendar.closures[item.date] {
      problems.append("\(item.date.shortText) is closed: \(name)")
    } else if let reason = calendar.closureReason(item.date) {
      problems.append("\(item.date.shortText) is \(reason), not a working day")
    }
    if item.date < start {
      problems.append("before \(input.hire.firstName)'s first day, \(start.shortText)")
    } else if item.date > lastDay {
      problems.append(
        "after day 90, \(day90.shortText)"
          + (lastDay == day90 ? "" : " (the 90-day review is on \(lastDay.shortText))"))
    }
    if calendar.isWorkingDay(item.date),
      item.start < calendar.dayStart || item.end.minutes > calendar.dayEnd.minutes
    {
      problems.append(
        "\(item.start)–\(item.end) is outside \(input.hire.firstName)'s hours, "
          + "\(calendar.dayStart)–\(calendar.dayEnd) (\(calendar.timeZone))")
    }
    guard !problems.isEmpty else { return [] }
    planWarnings.append(
      Diagnostic(
        .warning, override.origin,
        "\(input.hire.email): this override \(verb) `\(item.id)` to \(item.date.shortText) "
          + "\(item.start): \(problems.joined(separator: "; ")); the plan keeps it there "
          + "(check the date and time)"))
    return problems
  }

  /// A warning when a moved review is out of the reviews' order (the 30-day review after the
  /// 60-day review): one per moved review, naming the reviews it passed (a pair once).
  mutating func warnIfReviewsOutOfOrder() {
    let reviews = ["review-30", "review-60", "review-90"].compactMap { id in
      items.first { $0.id == id }
    }
    var reported: Set<[String]> = []
    for (rank, review) in reviews.enumerated() {
      guard
        let override = input.overrides.first(where: {
          if case .move(let target, _, _) = $0.action { return target == review.id }
          return false
        })
      else { continue }
      let passed = reviews.enumerated().filter { other in
        let outOfOrder =
          other.offset < rank
          ? (other.element.date, other.element.start) > (review.date, review.start)
          : other.offset > rank
            && (other.element.date, other.element.start) < (review.date, review.start)
        return outOfOrder && !reported.contains([review.id, other.element.id].sorted())
      }
      guard !passed.isEmpty else { continue }
      for other in passed { reported.insert([review.id, other.element.id].sorted()) }
      let before = passed.filter { $0.offset < rank }.map {
        "\($0.element.title) (\($0.element.date.shortText))"
      }
      let after = passed.filter { $0.offset > rank }.map {
        "\($0.element.title) (\($0.element.date.shortText))"
      }
      // An earlier review now later in time: this one comes before it; a later one now earlier:
      // this one comes after it.
      let order =
        (before.isEmpty ? [] : ["before the \(listText(before))"])
        + (after.isEmpty ? [] : ["after the \(listText(after))"])
      if let index = items.firstIndex(where: { $0.id == review.id }) {
        let text = "comes \(order.joined(separator: " and "))"
        items[index].note = items[index].note.map { "\($0); \(text)" } ?? text
      }
      planWarnings.append(
        Diagnostic(
          .warning, override.origin,
          "\(input.hire.email): after this override, the \(review.title) "
            + "(\(review.date.shortText)) comes \(order.joined(separator: " and ")); check the date"
        ))
    }
  }
}
