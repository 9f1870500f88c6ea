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
}
