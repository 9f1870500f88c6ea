/// Company-wide settings from `Plans/settings.json`: who sends, when people work, how training ramps.
public struct PlanSettings: Hashable, Sendable, Codable {
  /// The company as emails name it.
  public var company: String
  /// The sender of every email (From:).
  public var sender: Person
  /// The domain used for Message-IDs and calendar UIDs, e.g. `northwind.example`.
  public var domain: String
  /// The default working weekdays.
  public var workDays: [Weekday]
  /// When the working day starts and ends, and the lunch break.
  public var dayStart: LocalTime
  public var dayEnd: LocalTime
  public var lunchStart: LocalTime?
  public var lunchMinutes: Int
  /// Default working hours per day (a part-time hire's `hours_per_day` shortens the day).
  public var hoursPerDay: Double
  /// Maximum training minutes per day for week 1, 2, 3...; the last value holds afterwards.
  /// Workday 1 has no training: it is for setup and people.
  public var trainingCapMinutesByWeek: [Int]
  /// Length of a verification activity (a short exercise or pairing) for an unassessed or
  /// conflicting essential skill.
  public var verificationMinutes: Int
  /// The time emails are dated when their template gives none.
  public var defaultSendTime: LocalTime
  public var analysis: AnalysisSettings
  /// Video-call links by the roster's location, `*` for every other location: the LOCATION and
  /// URL of calendar events and the link in first-day emails. Empty: no link is named.
  public var videoCallLinks: [String: String] = [:]

  /// The video-call link for a location: its own, else the `*` default, else none.
  public func videoCallLink(for location: String) -> String? {
    videoCallLinks[location] ?? videoCallLinks["*"]
  }

  public init(
    company: String = "Northwind Labs",
    sender: Person = Person(name: "Northwind People Team", email: "people@northwind.example"),
    domain: String = "northwind.example",
    workDays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday],
    dayStart: LocalTime = LocalTime(minutes: 9 * 60),
    dayEnd: LocalTime = LocalTime(minutes: 17 * 60 + 30),
    lunchStart: LocalTime? = LocalTime(minutes: 12 * 60 + 30), lunchMinutes: Int = 60,
    hoursPerDay: Double = 7.5, trainingCapMinutesByWeek: [Int] = [60, 120, 150, 180],
    verificationMinutes: Int = 45, defaultSendTime: LocalTime = LocalTime(minutes: 9 * 60),
    analysis: AnalysisSettings = AnalysisSettings()
  ) {
    self.company = company
    self.sender = sender
    self.domain = domain
    self.workDays = workDays
    self.dayStart = dayStart
    self.dayEnd = dayEnd
    self.lunchStart = lunchStart
    self.lunchMinutes = lunchMinutes
    self.hoursPerDay = hoursPerDay
    self.trainingCapMinutesByWeek = trainingCapMinutesByWeek
    self.verificationMinutes = verificationMinutes
    self.defaultSendTime = defaultSendTime
    self.analysis = analysis
  }

  /// The training cap of a working day, given its week number (1-based) and whether it is day 1.
  func trainingCap(week: Int, isFirstDay: Bool) -> Int {
    guard !isFirstDay, let last = trainingCapMinutesByWeek.last else { return 0 }
    return week - 1 < trainingCapMinutesByWeek.count ? trainingCapMinutesByWeek[week - 1] : last
  }
}

/// A public holiday or company shutdown day.
public struct Holiday: Hashable, Sendable, Codable {
  /// The roster's location, or `*` for everyone.
  public var location: String
  public var date: CalendarDate
  public var name: String

  public init(location: String, date: CalendarDate, name: String) {
    self.location = location
    self.date = date
    self.name = name
  }

  /// The closed dates of a location (case-insensitive) and the company-wide ones (`*`), with
  /// their names joined by "; " when two fall on one date: a hire's and a staff member's days off.
  public static func closures(at location: String, in holidays: [Holiday]) -> [CalendarDate: String]
  {
    let location = location.lowercased()
    var closures: [CalendarDate: String] = [:]
    for holiday in holidays.sorted(by: { ($0.date, $0.location) < ($1.date, $1.location) })
    where holiday.location == "*" || holiday.location.lowercased() == location {
      closures[holiday.date] =
        closures[holiday.date].map { "\($0); \(holiday.name)" } ?? holiday.name
    }
    return closures
  }
}
