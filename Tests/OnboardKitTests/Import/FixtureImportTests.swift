import Foundation
import Testing

@testable import OnboardKit

/// The Fixtures/ exports import with the right values, scales, levels and origins.
@Suite struct FixtureImportTests {
  let library: PlanLibrary
  init() throws { library = try RepositoryFiles.library() }

  func evidence(_ file: String) throws -> EvidenceImportResult {
    try EvidenceImport.parse(try RepositoryFiles.source(file), skills: library.skillIndex)
  }

  @Test func rosterReadsFiveHiresWithTheirCalendars() throws {
    let (hires, errors) = try RosterImport.parse(try RepositoryFiles.source("Fixtures/roster.csv"))
    #expect(errors.isEmpty)
    #expect(hires.count == 5)
    let layla = try #require(RepositoryFiles.hire("layla", in: hires))
    #expect(layla.employment == .partTime)
    #expect(layla.workDays == [.monday, .tuesday, .wednesday])
    #expect(layla.timeZone == "Asia/Dubai")
    #expect(layla.origin.line == 6)
    let zoe = try #require(RepositoryFiles.hire("zoe", in: hires))
    #expect(zoe.firstName == "Zoë")
    #expect(zoe.requestedStart == CalendarDate(year: 2026, month: 12, day: 14))
    #expect(zoe.manager.name == "Ingrid Bergström")
  }

  @Test func testGorillaPercentagesBecomeLevelsWithCellOrigins() throws {
    let result = try evidence("Fixtures/testgorilla-candidates.csv")
    let zoeSQL = try #require(
      result.evidence.first { $0.hireKey.hasPrefix("zoe") && $0.instrument == "SQL (Intermediate)" }
    )
    #expect(zoeSQL.skillID == "sql-databases")
    #expect(zoeSQL.scale == .percent)
    #expect(zoeSQL.rawValue == "86%")
    #expect(zoeSQL.proficiency == Proficiency(fraction: 0.86))
    #expect(zoeSQL.origin.file == "Fixtures/testgorilla-candidates.csv")
    #expect(zoeSQL.origin.line == 2)
    // The integrity "No" travels with the candidate's evidence.
    #expect(zoeSQL.note?.contains("Mouse always in assessment window: No") == true)
  }

  @Test func decimalCommaIsAccepted() throws {
    let result = try evidence("Fixtures/testgorilla-candidates.csv")
    let sql = try #require(
      result.evidence.first { $0.hireKey.hasPrefix("siobhan") && $0.skillID == "sql-databases" })
    #expect(sql.rawValue == "75,5")
    #expect(abs((sql.proficiency?.level ?? 0) - 3.775) < 1e-9)
  }

  @Test func percentileScoresAreRanksNotLevels() throws {
    let result = try evidence("Fixtures/testgorilla-candidates.csv")
    let layla = result.evidence.filter { $0.hireKey.hasPrefix("layla") }
    #expect(!layla.isEmpty)
    #expect(
      layla.allSatisfy {
        $0.scale == .percentile && $0.proficiency == nil && $0.percentileRank != nil
      })
    #expect(result.diagnostics.contains { $0.message.contains("percentiles") })
  }

  @Test func onlyCompletedCandidatesAndPersonalityTestsSkippedWithNotes() throws {
    let result = try evidence("Fixtures/testgorilla-candidates.csv")
    #expect(result.rowErrors.isEmpty)
    #expect(
      result.skipped.contains { $0.reason == .unfinished && $0.message.contains("not Completed") })
    // The hiring team's star rating is known to carry no skill evidence: a note, not a warning.
    #expect(result.diagnostics.contains { $0.severity == .note && $0.message.contains("`Rating`") })
    #expect(result.diagnostics.contains { $0.message.contains("`DISC`") })
    #expect(!result.evidence.contains { $0.instrument == "DISC" })
  }

  @Test func interviewRatingsKeepInterviewerAndNotes() throws {
    let result = try evidence("Fixtures/interview-ratings.csv")
    #expect(result.rowErrors.isEmpty)
    let rating = try #require(
      result.evidence.first {
        $0.hireKey.hasPrefix("zoe") && $0.assessor == "Ingrid Bergström"
          && $0.skillID == "sql-databases"
      })
    #expect(rating.source == .interview)
    #expect(rating.scale == .rubric)
    #expect(rating.proficiency?.level == 2)
    #expect(rating.note?.contains("clustered") == true)
    #expect(rating.origin.line == 2)
    // A blank rating is "not rated": no evidence, never a zero, and a record not used that is
    // counted and named with its note (it had vanished from every count).
    #expect(!result.evidence.contains { $0.proficiency?.level == 0 })
    let blank = try #require(result.skipped.first { $0.reason == .notScored })
    #expect(result.skipped.filter { $0.reason == .notScored }.count == 1)
    #expect(blank.location.line == 13)
    #expect(blank.hireKey == "zoe.mueller-luedenscheidt@example.org")
    #expect(blank.message.contains("Sofia Lindqvist did not rate `Databases & SQL`"))
    #expect(blank.message.contains("Ran out of time"))
    #expect(result.fileSummaries.first?.skipped == ["no score": 1])
  }

  @Test func plainEvidenceUnderstandsPointsAndLevels() throws {
    let result = try evidence("Fixtures/evidence.csv")
    let points = try #require(result.evidence.first { $0.scale == .points(max: 40) })
    #expect(points.rawValue == "29")
    #expect(abs((points.proficiency?.fraction ?? 0) - 29.0 / 40) < 1e-12)
    #expect(result.evidence.contains { $0.scale == .level && $0.source == .manual })
  }

  @Test func demographicColumnsAreNeverRead() throws {
    let base = """
      First name,Last name,Email,Status,Scoring metric,SQL (Intermediate),Git
      Ana,Lima,ana@example.org,Completed,Percentage,70,80
      """
    let withDemographics = """
      First name,Last name,Email,Age,Gender,Nationality,Photo,Status,Scoring metric,SQL (Intermediate),Git
      Ana,Lima,ana@example.org,34,female,Brazilian,https://x.example/p.jpg,Completed,Percentage,70,80
      """
    let a = try EvidenceImport.parse(
      SourceFile(path: "a.csv", text: base), skills: library.skillIndex)
    let b = try EvidenceImport.parse(
      SourceFile(path: "a.csv", text: withDemographics), skills: library.skillIndex)
    let role = try #require(library.role(named: "Backend Developer"))
    let reportA = GapAnalysis.analyze(
      hireKey: "ana@example.org", role: role, skills: library.skillsByID, evidence: a.evidence)
    let reportB = GapAnalysis.analyze(
      hireKey: "ana@example.org", role: role, skills: library.skillsByID, evidence: b.evidence)
    #expect(reportA.assessments.map(\.observed) == reportB.assessments.map(\.observed))
    #expect(reportA.assessments.map(\.status) == reportB.assessments.map(\.status))
    #expect(
      b.diagnostics.allSatisfy { !$0.message.contains("Age") && !$0.message.contains("Gender") })
  }
}
