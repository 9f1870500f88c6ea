/// One dated entry of a plan: a fixed activity, a training session, a check-in, a milestone.
///
/// A value with copy-on-write storage: its fields live in one shared object, so copying an item
/// (a plan's items are filtered, sorted and handed around many times while a hire is planned and
/// rendered) retains one reference instead of each of its strings; a change copies the fields
/// first when another copy shares them. Equality, hashing and `Codable` are those of the fields.
/// (`@unchecked Sendable`: the shared storage is never changed while shared, so items may cross
/// threads like any value.)
public struct PlanItem: Hashable, @unchecked Sendable, Codable {
  /// What sort of entry it is.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case activity, meeting
    case checkIn = "check-in"
    case milestone, training, verification
    /// Something the hire delivers: a first feature, an on-call shadow shift.
    case deliverable
    /// Applying a skill after its sessions: a project task, pairing or shadowing.
    case practice
    /// Time kept after a skill check for what it finds (training at its level, or freed).
    case followUp = "follow-up"
  }

  /// The stored fields (their order is the `Codable` order).
  struct Fields: Hashable, Sendable, Codable {
    var id: String
    var kind: Kind
    var title: String
    var date: CalendarDate
    var start: LocalTime
    var durationMinutes: Int
    var owner: String
    var ownerName: String?
    var skillID: String?
    var topicID: String?
    var format: String?
    var reason: String?
    var agenda: [String]
    var resource: String?
    var note: String?
    var override: String? = nil
    var ownerEmail: String? = nil
    var sequence: Int = 0
  }

  private var storage: CopyOnWriteStorage<Fields>

  public init(
    id: String,
    kind: Kind,
    title: String,
    date: CalendarDate,
    start: LocalTime,
    durationMinutes: Int,
    owner: String,
    ownerName: String? = nil,
    skillID: String? = nil,
    topicID: String? = nil,
    format: String? = nil,
    reason: String? = nil,
    agenda: [String],
    resource: String? = nil,
    note: String? = nil,
    override: String? = nil,
    ownerEmail: String? = nil,
    sequence: Int = 0
  ) {
    storage = .make(
      Fields(
        id: id,
        kind: kind,
        title: title,
        date: date,
        start: start,
        durationMinutes: durationMinutes,
        owner: owner,
        ownerName: ownerName,
        skillID: skillID,
        topicID: topicID,
        format: format,
        reason: reason,
        agenda: agenda,
        resource: resource,
        note: note,
        override: override,
        ownerEmail: ownerEmail,
        sequence: sequence))
  }

  /// The fields, copied first if another item shares them.
  private var uniqueFields: Fields {
    _read { yield storage.fields }
    _modify {
      if !isKnownUniquelyReferenced(&storage) { storage = .make(storage.fields) }
      yield &storage.fields
    }
  }

  /// Stable within a plan: `welcome`, `weekly-1-1#3`, `training:sql-indexing`.
  public var id: String {
    get { storage.fields.id }
    _modify { yield &uniqueFields.id }
  }
  /// What sort of entry it is.
  public var kind: Kind {
    get { storage.fields.kind }
    _modify { yield &uniqueFields.kind }
  }
  public var title: String {
    get { storage.fields.title }
    _modify { yield &uniqueFields.title }
  }
  public var date: CalendarDate {
    get { storage.fields.date }
    _modify { yield &uniqueFields.date }
  }
  public var start: LocalTime {
    get { storage.fields.start }
    _modify { yield &uniqueFields.start }
  }
  public var durationMinutes: Int {
    get { storage.fields.durationMinutes }
    _modify { yield &uniqueFields.durationMinutes }
  }
  /// The role that runs it: hire, manager, buddy, hr, it, team, trainer, mentor.
  public var owner: String {
    get { storage.fields.owner }
    _modify { yield &uniqueFields.owner }
  }
  /// The person, when the roster names one (manager, buddy).
  public var ownerName: String? {
    get { storage.fields.ownerName }
    _modify { yield &uniqueFields.ownerName }
  }
  public var skillID: String? {
    get { storage.fields.skillID }
    _modify { yield &uniqueFields.skillID }
  }
  public var topicID: String? {
    get { storage.fields.topicID }
    _modify { yield &uniqueFields.topicID }
  }
  public var format: String? {
    get { storage.fields.format }
    _modify { yield &uniqueFields.format }
  }
  /// Why it is in the plan (for training: the gap and the evidence it answers).
  public var reason: String? {
    get { storage.fields.reason }
    _modify { yield &uniqueFields.reason }
  }
  public var agenda: [String] {
    get { storage.fields.agenda }
    _modify { yield &uniqueFields.agenda }
  }
  public var resource: String? {
    get { storage.fields.resource }
    _modify { yield &uniqueFields.resource }
  }
  /// A note when the planner had to move it ("moved: 16:30 is after a part-time day ends").
  public var note: String? {
    get { storage.fields.note }
    _modify { yield &uniqueFields.note }
  }
  /// Set when a manager's override placed, moved or added the item ("moved by the manager: ...").
  public var override: String? {
    get { storage.fields.override }
    _modify { yield &uniqueFields.override }
  }
  /// The email of the named person who runs it (set by `OwnerAssignment`), for invitations.
  public var ownerEmail: String? {
    get { storage.fields.ownerEmail }
    _modify { yield &uniqueFields.ownerEmail }
  }
  /// The iCalendar SEQUENCE: 0 when first planned, one higher each time a re-plan changes it.
  public var sequence: Int {
    get { storage.fields.sequence }
    _modify { yield &uniqueFields.sequence }
  }

  public var end: LocalTime { LocalTime(minutes: start.minutes + durationMinutes) }

  public static func == (lhs: PlanItem, rhs: PlanItem) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
  }

  public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

  public init(from decoder: any Decoder) throws { storage = .make(try Fields(from: decoder)) }

  public func encode(to encoder: any Encoder) throws { try storage.fields.encode(to: encoder) }
}

/// A topic the plan wanted but could not fit before day 90, and why.
public struct UnscheduledTopic: Hashable, Sendable, Codable {
  public var topicID: String
  public var title: String
  public var skillID: String
  public var reason: String
}

/// A hire's onboarding plan: the dated items from pre-boarding to day 90, and the report behind it.
public struct OnboardingPlan: Hashable, Sendable, Codable {
  public var hire: Hire
  public var role: RoleProfile
  public var report: GapReport
  public var calendar: WorkCalendar
  /// The first working day (the roster's date, or the next working day after it).
  public var start: CalendarDate
  /// Why the start moved, when it did.
  public var startMovedReason: String?
  /// Calendar day 90 (the plan's horizon).
  public var day90: CalendarDate
  /// Items in date and time order.
  public var items: [PlanItem]
  public var unscheduled: [UnscheduledTopic]
  public var notes: [String]
  /// Overrides that did not match anything in the plan (a stale item id): reported as errors.
  public var unappliedOverrides: [PlanOverride] = []
  /// The outcomes due at day 30, 60 and 90: the role's, then one per gap, by day.
  public var goals: [Goal] = []
  /// What the run prints about this plan as warnings: overrides the plan follows that put an item
  /// where the hire does not work (a holiday, a weekend, before day 1, after day 90, outside the
  /// hours) or out of the reviews' order, at the override's line (the manager's word wins);
  /// override rows a re-plan does not follow; a re-plan date after the plan's last day.
  public var planWarnings: [Diagnostic] = []
  /// Set when the plan was re-planned from new evidence: the date it was rebuilt from.
  public var replannedFrom: CalendarDate? = nil
  /// The task ids ticked in the folder's earlier plan.md (a manager's record of what is done):
  /// a re-plan, or planning again with --force, writes them ticked again instead of losing them.
  public var doneTaskIDs: Set<String> = []
  /// What the re-plan changed from that date on (empty for a first plan).
  public var changes: [PlanChange] = []
  /// The same re-plan was run again and changed nothing more: `changes` are the earlier run's
  /// (the folder's plan already had them), not "Nothing changed".
  public var changesAsLastRun = false
  /// The re-plans before this one, oldest first (see ``Replan/earlierReplans``).
  public var earlierReplans: [EarlierReplan] = []
  /// Items of the earlier plan the re-plan removed (cancelled in the calendar).
  public var cancelled: [PlanItem] = []
  /// The earlier versions of items the re-plan gave to another person (a manager's hand-over),
  /// with the new SEQUENCE: cancelled in the calendar of the person who no longer attends.
  public var handedOver: [PlanItem] = []
  /// schedule.csv's `depends_on` of the plan's activities (activity id → the ids it comes
  /// after): the people's times may move an item, never before what it depends on.
  public var dependsOn: [String: [String]] = [:]
  /// The levels of the first plan, by skill id, when this is a re-plan.
  public var levelsAtHire: [String: Double]? = nil

  /// The goals a review judges: those due on its day (30, 60 or 90).
  public func goals(due day: Int) -> [Goal] { goals.filter { $0.day == day } }

  /// Items before the first day.
  public var preboarding: [PlanItem] { items.filter { $0.date < start } }

  /// The working days of week 1 with their items.
  public var weekOne: [(date: CalendarDate, items: [PlanItem])] {
    calendar.workingDays(from: start, through: start.adding(days: 6)).map { date in
      (date, items.filter { $0.date == date })
    }
  }

  /// Week N (1-based) as the seven days starting on `start + 7(N-1)`.
  public func week(_ number: Int) -> ClosedRange<CalendarDate> {
    let first = start.adding(days: 7 * (number - 1))
    return first...first.adding(days: 6)
  }

  /// The rest of month 1 after week 1: weeks 2–4 of seven days each, then days 29–30 (so that
  /// month 2 starts on day 31 and no week is longer than seven days).
  public var weekSections: [(title: String, range: ClosedRange<CalendarDate>)] {
    let weeks = (2...4).map { number -> (String, ClosedRange<CalendarDate>) in
      let range = week(number)
      return (
        "Week \(number): \(range.lowerBound.shortText) – \(range.upperBound.shortText)", range
      )
    }
    let rest = start.adding(days: 28)...start.adding(days: 29)
    return weeks + [
      ("Days 29–30: \(rest.lowerBound.shortText) – \(rest.upperBound.shortText)", rest)
    ]
  }

  /// Items in a date range, in order.
  public func items(in range: ClosedRange<CalendarDate>) -> [PlanItem] {
    items.filter { range.contains($0.date) }
  }

  /// Month N (1-based) as calendar days 30(N-1)+1 … 30N; month 3 runs to the end of the plan.
  public func month(_ number: Int) -> ClosedRange<CalendarDate> {
    let first = start.adding(days: 30 * (number - 1))
    let last =
      number >= 3 ? max(day90, items.last?.date ?? day90) : start.adding(days: 30 * number - 1)
    return first...max(first, last)
  }

  public func item(id: String) -> PlanItem? { items.first { $0.id == id } }
}

extension OnboardingPlan {
  /// The plan's rules-to-dates translator.
  public var timeline: Timeline { Timeline(calendar: calendar, start: start) }
}
