@testable import OnboardKit

/// One generated gap-analysis input: a role, its skills and a hire's evidence.
struct AnalysisCase {
  static let hireKey = "ada.lovelace@example.com"
  static let otherKey = "someone.else@example.com"

  var role: RoleProfile
  var skills: [String: Skill]
  var evidence: [Evidence]

  func analyze(settings: AnalysisSettings = AnalysisSettings()) -> GapReport {
    GapAnalysis.analyze(
      hireKey: AnalysisCase.hireKey, role: role, skills: skills, evidence: evidence,
      settings: settings)
  }

  /// The evidence of the hire (not the noise rows of another hire) for one skill.
  func hireEvidence(of skillID: String) -> [Int] {
    evidence.indices.filter {
      evidence[$0].skillID == skillID && evidence[$0].hireKey == AnalysisCase.hireKey
    }
  }
}

/// Generators for the gap analysis; every value comes from the seeded generator.
enum AnalysisGen {
  static let assessors = ["Ana Ortiz", "Ben Okafor", "Chen Wei", "Dara Byrne"]
  static let tests = ["TestGorilla SQL", "HackerRank Backend", "Codility Tasks"]

  /// A role of 1–`maxSkills` requirements with priorities 1…n (a permutation of the skills).
  ///
  /// Priorities are contiguous on purpose: see the report on non-contiguous priorities
  /// (`GapAnalysis.importance` turns negative when a priority exceeds the role's size).
  static func role(
    _ rng: inout SeededGenerator, maxSkills: Int = 6, explicitWeights: Bool = false
  ) -> (RoleProfile, [String: Skill]) {
    let count = rng.int(1...maxSkills)
    let ids = rng.shuffled((1...8).map { "skill-\($0)" }).prefix(count)
    var skills: [String: Skill] = [:]
    var requirements: [SkillRequirement] = []
    for (index, id) in ids.enumerated() {
      skills[id] = Skill(id: id, name: "Skill \(id.dropFirst(6))", kind: .technical)
      let weight: Double? = explicitWeights ? rng.pick([1.0, 2.0]) : nil
      requirements.append(
        SkillRequirement(
          skillID: id, priority: index + 1, tier: rng.pick(Tier.allCases),
          targetLevel: rng.int(1...5), weight: weight))
    }
    return (RoleProfile(title: "Generated Role", requirements: rng.shuffled(requirements)), skills)
  }

  /// A whole case: the role, 0–5 pieces of evidence per skill, and noise rows of another hire.
  /// `wholeLevels`: explicit weights 1 or 2 and one whole-level rating per skill, so that
  /// severities tie often.
  static func analysisCase(
    _ rng: inout SeededGenerator, maxSkills: Int = 6, wholeLevels: Bool = false,
    percentileChance: Double = 0.1
  ) -> AnalysisCase {
    let (role, skills) = role(&rng, maxSkills: maxSkills, explicitWeights: wholeLevels)
    var evidence: [Evidence] = []
    var line = 2
    for requirement in role.requirements {
      if wholeLevels {
        evidence.append(
          Self.evidence(
            skillID: requirement.skillID, source: .manual, scale: .level,
            raw: Double(rng.int(0...5)), instrument: "Code review", assessor: nil, line: line))
        line += 1
        continue
      }
      for _ in 0..<rng.int(0...5) {
        evidence.append(
          item(
            &rng, skillID: requirement.skillID, line: line, percentileChance: percentileChance))
        line += 1
      }
      if rng.chance(0.3) {
        var noise = item(&rng, skillID: requirement.skillID, line: line, percentileChance: 0)
        noise.hireKey = AnalysisCase.otherKey
        evidence.append(noise)
        line += 1
      }
    }
    return AnalysisCase(role: role, skills: skills, evidence: rng.shuffled(evidence))
  }

  /// One piece of evidence with a raw value on a scale that fits its source.
  static func item(
    _ rng: inout SeededGenerator, skillID: String, line: Int, percentileChance: Double
  ) -> Evidence {
    let source = rng.pick(EvidenceSource.allCases)
    let scale: EvidenceScale
    switch source {
    case .test:
      scale =
        rng.chance(percentileChance) ? .percentile : rng.pick([.percent, .points(max: 40)])
    case .interview: scale = rng.pick([.rubric, .greenhouse, .lever])
    case .manual: scale = .level
    }
    let raw = Double(rng.int(bounds(of: scale)))
    return evidence(
      skillID: skillID, source: source, scale: scale, raw: raw,
      instrument: source == .test ? rng.pick(tests) : "\(source.rawValue) rating",
      assessor: source == .interview ? rng.pick(assessors) : nil, line: line)
  }

  /// The whole-number raw values of a scale.
  static func bounds(of scale: EvidenceScale) -> ClosedRange<Int> {
    switch scale {
    case .percent, .percentile: 0...100
    case .points(let max): 0...Int(max)
    case .rubric, .greenhouse: 1...5
    case .level: 0...5
    case .lever: 1...4
    }
  }

  /// Evidence as an importer would build it: the proficiency comes from the scale.
  static func evidence(
    skillID: String, source: EvidenceSource, scale: EvidenceScale, raw: Double,
    instrument: String, assessor: String?, line: Int, hireKey: String = AnalysisCase.hireKey
  ) -> Evidence {
    Evidence(
      hireKey: hireKey, skillID: skillID, source: source, instrument: instrument,
      rawValue: formatNumber(raw), scale: scale, proficiency: scale.proficiency(of: raw),
      percentileRank: scale == .percentile ? raw : nil, assessor: assessor,
      origin: SourceLocation(file: "generated.csv", line: line, column: 3))
  }

  /// The same evidence with a new raw value on its scale.
  static func with(_ item: Evidence, raw: Double) -> Evidence {
    var copy = item
    copy.rawValue = formatNumber(raw)
    copy.proficiency = item.scale.proficiency(of: raw)
    return copy
  }

  /// A hire for rendering reports.
  static func hire(key: String = AnalysisCase.hireKey) -> Hire {
    Hire(
      firstName: "Ada", lastName: "Lovelace", email: key, role: "Generated Role",
      requestedStart: CalendarDate(year: 2027, month: 3, day: 1) ?? CalendarDate(dayNumber: 0),
      timeZone: "Europe/Berlin", location: "Berlin",
      manager: Person(name: "Grace Hopper", email: "grace@example.com"),
      buddy: Person(name: "Alan Turing", email: "alan@example.com"),
      origin: SourceLocation(file: "roster.csv", line: 2))
  }
}
