extension PlanBuilder {
  /// The date a re-plan rebuilds from (nil for a first plan).
  var replanFrom: CalendarDate? { input.replan?.from }

  /// Whether an item id is one of the earlier plan's items before the re-plan date.
  func isKept(_ id: String) -> Bool { input.replan?.kept.contains { $0.id == id } ?? false }

  /// Whether nothing new may go on a date: it lies before the re-plan date.
  func isBeforeReplan(_ date: CalendarDate) -> Bool { replanFrom.map { date < $0 } ?? false }

  /// A re-plan keeps every item before its date exactly as it was; their time stays taken.
  mutating func placeKeptItems() {
    guard let replan = input.replan else { return }
    for item in replan.kept {
      items.append(item)
      schedule.reserve(on: item.date, start: item.start.minutes, minutes: item.durationMinutes)
      if [.training, .verification, .practice, .followUp].contains(item.kind) {
        trainingMinutes[item.date, default: 0] += item.durationMinutes
      }
    }
  }

  /// The end of a kept item, for dependants that come after it.
  func keptEnd(_ id: String) -> (CalendarDate, Int)? {
    input.replan?.kept.first { $0.id == id }.map {
      ($0.date, $0.start.minutes + $0.durationMinutes)
    }
  }

  /// Whether a skill check's slot is no longer needed: its result is recorded (the skill is
  /// neither unassessed nor conflicting any more).
  func checkIsSettled(_ skillID: String) -> Bool {
    !(input.report.unassessedEssentials + input.report.conflicts).contains {
      $0.skill.id == skillID
    }
  }

  /// A skill whose check result is recorded starts its training in the follow-up slot the
  /// earlier plan kept for it (when that slot lies after the re-plan date).
  ///
  /// A plan an earlier re-plan made has no slot any more (the training took it): the skill was
  /// checked (its `verify:` item is there) and its first training on or after the date is where
  /// the slot led, so the same re-plan run again gives the same plan (it had pulled every
  /// session a day earlier, with new SEQUENCEs and invitations).
  func followUpFloor(for skillID: String) -> [(CalendarDate, Int)] {
    guard let replan = input.replan, checkIsSettled(skillID) else { return [] }
    if let slot = replan.previous.first(where: { $0.id == "follow-up:\(skillID)" }) {
      return slot.date >= replan.from ? [(slot.date, slot.start.minutes)] : []
    }
    guard replan.previous.contains(where: { $0.id == "verify:\(skillID)" }),
      let first = replan.previous.filter({
        $0.kind == .training && $0.skillID == skillID && $0.date >= replan.from
      }).min(by: { ($0.date, $0.start.minutes) < ($1.date, $1.start.minutes) })
    else { return [] }
    return [(first.date, first.start.minutes)]
  }
}
