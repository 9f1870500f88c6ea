import Foundation

/// Compares a hire's evidence with their role profile: a pure function from values to a report.
///
/// Fusion, in two steps so that three interviewers do not outvote one test:
/// 1. within a kind of evidence: each independent source's observations (one observer in one
///    sitting, see `sourceKey`) are averaged, weighted by their question weight (and
///    `integrity_weight` for flagged attempts), then the sources are averaged, each weighted by its
///    strongest observation's weight;
/// 2. across kinds: a weighted mean with `AnalysisSettings.sourceWeights`.
///
/// Confidence = (1 − 0.5ⁿ) × max(0.2, 1 − spread / 4), with n the sum of the independent sources'
/// weights (1 each unless only weighted-down questions or flagged attempts observed them) and
/// spread the distance in levels between the highest and lowest of them.
public enum GapAnalysis {
  public static func analyze(
    hireKey: String, role: RoleProfile, skills: [String: Skill], evidence: [Evidence],
    settings: AnalysisSettings = AnalysisSettings()
  ) -> GapReport {
    let key = hireKey.lowercased()
    var bySkill: [String: [Evidence]] = [:]
    for item in evidence where item.hireKey == key {
      bySkill[item.skillID, default: []].append(item)
    }
    let count = role.requirements.count
    // The rank is the position in the role's priority order, so priorities 10, 20, 30 weigh as 1, 2, 3.
    let assessments = role.requirements.enumerated().map { index, requirement in
      assess(
        requirement: requirement,
        skill: skills[requirement.skillID]
          ?? Skill(id: requirement.skillID, name: requirement.skillID, kind: .technical),
        evidence: bySkill[requirement.skillID] ?? [], rank: index + 1, roleSize: count,
        settings: settings)
    }
    return GapReport(
      hireKey: key, role: role.title, assessments: assessments,
      integrityWeight: min(1, max(0, settings.integrityWeight)))
  }

  /// Importance of a requirement: an explicit weight, or tier weight × a rank factor that falls
  /// linearly from 1 (the first skill of the role) to 0.5 (the last). `rank` is the requirement's
  /// position in the role's priority order (1-based); it defaults to its priority number.
  public static func importance(
    of requirement: SkillRequirement, rank: Int? = nil, roleSize: Int, settings: AnalysisSettings
  ) -> Double {
    if let weight = requirement.weight { return weight }
    let position = min(max(rank ?? requirement.priority, 1), max(1, roleSize))
    let rankFactor = 1 - 0.5 * Double(position - 1) / Double(max(1, roleSize - 1))
    return settings.weight(of: requirement.tier) * rankFactor
  }

  static func assess(
    requirement: SkillRequirement, skill: Skill, evidence unordered: [Evidence], rank: Int,
    roleSize: Int, settings: AnalysisSettings
  ) -> SkillAssessment {
    var result = assess(
      requirement: requirement, skill: skill, evidence: unordered, rank: rank, roleSize: roleSize,
      settings: settings, questionWeights: true)
    if let settled = settled(
      result, requirement: requirement, skill: skill, evidence: unordered, rank: rank,
      roleSize: roleSize, settings: settings)
    {
      result = settled
    }
    // A settled level is the check's: the weights of the evidence it overrules changed nothing.
    result.weightNote =
      result.settledNote != nil
      ? nil
      : weightNote(
        result, requirement: requirement, skill: skill, evidence: unordered, rank: rank,
        roleSize: roleSize, settings: settings)
    result.settleIt = settleIt(result)
    result.integrityNote = integrityNote(result, settings: settings)
    return result
  }

  static func assess(
    requirement: SkillRequirement, skill: Skill, evidence unordered: [Evidence], rank: Int,
    roleSize: Int, settings: AnalysisSettings, questionWeights: Bool
  ) -> SkillAssessment {
    let evidence = unordered.sorted(by: canonicalOrder)
    let importance = importance(of: requirement, rank: rank, roleSize: roleSize, settings: settings)
    let measured = evidence.filter { $0.proficiency != nil }
    let ranks = evidence.compactMap(\.percentileRank).sorted()
    let flags = integrityFlags(of: evidence)

    // Step 1: per kind, per independent source (see `sourceKey`), weighted by `effectiveWeight`.
    var kindLevels: [SourceLevel] = []
    var assessorLevels: [SourceLevel] = []
    var independent: [SourceLevel] = []
    for source in EvidenceSource.allCases {
      let levels = sourceLevels(
        measured.filter { $0.source == source }, settings: settings,
        questionWeights: questionWeights)
      guard !levels.isEmpty else { continue }
      independent += levels
      if source == .interview { assessorLevels = levels }
      let weights = levels.map { $0.weight ?? 1 }
      let kindFlags = Array(Set(levels.flatMap { $0.integrityFlags ?? [] })).sorted()
      kindLevels.append(
        SourceLevel(
          name: source.rawValue,
          level: zip(levels, weights).map { $0.level * $1 }.reduce(0, +) / weights.reduce(0, +),
          count: levels.map(\.count).reduce(0, +),
          integrityFlags: kindFlags.isEmpty ? nil : kindFlags))
    }

    guard !kindLevels.isEmpty else {
      return SkillAssessment(
        skill: skill, requirement: requirement, observed: nil, confidence: 0, shortfall: nil,
        importance: importance, severity: nil, status: .unassessed, levelStatus: .unassessed,
        conflict: nil, sourceLevels: [], assessorLevels: [], percentileRanks: ranks,
        evidence: evidence, integrityFlags: flags)
    }

    // Step 2: across kinds.
    let weights = kindLevels.map {
      settings.weight(of: EvidenceSource(rawValue: $0.name) ?? .manual)
    }
    let totalWeight = weights.reduce(0, +)
    let level =
      totalWeight > 0
      ? zip(kindLevels, weights).map { $0.level * $1 }.reduce(0, +) / totalWeight
      : mean(kindLevels.map(\.level))
    let observed = Proficiency(level: level)

    // n counts each independent source by its weight: 1 for a test sitting or an interviewer who
    // asked about the skill directly, less for one who only asked a general question.
    let levels = independent.map(\.level)
    let spread = (levels.max() ?? 0) - (levels.min() ?? 0)
    let n = independent.map { $0.weight ?? 1 }.reduce(0, +)
    let confidence = round2((1 - pow(0.5, n)) * max(0.2, 1 - spread / 4))

    let target = Double(requirement.targetLevel)
    let shortfall = max(0, target - observed.level)
    let levelStatus: SkillStatus
    if observed.level - target >= settings.strengthMargin {
      levelStatus = .strength
    } else if shortfall <= settings.onTargetTolerance {
      levelStatus = .onTarget
    } else if shortfall >= settings.criticalShortfall, requirement.tier == .essential {
      levelStatus = .criticalGap
    } else {
      levelStatus = .gap
    }

    let conflict =
      findConflict(in: kindLevels, threshold: settings.sourceConflictLevels, amongAssessors: false)
      ?? findConflict(
        in: assessorLevels, threshold: settings.assessorConflictLevels, amongAssessors: true)

    return SkillAssessment(
      skill: skill, requirement: requirement, observed: observed, confidence: confidence,
      shortfall: round2(shortfall), importance: round2(importance),
      severity: round2(shortfall * importance),
      status: conflict == nil ? levelStatus : .conflicting,
      levelStatus: levelStatus, conflict: conflict, sourceLevels: kindLevels,
      assessorLevels: assessorLevels, percentileRanks: ranks, evidence: evidence,
      integrityFlags: flags)
  }

  /// When down-weighting flagged attempts (`integrity_weight` below 1) or a question's weight
  /// below 1 changed the status, a sentence saying from what to what; nil otherwise.
  static func weightNote(
    _ result: SkillAssessment, requirement: SkillRequirement, skill: Skill,
    evidence: [Evidence], rank: Int, roleSize: Int, settings: AnalysisSettings
  ) -> String? {
    var notes: [String] = []
    if settings.integrityWeight < 1, !result.integrityFlags.isEmpty {
      var full = settings
      full.integrityWeight = 1
      let other = assess(
        requirement: requirement, skill: skill, evidence: evidence, rank: rank,
        roleSize: roleSize, settings: full, questionWeights: true)
      if other.status != result.status {
        notes.append(
          "counting the flagged attempts at weight \(formatNumber(settings.integrityWeight, decimals: 2)) "
            + "(integrity_weight) made it \(result.status.label); at full weight it would be "
            + "\(other.status.label)")
      }
    }
    if evidence.contains(where: { ($0.weight ?? 1) < 1 }) {
      let other = assess(
        requirement: requirement, skill: skill, evidence: evidence, rank: rank,
        roleSize: roleSize, settings: settings, questionWeights: false)
      if other.status != result.status {
        notes.append(
          "the question weights made it \(result.status.label); with every question at full "
            + "weight it would be \(other.status.label)")
      }
    }
    return notes.isEmpty ? nil : notes.joined(separator: "; ")
  }

  /// A conflict that a check recorded after it settles (the buddy's skill check the plan
  /// schedules for a conflicting skill, recorded as `manual` evidence dated after every rating
  /// in the conflict): the level is the check's, whatever it shows, and the conflict stays listed
  /// as settled. Nil when the other evidence has no conflict or no check is dated after it
  /// (undated evidence cannot be ordered).
  static func settled(
    _ result: SkillAssessment, requirement: SkillRequirement, skill: Skill, evidence: [Evidence],
    rank: Int, roleSize: Int, settings: AnalysisSettings
  ) -> SkillAssessment? {
    // The conflict is the one the evidence other than the dated manual checks shows: a check
    // that sides with one reading (a level 2 beside interviews of 2 and a test of 4.3), or lies
    // beyond both, is no side of the conflict it settles (it had made itself one, and settled
    // nothing).
    func isDatedCheck(_ item: Evidence) -> Bool {
      item.source == .manual && item.date != nil && item.proficiency != nil
    }
    let datedChecks = evidence.filter(isDatedCheck)
    guard !datedChecks.isEmpty else { return nil }
    let others = evidence.filter { !isDatedCheck($0) }
    guard
      let conflict = assess(
        requirement: requirement, skill: skill, evidence: others, rank: rank,
        roleSize: roleSize, settings: settings, questionWeights: true
      ).conflict
    else { return nil }
    let involved = others.filter { $0.proficiency != nil }.filter { item in
      conflict.amongAssessors
        ? item.source == .interview
        : item.source.rawValue == conflict.high.name || item.source.rawValue == conflict.low.name
    }
    guard let latest = involved.compactMap(\.date).max(),
      involved.allSatisfy({ $0.date != nil })
    else { return nil }
    let checks = datedChecks.filter { item in item.date.map { $0 > latest } ?? false }
    guard !checks.isEmpty else { return nil }
    var decided = assess(
      requirement: requirement, skill: skill, evidence: checks, rank: rank, roleSize: roleSize,
      settings: settings, questionWeights: true)
    guard decided.conflict == nil, let observed = decided.observed else { return nil }
    decided.evidence = result.evidence
    decided.percentileRanks = result.percentileRanks
    decided.integrityFlags = result.integrityFlags
    let who = listText(
      Array(Set(checks.map { $0.assessor ?? $0.instrument })).sorted())
    let when = checks.compactMap(\.date).max().map { " of \($0.shortText)" } ?? ""
    decided.settledNote =
      "settled: \(who)'s check\(when) shows level \(formatNumber(observed.level)), recorded after "
      + "the evidence that disagreed (\(conflict.high.text) vs \(conflict.low.text))"
    return decided
  }

  static func findConflict(in levels: [SourceLevel], threshold: Double, amongAssessors: Bool)
    -> Conflict?
  {
    guard levels.count >= 2,
      let high = levels.max(by: { ($0.level, $1.name) < ($1.level, $0.name) }),
      let low = levels.min(by: { ($0.level, $0.name) < ($1.level, $1.name) })
    else { return nil }
    let spread = high.level - low.level
    guard spread >= threshold else { return nil }
    return Conflict(spread: round2(spread), high: high, low: low, amongAssessors: amongAssessors)
  }

  /// A total order on evidence, so that the order of input rows never changes a report.
  static func canonicalOrder(_ a: Evidence, _ b: Evidence) -> Bool {
    let ka = [a.source.rawValue, a.instrument, a.assessor ?? "", a.rawValue, a.origin.description]
    let kb = [b.source.rawValue, b.instrument, b.assessor ?? "", b.rawValue, b.origin.description]
    return ka.lexicographicallyPrecedes(kb)
  }

  static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.sorted().reduce(0, +) / Double(values.count)
  }
}

func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
