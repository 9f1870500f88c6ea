import Foundation
import OnboardCSV
import Testing

@testable import OnboardKit

/// `EvidenceImport.stream` over a file read in small chunks gives what `parse` gives in memory.
@Suite struct StreamingImportTests {
  @Test(arguments: [
    "Fixtures/testgorilla-candidates.csv", "Fixtures/testgorilla-semicolon.csv",
    "Fixtures/interview-ratings.csv", "Fixtures/evidence.csv",
    "Fixtures/broken/testgorilla-duplicate-candidate.csv",
    "Fixtures/broken/testgorilla-header-only.csv",
  ])
  func streamingMatchesParsing(_ path: String) throws {
    let skills = try RepositoryFiles.library().skillIndex
    let parsed = try EvidenceImport.parse(try RepositoryFiles.source(path), skills: skills)
    var streamedEvidence: [Evidence] = []
    let reader = try CSVReader(contentsOf: RepositoryFiles.url(path), chunkSize: 7)
    let streamed = try EvidenceImport.stream(reader: reader, path: path, skills: skills) {
      streamedEvidence.append($0)
    }
    #expect(streamed.evidence.isEmpty, "streamed evidence goes to the closure only")
    #expect(streamedEvidence == parsed.evidence)
    #expect(streamed.diagnostics == parsed.diagnostics)
    #expect(streamed.allErrors == parsed.allErrors)
    #expect(!streamedEvidence.isEmpty || path.hasSuffix("header-only.csv"))
  }

  @Test func fileLevelProblemsAreThrown() throws {
    let path = "Fixtures/broken/testgorilla-truncated-quote.csv"
    let reader = try CSVReader(contentsOf: RepositoryFiles.url(path))
    #expect {
      _ = try EvidenceImport.stream(
        reader: reader, path: path, skills: try RepositoryFiles.library().skillIndex
      ) { _ in }
    } throws: { error in
      (error as? InputErrors)?.description.contains("\(path):3:95: error: unterminated") == true
    }
  }
}
