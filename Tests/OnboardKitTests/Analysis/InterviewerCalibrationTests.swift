import Foundation
import Testing

@testable import OnboardKit

/// Interviewer calibration over a generated cohort in which one interviewer rates every answer
/// a known offset higher than the others (issue 19, point 4).
@Suite struct InterviewerCalibrationTests {
  static let interviewers = ["Ana Ortiz", "Ben Okafor", "Chen Wei", "Dara Byrne", "Eli Stone"]
  static let biased = "Chen Wei"
  static let offset = 1.0
  /// The report must find the offset within this many levels.
  static let tolerance = 0.2

  static let skills = ["sql", "rest", "git"].map {
    Skill(id: $0, name: $0.uppercased(), kind: .technical)
  }
  static let role = RoleProfile(
    title: "Role",
    requirements: skills.enumerated().map {
      SkillRequirement(skillID: $1.id, priority: $0 + 1, tier: .essential, targetLevel: 3)
    })

  /// `hires` hires, each rated on every skill by 3 of the 5 interviewers; true levels 1.5–3.5,
  /// a whole rating of true level + noise (± 0.5), the biased interviewer + `offset`.
  static func cohort(hires: Int, seed: UInt64) -> [GapReport] {
    var rng = SeededGenerator(seed: seed)
    var reports: [GapReport] = []
    for index in 0..<hires {
      let key = "hire\(index)@example.com"
      let panel = rng.subset(interviewers, count: 3)
      var evidence: [Evidence] = []
      for skill in skills {
        let truth = 1.5 + Double(rng.int(0...20)) / 10
        for name in panel {
          let noise = Double(rng.int(-5...5)) / 10
          let bias = name == biased ? offset : 0
          let rating = min(5, max(1, (truth + noise + bias).rounded()))
          evidence.append(
            Evidence(
              hireKey: key, skillID: skill.id, source: .interview, instrument: "q-\(skill.id)",
              rawValue: formatNumber(rating), scale: .rubric,
              proficiency: Proficiency(level: rating), assessor: name,
              origin: SourceLocation(file: "generated.csv", line: index + 2)))
        }
      }
      reports.append(
        GapAnalysis.analyze(
          hireKey: key, role: role,
          skills: Dictionary(uniqueKeysWithValues: skills.map { ($0.id, $0) }),
          evidence: evidence))
    }
    return reports
  }

  @Test func findsTheBiasedInterviewerWithinTheTolerance() throws {
    let reports = Self.cohort(hires: 200, seed: 19)
    let calibration = InterviewerCalibration(reports: reports)
    let overall = calibration.rows.filter { $0.skillID == nil }
    #expect(overall.count == Self.interviewers.count)
    let biased = try #require(overall.first { $0.interviewer == Self.biased })
    // Against two co-interviewers, of whom none is biased: the full offset.
    #expect(abs(biased.meanDifference - Self.offset) <= Self.tolerance)
    #expect(biased.note?.contains("rates 1") == true)
    #expect(biased.note?.contains("higher") == true)
    #expect(biased.note?.contains("no level was changed") == true)
    for row in overall where row.interviewer != Self.biased {
      // The others sit with the biased one a third of the time or so: about −offset/2 × 3/5·1/2.
      #expect(abs(row.meanDifference) < 0.5, "\(row.interviewer): \(row.meanDifference)")
      #expect(row.note == nil)
    }
    // Per skill too.
    for skill in Self.skills {
      let row = try #require(
        calibration.rows.first { $0.interviewer == Self.biased && $0.skillID == skill.id })
      #expect(abs(row.meanDifference - Self.offset) <= 0.3)
    }
  }

  @Test func aTallyFedOneReportAtATimeGivesTheSameReport() {
    let reports = Self.cohort(hires: 40, seed: 7)
    var tally = InterviewerCalibration.Tally()
    for report in reports { tally.add(report.withoutEvidence) }
    #expect(tally.calibration() == InterviewerCalibration(reports: reports))
  }

  @Test func fewComparisonsGetNoNoteEvenWhenLarge() throws {
    let reports = Self.cohort(hires: 1, seed: 3)
    let calibration = InterviewerCalibration(reports: reports, minimumComparisons: 5)
    #expect(calibration.notable.isEmpty)
    #expect(calibration.rows.allSatisfy { $0.comparisons <= 3 })
  }

  @Test func rendersEveryRowAndTheNotes() throws {
    let calibration = InterviewerCalibration(reports: Self.cohort(hires: 60, seed: 11))
    let table = CalibrationText.table(calibration)
    let markdown = CalibrationText.markdown(calibration)
    let html = CalibrationText.htmlSection(calibration)
    for row in calibration.rows {
      #expect(markdown.contains("| \(row.interviewer) |"))
    }
    #expect(table.contains("Note: Chen Wei rates 1"))
    #expect(markdown.contains("- **Note:** Chen Wei rates"))
    #expect(html.contains("<h2 id=\"calibration-h\">Interviewer calibration</h2>"))
    let json = try JSONSerialization.jsonObject(with: CalibrationText.json(calibration))
    let object = try #require(json as? [String: Any])
    #expect(object["schema"] as? String == "onboard.calibration/1")
    #expect((object["rows"] as? [Any])?.count == calibration.rows.count)
  }
}
