import Foundation
import Testing

@testable import OnboardKit

/// Issue 19 on the Fixtures hires: Zoë's integrity flag where the manager decides, the weighted
/// general question, "what would settle it" in the skill check, and the cohort's calibration.
@Suite struct FixtureEvidenceTrustTests {
  let cohort: FixtureCohort
  init() throws { cohort = try FixtureCohort() }

  static let flag = "Mouse always in assessment window: No"

  func text(_ output: HireOutput, _ suffix: String) throws -> String {
    let file = try #require(output.files.first { $0.path.hasSuffix(suffix) })
    return String(decoding: file.data, as: UTF8.self)
  }

  @Test func zoesFlagIsInHerGapTableConflictLineBriefingAndHTML() throws {
    let output = try cohort.output(for: try cohort.hire("zoe"))
    let sql = try #require(output.plan.report.assessment(of: "sql-databases"))
    #expect(sql.integrityFlags == [Self.flag])

    let markdown = try text(output, "plan.md")
    #expect(markdown.contains("| Databases & SQL ⚑ |"))
    #expect(markdown.contains("⚑ Taken with an integrity flag (“\(Self.flag)”): "))
    #expect(markdown.contains("test “SQL (Intermediate)” (Databases & SQL)"))
    #expect(
      markdown.contains(
        "**Conflicting evidence on Databases & SQL:** test 4.3, taken with an integrity flag: "
          + "“\(Self.flag)”, vs interview"))

    let briefing = try text(output, "manager-briefing.eml")
    #expect(briefing.contains("INTEGRITY FLAGS"))
    #expect(briefing.contains("Databases & SQL"))
    #expect(briefing.contains("Taken with an integrity flag"))

    let html = try text(output, "plan.html")
    #expect(html.contains("Databases &amp; SQL</bdi></a> <a class=\"flag\" href=\"#integrity-1\""))
    #expect(html.contains("<p id=\"integrity-1\" class=\"note\">"))
    #expect(html.contains("test 4.3, taken with an integrity flag: “\(Self.flag)”, vs interview"))
  }

  @Test func theSkillCheckAgendaSaysWhatWouldSettleIt() throws {
    let plan = try cohort.output(for: try cohort.hire("zoe")).plan
    let check = try #require(plan.item(id: "verify:sql-databases"))
    #expect(
      check.agenda.contains {
        $0.hasPrefix("What would settle it:")
          && $0.contains("a retake of “SQL (Intermediate)” without the integrity flag")
      })
    let security = try #require(plan.item(id: "verify:application-security"))
    #expect(security.agenda.contains { $0.contains("a third interviewer's rating") })
    // The check's own agenda never offers a skill check as the way to settle it, and says what
    // to do with the result.
    let siobhan = try cohort.output(for: try cohort.hire("siobhan")).plan
    let unassessed = try #require(siobhan.item(id: "verify:application-security"))
    #expect(!unassessed.agenda.joined().contains("skill check"))
    #expect(unassessed.agenda.last?.hasPrefix("Record the level the check shows") == true)
  }

  @Test func theGeneralQuestionIsWeightedDownAndTheLineShowsIt() throws {
    let report = try cohort.output(for: try cohort.hire("zoe")).plan.report
    let node = try #require(report.assessment(of: "nodejs"))
    let general = node.evidence.filter { $0.instrument.hasPrefix("be-technical-skills") }
    #expect(!general.isEmpty)
    #expect(general.allSatisfy { $0.weight == 0.25 })
    let line = try #require(general.first.map(GapSummaryMarkdown.evidenceLine))
    #expect(line.contains(" · weight 0.25 · "))
  }

  @Test func theFixturesCohortCalibrationMatchesAHandCount() throws {
    let reports = try cohort.hires.map {
      try Onboarding.report(for: $0, library: cohort.library, evidence: cohort.evidence.evidence).1
    }
    let calibration = InterviewerCalibration(reports: reports)
    // Recount by hand from the reports' per-interviewer levels.
    var sums: [String: (Double, Int)] = [:]
    var pairs = 0
    for report in reports {
      for a in report.assessments where a.assessorLevels.count >= 2 {
        pairs += 1
        for view in a.assessorLevels {
          let others = a.assessorLevels.filter { $0.name != view.name }.map(\.level)
          let difference = view.level - others.reduce(0, +) / Double(others.count)
          sums[view.name, default: (0, 0)].0 += difference
          sums[view.name, default: (0, 0)].1 += 1
        }
      }
    }
    #expect(pairs > 0 && calibration.comparedPairs == pairs)
    for (name, (total, count)) in sums {
      let row = try #require(calibration.rows.first { $0.interviewer == name && $0.skillID == nil })
      #expect(row.comparisons == count)
      #expect(abs(row.meanDifference - round2(total / Double(count))) < 1e-9)
    }
    // Zoë's application security: Hannah Okafor 4 against Ingrid 3, Lena 4, Mateo 2.
    let hannah = try #require(
      calibration.rows.first {
        $0.interviewer == "Hannah Okafor" && $0.skillID == "application-security"
      })
    #expect(hannah.comparisons >= 1)
    // No level changes: the reports are what they were.
    #expect(
      reports
        == (try cohort.hires.map {
          try Onboarding.report(
            for: $0, library: cohort.library, evidence: cohort.evidence.evidence
          )
          .1
        }))
  }
}
