/// The cohort skills matrix of the index page: one row per skill any planned hire's role requires,
/// one column per planned hire, each cell a status symbol with its words.
extension HTMLIndex {
  /// The skills of the matrix (the cohort view's order).
  static func matrixSkills(_ entries: [Entry]) -> [Skill] {
    CohortMatrix.skills(of: entries.compactMap(\.report))
  }

  static func matrix(_ planned: [Entry]) -> String {
    var html =
      "<section id=\"matrix\" class=\"page\" aria-labelledby=\"matrix-h\">"
      + "<h2 id=\"matrix-h\">Cohort skills matrix</h2>"
    let skills = matrixSkills(planned)
    guard !skills.isEmpty else { return html + "<p>No planned hires.</p></section>" }
    html +=
      "<p>Every skill a planned hire's role requires, by priority; – means the role does not "
      + "require it.</p>" + HTMLStatus.legend
    html +=
      "<div class=\"scroll\"><table class=\"matrix\"><caption>Skills (rows) by hire (columns)"
      + "</caption><thead><tr><th scope=\"col\">Skill</th>"
    for entry in planned {
      html +=
        "<th scope=\"col\">\(bdi(entry.name))"
        + (entry.role.map { "<br><span class=\"muted\">\(bdi($0))</span>" } ?? "") + "</th>"
    }
    html += "</tr></thead><tbody>"
    for skill in skills {
      html += "<tr data-skill=\"\(h(skill.id))\"><th scope=\"row\">\(bdi(skill.name))</th>"
      for entry in planned { html += cell(skill: skill, entry: entry) }
      html += "</tr>"
    }
    return html + "</tbody></table></div></section>"
  }

  private static func cell(skill: Skill, entry: Entry) -> String {
    guard let a = entry.report?.assessment(of: skill.id) else {
      return "<td class=\"not-required\"><span aria-hidden=\"true\">–</span>"
        + "<span class=\"visually-hidden\">not required</span></td>"
    }
    let level =
      a.observed.map { "\(formatNumber($0.level)) of \(a.requirement.targetLevel)" }
      ?? "target \(a.requirement.targetLevel)"
    let label = "\(entry.name), \(skill.name): \(HTMLStatus.words(a)), \(level)"
    return "<td class=\"\(HTMLStatus.cssClass(a.status))\" data-status=\"\(a.status.rawValue)\" "
      + "title=\"\(h(label))\"><span class=\"sym\" aria-hidden=\"true\">"
      + "\(HTMLStatus.symbol(a.status))</span> \(h(a.status.label))"
      + "<br><span class=\"muted\">\(h(level))</span></td>"
  }
}
