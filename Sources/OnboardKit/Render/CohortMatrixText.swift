import OnboardCSV

/// The cohort matrix as Markdown (for people) and CSV (for spreadsheets, formula-safe).
public enum CohortMatrixText {
  public static func markdown(_ matrix: CohortMatrix) -> String {
    var out = MarkdownWriter()
    out.line("# Cohort skills matrix")
    out.blank()
    out.line(
      "| Skill | " + matrix.columns.map { markdownEscaped($0.name) }.joined(separator: " | ") + " |"
    )
    out.line("|---|" + matrix.columns.map { _ in "---|" }.joined())
    for skill in matrix.skills {
      let cells = matrix.columns.map { column -> String in
        let text = matrix.text(skill: skill, column: column)
        return text.hasPrefix("critical-gap") || text.hasPrefix("conflicting")
          ? "**\(text)**" : text
      }
      out.line("| \(markdownEscaped(skill.name)) | " + cells.joined(separator: " | ") + " |")
    }
    out.blank()
    out.line("Cells: status and level/target; `-` = the hire's role does not require the skill.")
    return out.text
  }

  public static func csv(_ matrix: CohortMatrix) -> String {
    var rows: [[String]] = [["skill_id", "skill"] + matrix.columns.map(\.email)]
    for skill in matrix.skills {
      rows.append(
        [skill.id, skill.name] + matrix.columns.map { matrix.text(skill: skill, column: $0) })
    }
    return CSVWriter().write(rows)
  }
}
