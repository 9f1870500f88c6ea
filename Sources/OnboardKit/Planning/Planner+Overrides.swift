extension PlanBuilder {
  /// The ids (item ids, activity ids or topic ids) a manager left out.
  var skippedTargets: Set<String> {
    Set(
      input.overrides.compactMap {
        if case .skip(let target) = $0.action { return target }
        return nil
      })
  }

  /// Whether a skip override names this item, its activity (all occurrences) or its topic.
  func isSkipped(itemID: String, activityID: String? = nil, topicID: String? = nil) -> PlanOverride?
  {
    input.overrides.first {
      guard case .skip(let target) = $0.action else { return false }
      return target == itemID || target == activityID || (topicID != nil && target == topicID)
    }
  }

  /// Marks an override as applied.
  mutating func applied(_ override: PlanOverride) {
    if let index = pendingOverrides.firstIndex(of: override) { pendingOverrides.remove(at: index) }
  }

  /// The manager's own items go in first: nothing else may take their time.
  mutating func placeAddedItems() {
    for override in input.overrides {
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
        note: calendar.isWorkingDay(date) ? nil : "on a day that is not a working day")
      item.override = override.mark
      items.append(item)
      applied(override)
    }
  }

  /// Moves the items that overrides name to the manager's date and time. The manager's word wins;
  /// a clash with another item is noted, not silently resolved.
  mutating func applyMoves(of kinds: Set<PlanItem.Kind>) {
    for override in input.overrides {
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
      item.note =
        !calendar.isWorkingDay(date)
        ? "on a day that is not a working day"
        : clash ? "overlaps another item or falls outside working hours" : nil
      schedule.reserve(on: date, start: start.minutes, minutes: item.durationMinutes)
      items[index] = item
      applied(override)
    }
  }
}
