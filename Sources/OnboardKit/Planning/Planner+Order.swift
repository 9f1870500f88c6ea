/// The order the plan promises: the most urgent skill's first session before any less urgent
/// skill's, advanced topics after the development setup and the codebase tour.
extension PlanBuilder {
  /// The weak areas in the order they are trained: essential skills first, then the most severe
  /// gap, then the role's priority (`urgencyOrder(of:)` of the report, made once by `init`).
  func urgencyOrder() -> [SkillAssessment] { urgency }

  /// The weak areas of a report in the order they are trained.
  static func urgencyOrder(of report: GapReport) -> [SkillAssessment] {
    report.weakAreas.sorted {
      let a = (
        $0.requirement.tier == .essential ? 0 : 1, -($0.severity ?? 0), $0.requirement.priority
      )
      let b = (
        $1.requirement.tier == .essential ? 0 : 1, -($1.severity ?? 0), $1.requirement.priority
      )
      return a < b
    }
  }

  /// Where a less urgent skill's training must wait: after the first session of every more
  /// urgent skill, unless that session is late only because it is longer than the daily training
  /// cap of the weeks before it (waiting would leave those weeks empty; the item says why).
  func urgencyFloor(
    for request: SessionRequest, firstSessions: [Int: (CalendarDate, Int)]
  ) -> [(CalendarDate, Int)] {
    guard let rank = request.urgency else { return [] }
    return firstSessions.filter { $0.key < rank }.values.filter { end in
      !isCapBlocked(itemEnding: end)
    }
  }

  /// Whether the training item ending at `end` could not have been earlier because every day
  /// before it has a lower training cap than its length.
  func isCapBlocked(itemEnding end: (CalendarDate, Int)) -> Bool {
    guard let item = items.last(where: { ($0.date, $0.start.minutes + $0.durationMinutes) == end })
    else { return false }
    return forwardDays.dropFirst().prefix { $0 < item.date }.allSatisfy {
      input.settings.trainingCap(week: weekNumber(of: $0), isFirstDay: false) < item.durationMinutes
    }
  }

  /// A topic above level 3 waits for the development setup and the codebase tour: advanced
  /// material makes sense once the hire has the code running and has seen how it fits together.
  /// `groundwork` are the ends of the groundwork items (`groundworkEnds()`, found once while
  /// training is placed: a training item is never one of them).
  func advancedFloor(for request: SessionRequest, groundwork: [(CalendarDate, Int)])
    -> [(CalendarDate, Int)]
  {
    guard let topic = request.topic, topic.level > 3 else { return [] }
    return groundwork
  }

  /// The ends of the plan's groundwork items (`groundworkActivities`), in item order.
  func groundworkEnds() -> [(CalendarDate, Int)] {
    items.filter { Self.groundworkActivities.contains($0.id) }.map {
      ($0.date, $0.start.minutes + $0.durationMinutes)
    }
  }

  /// The fixed activities every advanced topic comes after (ids of `schedule.csv`).
  static let groundworkActivities: Set<String> = ["dev-environment-setup", "codebase-tour"]

  /// Marks each training item that comes before the first session of a more urgent skill with
  /// the reason (the urgent topic is longer than the cap of the weeks before it, or it is a
  /// shared workshop at an agreed time).
  mutating func noteUrgencyExceptions(skillRank: [String: Int], leads: Set<String>) {
    var first: [Int: PlanItem] = [:]
    // The positions sorted by the items' date and time: the same order as the items sorted
    // (the same comparisons), without copying them.
    let order = items.indices.sorted {
      (items[$0].date, items[$0].start) < (items[$1].date, items[$1].start)
    }
    for position in order where items[position].kind == .training {
      let item = items[position]
      guard let rank = skillRank[item.skillID ?? ""], first[rank] == nil else { continue }
      first[rank] = item
    }
    // A re-plan's kept items were explained by the evidence of their day: a later urgency
    // order does not rewrite them.
    for index in items.indices where leads.contains(items[index].id) && !isKept(items[index].id) {
      let item = items[index]
      guard let rank = skillRank[item.skillID ?? ""] else { continue }
      let earlier = first.filter {
        $0.key < rank && ($0.value.date, $0.value.start) > (item.date, item.start)
      }
      guard let (_, urgent) = earlier.min(by: { $0.key < $1.key }) else { continue }
      let skill = input.report.assessment(of: urgent.skillID ?? "")?.skill.name ?? urgent.title
      let why =
        urgent.note?.hasPrefix("shared workshop") == true
        ? "that one is a shared workshop at a time agreed with the cohort"
        : "its first topic lasts \(urgent.durationMinutes) min, more than the daily training cap "
          + "of the days before it"
      let text =
        "before the first session of the more urgent \(skill) (\(urgent.date.shortText)): \(why)"
      items[index].note = items[index].note.map { "\($0); \(text)" } ?? text
    }
  }
}
