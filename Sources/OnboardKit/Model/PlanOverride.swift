/// A manager's change to one hire's plan, from the overrides file beside the roster.
///
/// Reruns apply the same overrides again, so a manager's decisions survive a new import; the plan
/// marks every item an override touched.
public struct PlanOverride: Hashable, Sendable, Codable {
  /// What the override does.
  public enum Action: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Leave out an item (`weekly-1-1#3`, `training:sql-indexing`) or a topic (`sql-indexing`,
    /// counted as already covered: topics that need it do not wait for it).
    case skip(target: String)
    /// Put an item on another day (and time).
    case move(target: String, date: CalendarDate, time: LocalTime?)
    /// Add an item of the manager's.
    case add(
      id: String, title: String, date: CalendarDate, time: LocalTime, minutes: Int, owner: String)
    /// The hire is away (a trip, leave): these days are not working days in the plan.
    case away(from: CalendarDate, through: CalendarDate)
    /// Another buddy or manager than the roster's.
    case buddy(Person)
    case manager(Person)

    public var description: String {
      switch self {
      case .skip(let target): "skip `\(target)`"
      case .move(let target, let date, let time):
        "move `\(target)` to \(date)\(time.map { " \($0)" } ?? "")"
      case .add(let id, _, let date, let time, _, _): "add `\(id)` on \(date) \(time)"
      case .away(let from, let through): "away \(from)–\(through)"
      case .buddy(let person): "buddy \(person.name)"
      case .manager(let person): "manager \(person.name)"
      }
    }
  }

  /// The hire's email in lower case.
  public var hireKey: String
  public var action: Action
  /// The manager's words, shown in the plan.
  public var note: String
  public var origin: SourceLocation

  public init(hireKey: String, action: Action, note: String = "", origin: SourceLocation) {
    self.hireKey = hireKey
    self.action = action
    self.note = note
    self.origin = origin
  }

  /// "moved by the manager: Conference trip" — how the plan marks the item.
  var mark: String {
    let verb: String
    switch action {
    case .skip: verb = "skipped"
    case .move: verb = "moved"
    case .add: verb = "added"
    case .away: verb = "noted"
    case .buddy, .manager: verb = "changed"
    }
    return "\(verb) by the manager" + (note.isEmpty ? "" : ": \(note)")
  }
}
