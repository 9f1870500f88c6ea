/// Interviewer calibration across a cohort: per interviewer and skill, how far their ratings lie
/// from the other interviewers who rated the same hires on the same skill.
///
/// For every hire and skill that two or more interviewers rated, each interviewer's level (the
/// weighted mean of their ratings of that skill, as in the gap analysis) is compared with the mean
/// of the others' levels; the differences are averaged per interviewer and skill, and over all
/// skills. A difference of at least `largeDifference` levels over at least `minimumComparisons`
/// comparisons gets a note. The report is for reading ratings in context: it never changes a level.
public struct InterviewerCalibration: Hashable, Sendable {
  /// One interviewer's difference from their co-interviewers, on one skill or over all skills.
  public struct Row: Hashable, Sendable, Codable {
    public var interviewer: String
    /// The skill's id, or nil for the row over all skills.
    public var skillID: String?
    /// The skill's name, or "all skills".
    public var skill: String
    /// Mean of (their level − the others' mean level), in levels; negative = rates lower.
    public var meanDifference: Double
    /// How many hire × skill comparisons it averages.
    public var comparisons: Int
    /// How many different hires they were compared on.
    public var hires: Int
    /// Set when the difference is large and well supported.
    public var note: String?
  }

  /// A difference of at least this many levels is large (0.75 by default).
  public var largeDifference: Double
  /// At least this many comparisons make a difference well supported (5 by default).
  public var minimumComparisons: Int
  /// Per interviewer (by name): the row over all skills, then one row per skill (by name).
  public var rows: [Row]
  /// How many hire × skill pairs had two or more interviewers.
  public var comparedPairs: Int

  /// The rows that carry a note.
  public var notable: [Row] { rows.filter { $0.note != nil } }

  /// The calibration of a cohort's gap reports (their `assessorLevels`; evidence lists not needed).
  public init(
    reports: [GapReport], largeDifference: Double = 0.75, minimumComparisons: Int = 5
  ) {
    var tally = Tally()
    for report in reports { tally.add(report) }
    self = tally.calibration(
      largeDifference: largeDifference, minimumComparisons: minimumComparisons)
  }

  init(largeDifference: Double, minimumComparisons: Int, rows: [Row], comparedPairs: Int) {
    self.largeDifference = largeDifference
    self.minimumComparisons = minimumComparisons
    self.rows = rows
    self.comparedPairs = comparedPairs
  }

  /// Adds up a cohort one report at a time (a batch keeps only this, not the reports).
  public struct Tally: Hashable, Sendable {
    struct Sum: Hashable, Sendable {
      var total = 0.0
      var count = 0
      var hires: Set<String> = []
    }
    var sums: [String: [String: Sum]] = [:]
    var skillNames: [String: String] = [:]
    var pairs = 0

    public init() {}

    public mutating func add(_ report: GapReport) {
      for a in report.assessments where a.assessorLevels.count >= 2 {
        pairs += 1
        skillNames[a.skill.id] = a.skill.name
        let levels = a.assessorLevels
        let total = levels.map(\.level).reduce(0, +)
        for level in levels {
          let others = (total - level.level) / Double(levels.count - 1)
          for key in [a.skill.id, ""] {
            sums[level.name, default: [:]][key, default: Sum()].total += level.level - others
            sums[level.name, default: [:]][key, default: Sum()].count += 1
            sums[level.name, default: [:]][key, default: Sum()].hires.insert(report.hireKey)
          }
        }
      }
    }

    public func calibration(largeDifference: Double = 0.75, minimumComparisons: Int = 5)
      -> InterviewerCalibration
    {
      var rows: [Row] = []
      for interviewer in sums.keys.sorted() {
        let bySkill = sums[interviewer] ?? [:]
        let keys = bySkill.keys.sorted {
          ($0.isEmpty ? 0 : 1, skillNames[$0] ?? $0) < ($1.isEmpty ? 0 : 1, skillNames[$1] ?? $1)
        }
        for key in keys {
          guard let sum = bySkill[key], sum.count > 0 else { continue }
          let mean = sum.total / Double(sum.count)
          let skill = key.isEmpty ? "all skills" : skillNames[key] ?? key
          var note: String?
          if abs(mean) >= largeDifference, sum.count >= minimumComparisons {
            note =
              "\(interviewer) rates \(key.isEmpty ? "" : "\(skill) ")\(formatNumber(abs(mean), decimals: 2)) "
              + "levels \(mean < 0 ? "lower" : "higher") than the other interviewers of the same "
              + "hires (\(sum.count) comparisons, \(sum.hires.count) hires): read their ratings in "
              + "that light; no level was changed"
          }
          rows.append(
            Row(
              interviewer: interviewer, skillID: key.isEmpty ? nil : key, skill: skill,
              meanDifference: round2(mean), comparisons: sum.count, hires: sum.hires.count,
              note: note))
        }
      }
      return InterviewerCalibration(
        largeDifference: largeDifference, minimumComparisons: minimumComparisons, rows: rows,
        comparedPairs: pairs)
    }
  }
}
