extension PlanLibrary {
  /// The goals a role's hires share, in file order (`*` rows and the role's own rows).
  public func goals(for role: RoleProfile) -> [Goal] {
    goals.filter { $0.applies(to: role.title) }.map(\.goal)
  }

  /// `goals.csv`: `role,day,id,outcome,shown_by,owner`. `role` is a role title of `roles.csv`
  /// or `*`; `day` 30, 60 or 90; `id` a slug unique within the role.
  /// A role of `incompleteRoles` (lower-cased titles of roles with a bad row in roles.csv) is
  /// taken as it is: it is checked once its rows are fixed.
  static func parseGoals(
    _ file: SourceFile, roles: [RoleProfile], incompleteRoles: Set<String> = []
  ) throws(InputErrors) -> [RoleGoal] {
    var goals: [RoleGoal] = []
    let owners: Set<String> = ["manager", "buddy", "mentor", "team", "hire", "hr"]
    try readRows(file, required: ["role", "day", "id", "outcome", "shown_by", "owner"]) {
      row throws(InputError) in
      let role = row.value("role")
      guard
        role == "*" || roles.contains(where: { $0.title == role })
          || incompleteRoles.contains(role.lowercased())
      else {
        throw row.error(
          "role",
          "found `\(role)`; expected `*` or a role title of roles.csv"
            + (roles.isEmpty
              ? " (roles.csv has no role that reads)"
              : " (" + roles.map(\.title).joined(separator: ", ") + ")"))
      }
      guard let day = Int(row.value("day")), [30, 60, 90].contains(day) else {
        throw row.error("day", "found `\(row.value("day"))`; expected 30, 60 or 90")
      }
      let id = row.value("id")
      guard !id.isEmpty, id == slug(id) else {
        throw row.error("id", "found `\(id)`; expected a slug such as `first-feature`")
      }
      guard
        !goals.contains(where: {
          $0.goal.id == "goal:\(id)" && ($0.role == role || $0.role == "*" || role == "*")
        })
      else { throw row.error("id", "`\(id)` is used twice for the same role") }
      for column in ["outcome", "shown_by"] where row.value(column).isEmpty {
        throw row.error(column, "is empty; expected a sentence")
      }
      let owner = row.value("owner")
      guard owners.contains(owner) else {
        throw row.error(
          "owner", "found `\(owner)`; expected one of " + owners.sorted().joined(separator: ", "))
      }
      goals.append(
        RoleGoal(
          role: role,
          goal: Goal(
            id: "goal:\(id)", day: day, outcome: row.value("outcome"),
            shownBy: row.value("shown_by"), owner: owner, source: .role),
          origin: row.location("role")))
    }
    return goals
  }
}
