/// The cohort view: skills (rows) × hires (columns) with each hire's status, so HR sees at a glance
/// who needs what. Skills are every skill any hire's role requires, by their best priority across
/// roles, then by name.
public struct CohortMatrix: Sendable {
  /// A column: a hire and their report.
  public struct Column: Sendable {
    public var name: String
    public var email: String
    public var report: GapReport

    public init(name: String, email: String, report: GapReport) {
      self.name = name
      self.email = email
      self.report = report
    }
  }

  public var skills: [Skill]
  public var columns: [Column]

  public init(columns: [Column]) {
    self.columns = columns
    skills = Self.skills(of: columns.map(\.report))
  }

  /// Every required skill of the reports, by best priority, then name.
  public static func skills(of reports: [GapReport]) -> [Skill] {
    ordered(reports.flatMap { $0.assessments.map { ($0.skill, $0.requirement.priority) } })
  }

  /// Every skill the roles require, in the same order: the columns of a cohort known in advance.
  public static func skills(of roles: [RoleProfile], catalog skills: [String: Skill]) -> [Skill] {
    ordered(
      roles.flatMap { role in
        role.requirements.compactMap { r in skills[r.skillID].map { ($0, r.priority) } }
      })
  }

  private static func ordered(_ pairs: [(Skill, Int)]) -> [Skill] {
    var best: [String: (priority: Int, skill: Skill)] = [:]
    for (skill, priority) in pairs {
      if let known = best[skill.id], known.priority <= priority { continue }
      best[skill.id] = (priority, skill)
    }
    return best.values.sorted {
      ($0.priority, $0.skill.name, $0.skill.id) < ($1.priority, $1.skill.name, $1.skill.id)
    }.map(\.skill)
  }

  /// The assessment of a skill for a column; nil when the hire's role does not require it.
  public func cell(skill: Skill, column: Column) -> SkillAssessment? {
    column.report.assessment(of: skill.id)
  }

  /// How many hires have each status for a skill ("3 gaps, 1 unassessed").
  public func counts(for skill: Skill) -> [SkillStatus: Int] {
    var counts: [SkillStatus: Int] = [:]
    for column in columns {
      if let a = cell(skill: skill, column: column) { counts[a.status, default: 0] += 1 }
    }
    return counts
  }

  /// A one-word cell text: "strength 4.5/4", "gap 2/4", "unassessed", "-" (not required).
  public func text(skill: Skill, column: Column) -> String {
    guard let a = cell(skill: skill, column: column) else { return "-" }
    let level = a.observed.map { " \(formatNumber($0.level))/\(a.requirement.targetLevel)" } ?? ""
    return a.status.rawValue + level
  }
}
