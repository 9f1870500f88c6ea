import OnboardMustache

/// The values that depend on where the manager and the buddy work: the day-one meetings in the
/// manager's own time, the meetings the manager runs outside their hours, and the buddy's
/// sessions in the buddy's time (people.csv gives their zones and hours; without a row, the
/// hire's are assumed).
extension EmailContext {
  static func managerValues(plan: OnboardingPlan, people: [TeamMember]) -> [String: MustacheValue] {
    let managerKey = plan.hire.manager.email.lowercased()
    let member = people.first { $0.key == managerKey }
    let zone = plan.calendar.timeZone
    let runs = plan.items.filter { $0.owner == "manager" && $0.date >= plan.start }
    let elsewhere = member.map { $0.timeZone != zone } ?? false
    func theirTime(_ item: PlanItem) -> String {
      guard let member else { return "" }
      let local = ZoneClock.local(
        ZoneClock.instant(item.date, item.start, in: zone), in: member.timeZone)
      return local.date == item.date ? "\(local.time)" : "\(local.time) on \(local.date.shortText)"
    }
    var values: [String: MustacheValue] = [:]
    // "“Welcome and first-day overview” at 09:00 and “First 1:1” at 17:00 (Asia/Kolkata time;
    // in New York: 22:30 on Sun 10 Jan and 06:30)".
    let dayOne = runs.filter { $0.date == plan.start }
    var text = listText(dayOne.map { "“\($0.title)” at \($0.start)" })
    if elsewhere, let member, !dayOne.isEmpty {
      text +=
        " (\(zone) time; in \(placeName(member.timeZone)) that is "
        + listText(dayOne.map(theirTime)) + ")"
    }
    values["manager_day_one"] = .string(text)
    values["has_manager_day_one"] = .bool(!dayOne.isEmpty)
    var outside: [PlanItem] = []
    if let member {
      outside = runs.filter {
        let begin = ZoneClock.instant($0.date, $0.start, in: zone)
        return Placement.outside(begin..<(begin + max($0.durationMinutes, 1)), for: member) > 0
      }
    }
    values["has_manager_outside_hours"] = .bool(!outside.isEmpty)
    if let first = outside.first, let member {
      values["manager_outside_hours"] = .string(
        (outside.count == 1
          ? "One meeting"
          : outside.count == runs.count
            ? "All \(runs.count) meetings" : "\(outside.count) of the \(runs.count) meetings")
          + " "
          + "you run \(outside.count == 1 ? "is" : "are") outside your working hours "
          + "(\(member.dayStart)–\(member.dayEnd) in \(placeName(member.timeZone))): "
          + "\(outside.count == 1 ? "" : "the first is ")“\(first.title)” on \(first.date.shortText) "
          + "at \(first.start) \(zone) time, \(theirTime(first)) for you. plan.md lists "
          + "\(outside.count == 1 ? "it" : "each")"
          + (hoursOverlap(plan: plan, member: member)
            ? "; a `move` override puts a meeting at a time that suits you both."
            : ". Your working hours and \(plan.hire.firstName)'s do not overlap: agree on a time "
              + "with \(plan.hire.firstName), and a `move` override puts the meetings there."))
    } else {
      values["manager_outside_hours"] = .string("")
    }
    values.merge(buddyValues(plan: plan, people: people)) { $1 }
    return values
  }

  /// The buddy's sessions in the buddy's own time when people.csv puts them in another zone (the
  /// buddy email listed a Tokyo hire's 09:30 to a Singapore buddy, for whom it is 08:30), with
  /// the hire's time beside it (`hire_time`); `buddy_elsewhere` and `buddy_zone` let the
  /// template say so.
  static func buddyValues(plan: OnboardingPlan, people: [TeamMember]) -> [String: MustacheValue] {
    let zone = plan.calendar.timeZone
    let member = people.first { $0.key == plan.hire.buddy.email.lowercased() }
    let buddyZone = member?.timeZone ?? zone
    let elsewhere = buddyZone != zone
    var values: [String: MustacheValue] = [
      "buddy_elsewhere": .bool(elsewhere), "buddy_zone": .string(placeName(buddyZone)),
    ]
    guard elsewhere else { return values }
    let buddy = plan.hire.buddy.name
    let sessions = plan.items.filter {
      $0.date >= plan.start
        && ($0.ownerName == buddy || ($0.ownerName == nil && $0.owner == "buddy"))
    }
    values["buddy_sessions"] = .list(
      sessions.map { item in
        let local = ZoneClock.local(
          ZoneClock.instant(item.date, item.start, in: zone), in: buddyZone)
        return .object([
          "date": .string(local.date.longText), "time": .string(local.time.description),
          "hire_time": .string(
            local.date == item.date
              ? item.start.description : "\(item.start) on \(item.date.shortText)"),
          "title": .string(item.title),
          "duration_minutes": .number(Double(item.durationMinutes)),
        ])
      })
    return values
  }

  /// Whether the hire's working hours on day 1 and the person's on that day meet at all.
  static func hoursOverlap(plan: OnboardingPlan, member: TeamMember) -> Bool {
    let zone = plan.calendar.timeZone
    let begin = ZoneClock.instant(plan.start, plan.calendar.dayStart, in: zone)
    let end = ZoneClock.instant(plan.start, plan.calendar.dayEnd, in: zone)
    return stride(from: begin, to: end, by: Placement.step).contains { minute in
      Placement.outside(minute..<(minute + Placement.step), for: member) == 0
    }
  }

  /// "New York" of `America/New_York`.
  static func placeName(_ zone: String) -> String {
    String(zone.split(separator: "/").last ?? Substring(zone)).replacingOccurrences(
      of: "_", with: " ")
  }
}
