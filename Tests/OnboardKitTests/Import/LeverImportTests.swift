import Foundation
import Testing

@testable import OnboardKit

@Suite struct LeverImportTests {
  let yuko = "yuko.takahashi@example.org"

  func fixtureResult() throws -> (EvidenceImportResult, SourceFile) {
    let file = try JSONTestSupport.fixture("lever-feedback.json")
    return (try EvidenceImport.parse(file, skills: JSONTestSupport.skills()), file)
  }

  /// A form that scores no skill (only notes, or every score null) is a record not used,
  /// skipped as "no score" with its notes; a scorecard row left unscored with a comment is said.
  /// Both had vanished: "nothing else skipped".
  @Test func aFormThatScoresNothingIsCountedWithItsNotes() throws {
    let result = try JSONTestSupport.run(
      """
      {"data": [
        {"id": "f-1", "candidate_email": "a@example.org", "text": "Phone screen", "fields": [
          {"type": "score", "text": "Git", "value": null},
          {"type": "textarea", "text": "Notes", "value": "Strong on Git, ran out of time"}]},
        {"id": "f-2", "candidate_email": "a@example.org", "text": "Onsite", "fields": [
          {"type": "scorecard", "text": "Skills", "scores": [{"text": "Git"}, {"text": "SQL"}],
           "value": [{"score": 3}, {"score": null, "comment": "Not covered, ask again"}]}]}
      ]}
      """)
    #expect(result.evidence.count == 1)
    let skipped = result.skipped.filter { $0.reason == .notScored }
    try #require(skipped.count == 2)
    #expect(skipped.allSatisfy { $0.hireKey == "a@example.org" })
    #expect(skipped[0].message.contains("feedback form f-1 has no score of a skill"))
    #expect(skipped[0].message.contains("Strong on Git, ran out of time"))
    #expect(skipped[1].message.contains("`SQL` is not scored, but has a comment"))
    #expect(skipped[1].location.jsonPath == "$.data[1].fields[0].value[1]")
  }

  @Test func theFixtureImportsEveryScoredField() throws {
    let (result, file) = try fixtureResult()
    #expect(result.rowErrors.isEmpty, "\(result.allErrors)")
    #expect(result.evidence.count == 12)
    #expect(result.evidence.allSatisfy { $0.source == .interview && $0.scale == .lever })
    #expect(
      Set(result.evidence.map(\.hireKey))
        == [
          "yuko.takahashi@example.org", "layla.almansouri@example.org",
          "siobhan.oconnor@example.org",
        ])

    let javascript = try #require(result.found(yuko, "JavaScript").first)
    #expect(javascript.skillID == "javascript")
    #expect(javascript.rawValue == "4")
    #expect(javascript.proficiency?.level == 5)
    #expect(javascript.assessor == "Priya Raman")
    #expect(javascript.date == CalendarDate(year: 2026, month: 10, day: 15))
    // The form's text answers are kept as the interviewer's notes.
    #expect(javascript.note?.hasPrefix("Frontend Technical Interview") == true)
    #expect(javascript.origin.jsonPath == "$.data[0].fields[1].value")
    #expect(JSONTestSupport.text(at: javascript.origin, in: file.data).hasPrefix("4"))

    let react = try #require(result.found(yuko, "React").first)
    #expect(abs((react.proficiency?.level ?? 0) - 11.0 / 3) < 1e-9)
    let coachability = try #require(result.found(yuko, "Coachability").first)
    #expect(coachability.skillID == "feedback")
    #expect(abs((coachability.proficiency?.level ?? 0) - 7.0 / 3) < 1e-9)
    #expect(coachability.assessor == "Omar Farouk")
  }

  @Test func scorecardFieldsGiveOneScorePerRowWithItsComment() throws {
    let (result, _) = try fixtureResult()
    let siobhan = result.evidence.filter { $0.hireKey == "siobhan.oconnor@example.org" }
    #expect(siobhan.map(\.instrument) == ["REST API Design", "SQL"])
    #expect(siobhan.map(\.skillID) == ["rest-apis", "sql-databases"])
    #expect(
      siobhan.first?.note?.hasPrefix("Backend Phone Screen: Good grasp of idempotency.") == true)
    #expect(siobhan.first?.origin.jsonPath == "$.data[3].fields[1].value[0].score")
    #expect(siobhan.map { $0.proficiency?.level ?? 0 }.map { ($0 * 3).rounded() } == [11, 7])
  }

  @Test func nullIsNotScoredAndDeletedFormsAndOverallRatingsAreSkippedWithNotes() throws {
    let (result, _) = try fixtureResult()
    #expect(result.found(yuko, "Web Performance").isEmpty)
    #expect(result.found("siobhan.oconnor@example.org", "Debugging").isEmpty)
    #expect(!result.evidence.contains { $0.instrument == "Rating" })
    // The deleted draft scored SQL 1; it must not count.
    #expect(
      !result.evidence.contains {
        $0.rawValue == "1" && $0.hireKey == "siobhan.oconnor@example.org"
      })
    let notes = result.diagnostics.map(\.message)
    let deleted = result.skipped.filter { $0.reason == .deleted }
    #expect(deleted.count == 1)
    #expect(deleted.first?.message.hasSuffix("was deleted in Lever; not imported") == true)
    #expect(result.fileSummaries.first?.skipped["deleted"] == 1)
    #expect(notes.filter { $0.contains("is an overall rating") }.count == 1)
    #expect(result.diagnostics.allSatisfy { $0.severity == .note })
  }

  func form(_ fields: String, email: String = #""candidate_email": "kim@example.org","#) -> String {
    #"{"data": [{"#
      + email
      + #" "text": "Screen", "user": "Ana Silva", "completedAt": 1791000000000, "fields": ["#
      + fields + "]}]}"
  }

  @Test func scoresOutsideOneToFourOrNotNumbersAreErrors() throws {
    for (value, found) in [
      ("5", "the number `5`"), ("2.5", "the number `2.5`"), (#""great""#, "the string `great`"),
    ] {
      let result = try JSONTestSupport.run(
        form(#"{"type": "score", "text": "SQL", "value": "# + value + "}"))
      let error = try #require(result.rowErrors["kim@example.org"]?.first)
      #expect(error.location.jsonPath == "$.data[0].fields[0].value")
      #expect(
        error.message
          == "found \(found); expected a score from 1 to 4 (or text starting with it, like `3 - Hire`), or null for not scored"
      )
      #expect(result.evidence.isEmpty)
    }
  }

  @Test func scoreTextsAndTheUserAndEpochDateAreRead() throws {
    let result = try JSONTestSupport.run(
      form(
        #"{"type": "score-system", "text": "Communication", "value": "3 - Hire"}, {"type": "text", "text": "x", "value": 9}"#
      ))
    let evidence = try #require(result.evidence.first)
    #expect(result.evidence.count == 1)
    #expect(evidence.rawValue == "3 - Hire")
    #expect(evidence.skillID == "communication")
    #expect(evidence.assessor == "Ana Silva")
    #expect(evidence.date == CalendarDate(year: 2026, month: 10, day: 3))
  }

  /// A user given as an id without digits (`u-unknown`) is an id, shown as "Lever user u-unknown"
  /// when no users file names it; a one-word or hyphenated name stays a name.
  @Test func aUserIDWithoutDigitsIsNotTakenForAName() throws {
    func assessor(_ user: String) throws -> String? {
      let text = form(#"{"type": "score-system", "text": "Communication", "value": "3 - Hire"}"#)
        .replacingOccurrences(of: #""user": "Ana Silva""#, with: #""user": "\#(user)""#)
      return try JSONTestSupport.run(text).evidence.first?.assessor
    }
    #expect(try assessor("u-unknown") == "Lever user u-unknown")
    #expect(try assessor("Jean-Luc") == "Jean-Luc")
    #expect(try assessor("Priya") == "Priya")
  }

  /// With a users response given, a user it does not have is said as such (a deactivated
  /// user), not "give the users response" (it was given).
  @Test func aUserMissingFromTheGivenUsersIsSaidAsSuch() throws {
    let result = try JSONTestSupport.run(
      #"{"data": [{"id": "f", "candidate_email": "a@example.org", "user": "u-gone", "fields": [{"type": "score-system", "text": "Communication", "value": 3}]}], "users": [{"id": "u-1", "name": "Ana Silva", "username": "ana", "accessRole": "interviewer"}]}"#
    )
    #expect(result.evidence.first?.assessor == "Lever user u-gone")
    #expect(
      result.diagnostics.contains {
        $0.message.contains("Lever user `u-gone` is in none of the given users responses")
      }, "\(result.diagnostics)")
    #expect(!result.diagnostics.contains { $0.message.contains("give the Lever users") })
  }

  @Test func aFormWithoutAnyCandidateIsSkippedAsUnresolved() throws {
    let result = try JSONTestSupport.run(
      form(#"{"type": "score", "text": "SQL", "value": 3}"#, email: ""))
    let skipped = try #require(result.skipped.first)
    #expect(skipped.reason == .unresolvedID)
    #expect(skipped.location.jsonPath == "$.data[0]")
    #expect(skipped.message.contains("names no opportunity, and the file's name holds no id"))
    #expect(result.evidence.isEmpty)
  }

  @Test func aSingleOpportunityWrapperGivesTheEmail() throws {
    let result = try JSONTestSupport.run(
      """
      {"opportunity": {"id": "o1", "name": "Kim Lee", "emails": ["not an email", "Kim.Lee@example.org"]},
       "data": [{"user": {"name": "Ana Silva"}, "fields": [{"type": "score", "text": "SQL", "value": 2}]}],
       "hasNext": false}
      """)
    #expect(result.evidence.map(\.hireKey) == ["kim.lee@example.org"])
    #expect(result.evidence.first?.assessor == "Ana Silva")
  }

  @Test func anOpportunityIDMustBeInTheOpportunities() throws {
    let result = try JSONTestSupport.run(
      #"{"opportunities": [{"id": "o1", "emails": ["a@b.co"]}], "data": [{"opportunity": "o2", "fields": []}]}"#
    )
    let skipped = try #require(result.skipped.first)
    #expect(skipped.reason == .unresolvedID)
    #expect(skipped.message.contains("lever opportunity id `o2`, which no given file resolves"))
    #expect(skipped.message.contains("the given files of those kinds do not have it"))
  }

  @Test func anUnknownFieldNameIsAnUnknownSkill() throws {
    let result = try JSONTestSupport.run(
      form(#"{"type": "score", "text": "Kubernetes Wizardry", "value": 3}"#))
    #expect(result.rowErrors.isEmpty)
    let unknown = try #require(result.unknownNames.first)
    #expect(unknown.hireKey == "kim@example.org")
    #expect(unknown.location.jsonPath == "$.data[0].fields[0].text")
    #expect(unknown.message.hasPrefix("unknown Lever feedback field `Kubernetes Wizardry`"))
    #expect(unknown.message.contains("Closest known names"))
  }

  @Test func aBadFieldFailsOnlyThatFieldsHire() throws {
    let result = try JSONTestSupport.run(
      """
      {"data": [
        {"candidate_email": "a@b.co", "fields": [{"type": "score", "text": "SQL", "value": 7},
                                                 {"type": "score", "text": "Git", "value": 4}]},
        {"candidate_email": "c@d.co", "fields": [{"type": "score", "text": "SQL", "value": 1}]}
      ]}
      """)
    #expect(result.rowErrors.keys.sorted() == ["a@b.co"])
    #expect(result.rowErrors["a@b.co"]?.first?.location.line == 2)
    #expect(result.evidence.map(\.hireKey).sorted() == ["a@b.co", "c@d.co"])
  }
}
