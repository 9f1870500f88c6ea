/// Plain-text tables for the terminal: the gap report and the imported evidence.
public enum GapTable {
  /// A hire's gap report as an aligned table, then weak areas, unassessed essentials and conflicts.
  public static func render(hire: Hire, report: GapReport) -> String {
    var rows: [[String]] = [
      ["#", "Skill", "Tier", "Target", "Observed", "Conf.", "Status", "Severity"]
    ]
    for a in report.assessments {
      rows.append([
        "\(a.requirement.priority)", a.skill.name + GapSummaryMarkdown.integrityMark(a),
        a.requirement.tier.rawValue,
        "\(a.requirement.targetLevel)",
        a.observed.map { formatNumber($0.level) } ?? "-", formatNumber(a.confidence, decimals: 2),
        replacingText(GapSummaryMarkdown.statusText(a), "**", with: ""),
        a.severity.map { formatNumber($0, decimals: 2) } ?? "-",
      ])
    }
    var text =
      "\(printable(hire.fullName)) <\(printable(hire.email))>, \(printable(report.role))\n"
      + table(rows)
    for footnote in report.integrityFootnotes {
      text += printable("\(GapSummaryMarkdown.integritySymbol) \(footnote.text)") + "\n"
    }
    let weak = report.weakAreas.map(\.skill.name)
    text +=
      "Weak areas, most urgent first: \(weak.isEmpty ? "none" : weak.joined(separator: ", "))\n"
    let unknown = report.unassessedEssentials.map(\.skill.name)
    if !unknown.isEmpty {
      text += "Essential skills nobody assessed: \(unknown.joined(separator: ", "))\n"
    }
    for a in report.conflicts {
      text += "Conflicting evidence on \(a.skill.name): \(a.conflict?.summary ?? "")\n"
    }
    for a in report.assessments {
      if let note = a.settledNote {
        text += printable("Conflict on \(a.skill.name) \(note).") + "\n"
      }
      if let note = a.weightNote {
        text += printable("A weight changed the status of \(a.skill.name): \(note)") + "\n"
      }
      if let settle = a.settleIt { text += printable("\(a.skill.name): \(settle)") + "\n" }
    }
    return text
  }

  /// The cohort matrix: skills (rows) × hires (columns), each cell a status and level/target.
  public static func cohort(_ matrix: CohortMatrix) -> String {
    var rows: [[String]] = [["Skill"] + matrix.columns.map(\.name)]
    for skill in matrix.skills {
      rows.append([skill.name] + matrix.columns.map { matrix.text(skill: skill, column: $0) })
    }
    return table(rows)
  }

  /// Evidence rows: hire, skill, source, instrument, raw, scale, level (and the question's weight
  /// when below 1), assessor, origin.
  public static func evidenceTable(_ evidence: [Evidence]) -> String {
    var rows: [[String]] = [
      ["Hire", "Skill", "Source", "Instrument", "Raw", "Scale", "Level", "Assessor", "Origin"]
    ]
    for e in evidence {
      rows.append([
        e.hireKey, e.skillID, e.source.rawValue, e.instrument, e.rawValue, e.scale.description,
        (e.proficiency.map { formatNumber($0.level) }
          ?? (e.percentileRank.map { "rank \(formatNumber($0))" } ?? "-"))
          + (e.weight.map { " (weight \(formatNumber($0, decimals: 2)))" } ?? ""),
        e.assessor ?? "", e.origin.description,
      ])
    }
    return table(rows) + "\(evidence.count) evidence item\(evidence.count == 1 ? "" : "s")\n"
  }

  /// Columns padded to their widest cell (cells made single-line and control-free first).
  static func table(_ rows: [[String]]) -> String {
    let clean = rows.map { $0.map(printable) }
    let widths = (0..<(clean.first?.count ?? 0)).map { column in
      clean.map { $0[column].count }.max() ?? 0
    }
    return clean.map { row in
      zip(row, widths).map { cell, width in cell + String(repeating: " ", count: width - cell.count)
      }
      .joined(separator: "  ").trimmingTrailingSpaces()
    }.joined(separator: "\n") + "\n"
  }

  /// Text safe for a terminal: control characters (including escape sequences) become spaces.
  public static func printable(_ text: String) -> String { singleLine(text) }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
