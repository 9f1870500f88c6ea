import Foundation

/// When something happens relative to the start date: the grammar of `Plans/schedule.csv`'s `when`
/// column and of email templates' `send:` header.
///
/// - `workday N`: the Nth working day (1 = the first day); negative = N working days before.
/// - `workday N-M`: every working day from N to M.
/// - `day N`: calendar day N (1 = the start date), moved to the next working day when closed.
/// - `week N` / `week N end`: the first / last working day of the Nth week (week 1 = the seven
///   days that begin on the start date).
/// - `weeks N-M` / `weeks N-M end`: once in each of those weeks.
public enum WhenRule: Hashable, Sendable, Codable, CustomStringConvertible {
  case workday(Int)
  case workdays(Int, Int)
  case day(Int)
  case week(Int, atEnd: Bool)
  case weeks(Int, Int, atEnd: Bool)

  /// Parses the grammar above; nil when the text does not follow it.
  public init?(text: String) {
    let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    guard words.count == 2 || (words.count == 3 && words[2] == "end") else { return nil }
    let atEnd = words.count == 3
    let numbers = WhenRule.parseRange(words[1])
    switch (words[0], numbers) {
    case ("workday", .some((let a, nil))) where !atEnd && a != 0: self = .workday(a)
    case ("workday", .some((let a, let b?))) where !atEnd && a >= 1 && b >= a:
      self = .workdays(a, b)
    case ("workdays", .some((let a, let b?))) where !atEnd && a >= 1 && b >= a:
      self = .workdays(a, b)
    case ("day", .some((let a, nil))) where !atEnd && a >= 1: self = .day(a)
    case ("week", .some((let a, nil))) where a >= 1: self = .week(a, atEnd: atEnd)
    case ("weeks", .some((let a, let b?))) where a >= 1 && b >= a: self = .weeks(a, b, atEnd: atEnd)
    default: return nil
    }
  }

  /// "2-13" → (2, 13); "-5" → (-5, nil); "3" → (3, nil).
  private static func parseRange(_ text: String) -> (Int, Int?)? {
    if let single = Int(text) { return (single, nil) }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
    return (a, b)
  }

  /// What the grammar accepts, for error messages.
  public static let expected =
    "`workday N`, `workday N-M`, `day N`, `week N`, `week N end`, `weeks N-M` or `weeks N-M end`"

  public var description: String {
    switch self {
    case .workday(let n): "workday \(n)"
    case .workdays(let a, let b): "workday \(a)-\(b)"
    case .day(let n): "day \(n)"
    case .week(let n, let end): "week \(n)\(end ? " end" : "")"
    case .weeks(let a, let b, let end): "weeks \(a)-\(b)\(end ? " end" : "")"
    }
  }
}

/// A fixed onboarding activity from the schedule template.
public struct ScheduledActivity: Hashable, Sendable, Codable {
  /// What sort of item it is in the plan.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case activity, meeting
    case checkIn = "check-in"
    case milestone
    /// Something the hire delivers (a first feature, an on-call shadow shift).
    case deliverable
  }

  public var id: String
  public var title: String
  public var kind: Kind
  public var when: WhenRule
  public var time: LocalTime
  public var durationMinutes: Int
  /// hire, manager, buddy, hr, it, team.
  public var owner: String
  public var dependsOn: [String]
  /// Filters; empty = everyone.
  public var roles: [String]
  public var locations: [String]
  public var employment: [Employment]
  public var workModes: [WorkMode]
  public var agenda: [String]
  public var origin: SourceLocation

  public init(
    id: String, title: String, kind: Kind, when: WhenRule, time: LocalTime, durationMinutes: Int,
    owner: String, dependsOn: [String] = [], roles: [String] = [], locations: [String] = [],
    employment: [Employment] = [], workModes: [WorkMode] = [], agenda: [String] = [],
    origin: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.kind = kind
    self.when = when
    self.time = time
    self.durationMinutes = durationMinutes
    self.owner = owner
    self.dependsOn = dependsOn
    self.roles = roles
    self.locations = locations
    self.employment = employment
    self.workModes = workModes
    self.agenda = agenda
    self.origin = origin
  }

  /// Whether the activity's filters include this hire.
  public func applies(to hire: Hire) -> Bool {
    (roles.isEmpty || roles.contains { $0.caseInsensitiveCompare(hire.role) == .orderedSame })
      && (locations.isEmpty
        || locations.contains { $0.caseInsensitiveCompare(hire.location) == .orderedSame })
      && (employment.isEmpty || employment.contains(hire.employment))
      && (workModes.isEmpty || workModes.contains(hire.workMode))
  }
}

/// Something to learn for a skill at a level, from the training catalog.
public struct TrainingTopic: Hashable, Sendable, Codable {
  /// How a topic is delivered.
  public enum Format: String, Sendable, Codable, CaseIterable {
    case selfPaced = "self-paced"
    case pairing, workshop, shadowing, reading
    case projectTask = "project-task"
  }

  public var id: String
  public var skillID: String
  /// The level (1–5) the topic brings a hire to.
  public var level: Int
  public var title: String
  public var format: Format
  public var durationMinutes: Int
  /// buddy, manager, mentor, hr, it, trainer, hire.
  public var owner: String
  public var prerequisites: [String]
  public var resource: String
  /// For workshops: the most attendees.
  public var capacity: Int?
  /// Practice after a skill's sessions (a project task, pairing or shadowing on real work):
  /// never chosen as a session, planned once the skill's sessions are done.
  public var isPractice: Bool = false
  public var origin: SourceLocation

  public init(
    id: String, skillID: String, level: Int, title: String, format: Format, durationMinutes: Int,
    owner: String, prerequisites: [String] = [], resource: String = "", capacity: Int? = nil,
    origin: SourceLocation
  ) {
    self.id = id
    self.skillID = skillID
    self.level = level
    self.title = title
    self.format = format
    self.durationMinutes = durationMinutes
    self.owner = owner
    self.prerequisites = prerequisites
    self.resource = resource
    self.capacity = capacity
    self.origin = origin
  }
}
