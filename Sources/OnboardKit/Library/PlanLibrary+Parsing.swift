import Foundation

extension PlanLibrary {
  static func parseTraining(_ file: SourceFile, skillIDs: Set<String>) throws(InputErrors)
    -> [TrainingTopic]
  {
    let parsed = parsedTraining(file, skillIDs: skillIDs)
    if !parsed.errors.isEmpty { throw InputErrors(parsed.errors) }
    return parsed.topics
  }

  /// The topics whose rows read, and every error (`check` goes on with the topics).
  static func parsedTraining(_ file: SourceFile, skillIDs: Set<String>) -> (
    topics: [TrainingTopic], errors: [InputError]
  ) {
    var topics: [TrainingTopic] = []
    var seen: [String: Int] = [:]
    var errors: [InputError] = []
    do {
      try readRows(
        file, required: ["id", "skill", "level", "title", "format", "duration_minutes", "owner"]
      ) { row, checks throws(InputError) in
        let id = try uniqueID(row, seen: &seen)
        // Every cell is checked, so that one run of `check` names each wrong cell of the row.
        let skill = row.value("skill")
        if !skillIDs.contains(skill) {
          checks.add(row.error("skill", "`\(skill)` is not a skill id of skills.csv"))
        }
        let level = checks.cell { () throws(InputError) in try requireInt(row, "level", 1...5) }
        let title = row.value("title")
        if title.isEmpty { checks.add(row.error("title", "is empty; expected the topic's title")) }
        let format = checks.cell { () throws(InputError) in
          try requireEnum(row, "format", as: TrainingTopic.Format.self)
        }
        let duration = checks.cell { () throws(InputError) in
          try requireInt(row, "duration_minutes", 5...480)
        }
        let owner = row.value("owner").lowercased()
        if !Self.trainingOwners.contains(owner) {
          checks.add(
            row.error(
              "owner",
              "found `\(row.value("owner"))`; expected one of \(Self.trainingOwners.sorted().joined(separator: ", "))"
            ))
        }
        var capacity: Int? = nil
        if !row.value("capacity").isEmpty {
          capacity = checks.cell { () throws(InputError) in
            try requireInt(row, "capacity", 1...1000)
          }
        }
        let practice = row.value("practice").lowercased()
        if !["", "yes", "no"].contains(practice) {
          checks.add(
            row.error("practice", "found `\(row.value("practice"))`; expected `yes` or empty"))
        }
        guard checks.isClean, let level, let format, let duration else { return }
        var topic =
          TrainingTopic(
            id: id, skillID: skill, level: level, title: title, format: format,
            durationMinutes: duration, owner: owner,
            prerequisites: row.list("prerequisites"), resource: row.value("resource"),
            capacity: capacity,
            origin: row.location("id"))
        topic.isPractice = practice == "yes"
        topics.append(topic)
      }
    } catch { errors += error.errors }
    let practice = Set(topics.filter(\.isPractice).map(\.id))
    for topic in topics {
      for prerequisite in topic.prerequisites where practice.contains(prerequisite) {
        errors.append(
          InputError(
            topic.origin,
            "topic `\(topic.id)` needs `\(prerequisite)`, a practice topic; practice comes after "
              + "a skill's sessions and cannot be a prerequisite"))
      }
      for prerequisite in topic.prerequisites where seen[prerequisite] == nil {
        errors.append(
          InputError(
            topic.origin, "topic `\(topic.id)` needs `\(prerequisite)`, which is not in the catalog"
          ))
      }
    }
    errors += cycles(in: topics.map { ($0.id, $0.prerequisites, $0.origin) }, what: "prerequisites")
    return (topics, errors)
  }

  static let trainingOwners: Set<String> = [
    "buddy", "manager", "mentor", "hr", "it", "trainer", "hire",
  ]
  static let activityOwners: Set<String> = ["hire", "manager", "buddy", "hr", "it", "team"]

  static func parseSchedule(_ file: SourceFile) throws(InputErrors) -> [ScheduledActivity] {
    let parsed = parsedSchedule(file)
    if !parsed.errors.isEmpty { throw InputErrors(parsed.errors) }
    return parsed.activities
  }

  /// The activities whose rows read, and every error (`check` goes on with the activities).
  static func parsedSchedule(_ file: SourceFile) -> (
    activities: [ScheduledActivity], errors: [InputError]
  ) {
    var activities: [ScheduledActivity] = []
    var seen: [String: Int] = [:]
    var errors: [InputError] = []
    do {
      try readRows(
        file, required: ["id", "title", "kind", "when", "time", "duration_minutes", "owner"]
      ) { row, checks throws(InputError) in
        let id = try uniqueID(row, seen: &seen)
        // Every cell is checked, so that one run of `check` names each wrong cell of the row.
        let title = row.value("title")
        if title.isEmpty {
          checks.add(row.error("title", "is empty; expected the activity's title"))
        }
        let kind = checks.cell { () throws(InputError) in
          try requireEnum(row, "kind", as: ScheduledActivity.Kind.self)
        }
        let when = WhenRule(text: row.value("when"))
        if when == nil {
          checks.add(
            row.error("when", "found `\(row.value("when"))`; expected \(WhenRule.expected)"))
        }
        let time = LocalTime(text: row.value("time"))
        if time == nil {
          checks.add(
            row.error("time", "found `\(row.value("time"))`; expected a 24-hour time HH:MM"))
        }
        let duration = checks.cell { () throws(InputError) in
          try requireInt(row, "duration_minutes", 5...480)
        }
        if let time, let duration, time.minutes + duration > 24 * 60 {
          checks.add(
            row.error(
              "duration_minutes",
              "the activity at \(time) for \(duration) minutes ends after midnight; expected it to end the same day"
            ))
        }
        let owner = row.value("owner").lowercased()
        if !Self.activityOwners.contains(owner) {
          checks.add(
            row.error(
              "owner",
              "found `\(row.value("owner"))`; expected one of \(Self.activityOwners.sorted().joined(separator: ", "))"
            ))
        }
        var employment: [Employment] = []
        for value in row.list("employment") {
          guard let parsed = Employment(rawValue: value.lowercased()) else {
            checks.add(row.error("employment", "found `\(value)`; expected full-time or part-time"))
            break
          }
          employment.append(parsed)
        }
        var modes: [WorkMode] = []
        for value in row.list("work_mode") {
          guard let parsed = WorkMode(rawValue: value.lowercased()) else {
            checks.add(
              row.error("work_mode", "found `\(value)`; expected on-site, remote or hybrid"))
            break
          }
          modes.append(parsed)
        }
        guard checks.isClean, let kind, let when, let time, let duration else { return }
        activities.append(
          ScheduledActivity(
            id: id, title: title, kind: kind,
            when: when, time: time, durationMinutes: duration,
            owner: owner, dependsOn: row.list("depends_on"), roles: row.list("roles"),
            locations: row.list("locations"), employment: employment, workModes: modes,
            agenda: row.list("agenda"), origin: row.location("id")))
      }
    } catch { errors += error.errors }
    for activity in activities {
      for dep in activity.dependsOn where seen[dep] == nil {
        errors.append(
          InputError(
            activity.origin,
            "activity `\(activity.id)` depends on `\(dep)`, which is not in the schedule"))
      }
    }
    errors += cycles(in: activities.map { ($0.id, $0.dependsOn, $0.origin) }, what: "dependencies")
    return (activities, errors)
  }

  static func parseHolidays(_ file: SourceFile) throws(InputErrors) -> [Holiday] {
    var holidays: [Holiday] = []
    try readRows(file, required: ["location", "date", "name"]) { row throws(InputError) in
      guard let date = CalendarDate(iso: row.value("date")) else {
        throw row.error("date", "found `\(row.value("date"))`; expected a date YYYY-MM-DD")
      }
      let location = row.value("location")
      guard !location.isEmpty else {
        throw row.error("location", "is empty; expected a location or `*`")
      }
      holidays.append(Holiday(location: location, date: date, name: row.value("name")))
    }
    return holidays
  }

  /// Reports each cycle once, at the first member's origin.
  static func cycles(in graph: [(String, [String], SourceLocation)], what: String) -> [InputError] {
    let edges = Dictionary(graph.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
    var state: [String: Int] = [:]  // 1 visiting, 2 done
    var errors: [InputError] = []
    func visit(_ id: String, path: [String], origin: SourceLocation) {
      if state[id] == 2 { return }
      if state[id] == 1 {
        let cycle = path.drop { $0 != id } + [id]
        errors.append(InputError(origin, "\(what) form a cycle: \(cycle.joined(separator: " → "))"))
        return
      }
      state[id] = 1
      for next in edges[id] ?? [] where edges[next] != nil {
        visit(next, path: path + [id], origin: origin)
      }
      state[id] = 2
    }
    for (id, _, origin) in graph { visit(id, path: [], origin: origin) }
    return errors
  }
}
