import Foundation
import Testing

@testable import OnboardKit

/// A TestGorilla export as a European spreadsheet writes it (BOM, CRLF, `;`, decimal commas) imports.
@Suite struct EuropeanExportTests {
  @Test func semicolonExportWithDecimalCommasImports() throws {
    let result = try EvidenceImport.parse(
      try RepositoryFiles.source("Fixtures/testgorilla-semicolon.csv"),
      skills: try RepositoryFiles.library().skillIndex)
    #expect(result.allErrors.isEmpty)
    let zoe = result.evidence.filter { $0.hireKey == "zoe.mueller-luedenscheidt@example.org" }
    #expect(zoe.map(\.skillID) == ["nodejs", "rest-apis", "git", "communication"])
    #expect(zoe.map(\.rawValue) == ["88,5", "91 %", "82", "74,25"])
    #expect(zoe.allSatisfy { $0.scale == .percent })
    #expect(zoe.first?.proficiency == EvidenceScale.percent.proficiency(of: 88.5))
    #expect(zoe.last?.proficiency == EvidenceScale.percent.proficiency(of: 74.25))
    #expect(zoe.first?.origin.description == "Fixtures/testgorilla-semicolon.csv:2:119")
    // Percentiles stay ranks; the invited candidate is skipped with a note.
    let siobhan = result.evidence.filter { $0.hireKey == "siobhan.oconnor@example.org" }
    #expect(siobhan.map(\.percentileRank) == [72, 68, 80, 81.5])
    #expect(siobhan.allSatisfy { $0.scale == .percentile })
    #expect(!result.evidence.contains { $0.hireKey == "lukas.becker@example.org" })
    #expect(
      result.skipped.contains {
        $0.reason == .unfinished && $0.message.contains("`Invited`, not Completed")
      })
  }

  /// A spreadsheet that rewrote the dates (`05/10/2026`, `05.10.2026`) is not guessed at (5
  /// October or 10 May?): each such cell is a warning at its line and column, naming what was
  /// found and expected, and the row's scores are imported undated; the next date column is
  /// still tried, and an ISO date with a time is read as before.
  @Test func datesASpreadsheetRewroteAreWarnedAtTheirCellNotDroppedInSilence() throws {
    let text = """
      First name;Email;Status;Scoring metric;Completion date;Last activity;Git
      Ana;ana@example.org;Completed;Raw score;05/10/2026;;70
      Ben;ben@example.org;Completed;Raw score;05.10.2026;2026-10-06;71
      Cai;cai@example.org;Completed;Raw score;2026-10-07 14:33;;72

      """
    let result = try EvidenceImport.parse(
      SourceFile(path: "dates.csv", data: Data(text.utf8)),
      skills: try RepositoryFiles.library().skillIndex)
    #expect(result.allErrors.isEmpty)
    let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.description)
    #expect(
      warnings == [
        "dates.csv:2:41: warning: ana@example.org: column `Completion date`: found `05/10/2026`; "
          + "expected the date as YYYY-MM-DD (TestGorilla's format, a time may follow); the "
          + "results are imported without this date",
        "dates.csv:3:41: warning: ben@example.org: column `Completion date`: found `05.10.2026`; "
          + "expected the date as YYYY-MM-DD (TestGorilla's format, a time may follow); the "
          + "results are imported without this date",
      ])
    let dates = Dictionary(
      result.evidence.map { ($0.hireKey, $0.date?.iso ?? "none") }, uniquingKeysWith: { a, _ in a })
    #expect(
      dates == [
        "ana@example.org": "none", "ben@example.org": "2026-10-06", "cai@example.org": "2026-10-07",
      ])
    #expect(result.evidence.count == 3)
  }
}
