/// Someone a plan involves besides the hire, as `Plans/people.csv` describes them: their roles,
/// what they teach, their own time zone, working days and hours, and how much of their week may go
/// to onboarding.
public struct TeamMember: Hashable, Sendable, Codable {
  /// A part a person plays in onboarding.
  public enum Role: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case manager, buddy, trainer, mentor, hr, it

    public static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
  }

  public var name: String
  /// The key that joins a roster's manager or buddy to this row (compared case-insensitively).
  public var email: String
  public var roles: Set<Role>
  /// The skill ids, training topic ids or schedule activity ids this person runs (`sql-databases`,
  /// `sql-indexing`, `accounts-created`); empty = any item of their roles.
  public var topics: Set<String>
  /// IANA time zone, e.g. `America/New_York`.
  public var timeZone: String
  public var workDays: [Weekday]
  public var dayStart: LocalTime
  public var dayEnd: LocalTime
  /// Where they work: their public holidays are those of holidays.csv for this location.
  public var location: String
  /// The dates they do not work although their weekday is a working day: the public holidays of
  /// their location and the company-wide closures (holidays.csv), with their names. A meeting
  /// on one counts as outside their hours, as a meeting on their weekend does.
  public var daysOff: [CalendarDate: String] = [:]
  /// The most minutes a week that may go to onboarding sessions they run or attend; nil = no cap.
  public var weeklyCapMinutes: Int?
  /// The row of people.csv this person came from.
  public var origin: SourceLocation

  public init(
    name: String, email: String, roles: Set<Role>, topics: Set<String> = [], timeZone: String,
    workDays: [Weekday], dayStart: LocalTime, dayEnd: LocalTime, location: String = "",
    weeklyCapMinutes: Int? = nil, origin: SourceLocation
  ) {
    self.name = name
    self.email = email
    self.roles = roles
    self.topics = topics
    self.timeZone = timeZone
    self.workDays = workDays.sorted()
    self.dayStart = dayStart
    self.dayEnd = dayEnd
    self.location = location
    self.weeklyCapMinutes = weeklyCapMinutes
    self.origin = origin
  }

  /// The email in lower case: the join key.
  public var key: String { email.lowercased() }

  /// Name and email, as the roster's `Person`.
  public var person: Person { Person(name: name, email: email) }

  /// Whether they work on this date (a working weekday that is not one of their days off).
  public func works(on date: CalendarDate) -> Bool {
    workDays.contains(date.weekday) && (daysOff.isEmpty || daysOff[date] == nil)
  }

  /// Gives them the days off of their location (and the company-wide ones) from `holidays`.
  public mutating func takeDaysOff(from holidays: [Holiday]) {
    daysOff = Holiday.closures(at: location, in: holidays)
  }

  /// Whether this person runs an item about `keys` (a topic, a skill or an activity id).
  public func teaches(any keys: [String]) -> Bool {
    topics.isEmpty || keys.contains { topics.contains($0) }
  }
}
