import Foundation
import Testing

@testable import OnboardKit

@Suite struct CodilityImportTests {
  func fixtureResult() throws -> (EvidenceImportResult, SourceFile) {
    let file = try JSONTestSupport.fixture("codility-sessions.json")
    return (try EvidenceImport.parse(file, skills: JSONTestSupport.skills()), file)
  }

  @Test func theFixtureImportsEachEvaluatedTask() throws {
    let (result, file) = try fixtureResult()
    #expect(result.rowErrors.isEmpty, "\(result.allErrors)")
    // 8 evaluated tasks; `TodoListComponent` is no skill's alias: a warning, not evidence.
    #expect(result.evidence.count == 7)
    #expect(result.evidence.allSatisfy { $0.source == .test && $0.assessor == "Codility" })
    let zoe = result.evidence.filter { $0.hireKey == "zoe.mueller-luedenscheidt@example.org" }
    #expect(zoe.map(\.skillID) == ["sql-databases", "data-processing", "rest-apis"])
    let rest = try #require(zoe.last)
    #expect(rest.scale == .points(max: 50))
    #expect(rest.rawValue == "40")
    #expect(rest.proficiency?.level == 4)
    #expect(rest.date == CalendarDate(year: 2026, month: 10, day: 3))
    #expect(rest.note == "Codility test: Backend Engineer Screening")
    #expect(rest.origin.jsonPath == "$.sessions[0].tasks[2].result")
    #expect(JSONTestSupport.text(at: rest.origin, in: file.data).hasPrefix("40"))
  }

  @Test func aTaskThatIsNoSkillIsAWarningAndCountsForNoSkill() throws {
    let (result, _) = try fixtureResult()
    #expect(!result.evidence.contains { $0.hireKey == "layla.almansouri@example.org" })
    let unknown = try #require(result.unknownNames.first)
    #expect(unknown.name == "TodoListComponent")
    #expect(unknown.hireKey == "layla.almansouri@example.org")
    #expect(unknown.message.hasPrefix("unknown Codility task `TodoListComponent`"))
    #expect(unknown.message.contains("not counted for the skill of the test `JavaScript` either"))
  }

  /// Neither gives evidence, and neither goes in silence: each is a skipped record with its
  /// reason and place (a task not evaluated left its skill "nobody assessed" without a word).
  @Test func unevaluatedTasksAndUnfinishedSessionsAreSkippedAndNamed() throws {
    let (result, _) = try fixtureResult()
    let jose = result.evidence.filter { $0.hireKey == "jose.angstrom@example.org" }
    #expect(jose.map(\.instrument) == ["SQL", "REST API"])
    #expect(!result.evidence.contains { $0.hireKey == "ravi.kapoor@example.net" })
    #expect(
      result.skipped.map(\.message) == [
        "jose.angstrom@example.org: task `Algorithms` has no result (not evaluated); not imported",
        "ravi.kapoor@example.net: session status `in_progress`, not finished; not imported",
      ])
    #expect(result.skipped.map(\.reason) == [.notScored, .unfinished])
    #expect(result.skipped.first?.location.jsonPath?.hasSuffix(".result") == true)
  }

  @Test func aTaskWithoutAResultOrANameIsSkippedToo() throws {
    let result = try JSONTestSupport.run(
      #"{"sessions": [{"candidate": {"email": "a@b.co"}, "test": {"name": "SQL"}, "tasks": [{"max_result": 50}, {"name": "SQL", "result": 40}]}]}"#
    )
    #expect(result.rowErrors.isEmpty)
    #expect(result.evidence.count == 1)
    #expect(
      result.skipped.map(\.message) == [
        "a@b.co: a task has no result (not evaluated); not imported"
      ]
    )
    #expect(result.skipped.first?.location.jsonPath == "$.sessions[0].tasks[0]")
  }

  @Test func aResultAboveTheMaximumIsAnError() throws {
    let result = try JSONTestSupport.run(
      #"{"sessions": [{"candidate": {"email": "a@b.co"}, "test": {"name": "SQL"}, "tasks": [{"name": "q1", "result": 60, "max_result": 50}]}]}"#
    )
    let error = try #require(result.rowErrors["a@b.co"]?.first)
    #expect(error.location.jsonPath == "$.sessions[0].tasks[0].result")
    #expect(
      error.message
        == "found the number `60`; expected a result from 0 to 50 (`max_result`), or null for not evaluated"
    )
  }

  @Test func aTaskAndTestThatAreNoSkillNameBoth() throws {
    let result = try JSONTestSupport.run(
      #"{"results": [{"candidate_email": "a@b.co", "test": "Screening", "tasks": [{"name": "Frobnicate", "result": 5}]}]}"#
    )
    let unknown = try #require(result.unknownNames.first)
    #expect(unknown.location.jsonPath == "$.results[0].tasks[0].name")
    #expect(unknown.message.hasPrefix("unknown Codility task `Frobnicate`"))
    #expect(unknown.message.contains("(the test `Screening` names no skill either.)"))
  }

  @Test func aTestGivenAsItsLinkIsReportedAsALink() throws {
    let result = try JSONTestSupport.run(
      #"{"sessions": [{"candidate": {"email": "a@b.co"}, "test": "https://app.codility.com/api/tests/183344/", "tasks": [{"name": "Frobnicate", "result": 5}, {"name": "SQL", "result": 50}]}]}"#
    )
    #expect(
      result.unknownNames.first?.message.contains(
        "the test at https://app.codility.com/api/tests/183344/") == true)
    #expect(
      result.evidence.first?.note == "Codility test at https://app.codility.com/api/tests/183344/")
  }

  @Test func theSimilarityCheckBecomesAnIntegrityNoteAndAWarning() throws {
    let result = try JSONTestSupport.run(
      #"{"sessions": [{"candidate": {"email": "a@b.co"}, "test": {"name": "SQL"}, "similarity_check": {"status": "suspicious"}, "tasks": [{"name": "SQL", "result": 50}]}]}"#
    )
    #expect(
      result.evidence.first?.note?.hasSuffix("Integrity: Codility similarity check: suspicious")
        == true)
    #expect(
      result.diagnostics.contains {
        $0.severity == .warning && $0.message.contains("similarity check")
      })
  }

  @Test func aCandidateLinkInsteadOfAnObjectIsSkippedAsNoEmail() throws {
    let result = try JSONTestSupport.run(
      #"[{"candidate": "https://app.codility.com/api/candidates/12/", "tasks": [{"name": "SQL", "result": 5}]}]"#
    )
    let skipped = try #require(result.skipped.first)
    #expect(skipped.reason == .noEmail)
    #expect(skipped.location.jsonPath == "$[0].candidate")
  }

  @Test func apiShapedSessionsWithEvaluationTasksAndDefaultMaximum() throws {
    let result = try JSONTestSupport.run(
      """
      {"test": {"name": "Algorithms"},
       "sessions": [{"candidate": {"email": "a@b.co"}, "close_date": "2026-11-02T10:00:00Z",
         "evaluation": {"tasks": [{"task_name": "PermMissingElem", "result": 10}, {"task_name": "Algorithms", "result": 75}]}}]}
      """)
    #expect(result.unknownNames.map(\.name) == ["PermMissingElem"])
    let evidence = try #require(result.evidence.first)
    #expect(evidence.skillID == "data-processing")
    #expect(evidence.scale == .points(max: 100))
    #expect(evidence.proficiency?.level == 3.75)
    #expect(evidence.date == CalendarDate(year: 2026, month: 11, day: 2))
    #expect(evidence.origin.jsonPath == "$.sessions[0].evaluation.tasks[1].result")
  }

  @Test func aRepeatedTaskIsAnErrorAndAMissingCandidateIsReported() throws {
    let result = try JSONTestSupport.run(
      """
      {"sessions": [{"email": "a@b.co", "test": "SQL", "tasks": [{"name": "SQL", "result": 1}, {"name": "SQL", "result": 2}]},
                    {"test": "SQL", "tasks": []}]}
      """)
    #expect(result.evidence.map(\.rawValue) == ["1"])
    #expect(
      result.rowErrors["a@b.co"]?.first?.message.contains(
        "already has a result for task `SQL` at $.sessions[0].tasks[0]") == true)
    #expect(
      result.skipped.first?.message
        == "session $.sessions[1] has no email; expected the candidate's email address to join it with the roster"
    )
  }
}
