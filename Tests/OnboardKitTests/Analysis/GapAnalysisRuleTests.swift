import Foundation
import Testing

@testable import OnboardKit

/// Each rule of README "How the gap analysis decides", stated at its boundary with values worked
/// out by hand from the rule (not copied from a run). Golden files contain these rules too, but a
/// re-recording would hide a change; these tests would not.
@Suite struct GapAnalysisRuleTests {
  /// A level given directly (0–5), from a test of its own (`instrument`) or an interviewer.
  static func level(
    _ value: Double, source: EvidenceSource = .test, instrument: String = "Quiz",
    assessor: String? = nil, skillID: String = "s", line: Int = 2, date: CalendarDate? = nil
  ) -> Evidence {
    var evidence = AnalysisGen.evidence(
      skillID: skillID, source: source, scale: source == .interview ? .rubric : .level, raw: value,
      instrument: instrument, assessor: assessor, line: line)
    evidence.date = date
    return evidence
  }

  /// The day of a test sitting.
  static let sitting = CalendarDate(year: 2026, month: 11, day: 20)

  /// The assessment of one skill of a one-skill role.
  static func assess(
    _ evidence: [Evidence], target: Int = 4, tier: Tier = .essential,
    settings: AnalysisSettings = AnalysisSettings()
  ) throws -> SkillAssessment {
    let role = RoleProfile(
      title: "R",
      requirements: [SkillRequirement(skillID: "s", priority: 1, tier: tier, targetLevel: target)])
    let report = GapAnalysis.analyze(
      hireKey: AnalysisCase.hireKey, role: role, skills: [:], evidence: evidence,
      settings: settings)
    return try #require(report.assessment(of: "s"))
  }

  // MARK: Statuses and their thresholds

  @Test func onTargetAtExactlyTheTolerance() throws {
    // Target 4, level 3.5: shortfall 0.5 = the tolerance → on target; 0.6 short → a gap.
    #expect(try Self.assess([Self.level(3.5)]).status == .onTarget)
    #expect(try Self.assess([Self.level(3.5)]).shortfall == 0.5)
    #expect(try Self.assess([Self.level(3.4)]).status == .gap)
    // The same boundary reached through a percent score: 70 % = level 3.5.
    let percent = AnalysisGen.evidence(
      skillID: "s", source: .test, scale: .percent, raw: 70, instrument: "Quiz", assessor: nil,
      line: 2)
    #expect(try Self.assess([percent]).status == .onTarget)
  }

  @Test func strengthAtExactlyTheMargin() throws {
    // Target 3: level 3.75 is target + 0.75 → strength; 3.7 is only on target.
    #expect(try Self.assess([Self.level(3.75)], target: 3).status == .strength)
    #expect(try Self.assess([Self.level(3.7)], target: 3).status == .onTarget)
    #expect(try Self.assess([Self.level(3.75)], target: 3).shortfall == 0)
  }

  @Test func criticalGapOnlyForEssentialSkills() throws {
    // Target 4, level 2.5: shortfall 1.5 = the critical threshold.
    #expect(try Self.assess([Self.level(2.5)], tier: .essential).status == .criticalGap)
    #expect(try Self.assess([Self.level(2.5)], tier: .important).status == .gap)
    #expect(try Self.assess([Self.level(2.5)], tier: .niceToHave).status == .gap)
    #expect(try Self.assess([Self.level(0)], tier: .important).status == .gap)
    // 1.4 short on an essential skill is a gap, not critical.
    #expect(try Self.assess([Self.level(2.6)], tier: .essential).status == .gap)
  }

  @Test func unassessedWithoutALevel() throws {
    let none = try Self.assess([])
    #expect(none.status == .unassessed && none.observed == nil && none.shortfall == nil)
    #expect(none.confidence == 0 && none.severity == nil)
    // A percentile rank is a rank among candidates, not a level: still unassessed, rank kept.
    let ranked = AnalysisGen.evidence(
      skillID: "s", source: .test, scale: .percentile, raw: 90, instrument: "Quiz",
      assessor: nil, line: 2)
    let onlyRanked = try Self.assess([ranked])
    #expect(onlyRanked.status == .unassessed && onlyRanked.observed == nil)
    #expect(onlyRanked.percentileRanks == [90])
    // Evidence of another hire does not count.
    let other = AnalysisGen.evidence(
      skillID: "s", source: .test, scale: .level, raw: 4, instrument: "Quiz", assessor: nil,
      line: 3, hireKey: AnalysisCase.otherKey)
    #expect(try Self.assess([other]).status == .unassessed)
  }

  @Test func kindsOfEvidenceConflictFromOneAndAHalfLevelsApart() throws {
    // Test 4 vs interview 2.5: 1.5 apart → conflicting, both sides and the spread named.
    let apart = try Self.assess([
      Self.level(4), Self.level(2.5, source: .interview, instrument: "Interview", assessor: "Ana"),
    ])
    #expect(apart.status == .conflicting)
    let conflict = try #require(apart.conflict)
    #expect(!conflict.amongAssessors && conflict.spread == 1.5)
    #expect(conflict.high.name == "test" && conflict.low.name == "interview")
    #expect(conflict.summary == "test 4 vs interview 2.5 (1.5 levels apart)")
    // The level status is still the fused level's: (4 + 2.5) / 2 = 3.25, 0.75 short → gap.
    #expect(apart.levelStatus == .gap)
    // 1.4 apart is no conflict.
    let close = try Self.assess([
      Self.level(4), Self.level(2.6, source: .interview, instrument: "Interview", assessor: "Ana"),
    ])
    #expect(close.status != .conflicting && close.conflict == nil)
  }

  @Test func interviewersConflictFromTwoLevelsApart() throws {
    func interview(_ ana: Double, _ ben: Double) throws -> SkillAssessment {
      try Self.assess([
        Self.level(ana, source: .interview, instrument: "Interview", assessor: "Ana"),
        Self.level(ben, source: .interview, instrument: "Interview", assessor: "Ben", line: 3),
      ])
    }
    let apart = try interview(5, 3)
    #expect(apart.status == .conflicting)
    #expect(apart.conflict?.amongAssessors == true && apart.conflict?.spread == 2)
    #expect(apart.conflict?.high.name == "Ana" && apart.conflict?.low.name == "Ben")
    // 1.5 apart is a conflict between kinds, but not between two interviewers.
    #expect(try interview(4.5, 3).conflict == nil)
  }

  // MARK: Fusion

  /// A check recorded after interviewers who disagree (the buddy's skill check, `manual`
  /// evidence dated later) decides the level: the conflict is settled and named, not left open
  /// for ever (QA11 #1: recording the check the plan scheduled changed nothing). One dated on or
  /// before the last rating, or undated ratings, settle nothing.
  @Test func aLaterCheckSettlesAConflict() throws {
    let interviews = CalendarDate(year: 2026, month: 11, day: 20)!
    let ratings = [
      Self.level(2, source: .interview, instrument: "Interview", assessor: "Ana", date: interviews),
      Self.level(
        4, source: .interview, instrument: "Interview", assessor: "Ben", line: 3, date: interviews),
    ]
    func check(on day: CalendarDate) -> Evidence {
      Self.level(3, source: .manual, instrument: "Skill check", assessor: "Tom", line: 4, date: day)
    }
    let later = interviews.adding(days: 30)
    let settled = try Self.assess(ratings + [check(on: later)], target: 3)
    #expect(settled.status == .onTarget, "\(settled.status)")
    #expect(settled.conflict == nil)
    #expect(settled.observed?.level == 3)
    #expect(settled.evidence.count == 3, "all evidence is still listed")
    #expect(
      settled.settledNote
        == "settled: Tom's check of \(later.shortText) shows level 3, recorded after the evidence "
        + "that disagreed (Ben 4 vs Ana 2)", "\(settled.settledNote ?? "")")
    // Whatever level the check shows, beside one reading or beyond both, it decides (QA13
    // F12: a check of 2 or 4.5 made a new conflict of its own and settled nothing), and what
    // would settle it is no longer asked.
    for level in [2.0, 4.0, 5.0, 0.5] {
      let beside = Self.level(
        level, source: .manual, instrument: "Skill check", assessor: "Tom", line: 4, date: later)
      let decided = try Self.assess(ratings + [beside], target: 3)
      #expect(decided.conflict == nil, "\(level)")
      #expect(decided.observed?.level == level, "\(level)")
      #expect(decided.settledNote?.contains("shows level \(formatNumber(level))") == true)
      #expect(decided.settleIt == nil, "\(decided.settleIt ?? "")")
    }
    #expect(settled.settleIt == nil)
    // The same check on the day of the interviews, or ratings without dates: still a conflict.
    let sameDay = try Self.assess(ratings + [check(on: interviews)], target: 3)
    #expect(sameDay.status == .conflicting && sameDay.settledNote == nil)
    let undated = ratings.map { rating -> Evidence in
      var copy = rating
      copy.date = nil
      return copy
    }
    let unordered = try Self.assess(undated + [check(on: later)], target: 3)
    #expect(unordered.status == .conflicting && unordered.settledNote == nil)
    // A check without a date cannot be ordered: what would settle it asks for its date.
    var undatedCheck = check(on: later)
    undatedCheck.date = nil
    let noDate = try Self.assess(ratings + [undatedCheck], target: 3)
    #expect(noDate.status == .conflicting)
    #expect(
      noDate.settleIt?.hasPrefix(
        "What would settle it: the date of the manual check recorded without one")
        == true, "\(noDate.settleIt ?? "")")
  }

  /// The interviewer named behind most conflicts is the one far from the others, whatever the
  /// names (QA15 F10: with ratings of 1, 4 and 4 it named one of the two who agreed, because it
  /// counted both ends and broke the tie by name).
  @Test func theInterviewerBehindTheConflictsIsTheOutlier() throws {
    let skills = ["a", "b", "c", "d"]
    for (outlier, others) in [
      ("Mo", ["Ana", "Zed"]), ("Zed", ["Ana", "Bo"]), ("Ana", ["Bo", "Zoe"]),
    ] {
      var evidence: [Evidence] = []
      for (index, skill) in skills.enumerated() {
        evidence.append(
          Self.level(
            1, source: .interview, instrument: "Interview", assessor: outlier, skillID: skill,
            line: 10 * index + 2))
        for (offset, name) in others.enumerated() {
          evidence.append(
            Self.level(
              4, source: .interview, instrument: "Interview", assessor: name, skillID: skill,
              line: 10 * index + 3 + offset))
        }
      }
      let role = RoleProfile(
        title: "R",
        requirements: skills.enumerated().map {
          SkillRequirement(skillID: $1, priority: $0 + 1, tier: .essential, targetLevel: 3)
        })
      let report = GapAnalysis.analyze(
        hireKey: AnalysisCase.hireKey, role: role, skills: [:], evidence: evidence,
        settings: AnalysisSettings())
      #expect(report.conflicts.count == 4)
      #expect(report.oneInterviewersConflicts?.interviewer == outlier, "\(outlier) vs \(others)")
    }
  }

  @Test func interviewsAreAveragedPerInterviewerNotPerRow() throws {
    // Ana rates three questions 4, Ben one question 2: per interviewer (4 + 2) / 2 = 3;
    // per row it would be (4 + 4 + 4 + 2) / 4 = 3.5.
    let evidence = [
      Self.level(4, source: .interview, instrument: "Interview", assessor: "Ana", line: 2),
      Self.level(4, source: .interview, instrument: "Interview", assessor: "Ana", line: 3),
      Self.level(4, source: .interview, instrument: "Interview", assessor: "Ana", line: 4),
      Self.level(2, source: .interview, instrument: "Interview", assessor: "Ben", line: 5),
    ]
    let a = try Self.assess(evidence)
    #expect(try #require(a.observed).level == 3)
    #expect(a.assessorLevels.map(\.name) == ["Ana", "Ben"])
    #expect(a.assessorLevels.map(\.level) == [4, 2])
    #expect(a.assessorLevels.map(\.count) == [3, 1])
    #expect(a.sourceLevels.map(\.level) == [3])
    #expect(a.sourceLevels.map(\.count) == [4])
  }

  @Test func testsAreAveragedPerTestThenAcrossTests() throws {
    // Two rows of one test in one sitting (5 and 3 → 4) and one row of another test (2):
    // (4 + 2) / 2 = 3.
    let a = try Self.assess([
      Self.level(5, instrument: "Quiz A", line: 2, date: Self.sitting),
      Self.level(3, instrument: "Quiz A", line: 3, date: Self.sitting),
      Self.level(2, instrument: "Quiz B", line: 4),
    ])
    #expect(try #require(a.observed).level == 3)
  }

  @Test func kindsAreCombinedWithTheSourceWeights() throws {
    // Test 3 (weight 1) and manual 2 (weight 0.75): (3 + 1.5) / 1.75 = 2.571…
    let a = try Self.assess([Self.level(3), Self.level(2, source: .manual, instrument: "Review")])
    #expect(abs(try #require(a.observed).level - 4.5 / 1.75) < 1e-9)
    // Three interviewers never outvote one test: the interview kind counts once.
    let b = try Self.assess([
      Self.level(4),
      Self.level(3, source: .interview, instrument: "Interview", assessor: "Ana", line: 3),
      Self.level(3, source: .interview, instrument: "Interview", assessor: "Ben", line: 4),
      Self.level(3, source: .interview, instrument: "Interview", assessor: "Chen", line: 5),
    ])
    #expect(try #require(b.observed).level == 3.5)
    // The weights come from the settings: interview 3, test 1 → (4 + 9) / 4 = 3.25.
    var settings = AnalysisSettings()
    settings.sourceWeights["interview"] = 3
    let c = try Self.assess(
      [
        Self.level(4),
        Self.level(3, source: .interview, instrument: "Interview", assessor: "Ana", line: 3),
      ], settings: settings)
    #expect(try #require(c.observed).level == 3.25)
  }

  // MARK: Confidence

  @Test func confidenceFromIndependentSourcesAndTheirSpread() throws {
    // n = 3 (two tests and an interviewer), spread 1: (1 − 0.125) × (1 − 0.25) = 0.65625 → 0.66.
    let three = try Self.assess([
      Self.level(3, instrument: "Quiz A"), Self.level(4, instrument: "Quiz B", line: 3),
      Self.level(3.5, source: .interview, instrument: "Interview", assessor: "Ana", line: 4),
    ])
    #expect(three.confidence == 0.66)
    // Two rows of one test in one sitting (same date) are one source: n = 1 → 0.5.
    let oneTest = try Self.assess([
      Self.level(3, instrument: "Quiz A", date: Self.sitting),
      Self.level(3, instrument: "Quiz A", line: 3, date: Self.sitting),
    ])
    #expect(oneTest.confidence == 0.5)
    // Without a date each export record is a sitting of its own: two sources, n = 2 → 0.75.
    let twoSittings = try Self.assess([
      Self.level(3, instrument: "Quiz A"), Self.level(3, instrument: "Quiz A", line: 3),
    ])
    #expect(twoSittings.confidence == 0.75)
    // Spread 3.2 would give 0.2 = the floor; 4 apart also gives the floor: 0.75 × 0.2 = 0.15.
    let floor = try Self.assess([
      Self.level(5, instrument: "Quiz A"), Self.level(1, instrument: "Quiz B", line: 3),
    ])
    #expect(floor.confidence == 0.15)
  }

  // MARK: Importance and severity

  @Test func importanceIsTierWeightTimesRankFactor() {
    let settings = AnalysisSettings()
    func importance(_ priority: Int, _ tier: Tier, of size: Int) -> Double {
      GapAnalysis.importance(
        of: SkillRequirement(skillID: "s", priority: priority, tier: tier, targetLevel: 3),
        rank: priority, roleSize: size, settings: settings)
    }
    // Rank factor 1 for the first skill, 0.5 for the last, linear between: 1, 0.75, 0.5.
    #expect(importance(1, .essential, of: 3) == 3)
    #expect(importance(2, .important, of: 3) == 1.5)
    #expect(importance(3, .niceToHave, of: 3) == 0.5)
    #expect(importance(3, .essential, of: 3) == 1.5)
    // A one-skill role: the first is also the last; factor 1.
    #expect(importance(1, .important, of: 1) == 2)
  }

  @Test func severityIsShortfallTimesImportance() throws {
    // Backend role of three skills; every skill at level 1 of target 4 (shortfall 3).
    let role = RoleProfile(
      title: "R",
      requirements: [
        SkillRequirement(skillID: "a", priority: 1, tier: .essential, targetLevel: 4),
        SkillRequirement(skillID: "b", priority: 2, tier: .important, targetLevel: 4),
        SkillRequirement(skillID: "c", priority: 3, tier: .niceToHave, targetLevel: 4, weight: 2.5),
      ])
    let evidence = ["a", "b", "c"].enumerated().map { index, id in
      Self.level(1, skillID: id, line: 2 + index)
    }
    let report = GapAnalysis.analyze(
      hireKey: AnalysisCase.hireKey, role: role, skills: [:], evidence: evidence)
    // a: 3 × (3 × 1) = 9; b: 3 × (2 × 0.75) = 4.5; c: the explicit weight, 3 × 2.5 = 7.5.
    #expect(report.assessment(of: "a")?.severity == 9)
    #expect(report.assessment(of: "b")?.importance == 1.5)
    #expect(report.assessment(of: "b")?.severity == 4.5)
    #expect(report.assessment(of: "c")?.importance == 2.5)
    #expect(report.assessment(of: "c")?.severity == 7.5)
    // Weak areas by severity: a (9), c (7.5), b (4.5); not by priority.
    #expect(report.weakAreas.map(\.skill.id) == ["a", "c", "b"])
  }

  @Test func weakAreasTieOnSeverityKeepPriorityOrder() throws {
    // Equal explicit weights and shortfalls: severity ties, so priority decides (p1 before p2).
    let role = RoleProfile(
      title: "R",
      requirements: [
        SkillRequirement(skillID: "late", priority: 2, tier: .important, targetLevel: 4, weight: 2),
        SkillRequirement(
          skillID: "first", priority: 1, tier: .important, targetLevel: 4, weight: 2),
        SkillRequirement(skillID: "fine", priority: 3, tier: .important, targetLevel: 4, weight: 9),
      ])
    let evidence = [
      Self.level(2, skillID: "late"), Self.level(2, skillID: "first", line: 3),
      Self.level(3.5, skillID: "fine", line: 4),
    ]
    let report = GapAnalysis.analyze(
      hireKey: AnalysisCase.hireKey, role: role, skills: [:], evidence: evidence)
    // "fine" is on target (shortfall 0.5): no training, not a weak area, despite its weight.
    #expect(report.weakAreas.map(\.skill.id) == ["first", "late"])
    #expect(report.assessment(of: "fine")?.needsTraining == false)
  }
}
