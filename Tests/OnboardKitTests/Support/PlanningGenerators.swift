@testable import OnboardKit

/// Generators for the planner: settings, hires, holidays, catalogs, schedule templates, reports.
enum PlanGen {
  static let zones = ["Europe/Berlin", "Asia/Dubai", "America/New_York", "Asia/Kolkata", "UTC"]
  static let locations = ["Berlin", "Dubai", "New York", "Pune"]
  static let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
  static let sundayToThursday: [Weekday] = [.sunday, .monday, .tuesday, .wednesday, .thursday]
  static let origin = SourceLocation(file: "generated.csv", line: 1)

  static func settings(_ rng: inout SeededGenerator) -> PlanSettings {
    let dayStart = rng.pick([480, 510, 540, 570])
    return PlanSettings(
      workDays: rng.chance(0.8) ? weekdays : sundayToThursday,
      dayStart: LocalTime(minutes: dayStart),
      dayEnd: LocalTime(minutes: dayStart + rng.pick([450, 480, 510, 540])),
      lunchStart: rng.pick([nil, 720, 750, 780]).map(LocalTime.init(minutes:)),
      lunchMinutes: rng.pick([30, 45, 60]), hoursPerDay: rng.pick([7.5, 8]),
      trainingCapMinutesByWeek: rng.pick([[60, 120, 150, 180], [90, 120, 240], [45, 90], [120]]),
      verificationMinutes: rng.pick([30, 45, 60]))
  }

  /// A hire: company days, a Sunday–Thursday team, a part-time 3-day week or a 4-day week;
  /// 4–8 hours a day or the company default; any start date in 2026–2028.
  static func hire(_ rng: inout SeededGenerator, role: String) -> Hire {
    var employment = Employment.fullTime
    let workDays: [Weekday]?
    switch rng.int(0...3) {
    case 0: workDays = nil
    case 1: workDays = sundayToThursday
    case 2:
      workDays = rng.shuffled(rng.subset(Weekday.allCases.dropLast(1).map { $0 }, count: 3))
      employment = .partTime
    default: workDays = rng.subset(weekdays, count: 4)
    }
    let hours: Double? = rng.chance(0.5) ? Double(rng.int(8...16)) / 2 : nil
    let base = CalendarDate(year: 2026, month: 1, day: 1) ?? CalendarDate(dayNumber: 20454)
    return Hire(
      firstName: "Ada", lastName: "Lovelace", email: AnalysisCase.hireKey, role: role,
      requestedStart: base.adding(days: rng.int(0...1000)), timeZone: rng.pick(zones),
      location: rng.pick(locations), manager: Person(name: "Grace Hopper", email: "g@example.com"),
      buddy: Person(name: "Alan Turing", email: "a@example.com"), employment: employment,
      workDays: workDays, hoursPerDay: hours, workMode: rng.pick(WorkMode.allCases),
      origin: SourceLocation(file: "roster.csv", line: 2))
  }

  /// Public holidays of the hire's location, company-wide days and other locations' days,
  /// sometimes on the requested start, the day after it, or a shutdown week.
  static func holidays(_ rng: inout SeededGenerator, hire: Hire) -> [Holiday] {
    let start = hire.requestedStart
    var dates = (0..<rng.int(0...10)).map { _ in start.adding(days: rng.int(-15...100)) }
    if rng.chance(0.2) { dates.append(start) }
    if rng.chance(0.2) { dates.append(start.adding(days: 1)) }
    if rng.chance(0.2) {
      let first = start.adding(days: rng.int(0...40))
      dates += (0..<rng.int(3...7)).map { first.adding(days: $0) }
    }
    return dates.enumerated().map { index, date in
      Holiday(
        location: rng.pick([hire.location, hire.location.uppercased(), "*", "Elsewhere"]),
        date: date, name: "Holiday \(index)")
    }
  }

  /// 0–4 topics per skill with levels 1–5, 30–180 minutes, prerequisites among earlier topics
  /// (so the catalog has no cycles). `coverEvery`: at least one topic per skill.
  static func catalog(
    _ rng: inout SeededGenerator, skillIDs: [String], coverEvery: Bool
  ) -> [TrainingTopic] {
    var topics: [TrainingTopic] = []
    for skillID in skillIDs + ["skill-extra"] {
      for _ in 0..<rng.int((coverEvery ? 1 : 0)...4) {
        // Practice topics come after sessions and are never prerequisites (the library says so).
        let sessions = topics.filter { !$0.isPractice }
        let prerequisites =
          sessions.isEmpty || !rng.chance(0.4)
          ? [] : rng.subset(sessions.map(\.id), count: min(sessions.count, rng.int(1...2)))
        var topic =
          TrainingTopic(
            id: "topic-\(topics.count + 1)", skillID: skillID, level: rng.int(1...5),
            title: "Topic \(topics.count + 1) of \(skillID)",
            format: rng.pick(TrainingTopic.Format.allCases), durationMinutes: 15 * rng.int(2...12),
            owner: rng.pick(["hire", "buddy", "mentor", "trainer"]),
            prerequisites: rng.shuffled(prerequisites), origin: origin)
        topic.isPractice = rng.chance(0.25)
        topics.append(topic)
      }
    }
    return rng.shuffled(topics)
  }

  static func at(_ h: Int, _ m: Int) -> LocalTime { LocalTime(minutes: h * 60 + m) }

  /// A small realistic template: pre-boarding, welcome, daily check-ins, weekly 1:1s, a review.
  static func baseSchedule() -> [ScheduledActivity] {
    [
      ScheduledActivity(
        id: "accounts", title: "Accounts", kind: .activity, when: .workday(-2), time: at(14, 0),
        durationMinutes: 60, owner: "it", origin: origin),
      ScheduledActivity(
        id: "welcome", title: "Welcome", kind: .meeting, when: .workday(1), time: at(9, 0),
        durationMinutes: 60, owner: "manager", dependsOn: ["accounts"], origin: origin),
      ScheduledActivity(
        id: "eod", title: "End of day", kind: .checkIn, when: .workdays(1, 5), time: at(16, 30),
        durationMinutes: 15, owner: "buddy", origin: origin),
      ScheduledActivity(
        id: "weekly", title: "Weekly 1:1", kind: .meeting, when: .weeks(2, 13, atEnd: true),
        time: at(16, 0), durationMinutes: 30, owner: "manager", origin: origin),
      ScheduledActivity(
        id: "review-30", title: "30-day review", kind: .milestone, when: .day(30), time: at(10, 0),
        durationMinutes: 60, owner: "manager", origin: origin),
    ]
  }

  /// The base template plus random activities in every form of the `when` grammar.
  static func schedule(_ rng: inout SeededGenerator) -> [ScheduledActivity] {
    // The groundwork advanced topics wait for, and a first-week retrospective.
    var activities =
      baseSchedule() + [
        ScheduledActivity(
          id: "dev-environment-setup", title: "Development setup", kind: .activity,
          when: .workday(2), time: at(9, 30), durationMinutes: 120, owner: "buddy",
          dependsOn: ["welcome"], origin: origin),
        ScheduledActivity(
          id: "codebase-tour", title: "Codebase tour", kind: .meeting, when: .workday(3),
          time: at(10, 0), durationMinutes: 90, owner: "buddy",
          dependsOn: ["dev-environment-setup"],
          origin: origin),
        ScheduledActivity(
          id: "retro", title: "First-week retrospective", kind: .meeting,
          when: .week(1, atEnd: true),
          time: at(15, 0), durationMinutes: 45, owner: "manager", dependsOn: ["welcome"],
          origin: origin),
      ]
    for index in 0..<rng.int(0...6) {
      let when: WhenRule
      switch rng.int(0...4) {
      case 0: when = .workday(rng.chance(0.3) ? -rng.int(1...10) : rng.int(1...15))
      case 1:
        let a = rng.int(1...10)
        when = .workdays(a, a + rng.int(0...4))
      case 2: when = .day(rng.int(1...89))
      case 3: when = .week(rng.int(1...12), atEnd: rng.chance(0.5))
      default:
        let a = rng.int(1...6)
        when = .weeks(a, a + rng.int(0...6), atEnd: rng.chance(0.5))
      }
      let ids = activities.map(\.id)
      activities.append(
        ScheduledActivity(
          id: "extra-\(index)", title: "Extra \(index)",
          kind: rng.pick(ScheduledActivity.Kind.allCases),
          when: when, time: LocalTime(minutes: 15 * rng.int(28...72)),
          durationMinutes: 15 * rng.int(1...8), owner: rng.pick(["team", "hr", "buddy"]),
          dependsOn: rng.chance(0.3) ? [rng.pick(ids)] : [],
          employment: rng.chance(0.2) ? [rng.pick(Employment.allCases)] : [], origin: origin))
    }
    return activities
  }

  /// A complete planning input. `coverEvery`: every required skill has a topic in the catalog.
  static func input(_ rng: inout SeededGenerator, coverEvery: Bool = true) -> PlanningInput {
    let settings = settings(&rng)
    let analysis = AnalysisGen.analysisCase(&rng, wholeLevels: rng.chance(0.4))
    let hire = hire(&rng, role: analysis.role.title)
    return PlanningInput(
      hire: hire, role: analysis.role, report: analysis.analyze(settings: settings.analysis),
      catalog: catalog(
        &rng, skillIDs: analysis.role.requirements.map(\.skillID), coverEvery: coverEvery),
      schedule: schedule(&rng), holidays: holidays(&rng, hire: hire), settings: settings)
  }
}
