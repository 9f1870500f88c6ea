/// What the analysis concluded about one required skill.
public enum SkillStatus: String, Sendable, Codable, CaseIterable {
  case strength
  case onTarget = "on-target"
  case gap
  case criticalGap = "critical-gap"
  /// Nobody measured a level (no evidence, or only a percentile rank). Unknown is not zero.
  case unassessed
  /// Sources or interviewers disagree too much to trust one number.
  case conflicting

  /// Words for people.
  public var label: String {
    switch self {
    case .strength: "strength"
    case .onTarget: "on target"
    case .gap: "gap"
    case .criticalGap: "critical gap"
    case .unassessed: "unassessed"
    case .conflicting: "conflicting evidence"
    }
  }
}

/// The level one kind of evidence (or one assessor) gives a skill.
public struct SourceLevel: Hashable, Sendable, Codable {
  /// "test", "interview", "manual", or an assessor's name.
  public var name: String
  public var level: Double
  /// How many observations were combined.
  public var count: Int
  /// For one source: how much it counts (its strongest observation's weight); nil = fully.
  public var weight: Double? = nil
  /// The integrity flags its observations were taken with; nil when none.
  public var integrityFlags: [String]? = nil

  /// "test 4.3" or "test 4.3, taken with an integrity flag: “Mouse always in assessment window: No”".
  public var text: String {
    var text = "\(name) \(formatNumber(level))"
    if let flags = integrityFlags, !flags.isEmpty {
      text +=
        ", taken with an integrity flag: " + flags.map { "“\($0)”" }.joined(separator: ", ")
    }
    return text
  }
}

/// The evidence of a skill disagrees: how far apart, and who.
public struct Conflict: Hashable, Sendable, Codable {
  /// Levels between the highest and the lowest.
  public var spread: Double
  public var high: SourceLevel
  public var low: SourceLevel
  /// True when the disagreement is among interviewers rather than between kinds of evidence.
  public var amongAssessors: Bool

  /// "test 4.4 vs interview 2.0 (2.4 levels apart)"; a side taken with an integrity flag says so:
  /// "test 4.3, taken with an integrity flag: “…”, vs interview 2.2 (2.1 levels apart)".
  public var summary: String {
    let separator = high.integrityFlags == nil ? " vs " : ", vs "
    return "\(high.text)\(separator)\(low.text) (\(formatNumber(spread)) levels apart)"
  }
}

/// The analysis of one required skill for one hire.
///
/// A value with copy-on-write storage, like `PlanItem`: copies (reports are filtered and sorted
/// many times while a hire is planned and rendered) share one object instead of retaining each
/// string and array; a change copies the fields first when they are shared (`@unchecked
/// Sendable`: shared fields are never changed). Equality, hashing and `Codable` are the fields'.
public struct SkillAssessment: Hashable, @unchecked Sendable, Codable {
  /// The stored fields (their order is the `Codable` order).
  struct Fields: Hashable, Sendable, Codable {
    var skill: Skill
    var requirement: SkillRequirement
    var observed: Proficiency?
    var confidence: Double
    var shortfall: Double?
    var importance: Double
    var severity: Double?
    var status: SkillStatus
    var levelStatus: SkillStatus
    var conflict: Conflict?
    var sourceLevels: [SourceLevel]
    var assessorLevels: [SourceLevel]
    var percentileRanks: [Double]
    var evidence: [Evidence]
    var integrityFlags: [String] = []
    var integrityNote: String? = nil
    var weightNote: String? = nil
    var settleIt: String? = nil
    var settledNote: String? = nil
  }

  private var storage: CopyOnWriteStorage<Fields>

  public init(
    skill: Skill,
    requirement: SkillRequirement,
    observed: Proficiency? = nil,
    confidence: Double,
    shortfall: Double? = nil,
    importance: Double,
    severity: Double? = nil,
    status: SkillStatus,
    levelStatus: SkillStatus,
    conflict: Conflict? = nil,
    sourceLevels: [SourceLevel],
    assessorLevels: [SourceLevel],
    percentileRanks: [Double],
    evidence: [Evidence],
    integrityFlags: [String] = [],
    integrityNote: String? = nil,
    weightNote: String? = nil,
    settleIt: String? = nil
  ) {
    storage = .make(
      Fields(
        skill: skill,
        requirement: requirement,
        observed: observed,
        confidence: confidence,
        shortfall: shortfall,
        importance: importance,
        severity: severity,
        status: status,
        levelStatus: levelStatus,
        conflict: conflict,
        sourceLevels: sourceLevels,
        assessorLevels: assessorLevels,
        percentileRanks: percentileRanks,
        evidence: evidence,
        integrityFlags: integrityFlags,
        integrityNote: integrityNote,
        weightNote: weightNote,
        settleIt: settleIt))
  }

  /// The fields, copied first if another value shares them.
  private var uniqueFields: Fields {
    _read { yield storage.fields }
    _modify {
      if !isKnownUniquelyReferenced(&storage) { storage = .make(storage.fields) }
      yield &storage.fields
    }
  }

  public var skill: Skill {
    get { storage.fields.skill }
    _modify { yield &uniqueFields.skill }
  }
  public var requirement: SkillRequirement {
    get { storage.fields.requirement }
    _modify { yield &uniqueFields.requirement }
  }
  /// The combined level; nil when unassessed.
  public var observed: Proficiency? {
    get { storage.fields.observed }
    _modify { yield &uniqueFields.observed }
  }
  /// 0…1: grows with independent sources, shrinks with their spread.
  public var confidence: Double {
    get { storage.fields.confidence }
    _modify { yield &uniqueFields.confidence }
  }
  /// Target − observed in levels, never negative; nil when unassessed.
  public var shortfall: Double? {
    get { storage.fields.shortfall }
    _modify { yield &uniqueFields.shortfall }
  }
  /// The importance weight from priority and tier.
  public var importance: Double {
    get { storage.fields.importance }
    _modify { yield &uniqueFields.importance }
  }
  /// Shortfall × importance (Borich weighted discrepancy); nil when unassessed.
  public var severity: Double? {
    get { storage.fields.severity }
    _modify { yield &uniqueFields.severity }
  }
  public var status: SkillStatus {
    get { storage.fields.status }
    _modify { yield &uniqueFields.status }
  }
  /// What the combined level alone would say (differs from `status` when conflicting).
  public var levelStatus: SkillStatus {
    get { storage.fields.levelStatus }
    _modify { yield &uniqueFields.levelStatus }
  }
  public var conflict: Conflict? {
    get { storage.fields.conflict }
    _modify { yield &uniqueFields.conflict }
  }
  /// Per kind of evidence, the level it gives.
  public var sourceLevels: [SourceLevel] {
    get { storage.fields.sourceLevels }
    _modify { yield &uniqueFields.sourceLevels }
  }
  /// Per interviewer, the level they gave.
  public var assessorLevels: [SourceLevel] {
    get { storage.fields.assessorLevels }
    _modify { yield &uniqueFields.assessorLevels }
  }
  /// Percentile ranks seen for this skill (a rank, not a level).
  public var percentileRanks: [Double] {
    get { storage.fields.percentileRanks }
    _modify { yield &uniqueFields.percentileRanks }
  }
  /// The evidence behind it, in a stable order.
  public var evidence: [Evidence] {
    get { storage.fields.evidence }
    _modify { yield &uniqueFields.evidence }
  }
  /// The integrity flags of the evidence behind it (empty when none): the gap table marks them.
  public var integrityFlags: [String] {
    get { storage.fields.integrityFlags }
    _modify { yield &uniqueFields.integrityFlags }
  }
  /// For a skill with integrity flags: which attempts were flagged and how they were counted.
  public var integrityNote: String? {
    get { storage.fields.integrityNote }
    _modify { yield &uniqueFields.integrityNote }
  }
  /// When a weight (`integrity_weight`, a question weight) changed the status, what it changed.
  public var weightNote: String? {
    get { storage.fields.weightNote }
    _modify { yield &uniqueFields.weightNote }
  }
  /// When a check recorded after conflicting evidence decided the level: whose check, when,
  /// what it showed and what it settled.
  public var settledNote: String? {
    get { storage.fields.settledNote }
    _modify { yield &uniqueFields.settledNote }
  }
  /// For a gap, a conflict or an unassessed skill: what evidence would settle it.
  public var settleIt: String? {
    get { storage.fields.settleIt }
    _modify { yield &uniqueFields.settleIt }
  }

  /// Whether training should close a shortfall here.
  public var needsTraining: Bool {
    (shortfall ?? 0) > 0 && levelStatus != .onTarget && levelStatus != .strength
  }

  public static func == (lhs: SkillAssessment, rhs: SkillAssessment) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
  }

  public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

  public init(from decoder: any Decoder) throws { storage = .make(try Fields(from: decoder)) }

  public func encode(to encoder: any Encoder) throws { try storage.fields.encode(to: encoder) }
}

/// The gap report of one hire against their role.
public struct GapReport: Hashable, Sendable, Codable {
  public var hireKey: String
  public var role: String
  /// One line per required skill, in the role's priority order.
  public var assessments: [SkillAssessment]
  /// The `integrity_weight` the report was made with (1: flagged attempts count fully).
  public var integrityWeight: Double = 1

  /// Gaps and critical gaps (conflicting ones with a shortfall too), most urgent first;
  /// ties keep the role's priority order.
  public var weakAreas: [SkillAssessment] {
    assessments.filter { $0.needsTraining }
      .sorted {
        let (a, b) = ($0.severity ?? 0, $1.severity ?? 0)
        return a != b ? a > b : $0.requirement.priority < $1.requirement.priority
      }
  }

  public var strengths: [SkillAssessment] { assessments.filter { $0.status == .strength } }
  public var conflicts: [SkillAssessment] { assessments.filter { $0.status == .conflicting } }

  /// The interviewer on the far side of most of the hire's conflicts, when that is four or
  /// more of them and most: one scorecard far from every other reading (a lenient or harsh
  /// interviewer, or a scorecard of another candidate) rather than a hire who is hard to read
  /// (QA13 F15: one late scorecard of 5s made 14 skills conflicting and 14 skill checks).
  public var oneInterviewersConflicts: (interviewer: String, skills: [String], of: Int)? {
    let conflicting = conflicts
    var sides: [String: [String]] = [:]
    for assessment in conflicting {
      guard let conflict = assessment.conflict else { continue }
      var names: [String] = []
      if conflict.amongAssessors {
        // The interviewer farthest from the others' middle (1 beside 4 and 4 is the 1), not
        // both ends (QA15 F10 named one of the two who agreed).
        let levels = assessment.assessorLevels.map(\.level).sorted()
        let middle = levels.isEmpty ? 0 : levels[levels.count / 2]
        names =
          assessment.assessorLevels.max {
            (abs($0.level - middle), $1.name) < (abs($1.level - middle), $0.name)
          }.map { [$0.name] } ?? []
      } else if conflict.high.name == EvidenceSource.interview.rawValue {
        names =
          assessment.assessorLevels.max { ($0.level, $1.name) < ($1.level, $0.name) }
          .map { [$0.name] } ?? []
      } else if conflict.low.name == EvidenceSource.interview.rawValue {
        names =
          assessment.assessorLevels.min { ($0.level, $0.name) < ($1.level, $1.name) }
          .map { [$0.name] } ?? []
      }
      for name in names { sides[name, default: []].append(assessment.skill.name) }
    }
    guard
      let (name, skills) = sides.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }),
      skills.count >= 4, skills.count * 2 > conflicting.count
    else { return nil }
    return (name, skills, conflicting.count)
  }
  public var unassessed: [SkillAssessment] { assessments.filter { $0.status == .unassessed } }

  /// Essential skills nobody assessed.
  public var unassessedEssentials: [SkillAssessment] {
    unassessed.filter { $0.requirement.tier == .essential }
  }

  /// The report without its evidence lists: what a cohort view keeps per hire.
  public var withoutEvidence: GapReport {
    var copy = self
    for index in copy.assessments.indices {
      copy.assessments[index].evidence = []
      copy.assessments[index].skill.aliases = []
    }
    return copy
  }

  public func assessment(of skillID: String) -> SkillAssessment? {
    assessments.first { $0.skill.id == skillID }
  }
}
