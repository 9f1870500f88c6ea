import Foundation
import Testing

@testable import OnboardKit

/// Properties of `GapAnalysis.analyze` over generated roles and evidence (issue 4, "Done when").
@Suite struct GapAnalysisPropertyTests {
  static let cases = 400

  @Test func raisingAScoreNeverRaisesSeverityNorLowersTheLevel() {
    var raised = 0
    forAllSeeds(Self.cases, salt: 1) { seed, rng in
      let input = AnalysisGen.analysisCase(&rng)
      let candidates = input.evidence.indices.filter {
        let e = input.evidence[$0]
        guard e.hireKey == AnalysisCase.hireKey, e.proficiency != nil, let raw = Double(e.rawValue)
        else { return false }
        return raw < Double(AnalysisGen.bounds(of: e.scale).upperBound)
      }
      guard !candidates.isEmpty else { return nil }
      let index = rng.pick(candidates)
      let old = input.evidence[index]
      let oldRaw = Double(old.rawValue) ?? 0
      let newRaw = Double(rng.int((Int(oldRaw) + 1)...AnalysisGen.bounds(of: old.scale).upperBound))
      var higher = input
      higher.evidence[index] = AnalysisGen.with(old, raw: newRaw)
      let before = input.analyze().assessment(of: old.skillID)
      let after = higher.analyze().assessment(of: old.skillID)
      raised += 1
      guard let before, let after, let b = before.observed, let a = after.observed else {
        return "\(old.skillID) lost its assessment after raising \(old.rawValue) → \(newRaw)"
      }
      if a < b {
        return "level fell from \(b.level) to \(a.level) raising \(old.rawValue)→\(newRaw)"
      }
      if (after.severity ?? 0) > (before.severity ?? 0) {
        return "severity rose from \(before.severity ?? 0) to \(after.severity ?? 0) raising "
          + "\(old.rawValue) → \(newRaw) on \(old.scale) (\(old.skillID))"
      }
      return nil
    }
    #expect(raised > Self.cases / 2)
  }

  @Test func theOrderOfEvidenceRowsNeverChangesTheReport() throws {
    try forAllSeeds(Self.cases, salt: 2) { _, rng in
      let input = AnalysisGen.analysisCase(&rng)
      var shuffled = input
      shuffled.evidence = rng.shuffled(input.evidence)
      let (a, b) = (input.analyze(), shuffled.analyze())
      if a != b { return "reports differ after shuffling the evidence" }
      let hire = AnalysisGen.hire()
      let ja = try PlanDocument.ReportDocument.encode([.init(hire: hire, report: a)])
      let jb = try PlanDocument.ReportDocument.encode([.init(hire: hire, report: b)])
      return ja == jb ? nil : "JSON differs after shuffling the evidence"
    }
  }

  @Test func theSameInputsGiveByteIdenticalJSON() throws {
    try forAllSeeds(Self.cases, salt: 3) { seed, _ in
      // Two independent builds of the same case from the same seed.
      var first = SeededGenerator(seed: seed)
      var second = SeededGenerator(seed: seed)
      let a = AnalysisGen.analysisCase(&first).analyze()
      let b = AnalysisGen.analysisCase(&second).analyze()
      let hire = AnalysisGen.hire()
      let ja = try PlanDocument.ReportDocument.encode([.init(hire: hire, report: a)])
      let jb = try PlanDocument.ReportDocument.encode([.init(hire: hire, report: b)])
      let again = try PlanDocument.ReportDocument.encode([.init(hire: hire, report: a)])
      return ja == jb && ja == again ? nil : "the JSON of the same input differs"
    }
  }

  @Test func removingAllEvidenceOfASkillMakesItUnassessed() {
    forAllSeeds(Self.cases, salt: 4) { _, rng in
      let input = AnalysisGen.analysisCase(&rng)
      let skillID = rng.pick(input.role.requirements).skillID
      var without = input
      without.evidence.removeAll { $0.skillID == skillID && $0.hireKey == AnalysisCase.hireKey }
      let report = without.analyze()
      guard let a = report.assessment(of: skillID) else { return "\(skillID) missing" }
      if a.status != .unassessed || a.levelStatus != .unassessed {
        return "\(skillID) is \(a.status) without evidence"
      }
      if a.observed != nil || a.severity != nil || a.shortfall != nil || a.confidence != 0 {
        return "\(skillID) has a level, shortfall, severity or confidence without evidence"
      }
      if report.weakAreas.contains(where: { $0.skill.id == skillID }) {
        return "\(skillID) is a weak area without evidence"
      }
      if a.requirement.tier == .essential, !report.unassessedEssentials.contains(a) {
        return "essential \(skillID) is not listed among the unassessed essentials"
      }
      // The other skills do not change.
      let full = input.analyze()
      for other in full.assessments where other.skill.id != skillID {
        if report.assessment(of: other.skill.id) != other {
          return "removing \(skillID)'s evidence changed \(other.skill.id)"
        }
      }
      return nil
    }
  }

  @Test func percentileOnlyEvidenceIsUnassessedWithItsRanks() {
    forAllSeeds(Self.cases, salt: 5) { _, rng in
      var input = AnalysisGen.analysisCase(&rng)
      let skillID = rng.pick(input.role.requirements).skillID
      input.evidence.removeAll { $0.skillID == skillID && $0.hireKey == AnalysisCase.hireKey }
      let ranks = (0..<rng.int(1...3)).map { _ in Double(rng.int(0...100)) }
      for (offset, rank) in ranks.enumerated() {
        input.evidence.append(
          AnalysisGen.evidence(
            skillID: skillID, source: .test, scale: .percentile, raw: rank,
            instrument: rng.pick(AnalysisGen.tests), assessor: nil, line: 900 + offset))
      }
      let report = input.analyze()
      guard let a = report.assessment(of: skillID) else { return "\(skillID) missing" }
      if a.status != .unassessed || a.observed != nil || a.severity != nil {
        return
          "percentile ranks \(ranks) gave \(skillID) status \(a.status), level \(a.observed?.level ?? -1)"
      }
      if a.percentileRanks != ranks.sorted() {
        return "ranks \(a.percentileRanks), expected \(ranks.sorted())"
      }
      if a.evidence.count != ranks.count { return "the ranks are not listed as evidence" }
      return nil
    }
  }

  @Test func weakAreasRankBySeverityThenPriority() {
    var ties = 0
    forAllSeeds(Self.cases, salt: 6) { _, rng in
      let report = AnalysisGen.analysisCase(&rng, maxSkills: 8, wholeLevels: true).analyze()
      let weak = report.weakAreas
      let expected = Set(
        report.assessments.filter { [.gap, .criticalGap].contains($0.levelStatus) }.map(\.skill.id))
      if Set(weak.map(\.skill.id)) != expected || weak.count != expected.count {
        return "weak areas \(weak.map(\.skill.id)), expected the gaps \(expected.sorted())"
      }
      for (a, b) in zip(weak, weak.dropFirst()) {
        let (sa, sb) = (a.severity ?? -1, b.severity ?? -1)
        if sa < sb { return "\(a.skill.id) (\(sa)) ranked before \(b.skill.id) (\(sb))" }
        if sa == sb {
          ties += 1
          if a.requirement.priority > b.requirement.priority {
            return "equal severity \(sa): priority \(a.requirement.priority) before "
              + "\(b.requirement.priority)"
          }
        }
      }
      return nil
    }
    #expect(ties >= 20, "the generator should produce severity ties to exercise the rule")
  }
}
