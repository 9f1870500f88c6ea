import Foundation
import Testing

@testable import OnboardKit

/// Inputs the fuzz harnesses (`.ci/fuzz`, `Tests/Fuzz/`) once failed on, kept in
/// `Fixtures/fuzz-regressions/` and named after their harness. Each must import with errors that
/// point into the file (line and column, or a JSON path) and print on one line.
@Suite struct FuzzRegressionTests {
  static let folder = "Fixtures/fuzz-regressions"
  static var files: [String] {
    (try? FileManager.default.contentsOfDirectory(
      atPath: RepositoryFiles.url(folder).path))?.sorted() ?? []
  }

  /// The errors an input gives through the importer its harness drives.
  static func errors(_ name: String) throws -> [InputError] {
    let source = try RepositoryFiles.source("\(folder)/\(name)")
    do {
      if name.hasPrefix("roster-") { return try RosterImport.parse(source).errors }
      return try EvidenceImport.parse(source, skills: try RepositoryFiles.library().skillIndex)
        .allErrors
    } catch let error as InputErrors {
      return error.errors
    }
  }

  @Test func theFolderHasTheKnownFindings() {
    #expect(Self.files.count >= 5)
  }

  @Test(arguments: files) func errorsArePreciseAndSingleLine(_ name: String) throws {
    let errors = try Self.errors(name)
    #expect(!errors.isEmpty, "\(name) should still be refused")
    for error in errors {
      let location = error.location
      #expect(
        location.jsonPath != nil || (location.line != nil && location.column != nil),
        "\(error)")
      #expect(!error.description.contains("\n") && !error.description.contains("\r"), "\(error)")
    }
  }

  @Test func aRaggedRowIsARowErrorWithTheCountsAndTheOtherHiresGoOn() throws {
    let text =
      "Candidate Email,Interviewer,Interview Date,Competency,Rating\na@example.org,Ada\n"
      + "b@example.org,Ada,2026-10-01,Git,4,extra\nc@example.org,Ada,2026-10-01,Git,4\n"
    let result = try EvidenceImport.parse(
      SourceFile(path: "short.csv", text: text), skills: try RepositoryFiles.library().skillIndex)
    let short = try #require(result.rowErrors["a@example.org"]?.first)
    #expect(
      short.description
        == "short.csv:2:1: error: the row has 2 cells, the header has 5; expected one cell per column (a truncated file, or a comma in a value without quotes?)"
    )
    let long = try #require(result.rowErrors["b@example.org"]?.first)
    #expect(long.message.hasPrefix("the row has 6 cells, the header has 5"))
    #expect(result.evidence.map(\.hireKey) == ["c@example.org"])
  }

  @Test func aJSONKeyWithALineBreakIsEscapedInThePath() {
    #expect(JSONNode.path("$", key: "a\nb\"c\u{7}") == #"$["a\nb\"c\u0007"]"#)
    #expect(JSONNode.path("$", key: "name") == "$.name")
  }
}

extension FuzzRegressionTests {
  /// A `points/N` scale with an N beyond `Int.max` once trapped while writing its error message.
  @Test func hugeNumbersFormatWithoutTrapping() throws {
    #expect(formatNumber(4.888_888_888_888_888_9e19) == "48888888888888885248")
    #expect(formatNumber(-1e300).hasPrefix("-1000000000"))
    #expect(formatNumber(.infinity) == "inf")
    #expect(formatNumber(40) == "40")
    #expect(formatNumber(2.5) == "2.5")
    let text = "email,skill,value,scale\na@example.org,git,-1,points/48888888888888888880\n"
    let result = try EvidenceImport.parse(
      SourceFile(path: "p.csv", text: text), skills: try RepositoryFiles.library().skillIndex)
    let error = try #require(result.allErrors.first)
    #expect(error.description.hasPrefix("p.csv:2:19: error: column `value`: found `-1`"))
    #expect(error.message.contains("expected a value from 0 to 48888888888888885248"))
  }
}

extension FuzzRegressionTests {
  /// An epoch number too large for an `Int` day once would have trapped; it is an error now.
  @Test func anEpochDateBeyondYear9999IsAnError() throws {
    let text = """
      [{"candidate_email": "a@example.org", "submitted_at": 1e300,
        "attributes": [{"name": "Git", "rating": "yes"}]}]
      """
    let result = try EvidenceImport.parse(
      SourceFile(path: "g.json", text: text), skills: try RepositoryFiles.library().skillIndex)
    let error = try #require(result.allErrors.first)
    #expect(
      error.description.hasPrefix(
        "g.json:1:55 ($[0].submitted_at): error: found the number `1e300`"))
    #expect(error.message.contains("expected a date such as `2026-10-14T15:32:10Z`"))
    #expect(result.evidence.isEmpty)
  }
}
