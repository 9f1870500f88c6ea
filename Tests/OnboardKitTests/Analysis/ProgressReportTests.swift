import Foundation
import Testing

@testable import OnboardKit

/// `ProgressReport.markdown()` read as Markdown.
@Suite struct ProgressReportTests {
  /// A plan without gap skills gets a sentence, not an empty table with the sentence taken for
  /// its only row (a table's body runs until a blank line).
  @Test func aPlanWithoutGapSkillsHasNoEmptyTable() {
    let report = ProgressReport(
      hire: "José Ångström", email: "jose@example.org", role: "Backend Developer",
      asOf: "2027-02-10", lines: [])
    let text = report.markdown()
    #expect(text.contains("The plan had no gap skills to follow."))
    #expect(!text.contains("|---|"))
    let full = ProgressReport(
      hire: "José Ångström", email: "jose@example.org", role: "Backend Developer",
      asOf: "2027-02-10",
      lines: [
        ProgressReport.Line(
          skill: "sql", name: "SQL", target: 4, statusBefore: "gap", before: 3, now: 4,
          outcome: .reachedTarget, trainingDone: 1, trainingPlanned: 2, evidence: [])
      ])
    #expect(full.markdown().contains("| SQL | 4 | 3 | 4 | reached-target | 1 of 2 |"))
  }
}
