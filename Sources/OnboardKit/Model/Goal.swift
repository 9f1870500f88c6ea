import Foundation

/// An outcome due at day 30, 60 or 90, with how it is shown and who judges it: from the role
/// (`Plans/goals.csv`) or from a gap ("reach level 4 in Databases & SQL by day 60").
public struct Goal: Hashable, Sendable, Codable {
  /// Where a goal comes from.
  public enum Source: String, Sendable, Codable, CaseIterable {
    /// The role's goals for every hire (`goals.csv`).
    case role
    /// A weak area: reach the target level.
    case skill
    /// A skill nobody assessed, or whose evidence disagrees: settle its level.
    case check
  }

  /// Stable within a plan: `goal:first-feature`, `goal:skill:sql-databases`.
  public var id: String
  /// The review that judges it: 30, 60 or 90.
  public var day: Int
  public var outcome: String
  /// The evidence that shows it is met ("the merged pull request").
  public var shownBy: String
  /// The role that judges it: manager, buddy, mentor, team.
  public var owner: String
  public var source: Source
  public var skillID: String? = nil

  public init(
    id: String, day: Int, outcome: String, shownBy: String, owner: String, source: Source,
    skillID: String? = nil
  ) {
    self.id = id
    self.day = day
    self.outcome = outcome
    self.shownBy = shownBy
    self.owner = owner
    self.source = source
    self.skillID = skillID
  }

  /// "Ship a first feature end to end (shown by: the released feature; judged by the manager)."
  public var sentence: String {
    "\(outcome) (shown by \(shownBy); judged by the \(owner))"
  }
}

/// A role's goal as the plan library states it: `role` is a role title or `*` for every role.
public struct RoleGoal: Hashable, Sendable, Codable {
  public var role: String
  public var goal: Goal
  public var origin: SourceLocation

  public init(role: String, goal: Goal, origin: SourceLocation) {
    self.role = role
    self.goal = goal
    self.origin = origin
  }

  /// Whether the goal applies to a role title (case-insensitively, or `*`).
  public func applies(to title: String) -> Bool {
    role == "*" || role.caseInsensitiveCompare(title) == .orderedSame
  }
}
