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

  /// One CSV record (CRLF-terminated, formula-safe cells).
  public static func csvRecord(_ values: [String]) -> String { CSVWriter().record(values) }

  /// Per skill, how many hires have each status: the cohort view for large cohorts.
  public static func countsMarkdown(_ rows: [(skill: Skill, counts: [SkillStatus: Int])]) -> String
  {
    let statuses: [SkillStatus] = [
      .criticalGap, .gap, .conflicting, .unassessed, .onTarget, .strength,
    ]
    var out = MarkdownWriter()
    out.line("# Cohort skills")
    out.blank()
    out.line("| Skill | " + statuses.map(\.label).joined(separator: " | ") + " |")
    out.line("|---|" + statuses.map { _ in "---|" }.joined())
    for row in rows {
      out.line(
        "| \(markdownEscaped(row.skill.name)) | "
          + statuses.map { String(row.counts[$0] ?? 0) }.joined(separator: " | ") + " |")
    }
    out.blank()
    out.line("The full matrix, one row per hire, is in cohort.csv.")
    return out.text
  }

  /// The CSV header for a cohort: one row per hire, one column per skill of `skills`.
  public static func csvHeader(skills: [Skill]) -> [String] {
    ["email", "name", "role", "status"] + skills.map(\.id)
  }

  /// One hire's CSV row: each cell a status and level/target, empty when the role does not require
  /// it (a `-` would be written `'-` by the CSV formula defence).
  public static func csvRow(
    name: String, email: String, role: String, report: GapReport?, skills: [Skill]
  ) -> [String] {
    guard let report else { return [email, name, role, "failed"] + skills.map { _ in "" } }
    let column = CohortMatrix.Column(name: name, email: email, report: report)
    let matrix = CohortMatrix(columns: [])
    return [email, name, role, "planned"]
      + skills.map {
        let text = matrix.text(skill: $0, column: column)
        return text == "-" ? "" : text
      }
  }

  /// The whole matrix as CSV, one row per hire (opens in any spreadsheet, whatever the cohort size).
  public static func csv(_ matrix: CohortMatrix) -> String {
    var rows: [[String]] = [csvHeader(skills: matrix.skills)]
    for column in matrix.columns {
      rows.append(
        csvRow(
          name: column.name, email: column.email, role: column.report.role, report: column.report,
          skills: matrix.skills))
    }
    return CSVWriter().write(rows)
  }
}
