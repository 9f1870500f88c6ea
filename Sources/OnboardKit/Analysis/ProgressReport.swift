import Foundation

/// The re-assessment loop: a plan's gap skills, their level when the plan was made and their level
/// in later evidence (a re-test at day 30), against the plan's target.
public struct ProgressReport: Codable, Hashable, Sendable {
  /// How one skill moved.
  public struct Line: Codable, Hashable, Sendable {
    public enum Outcome: String, Codable, Hashable, Sendable {
      case reachedTarget = "reached-target"
      case improved
      case unchanged
      case lower
      case notReassessed = "not-reassessed"
    }

    public var skill: String
    public var name: String
    public var target: Int
    /// The status when the plan was made (gap, critical-gap, unassessed, conflicting).
    public var statusBefore: String
    public var before: Double?
    public var now: Double?
    public var outcome: Outcome
    /// Training sessions of the skill dated on or before `asOf`, and in the whole plan.
    public var trainingDone: Int
    public var trainingPlanned: Int
    /// The new evidence behind `now`, as `file:line` origins.
    public var evidence: [String]
  }

  public var schema = "onboard.progress/1"
  public var hire: String
  public var email: String
  public var role: String
  public var asOf: String
  public var lines: [Line]

  /// Compares a plan with a gap report built from later evidence. Skills that were gaps, critical
  /// gaps, conflicting or unassessed-essential when the plan was made are followed.
  public static func compare(plan: PlanDocument, now: GapReport, asOf: CalendarDate)
    -> ProgressReport
  {
    let followed = plan.skills.filter {
      ["gap", "critical-gap", "conflicting"].contains($0.status)
        || plan.weakAreas.contains($0.skill)
        || plan.unassessedEssentials.contains($0.skill)
    }
    let lines = followed.map { skill -> Line in
      let after = now.assessment(of: skill.skill)
      let nowLevel = after?.observed.map { round2($0.level) }
      let outcome: Line.Outcome
      if let nowLevel {
        if nowLevel >= Double(skill.target) - 0.5 {
          outcome = .reachedTarget
        } else if let before = skill.observed {
          outcome =
            nowLevel > before + 0.25 ? .improved : nowLevel < before - 0.25 ? .lower : .unchanged
        } else {
          outcome = .improved
        }
      } else {
        outcome = .notReassessed
      }
      let training = plan.items.filter { $0.kind == "training" && $0.skill == skill.skill }
      return Line(
        skill: skill.skill, name: skill.name, target: skill.target, statusBefore: skill.status,
        before: skill.observed, now: nowLevel, outcome: outcome,
        trainingDone: training.filter { $0.date <= asOf.iso }.count,
        trainingPlanned: training.count,
        evidence: after?.evidence.map(\.origin.description) ?? [])
    }
    return ProgressReport(
      hire: plan.hire.name, email: plan.hire.email, role: plan.hire.role, asOf: asOf.iso,
      lines: lines)
  }

  /// The role profile a plan was made against (its skills, priorities, tiers and targets).
  public static func role(of plan: PlanDocument) -> RoleProfile {
    RoleProfile(
      title: plan.hire.role,
      requirements: plan.skills.map {
        SkillRequirement(
          skillID: $0.skill, priority: $0.priority, tier: Tier(rawValue: $0.tier) ?? .important,
          targetLevel: $0.target)
      })
  }

  /// A terminal / Markdown table.
  public func markdown() -> String {
    var out = MarkdownWriter()
    out.line("# Progress: \(markdownEscaped(hire)), \(markdownEscaped(role)) (as of \(asOf))")
    out.blank()
    guard !lines.isEmpty else {
      out.line("The plan had no gap skills to follow.")
      return out.text
    }
    out.line("| Skill | Target | Before | Now | Outcome | Training done |")
    out.line("|---|---|---|---|---|---|")
    for line in lines {
      let before = line.before.map { formatNumber($0) } ?? line.statusBefore
      let now = line.now.map { formatNumber($0) } ?? "–"
      out.line(
        "| \(markdownEscaped(line.name)) | \(line.target) | \(before) | \(now) | \(line.outcome.rawValue) "
          + "| \(line.trainingDone) of \(line.trainingPlanned) |")
    }
    return out.text
  }

  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }
}
