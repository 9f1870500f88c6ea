import Foundation

extension PlanLibrary {
  /// The columns of `people.csv`.
  public static let peopleColumns = [
    "name", "email", "roles", "topics", "time_zone", "work_days", "day_start", "day_end",
    "location", "weekly_onboarding_hours",
  ]

  /// Parses `people.csv`: one row per person, every problem reported with its line and column.
  ///
  /// `topics` may name skill ids, training topic ids or schedule activity ids; anything else is an
  /// error (a typo would otherwise leave a trainer who is never assigned). Empty `work_days`,
  /// `day_start` or `day_end` take the company's defaults from settings.json.
  public static func parsePeople(
    _ file: SourceFile, knownTopics: Set<String>, settings: PlanSettings, holidays: [Holiday] = []
  ) throws(InputErrors) -> [TeamMember] {
    var people: [TeamMember] = []
    var seen: [String: Int] = [:]
    try readRows(file, required: ["name", "email", "roles", "time_zone"]) {
      row, checks throws(InputError) in
      // Every cell is checked, so that one run of `check` names each wrong cell of the row.
      let name = row.value("name")
      if name.isEmpty { checks.add(row.error("name", "is empty; expected the person's name")) }
      let email = row.value("email")
      guard email.contains("@"), !email.contains(" ") else {
        throw row.error("email", "found `\(email)`; expected an email address")
      }
      if let line = seen[email.lowercased()] {
        throw row.error("email", "`\(email)` is listed twice (first on line \(line))")
      }
      seen[email.lowercased()] = row.location("email").line ?? 0
      var roles: Set<TeamMember.Role> = []
      for value in row.list("roles") {
        guard let role = TeamMember.Role(rawValue: value.lowercased()) else {
          checks.add(
            row.error(
              "roles",
              "found `\(value)`; expected roles separated by `|` from "
                + TeamMember.Role.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")))
          break
        }
        roles.insert(role)
      }
      if row.list("roles").isEmpty {
        checks.add(
          row.error("roles", "is empty; expected at least one of manager, buddy, trainer, ..."))
      }
      var topics: Set<String> = []
      for topic in row.list("topics") {
        guard knownTopics.contains(topic) else {
          checks.add(
            row.error(
              "topics",
              "`\(topic)` is not a skill id, a training topic id or a schedule activity id"))
          break
        }
        topics.insert(topic)
      }
      let zone = row.value("time_zone")
      if !isPlaceTimeZone(zone) {
        checks.add(
          row.error(
            "time_zone",
            "found `\(zone)`; expected an IANA time zone such as `America/New_York`"
              + timeZoneHint(for: zone)))
      }
      let days = workDays(row, &checks)
      func time(_ column: String, _ fallback: LocalTime) -> LocalTime? {
        let text = row.value(column)
        if text.isEmpty { return fallback }
        guard let value = LocalTime(text: text) else {
          checks.add(row.error(column, "found `\(text)`; expected a 24-hour time HH:MM"))
          return nil
        }
        return value
      }
      let start = time("day_start", settings.dayStart)
      let end = time("day_end", settings.dayEnd)
      if let start, let end, start >= end {
        checks.add(row.error("day_end", "\(end) is not after day_start \(start)"))
      }
      var cap: Int? = nil
      let capText = row.value("weekly_onboarding_hours")
      if !capText.isEmpty {
        if let hours = Double(capText), hours >= 0, hours <= 80 {
          cap = Int((hours * 60).rounded())
        } else {
          checks.add(
            row.error(
              "weekly_onboarding_hours",
              "found `\(capText)`; expected hours a week from 0 to 80, or nothing for no cap"))
        }
      }
      guard checks.isClean, let start, let end else { return }
      var member = TeamMember(
        name: name, email: email, roles: roles, topics: topics, timeZone: zone,
        workDays: days.isEmpty ? settings.workDays : days, dayStart: start, dayEnd: end,
        location: row.value("location"), weeklyCapMinutes: cap, origin: row.location("email"))
      member.takeDaysOff(from: holidays)
      people.append(member)
    }
    return people
  }

  /// The locations that have holidays in holidays.csv (`*` excluded), sorted.
  public var knownLocations: [String] {
    Array(Set(holidays.map(\.location).filter { $0 != "*" })).sorted()
  }

  /// The warning of a library without public holidays (holidays.csv missing or without rows):
  /// every plan then schedules through them, so `check` and each plan say it.
  public var noHolidaysWarning: String? {
    holidays.isEmpty
      ? "holidays.csv lists no public holidays (the file is missing or has no rows), so every "
        + "plan schedules through them (a start on New Year's Day stays there); add the hires' "
        + "locations' holidays to the plan library's holidays.csv (location,date,name)"
      : nil
  }

  /// A warning when a hire's location has no holidays in holidays.csv, naming the known ones
  /// (or, when it lists none, `noHolidaysWarning`).
  public func locationWarning(for hire: Hire) -> String? {
    if let none = noHolidaysWarning { return "The plan library's \(none)." }
    let known = knownLocations
    guard !known.isEmpty,
      !known.contains(where: { $0.caseInsensitiveCompare(hire.location) == .orderedSame })
    else { return nil }
    return "Location \(hire.location) has no public holidays in holidays.csv, so this plan "
      + "schedules through that location's holidays"
      + (nearLocation(to: hire.location).map {
        " (did you mean `\($0)`? the roster's location is a typo then)"
      } ?? "")
      + "; known locations: \(known.joined(separator: ", "))."
  }

  /// The known location (holidays.csv) within two letters of `location` (`Lisboa` → `Lisbon`),
  /// when it is not one itself: most likely a typo of the roster's.
  public func nearLocation(to location: String) -> String? {
    let lower = location.lowercased()
    let known = knownLocations
    guard !known.contains(where: { $0.lowercased() == lower }) else { return nil }
    let closest = known.min {
      (editDistance(lower, $0.lowercased()), $0) < (editDistance(lower, $1.lowercased()), $1)
    }
    return closest.flatMap { editDistance(lower, $0.lowercased()) <= 2 ? $0 : nil }
  }

  /// Parses a people.csv given apart from the library (`--people`), checked against its topics.
  public func people(from file: SourceFile) throws(InputErrors) -> [TeamMember] {
    let topics = Set(skills.map(\.id)).union(catalog.map(\.id)).union(schedule.map(\.id))
    return try Self.parsePeople(file, knownTopics: topics, settings: settings, holidays: holidays)
  }

  /// The person of people.csv with this email, if any.
  public func member(email: String) -> TeamMember? {
    let key = email.lowercased()
    return people.first { $0.key == key }
  }
}
