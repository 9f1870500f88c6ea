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
    #expect(result.evidence.count == 8)
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

  @Test func aTaskThatIsNoSkillCountsForItsTestsSkill() throws {
    let (result, _) = try fixtureResult()
    let layla = try #require(result.evidence.first { $0.hireKey == "layla.almansouri@example.org" })
    #expect(layla.instrument == "TodoListComponent")
    #expect(layla.skillID == "javascript")
    #expect(layla.scale == .points(max: 100))
    #expect(layla.proficiency?.level == 3)
  }

  @Test func unevaluatedTasksAndUnfinishedSessionsGiveNothing() throws {
    let (result, _) = try fixtureResult()
    let jose = result.evidence.filter { $0.hireKey == "jose.angstrom@example.org" }
    #expect(jose.map(\.instrument) == ["SQL", "REST API"])
    #expect(!result.evidence.contains { $0.hireKey == "ravi.kapoor@example.net" })
    #expect(
      result.diagnostics.map(\.message) == [
        "ravi.kapoor@example.net: session status `in_progress`, not finished; not imported"
      ])
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
    let error = try #require(result.rowErrors["a@b.co"]?.first)
    #expect(error.location.jsonPath == "$.results[0].tasks[0].name")
    #expect(error.message.hasPrefix("unknown Codility task `Frobnicate`"))
    #expect(error.message.contains("the test name `Screening` is no skill either"))
  }

  @Test func aCandidateLinkInsteadOfAnObjectIsAnError() throws {
    let result = try JSONTestSupport.run(
      #"[{"candidate": "https://app.codility.com/api/candidates/12/", "tasks": [{"name": "SQL", "result": 5}]}]"#
    )
    let error = try #require(result.rowErrors[""]?.first)
    #expect(error.location.jsonPath == "$[0].candidate")
    #expect(
      error.message.hasPrefix(
        "found the string `https://app.codility.com/api/candidates/12/`; expected a candidate object"
      ))
  }

  @Test func apiShapedSessionsWithEvaluationTasksAndDefaultMaximum() throws {
    let result = try JSONTestSupport.run(
      """
      {"test": {"name": "Algorithms"},
       "sessions": [{"candidate": {"email": "a@b.co"}, "close_date": "2026-11-02T10:00:00Z",
         "evaluation": {"tasks": [{"task_name": "PermMissingElem", "result": 75}]}}]}
      """)
    let evidence = try #require(result.evidence.first)
    #expect(evidence.skillID == "data-processing")
    #expect(evidence.scale == .points(max: 100))
    #expect(evidence.proficiency?.level == 3.75)
    #expect(evidence.date == CalendarDate(year: 2026, month: 11, day: 2))
    #expect(evidence.origin.jsonPath == "$.sessions[0].evaluation.tasks[0].result")
  }

  @Test func aRepeatedTaskIsAnErrorAndAMissingCandidateIsReported() throws {
    let result = try JSONTestSupport.run(
      """
      {"sessions": [{"email": "a@b.co", "test": "SQL", "tasks": [{"name": "q", "result": 1}, {"name": "q", "result": 2}]},
                    {"test": "SQL", "tasks": []}]}
      """)
    #expect(result.evidence.map(\.rawValue) == ["1"])
    #expect(
      result.rowErrors["a@b.co"]?.first?.message.contains(
        "already has a result for task `q` at $.sessions[0].tasks[0]") == true)
    #expect(
      result.rowErrors[""]?.first?.message
        == "the session names no candidate; expected `candidate` with `email`, or `candidate_email`"
    )
  }
}
