/// The cohort skills matrix of the index page: one row per skill any planned hire's role requires,
/// one column per planned hire, each cell a status symbol with its words.
extension HTMLIndex {
  /// The skills of the matrix (the cohort view's order).
  static func matrixSkills(_ entries: [Entry]) -> [Skill] {
    CohortMatrix.skills(of: entries.compactMap(\.report))
  }

  static func matrix(_ planned: [Entry]) -> String {
    let skills = matrixSkills(planned)
    var html = ByteBuffer(capacity: 512 + planned.count * (skills.count + 1) * 320)
    html.append(
      "<section id=\"matrix\" class=\"page\" aria-labelledby=\"matrix-h\">"
        + "<h2 id=\"matrix-h\">Cohort skills matrix</h2>")
    guard !skills.isEmpty else {
      html.append("<p>No planned hires.</p></section>")
      return html.string
    }
    html.append(
      "<p>Every skill a planned hire's role requires, by priority; – means the role does not "
        + "require it.</p>")
    html.append(HTMLStatus.legend)
    html.append(
      "<div class=\"scroll\"><table class=\"matrix\"><caption>Skills (rows) by hire (columns)"
        + "</caption><thead><tr><th scope=\"col\">Skill</th>")
    for entry in planned {
      html.append("<th scope=\"col\"><bdi>")
      html.append(html: entry.name)
      html.append("</bdi>")
      if let role = entry.role {
        html.append("<br><span class=\"muted\"><bdi>")
        html.append(html: role)
        html.append("</bdi></span>")
      }
      html.append("</th>")
    }
    html.append("</tr></thead><tbody>")
    // Each hire's assessments by skill id, looked up once per hire (not searched per cell).
    let assessments = planned.map { entry in
      Dictionary(
        (entry.report?.assessments ?? []).map { ($0.skill.id, $0) }, uniquingKeysWith: { a, _ in a }
      )
    }
    for skill in skills {
      html.append("<tr data-skill=\"")
      html.append(html: skill.id)
      html.append("\"><th scope=\"row\"><bdi>")
      html.append(html: skill.name)
      html.append("</bdi></th>")
      for (index, entry) in planned.enumerated() {
        appendCell(skill: skill, entry: entry, assessment: assessments[index][skill.id], to: &html)
      }
      html.append("</tr>")
    }
    html.append("</tbody></table></div></section>")
    return html.string
  }

  /// One cell: the status symbol and words, the level against the target, and a title naming the
  /// hire and the skill (escaped piece by piece: HTML escaping works character by character).
  private static func appendCell(
    skill: Skill, entry: Entry, assessment: SkillAssessment?, to html: inout ByteBuffer
  ) {
    guard let a = assessment else {
      html.append(
        "<td class=\"not-required\"><span aria-hidden=\"true\">–</span>"
          + "<span class=\"visually-hidden\">not required</span></td>")
      return
    }
    let level =
      a.observed.map { "\(formatNumber($0.level)) of \(a.requirement.targetLevel)" }
      ?? "target \(a.requirement.targetLevel)"
    html.append("<td class=\"status-")
    html.append(a.status.rawValue)
    html.append("\" data-status=\"")
    html.append(a.status.rawValue)
    html.append("\" title=\"")
    html.append(html: entry.name)
    html.append(", ")
    html.append(html: skill.name)
    html.append(": ")
    html.append(html: HTMLStatus.words(a))
    html.append(", ")
    html.append(html: level)
    html.append("\"><span class=\"sym\" aria-hidden=\"true\">")
    html.append(HTMLStatus.symbol(a.status))
    html.append("</span> ")
    html.append(html: a.status.label)
    html.append("<br><span class=\"muted\">")
    html.append(html: level)
    html.append("</span></td>")
  }
}
