/// One dated entry of a plan: a fixed activity, a training session, a check-in, a milestone.
public struct PlanItem: Hashable, Sendable, Codable {
  /// What sort of entry it is.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case activity, meeting
    case checkIn = "check-in"
    case milestone, training, verification
  }

  /// Stable within a plan: `welcome`, `weekly-1-1#3`, `training:sql-indexing`.
  public var id: String
  public var kind: Kind
  public var title: String
  public var date: CalendarDate
  public var start: LocalTime
  public var durationMinutes: Int
  /// The role that runs it: hire, manager, buddy, hr, it, team, trainer, mentor.
  public var owner: String
  /// The person, when the roster names one (manager, buddy).
  public var ownerName: String?
  public var skillID: String?
  public var topicID: String?
  public var format: String?
  /// Why it is in the plan (for training: the gap and the evidence it answers).
  public var reason: String?
  public var agenda: [String]
  public var resource: String?
  /// A note when the planner had to move it ("moved: 16:30 is after a part-time day ends").
  public var note: String?
  /// Set when a manager's override placed, moved or added the item ("moved by the manager: ...").
  public var override: String? = nil
  /// The email of the named person who runs it (set by `OwnerAssignment`), for invitations.
  public var ownerEmail: String? = nil

  public var end: LocalTime { LocalTime(minutes: start.minutes + durationMinutes) }
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
