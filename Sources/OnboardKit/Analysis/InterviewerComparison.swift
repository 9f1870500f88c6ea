/// For one skill rated by several interviewers: whether they agree, and their notes side by side
/// (the hiring guide's advice to compare notes across the hiring team).
public struct InterviewerComparison: Hashable, Sendable {
  /// One interviewer's view of the skill.
  public struct View: Hashable, Sendable {
    public var interviewer: String
    /// The mean of their ratings of the skill's questions or competencies (1–5), weighted by
    /// the questions' weights for the skill.
    public var level: Double
    /// How many ratings it combines.
    public var ratings: Int
    /// Their notes, each with what it was about: "“Could not…” (be-indexes: Explain how…)".
    public var notes: [String]
  }

  public var skill: Skill
  /// Levels between the most and the least convinced interviewer.
  public var spread: Double
  /// True when the spread reaches the settings' `assessor_conflict_levels` (2 by default).
  public var diverges: Bool
  /// One view per interviewer, by name.
  public var views: [View]

  /// "agree (2–2.5)" or "diverge: Lena Vogel 4 vs Mateo García 2, 2 levels apart".
  public var agreement: String {
    guard let high = views.max(by: { ($0.level, $1.interviewer) < ($1.level, $0.interviewer) }),
      let low = views.min(by: { ($0.level, $0.interviewer) < ($1.level, $1.interviewer) })
    else { return "" }
    if diverges {
      return "diverge: \(high.interviewer) \(formatNumber(high.level)) vs \(low.interviewer) "
        + "\(formatNumber(low.level)), \(formatNumber(spread)) levels apart"
    }
    let range =
      low.level == high.level
      ? formatNumber(low.level) : "\(formatNumber(low.level))–\(formatNumber(high.level))"
    return "agree (\(range))"
  }

  /// The skills of a report that several interviewers rated, in the role's priority order.
  /// `threshold` is `AnalysisSettings.assessorConflictLevels`.
  public static func compare(
    _ report: GapReport, threshold: Double = AnalysisSettings().assessorConflictLevels
  ) -> [InterviewerComparison] {
    report.assessments.compactMap { assessment in
      // Ratings that count (a question weight of 0 is shown in the evidence, never compared).
      let interviews = assessment.evidence.filter {
        $0.source == .interview && $0.assessor != nil && $0.proficiency != nil
          && ($0.weight ?? 1) > 0
      }
      let byInterviewer = Dictionary(grouping: interviews) { $0.assessor ?? "" }
      guard byInterviewer.count >= 2 else { return nil }
      let views = byInterviewer.keys.sorted().map { name -> View in
        let items = byInterviewer[name] ?? []
        // Weighted by the questions' weights for the skill, as in the gap analysis.
        let weights = items.map { $0.weight ?? 1 }
        let level =
          zip(items, weights).map { ($0.proficiency?.level ?? 0) * $1 }.reduce(0, +)
          / weights.reduce(0, +)
        return View(
          interviewer: name, level: level, ratings: items.count,
          notes: items.compactMap { item in
            guard let note = item.note, !note.isEmpty else { return nil }
            return "“\(note)” (\(item.instrument))"
          })
      }
      let levels = views.map(\.level)
      let spread = round2((levels.max() ?? 0) - (levels.min() ?? 0))
      return InterviewerComparison(
        skill: assessment.skill, spread: spread, diverges: spread >= threshold, views: views)
    }
  }
}
