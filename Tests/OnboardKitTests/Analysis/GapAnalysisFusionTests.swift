import Foundation
import Testing

@testable import OnboardKit

/// Importance, confidence and conflict detection of `GapAnalysis`, over generated inputs.
@Suite struct GapAnalysisFusionTests {
  static let cases = 300
  let settings = AnalysisSettings()

  /// Precondition: priorities are 1…roleSize. `roles.csv` accepts any distinct 1–1000, and a
  /// priority above the role's size gives a zero or negative importance (reported as a bug).
  @Test func importanceFallsWithPriorityAndRisesWithTier() {
    forAllSeeds(Self.cases, salt: 11) { _, rng in
      let size = rng.int(1...15)
      let p = rng.int(1...size)
      func importance(_ priority: Int, _ tier: Tier) -> Double {
        GapAnalysis.importance(
          of: SkillRequirement(skillID: "s", priority: priority, tier: tier, targetLevel: 3),
          roleSize: size, settings: settings)
      }
      for tier in Tier.allCases {
        let here = importance(p, tier)
        if here <= 0 { return "importance \(here) ≤ 0 at priority \(p) of \(size) (\(tier))" }
        if p < size, importance(p + 1, tier) > here {
          return "priority \(p + 1) is more important than \(p) of \(size) (\(tier))"
        }
      }
      let (e, i, n) = (
        importance(p, .essential), importance(p, .important), importance(p, .niceToHave)
      )
      if !(e >= i && i >= n) { return "tiers out of order at priority \(p): \(e), \(i), \(n)" }
      // An explicit weight wins over the derived importance.
      let weight = Double(rng.int(1...9)) / 2
      let explicit = GapAnalysis.importance(
        of: SkillRequirement(
          skillID: "s", priority: p, tier: .niceToHave, targetLevel: 3, weight: weight),
        roleSize: size, settings: settings)
      return explicit == weight ? nil : "explicit weight \(weight) gave \(explicit)"
    }
  }

  /// Independent sources (distinct tests or interviewers) for one skill at whole levels 1–5.
  static func sources(_ levels: [Int], skillID: String = "skill-1") -> [Evidence] {
    levels.enumerated().map { index, level in
      index % 2 == 0
        ? AnalysisGen.evidence(
          skillID: skillID, source: .test, scale: .percent, raw: Double(level * 20),
          instrument: "Test \(index)", assessor: nil, line: 10 + index)
        : AnalysisGen.evidence(
          skillID: skillID, source: .interview, scale: .rubric, raw: Double(level),
          instrument: "Interview", assessor: "Interviewer \(index)", line: 10 + index)
    }
  }

  static func assess(_ evidence: [Evidence]) -> SkillAssessment? {
    let role = RoleProfile(
      title: "R",
      requirements: [
        SkillRequirement(skillID: "skill-1", priority: 1, tier: .essential, targetLevel: 4)
      ])
    return GapAnalysis.analyze(
      hireKey: AnalysisCase.hireKey, role: role, skills: [:], evidence: evidence
    ).assessment(of: "skill-1")
  }

  @Test func confidenceGrowsWithAgreeingSourcesAndShrinksWithSpread() {
    forAllSeeds(Self.cases, salt: 12) { _, rng in
      let levels = (0..<rng.int(1...4)).map { _ in rng.int(1...5) }
      guard let base = Self.assess(Self.sources(levels))?.confidence else { return "no assessment" }
      if !(0...1).contains(base) { return "confidence \(base) outside 0...1 for \(levels)" }
      // One more source that agrees (inside the current range) never lowers confidence.
      let agreeing = rng.int((levels.min() ?? 1)...(levels.max() ?? 5))
      guard let more = Self.assess(Self.sources(levels + [agreeing]))?.confidence else {
        return "no assessment"
      }
      if more < base || (levels.count <= 3 && more <= base) {
        return "adding an agreeing source \(agreeing) to \(levels): \(base) → \(more)"
      }
      // Moving the highest source further up (same number of sources) never raises it.
      guard let top = levels.indices.max(by: { levels[$0] < levels[$1] }), levels[top] < 5,
        levels.count >= 2
      else { return nil }
      var wider = levels
      wider[top] = rng.int((levels[top] + 1)...5)
      guard let spread = Self.assess(Self.sources(wider))?.confidence else {
        return "no assessment"
      }
      return spread <= base ? nil : "widening \(levels) to \(wider): \(base) → \(spread)"
    }
  }

  @Test func confidenceExamples() {
    #expect(Self.assess(Self.sources([3]))?.confidence == 0.5)
    #expect(Self.assess(Self.sources([3, 3]))?.confidence == 0.75)
    #expect(Self.assess(Self.sources([3, 3, 3]))?.confidence == 0.88)
    #expect(Self.assess(Self.sources([1, 5]))?.confidence == 0.15)  // 0.75 × the 0.2 floor
    #expect(Self.assess(Self.sources([2, 4]))?.confidence == 0.38)  // 0.75 × 0.5
  }

  @Test func testVersusInterviewBeyondTheThresholdConflicts() {
    var conflicts = 0
    forAllSeeds(Self.cases, salt: 13) { _, rng in
      let highTest = rng.chance(0.5)
      let percents = (0..<rng.int(1...3)).map { _ in highTest ? rng.int(60...100) : rng.int(0...100)
      }
      let ratings = (0..<rng.int(1...2)).map { _ in highTest ? rng.int(1...3) : rng.int(1...5) }
      var evidence = percents.enumerated().map { i, p in
        AnalysisGen.evidence(
          skillID: "skill-1", source: .test, scale: .percent, raw: Double(p), instrument: "Quiz",
          assessor: nil, line: 10 + i)
      }
      evidence += ratings.enumerated().map { i, r in
        AnalysisGen.evidence(
          skillID: "skill-1", source: .interview, scale: .rubric, raw: Double(r),
          instrument: "Interview", assessor: "Ana Ortiz", line: 20 + i)
      }
      let test = Double(percents.reduce(0, +)) / Double(percents.count) / 20
      let interview = Double(ratings.reduce(0, +)) / Double(ratings.count)
      let spread = abs(test - interview)
      guard abs(spread - settings.sourceConflictLevels) > 1e-9,
        let a = Self.assess(rng.shuffled(evidence))
      else { return nil }
      if spread < settings.sourceConflictLevels {
        return a.status == .conflicting ? "test \(test) vs interview \(interview) conflicts" : nil
      }
      conflicts += 1
      guard a.status == .conflicting, let c = a.conflict, !c.amongAssessors else {
        return "test \(test) vs interview \(interview) is \(a.status), not conflicting"
      }
      let (high, low) = test > interview ? ("test", "interview") : ("interview", "test")
      if c.high.name != high || c.low.name != low || abs(c.spread - spread) > 0.006 {
        return "conflict \(c.summary), expected \(high) over \(low) by \(spread)"
      }
      return c.summary.contains("test") && c.summary.contains("interview")
        ? nil : "summary \(c.summary) does not name both"
    }
    #expect(conflicts > 50)
  }

  @Test func interviewersFarApartConflictAmongAssessors() {
    forAllSeeds(Self.cases, salt: 14) { _, rng in
      let names = rng.subset(AnalysisGen.assessors, count: rng.int(2...4))
      let ratings = names.map { _ in rng.int(1...5) }
      let evidence = zip(names, ratings).enumerated().map { i, pair in
        AnalysisGen.evidence(
          skillID: "skill-1", source: .interview, scale: .rubric, raw: Double(pair.1),
          instrument: "Interview", assessor: pair.0, line: 10 + i)
      }
      guard let a = Self.assess(rng.shuffled(evidence)) else { return "no assessment" }
      let (top, bottom) = (ratings.max() ?? 0, ratings.min() ?? 0)
      guard Double(top - bottom) >= settings.assessorConflictLevels else {
        return a.conflict == nil ? nil : "ratings \(ratings) conflict: \(a.conflict?.summary ?? "")"
      }
      guard a.status == .conflicting, let c = a.conflict, c.amongAssessors else {
        return "ratings \(ratings) by \(names) are \(a.status), not conflicting"
      }
      let highs = Set(zip(names, ratings).filter { $0.1 == top }.map(\.0))
      let lows = Set(zip(names, ratings).filter { $0.1 == bottom }.map(\.0))
      if !highs.contains(c.high.name) || !lows.contains(c.low.name)
        || c.spread != Double(top - bottom)
      {
        return "conflict \(c.summary) for ratings \(ratings) by \(names)"
      }
      return c.summary.contains(c.high.name) && c.summary.contains(c.low.name)
        ? nil : "summary \(c.summary) does not name both interviewers"
    }
  }
}
