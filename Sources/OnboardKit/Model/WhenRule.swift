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
    guard text.utf8.count <= 40 else { return nil }
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
    guard self.isBounded else { return nil }
  }

  /// The furthest a rule reaches: a year after the start (the plan covers 90 days; a rule far
  /// beyond it is a typo, and `weeks 2-999999` would make hundreds of thousands of events).
  public static let maximumDays = 366
  public static let maximumWorkdays = 260
  public static let maximumWeeks = 53

  private var isBounded: Bool {
    let workdays = -Self.maximumWorkdays...Self.maximumWorkdays
    let weeks = 1...Self.maximumWeeks
    switch self {
    case .workday(let n): return workdays.contains(n)
    case .workdays(let a, let b): return workdays.contains(a) && workdays.contains(b)
    case .day(let n): return (1...Self.maximumDays).contains(n)
    case .week(let n, _): return weeks.contains(n)
    case .weeks(let a, let b, _): return weeks.contains(a) && weeks.contains(b)
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
    + " (N at most \(maximumWorkdays) workdays, \(maximumDays) days or \(maximumWeeks) weeks)"

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
///
/// A value with copy-on-write storage, like `PlanItem` (the planner copies catalog topics many
/// times per hire; each copy retains one object, not each string).
public struct TrainingTopic: Hashable, @unchecked Sendable, Codable {
  /// The stored fields (their order is the `Codable` order).
  struct Fields: Hashable, Sendable, Codable {
    var id: String
    var skillID: String
    var level: Int
    var title: String
    var format: Format
    var durationMinutes: Int
    var owner: String
    var prerequisites: [String]
    var resource: String
    var capacity: Int?
    var isPractice: Bool = false
    var origin: SourceLocation
  }

  private var storage: CopyOnWriteStorage<Fields>

  public init(
    id: String,
    skillID: String,
    level: Int,
    title: String,
    format: Format,
    durationMinutes: Int,
    owner: String,
    prerequisites: [String] = [],
    resource: String = "",
    capacity: Int? = nil,
    isPractice: Bool = false,
    origin: SourceLocation
  ) {
    storage = .make(
      Fields(
        id: id,
        skillID: skillID,
        level: level,
        title: title,
        format: format,
        durationMinutes: durationMinutes,
        owner: owner,
        prerequisites: prerequisites,
        resource: resource,
        capacity: capacity,
        isPractice: isPractice,
        origin: origin))
  }

  /// The fields, copied first if another value shares them.
  private var uniqueFields: Fields {
    _read { yield storage.fields }
    _modify {
      if !isKnownUniquelyReferenced(&storage) { storage = .make(storage.fields) }
      yield &storage.fields
    }
  }

  public var id: String {
    get { storage.fields.id }
    _modify { yield &uniqueFields.id }
  }
  public var skillID: String {
    get { storage.fields.skillID }
    _modify { yield &uniqueFields.skillID }
  }
  /// The level (1–5) the topic brings a hire to.
  public var level: Int {
    get { storage.fields.level }
    _modify { yield &uniqueFields.level }
  }
  public var title: String {
    get { storage.fields.title }
    _modify { yield &uniqueFields.title }
  }
  public var format: Format {
    get { storage.fields.format }
    _modify { yield &uniqueFields.format }
  }
  public var durationMinutes: Int {
    get { storage.fields.durationMinutes }
    _modify { yield &uniqueFields.durationMinutes }
  }
  /// buddy, manager, mentor, hr, it, trainer, hire.
  public var owner: String {
    get { storage.fields.owner }
    _modify { yield &uniqueFields.owner }
  }
  public var prerequisites: [String] {
    get { storage.fields.prerequisites }
    _modify { yield &uniqueFields.prerequisites }
  }
  public var resource: String {
    get { storage.fields.resource }
    _modify { yield &uniqueFields.resource }
  }
  /// For workshops: the most attendees.
  public var capacity: Int? {
    get { storage.fields.capacity }
    _modify { yield &uniqueFields.capacity }
  }
  /// Practice after a skill's sessions (a project task, pairing or shadowing on real work):
  /// never chosen as a session, planned once the skill's sessions are done.
  public var isPractice: Bool {
    get { storage.fields.isPractice }
    _modify { yield &uniqueFields.isPractice }
  }
  public var origin: SourceLocation {
    get { storage.fields.origin }
    _modify { yield &uniqueFields.origin }
  }

  /// How a topic is delivered.
  public enum Format: String, Sendable, Codable, CaseIterable {
    case selfPaced = "self-paced"
    case pairing, workshop, shadowing, reading
    case projectTask = "project-task"
  }

  public static func == (lhs: TrainingTopic, rhs: TrainingTopic) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
  }

  public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

  public init(from decoder: any Decoder) throws { storage = .make(try Fields(from: decoder)) }

  public func encode(to encoder: any Encoder) throws { try storage.fields.encode(to: encoder) }
}
