import Foundation
import Testing

@testable import OnboardKit

@Suite struct HackerRankImportTests {
  @Test func theFixtureImportsEachScoredCandidate() throws {
    let file = try JSONTestSupport.fixture("hackerrank-candidates.json")
    let result = try EvidenceImport.parse(file, skills: JSONTestSupport.skills())
    #expect(result.rowErrors.isEmpty, "\(result.allErrors)")
    #expect(
      result.evidence.map(\.hireKey)
        == [
          "zoe.mueller-luedenscheidt@example.org", "siobhan.oconnor@example.org",
          "jose.angstrom@example.org",
        ])
    #expect(
      result.evidence.allSatisfy {
        $0.source == .test && $0.scale == .percent && $0.skillID == "rest-apis"
          && $0.instrument == "REST API (Intermediate)" && $0.assessor == "HackerRank"
      })
    let zoe = try #require(result.evidence.first)
    #expect(zoe.rawValue == "82.5")
    #expect(abs((zoe.proficiency?.level ?? 0) - 4.125) < 1e-9)
    #expect(zoe.date == CalendarDate(year: 2026, month: 10, day: 2))
    #expect(zoe.note == nil)
    #expect(zoe.origin.jsonPath == "$.data[0].percentage_score")
    #expect(JSONTestSupport.text(at: zoe.origin, in: file.data).hasPrefix("82.5"))
  }

  @Test func plagiarismBecomesAnIntegrityNoteAndAWarning() throws {
    let result = try EvidenceImport.parse(
      JSONTestSupport.fixture("hackerrank-candidates.json"), skills: JSONTestSupport.skills())
    let siobhan = try #require(
      result.evidence.first { $0.hireKey == "siobhan.oconnor@example.org" })
    #expect(siobhan.note == "Integrity: plagiarism flagged by HackerRank")
    let warnings = result.diagnostics.filter { $0.severity == .warning }
    #expect(
      warnings.map(\.message) == [
        "Siobhan.OConnor@example.org: Integrity: plagiarism flagged by HackerRank"
      ])
  }

  @Test func aCandidateWithoutAScoreIsSkippedWithANote() throws {
    let result = try EvidenceImport.parse(
      JSONTestSupport.fixture("hackerrank-candidates.json"), skills: JSONTestSupport.skills())
    #expect(!result.evidence.contains { $0.hireKey == "ravi.kapoor@example.net" })
    // Status -1 is an invitation: the attempt is not completed, so its score 0 is no level.
    let skipped = try #require(result.skipped.first { $0.hireKey == "ravi.kapoor@example.net" })
    #expect(skipped.reason == .unfinished)
    #expect(
      skipped.message
        == "ravi.kapoor@example.net: status -1, the attempt is not completed (HackerRank completes an attempt with status 7); not imported"
    )
    #expect(skipped.location.jsonPath == "$.data[3].status")
  }

  func candidates(
    _ items: String, test: String = #""test": {"id": "1", "name": "SQL (Intermediate)"},"#
  ) -> String {
    "{" + test + #" "data": ["# + items + "]}"
  }

  @Test func aPercentageOutOfRangeOrNoNumberIsAnError() throws {
    for (value, found) in [
      ("120", "the number `120`"), (#""high""#, "the string `high`"), ("true", "`true`"),
    ] {
      let result = try JSONTestSupport.run(
        candidates(#"{"email": "a@b.co", "percentage_score": "# + value + "}"))
      let error = try #require(result.rowErrors["a@b.co"]?.first)
      #expect(error.message == "found \(found); expected a percentage from 0 to 100")
      #expect(error.location.jsonPath == "$.data[0].percentage_score")
    }
  }

  @Test func aMissingOrInvalidEmailIsSkippedAndSaid() throws {
    let result = try JSONTestSupport.run(
      candidates(
        #"{"full_name": "No Mail", "percentage_score": 50}, {"email": "nope", "percentage_score": 50}"#
      ))
    #expect(result.skipped.map(\.reason) == [.noEmail, .invalidEmail])
    #expect(result.skipped.first?.location.jsonPath == "$.data[0]")
    #expect(
      result.skipped.last?.message
        == "test candidate $.data[1]: found `nope`; expected the candidate's email address alone")
    #expect(result.fileSummaries.first?.unjoined == 2)
    #expect(result.evidence.isEmpty)
  }

  @Test func anUnknownTestForTheWholeFileIsAWarningOfEachCandidate() throws {
    let result = try JSONTestSupport.run(
      candidates(
        #"{"email": "a@b.co", "percentage_score": 50}"#,
        test: #""test": {"name": "Rust (Advanced)"},"#))
    let unknown = try #require(result.unknownNames.first)
    #expect(result.unknownNames.count == 1)
    #expect(unknown.hireKey == "a@b.co")
    #expect(unknown.location.jsonPath == "$.test.name")
    #expect(unknown.message.hasPrefix("unknown HackerRank test `Rust (Advanced)`"))
    #expect(result.evidence.isEmpty)
    var strict = result
    #expect(strict.applyStrict().isEmpty)
    #expect(strict.rowErrors["a@b.co"]?.first?.message.contains("--strict") == true)
  }

  @Test func aCandidatesOwnTestNameWinsAndScoreOfMaxGivesPoints() throws {
    let result = try JSONTestSupport.run(
      candidates(
        #"{"email": "a@b.co", "test_name": "Git", "score": 30, "max_score": 40, "status": "completed"}, "#
          + #"{"email": "c@d.co", "percentage_score": "64%"}"#))
    #expect(result.rowErrors.isEmpty)
    let git = try #require(result.evidence.first)
    #expect(git.skillID == "git")
    #expect(git.scale == .points(max: 40))
    #expect(git.proficiency?.level == 3.75)
    #expect(git.origin.jsonPath == "$.data[0].score")
    let sql = try #require(result.evidence.last)
    #expect(sql.skillID == "sql-databases")
    #expect(sql.proficiency?.level == 3.2)
  }

  /// A second invitation to the same test in one page is a retake, as it is across two files
  /// (QA8 F5: it was a row error that failed the hire): the later `attempt_endtime` counts.
  @Test func unfinishedStatusesAreSkippedAndARetakeInOneFileIsAnAttempt() throws {
    let result = try JSONTestSupport.run(
      candidates(
        #"{"email": "a@b.co", "percentage_score": 0, "status": "invited"}, "#
          + #"{"email": "c@d.co", "percentage_score": 70, "attempt_endtime": "2026-11-20T10:00:00Z"}, "#
          + #"{"email": "C@d.co", "percentage_score": 90, "attempt_endtime": "2026-10-01T10:00:00Z"}"#
      ))
    #expect(result.evidence.map(\.rawValue) == ["70"])
    #expect(
      result.skipped.first?.message
        == "a@b.co: status `invited`, the attempt is not completed (HackerRank completes an attempt with status 7); not imported"
    )
    #expect(result.rowErrors.isEmpty)
    let earlier = try #require(result.skipped.first { $0.reason == .earlierAttempt })
    #expect(earlier.location.jsonPath == "$.data[2].percentage_score", "\(earlier)")
    #expect(earlier.message.contains("the later one counts: 70 (2026-11-20"), "\(earlier.message)")
  }

  @Test func noTestNameAnywhereIsAnError() throws {
    let result = try JSONTestSupport.run(
      candidates(#"{"email": "a@b.co", "percentage_score": 50}"#, test: #""total": 1,"#))
    #expect(
      result.rowErrors["a@b.co"]?.first?.message
        == "no test; expected `test` (its id or name) or `test_name` on the candidate, or a top-level `test`"
    )
  }
}
