import Foundation
import Testing

@testable import OnboardKit

/// The exports in Fixtures/vendor/, rebuilt from each vendor's public documentation (see
/// Fixtures/README.md), imported together as `onboard` does: every file read, then the joins.
@Suite struct VendorFixtureTests {
  static let folder = "Fixtures/vendor/"
  static let lever = "250d8f03-738a-4bba-a671-8a3d73477145-lever-feedback.json"

  func importing(_ names: [String], roster: Set<String> = []) throws -> EvidenceImportResult {
    let skills = try RepositoryFiles.library().skillIndex
    var result = EvidenceImportResult()
    for name in names {
      result.merge(
        try EvidenceImport.parse(
          RepositoryFiles.source(Self.folder + name), skills: skills, resolveJoins: false))
    }
    EvidenceImport.resolveJoins(&result, skills: skills, rosterEmails: roster)
    return result
  }

  /// A Harvest candidate with several addresses (John Locke: work, then personal) joins the
  /// hire of the roster who has any of them; without a roster, or with none of them on it, the
  /// first. (Joined on the first alone, a hire on the roster by the second address lost every
  /// scorecard, reported as a candidate not hired.)
  @Test func aCandidateJoinsTheRosterByAnyOfTheirAddresses() throws {
    let files = ["greenhouse-list-scorecards.json", "greenhouse-candidates.json"]
    for (roster, expected) in [
      (["test@example.com", "kate.austen@example.org"], "test@example.com"),
      (["kate.austen@example.org"], "john.locke@example.org"), ([], "john.locke@example.org"),
    ] {
      let result = try importing(files, roster: Set(roster))
      let keys = Set(result.evidence.compactMap(\.hireKey))
      #expect(keys == [expected, "kate.austen@example.org"], "\(roster)")
      #expect(result.evidence.filter { $0.hireKey == expected }.count == 3, "\(roster)")
    }
  }

  @Test func greenhouseScorecardsJoinThroughCandidatesInEitherOrder() throws {
    for order in [
      ["greenhouse-list-scorecards.json", "greenhouse-candidates.json"],
      ["greenhouse-candidates.json", "greenhouse-list-scorecards.json"],
    ] {
      let result = try importing(order)
      #expect(result.skipped.isEmpty, "\(result.skipped)")
      let john = result.evidence.filter { $0.hireKey == "john.locke@example.org" }
      #expect(john.map(\.instrument) == ["Communication", "Problem Solver", "Analytical"])
      #expect(john.map(\.rawValue) == ["yes", "no", "definitely_not"])
      #expect(john.map(\.skillID) == ["communication", "problem-solving", "problem-solving"])
      let communication = try #require(john.first)
      // `interviewed_at` (2016-08-18), not `submitted_at` (2014-03-26), dates the evidence.
      #expect(communication.date == CalendarDate(year: 2016, month: 8, day: 18))
      #expect(communication.assessor == "Robert Robertson")
      #expect(
        communication.note
          == "Application Review: What a great communicator!; Overall recommendation: Yes; "
          + "Key Take-Aways: Seems like a decent candidate.; "
          + "Does the candidate have experience designing APIs?: Yes; "
          + "Which team would you suggest for this candidate?: Alpha Team; "
          + "Where would the candidate be willing to work?: London, Dubai, San Diego")
      #expect(!(communication.note ?? "").contains("Private Notes"))
      let kate = result.evidence.filter { $0.hireKey == "kate.austen@example.org" }
      #expect(kate.first?.note?.contains("Overall recommendation: No") == true)
      #expect(kate.first?.date == CalendarDate(year: 2016, month: 1, day: 8))
      // Adaptable, Relationship Manager and Project Management are no skill: warnings, per hire.
      #expect(
        Set(result.unknownNames.map(\.name))
          == ["Adaptable", "Relationship Manager", "Project Management"])
      #expect(
        Set(result.unknownNames.compactMap(\.hireKey)) == [
          "john.locke@example.org", "kate.austen@example.org",
        ])
      #expect(result.rowErrors.isEmpty)
    }
  }

  @Test func theSingleScorecardJoinsThroughAnApplication() throws {
    let result = try importing([
      "greenhouse-retrieve-scorecard.json", "greenhouse-applications.json",
      "greenhouse-candidates.json",
    ])
    // candidate_id 2131415 is in no file; application 23558552 belongs to candidate 14271904.
    #expect(Set(result.evidence.map(\.hireKey)) == ["kate.austen@example.org"])
    #expect(result.evidence.count == 3)
    #expect(result.evidence.first?.origin.jsonPath == "$.attributes[0].rating")
  }

  @Test func theVerbatimDocumentationExamplesAloneJoinNobodyAndSaySo() throws {
    let result = try importing([
      "greenhouse-list-scorecards.json", "greenhouse-retrieve-scorecard.json",
      "greenhouse-list-candidates.json", "greenhouse-list-applications.json",
    ])
    #expect(result.evidence.isEmpty)
    #expect(result.skipped.count == 3)
    #expect(result.skipped.allSatisfy { $0.reason == .unresolvedID })
    let summary = try #require(
      result.fileSummaries.first { $0.path.hasSuffix("greenhouse-list-scorecards.json") })
    #expect(summary.records == 2)
    #expect(summary.unjoined == 2)
    #expect(summary.skipped == ["unresolved id": 2])
    #expect(summary.format == "Greenhouse Harvest scorecards")
  }

  @Test func leverFeedbackJoinsThroughTheOpportunityAndNamesTheInterviewer() throws {
    let result = try importing([Self.lever, "lever-users.json", "lever-opportunities.json"])
    let john = result.evidence.filter { $0.hireKey == "john.locke@example.org" }
    #expect(john.map(\.instrument) == ["Communication", "Technical depth"])
    // "Technical depth" is mapped by its description, "REST API Design".
    #expect(john.map(\.skillID) == ["communication", "rest-apis"])
    #expect(john.allSatisfy { $0.assessor == "Chandler Bing" })
    #expect(
      john.first?.note
        == "On-site interview; Notes / Comments: Clear explanations; asked about idempotency.")
    #expect(john.first?.date == CalendarDate(year: 2026, month: 10, day: 15))
    #expect(result.unknownNames.map(\.name) == ["Ownership"])
    #expect(result.skipped.map(\.reason) == [.deleted])
    #expect(result.diagnostics.contains { $0.message.contains("`Rating` is an overall rating") })
  }

  @Test func leverWithoutUsersShowsTheUserIDAndSaysHowToNameIt() throws {
    let result = try importing([Self.lever, "lever-opportunities.json"])
    #expect(
      result.evidence.first?.assessor == "Lever user 8d49b010-cc6a-4f40-ace5-e86061c677ed")
    #expect(result.diagnostics.contains { $0.message.contains("GET /users") })
  }

  @Test func hackerRankTestIDsJoinThroughTheTestsAndOnlyCompletedAttemptsImport() throws {
    for order in [
      ["hackerrank-test-candidates.json", "hackerrank-tests.json"],
      ["hackerrank-tests.json", "hackerrank-test-candidates.json"],
    ] {
      let result = try importing(order)
      let item = try #require(result.evidence.first)
      #expect(result.evidence.count == 1)
      #expect(item.hireKey == "john.locke@example.org")
      #expect(item.instrument == "REST API (Intermediate)")
      #expect(item.skillID == "rest-apis")
      #expect(item.proficiency?.level == 4.1)
      #expect(item.date == CalendarDate(year: 2026, month: 10, day: 2))
      #expect(item.note == "Integrity: HackerRank integrity status `flagged`")
      // Kate was only invited (status -1, score 0): no level 0, no critical gap.
      #expect(result.skipped.map(\.reason) == [.unfinished])
      #expect(result.skipped.first?.hireKey == "kate.austen@example.org")
    }
    let alone = try importing(["hackerrank-test-candidates.json"])
    let unknown = try #require(alone.unknownNames.first)
    #expect(unknown.name == "1385512")
    #expect(unknown.message.contains("GET /x/api/v3/tests"))
    #expect(alone.evidence.isEmpty)
  }

  @Test func codilityLinksSimilarityAndUnknownTasks() throws {
    let result = try importing(["codility-sessions.json"])
    let sql = try #require(result.evidence.first)
    #expect(result.evidence.count == 1)
    #expect(sql.hireKey == "kate.austen@example.org")
    #expect(sql.scale == .points(max: 100))
    #expect(sql.date == CalendarDate(year: 2026, month: 10, day: 3))
    #expect(
      sql.note
        == "Codility test at https://app.codility.com/api/tests/183344/; Integrity: Codility similarity check: suspicious"
    )
    let unknown = try #require(result.unknownNames.first)
    #expect(unknown.name == "PermMissingElem")
    #expect(unknown.message.contains("the test at https://app.codility.com/api/tests/183344/"))
  }

  @Test func testGorillaCurrentExportReadsBothMetricsAndTheCompletionDate() throws {
    let result = try importing(["testgorilla-export.csv"])
    let john = result.evidence.filter { $0.hireKey == "john.locke@example.org" }
    // Percentile: ranks, never levels.
    #expect(john.map(\.percentileRank) == [71, 62])
    #expect(john.allSatisfy { $0.proficiency == nil && $0.scale == .percentile })
    #expect(john.first?.date == CalendarDate(year: 2026, month: 10, day: 5))
    let kate = result.evidence.filter { $0.hireKey == "kate.austen@example.org" }
    // Raw score: percent correct.
    #expect(kate.map(\.rawValue) == ["78", "70", "80"])
    #expect(kate.allSatisfy { $0.scale == .percent })
    #expect(kate.first?.note == "Integrity: Webcam enabled?: No")
    #expect(kate.first?.date == CalendarDate(year: 2026, month: 10, day: 6))
    let notes = result.diagnostics.filter { $0.severity == .note }.map(\.message)
    #expect(notes.contains { $0.contains("`Your rating` is the hiring team's star rating") })
    #expect(notes.contains { $0.contains("is a qualifying question") })
    #expect(result.unknownNames.map(\.name) == ["Kotlin (Intermediate)"])
    #expect(result.skipped.map(\.reason) == [.invalidEmail, .unfinished])
    let summary = try #require(result.fileSummaries.first)
    #expect(summary.records == 4)
    #expect(summary.evidence == 5)
    #expect(summary.skipped == ["invalid email": 1, "not completed": 1])
    #expect(summary.unjoined == 1)
    #expect(summary.unknownNames == 1)
    #expect(
      summary.line
        == "Fixtures/vendor/testgorilla-export.csv: TestGorilla candidate export; 4 records, 5 evidence items; skipped: 1 invalid email, 1 not completed; 1 unknown name; 1 unjoined"
    )
  }

  @Test func aRecordWithoutAScoreIsSkippedAndCounted() throws {
    var result = try EvidenceImport.parse(
      SourceFile(
        path: "hr.json",
        text: #"{"test": {"name": "Git"}, "data": [{"email": "a@b.co", "status": 7}]}"#),
      skills: try RepositoryFiles.library().skillIndex)
    #expect(result.skipped.map(\.reason) == [.notScored])
    #expect(result.skipped.first?.message == "a@b.co: no score for test `Git`; not imported")
    #expect(result.fileSummaries.first?.skipped == ["no score": 1])
    #expect(result.fileSummaries.first?.unjoined == 0)
    #expect(
      result.planNotes(for: "a@b.co").first?.hasPrefix("Evidence not used (no score), hr.json")
        == true)
    // Not on the roster: the evidence of an email no hire has is skipped, one record per file.
    result = try EvidenceImport.parse(
      SourceFile(
        path: "p.csv", text: "email,skill,value,scale\nx@y.co,Git,4,level\nx@y.co,SQL,3,level\n"),
      skills: try RepositoryFiles.library().skillIndex)
    result.skipStrangers(roster: ["a@b.co"])
    #expect(result.evidence.isEmpty)
    #expect(result.skipped.map(\.reason) == [.notOnRoster])
    #expect(result.skipped.first?.description.hasPrefix("p.csv:2:") == true)
    #expect(result.skipped.first?.description.contains("note: skipped (not on the roster)") == true)
    #expect(result.fileSummaries.first?.unjoined == 1)
  }

  @Test func ordinalsAndPlurals() {
    #expect(
      [1, 2, 3, 4, 11, 12, 13, 21, 62, 71, 100, 111].map(ordinal)
        == [
          "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "62nd", "71st", "100th",
          "111th",
        ])
    #expect(ordinalRank(71) == "71st" && ordinalRank(81.5) == "81.5th")
    #expect(plural(1, "training session") == "1 training session")
    #expect(plural(7, "training session") == "7 training sessions")
  }
}
