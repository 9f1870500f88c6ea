import Foundation

/// The gap report as Markdown: a table in the role's priority order, the weak areas ranked, and
/// the evidence behind every line.
public enum GapSummaryMarkdown {
  /// `settings` decides when interviewers diverge (`assessorConflictLevels`).
  public static func render(_ report: GapReport, settings: AnalysisSettings = AnalysisSettings())
    -> String
  {
    var out = MarkdownWriter()
    render(report, settings: settings, into: &out)
    return out.text
  }

  /// `comparisons`, when given, is `InterviewerComparison.compare(report, threshold:)` of the
  /// settings' threshold (a hire's pages and emails compare once).
  static func render(
    _ report: GapReport, settings: AnalysisSettings = AnalysisSettings(),
    comparisons: [InterviewerComparison]? = nil, into out: inout MarkdownWriter
  ) {
    let md = markdownEscaped
    out.line("## Gap summary")
    out.blank()
    out.line("| # | Skill | Tier | Target | Observed | Confidence | Status | Severity |")
    out.line("|---|---|---|---|---|---|---|---|")
    for a in report.assessments {
      out.line(
        "| \(a.requirement.priority) | \(md: a.skill.name)\(integrityMark(a)) | \(a.requirement.tier.rawValue) "
          + "| \(a.requirement.targetLevel) | \(levelOrDash: a.observed?.level, decimals: 1) "
          + "| \(n: a.confidence, decimals: 2) | \(statusText(a)) | \(levelOrDash: a.severity, decimals: 2) |"
      )
    }
    out.blank()
    for footnote in report.integrityFootnotes {
      out.line("\(integritySymbol) \(md: footnote.text)")
      out.blank()
    }
    let weak = report.weakAreas
    out.line(
      "**Weak areas, most urgent first:** "
        + (weak.isEmpty ? "none." : weak.map { md($0.skill.name) }.joined(separator: ", ") + "."))
    let unknown = report.unassessedEssentials
    if !unknown.isEmpty {
      out.line("")
      out.line(
        "**Essential skills nobody assessed:** \(unknown.map { md($0.skill.name) }.joined(separator: ", ")). They get a skill check in week 1, not a full course."
      )
    }
    for a in report.conflicts {
      if let c = a.conflict {
        out.line("")
        out.line("**Conflicting evidence on \(md: a.skill.name):** \(md: c.summary).")
      }
    }
    for a in report.assessments {
      if let note = a.settledNote {
        out.line("")
        out.line("**Conflict on \(md: a.skill.name) \(md: note).**")
      }
      if let note = a.weightNote {
        out.line("")
        out.line("**A weight changed the status of \(md: a.skill.name):** \(md: note).")
      }
    }
    let settle = report.assessments.filter { $0.settleIt != nil }
    if !settle.isEmpty {
      out.blank()
      out.line("**What would settle it:**")
      out.blank()
      for a in settle {
        let text = replacingText(a.settleIt ?? "", "What would settle it: ", with: "")
        out.line("- \(md: a.skill.name) (\(a.status.label)): \(md: text)")
      }
    }
    out.blank()
    renderInterviewerNotes(
      comparisons
        ?? InterviewerComparison.compare(report, threshold: settings.assessorConflictLevels),
      threshold: settings.assessorConflictLevels, into: &out)
    out.line("### Evidence")
    out.blank()
    for a in report.assessments {
      out.line("- **\(md: a.skill.name)**" + (a.evidence.isEmpty ? ": no evidence." : ""))
      for e in a.evidence { out.line("  - \(evidence: e)") }
    }
    out.blank()
  }

  /// "Interviewers' notes": per skill rated by several interviewers, agreement or divergence,
  /// then each interviewer's rating and notes.
  static func renderInterviewerNotes(
    _ comparisons: [InterviewerComparison], threshold: Double, into out: inout MarkdownWriter
  ) {
    guard !comparisons.isEmpty else { return }
    let md = markdownEscaped
    out.line("### Interviewers' notes")
    out.blank()
    out.line(
      "Skills that several interviewers rated: where they agree and where they diverge "
        + "(\(n: threshold) or more levels apart), their notes side by side.")
    out.blank()
    for comparison in comparisons {
      let agreement = md(comparison.agreement)
      out.line(
        "- **\(md(comparison.skill.name))**: \(comparison.diverges ? "**\(agreement)**" : agreement)"
      )
      for view in comparison.views {
        let notes = view.notes.isEmpty ? "no notes" : view.notes.map(md).joined(separator: " · ")
        out.line("  - \(md: view.interviewer): \(n: view.level) · \(notes)")
      }
    }
    out.blank()
  }

  /// The mark of a skill whose evidence includes an attempt taken with an integrity flag.
  public static let integritySymbol = "⚑"

  /// " ⚑" after the skill's name when its evidence has an integrity flag; the footnote under the
  /// table says which attempt and how it was counted.
  static func integrityMark(_ a: SkillAssessment) -> String {
    a.integrityFlags.isEmpty ? "" : " \(integritySymbol)"
  }

  static func statusText(_ a: SkillAssessment) -> String {
    if a.status == .unassessed, !a.percentileRanks.isEmpty {
      return
        "unassessed (ranked \(a.percentileRanks.map { ordinalRank($0) + " pct" }.joined(separator: ", ")), level unknown)"
    }
    if a.status == .conflicting { return "**conflicting** (\(a.levelStatus.label) overall)" }
    if a.status == .criticalGap { return "**critical gap**" }
    return a.status.label
  }

  /// "test · SQL (Intermediate): 88% (percent) → level 4.4 · tg.csv:4:12".
  public static func evidenceLine(_ e: Evidence) -> String {
    let md = markdownEscaped
    var text = "\(e.source.rawValue) · \(md(e.instrument)): \(md(e.rawValue)) (\(e.scale))"
    if let p = e.proficiency { text += " → level \(formatNumber(p.level))" }
    if let rank = e.percentileRank {
      text += " → rank \(ordinalRank(rank)) percentile, not a level"
    }
    if let weight = e.weight { text += " · weight \(formatNumber(weight, decimals: 2))" }
    if let who = e.assessor { text += " · \(md(who))" }
    if let note = e.note, !note.isEmpty {
      text += (e.integrityFlag != nil ? " · \(integritySymbol) " : " · ") + "“\(md(note))”"
    }
    text += " · `\(replacingText(e.origin.description, "`", with: "'"))`"
    return text
  }
}

extension MarkdownLine.Interpolation {
  /// `formatNumber(value, decimals: decimals)`, or "–" for nil.
  mutating func appendInterpolation(levelOrDash value: Double?, decimals: Int) {
    if let value { appendInterpolation(n: value, decimals: decimals) } else { appendLiteral("–") }
  }

  /// `GapSummaryMarkdown.evidenceLine(e)`, written straight into the line.
  mutating func appendInterpolation(evidence e: Evidence) {
    appendInterpolation(e.source.rawValue)
    appendLiteral(" · ")
    appendInterpolation(md: e.instrument)
    appendLiteral(": ")
    appendInterpolation(md: e.rawValue)
    appendLiteral(" (")
    appendInterpolation(e.scale)
    appendLiteral(")")
    if let p = e.proficiency {
      appendLiteral(" → level ")
      appendInterpolation(n: p.level)
    }
    if let rank = e.percentileRank {
      appendLiteral(" → rank ")
      appendInterpolation(ordinalRank(rank))
      appendLiteral(" percentile, not a level")
    }
    if let weight = e.weight {
      appendLiteral(" · weight ")
      appendInterpolation(n: weight, decimals: 2)
    }
    if let who = e.assessor {
      appendLiteral(" · ")
      appendInterpolation(md: who)
    }
    if let note = e.note, !note.isEmpty {
      if e.integrityFlag != nil {
        appendLiteral(" · ")
        appendInterpolation(GapSummaryMarkdown.integritySymbol)
        appendLiteral(" ")
      } else {
        appendLiteral(" · ")
      }
      appendLiteral("“")
      appendInterpolation(md: note)
      appendLiteral("”")
    }
    appendLiteral(" · `")
    appendInterpolation(replacingText(e.origin.description, "`", with: "'"))
    appendLiteral("`")
  }
}
