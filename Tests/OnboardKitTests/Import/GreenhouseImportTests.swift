import Foundation
import Testing

@testable import OnboardKit

@Suite struct GreenhouseImportTests {
  let zoe = "zoe.mueller-luedenscheidt@example.org"

  @Test func theFixtureImportsEveryRatedAttribute() throws {
    let file = try JSONTestSupport.fixture("greenhouse-scorecards.json")
    let result = try EvidenceImport.parse(file, skills: JSONTestSupport.skills())
    #expect(result.rowErrors.isEmpty, "\(result.allErrors)")
    #expect(result.evidence.count == 21)
    #expect(Set(result.evidence.map(\.hireKey)).count == 5)
    #expect(result.evidence.allSatisfy { $0.source == .interview && $0.scale == .greenhouse })

    let api = try #require(result.found(zoe, "Technical Knowledge - APIs").first)
    #expect(api.skillID == "rest-apis")
    #expect(api.rawValue == "strong_yes")
    #expect(api.proficiency?.level == 5)
    #expect(api.assessor == "Ingrid Bergström")
    #expect(api.date == CalendarDate(year: 2026, month: 10, day: 7))
    #expect(
      api.note?.hasPrefix(
        "Technical Interview: Designed a versioned REST API with clear error contracts.; Overall recommendation: Strong yes"
      ) == true)
    #expect(api.origin.jsonPath == "$.scorecards[0].attributes[0].rating")
    #expect(JSONTestSupport.text(at: api.origin, in: file.data).hasPrefix("\"strong_yes\""))

    let feedback = try #require(result.found(zoe, "Receptiveness to Feedback").first)
    #expect(feedback.skillID == "feedback")
    #expect(feedback.proficiency?.level == 3)
    #expect(feedback.assessor == "Tomás Rivera")

    let noNote = try #require(result.found(zoe, "Problem Solving Ability").first)
    #expect(noNote.note?.hasPrefix("Technical Interview; Overall recommendation:") == true)
    #expect(noNote.proficiency?.level == 4)
  }

  /// A scorecard that rates nothing (attributes null, empty, missing, or all `no_decision`) is
  /// a record not used: skipped as "no score" with its notes, not gone from every count. An
  /// unrated attribute is a question not asked, unless it has a note, which is said.
  @Test func aScorecardThatRatesNothingIsCountedWithItsNotes() throws {
    let take = #"[{"question": "Key Take-Aways", "answer": "<p>Calm under pressure</p>"}]"#
    let result = try JSONTestSupport.run(
      """
      [
        {"id": 1, "candidate_email": "a@example.org", "attributes": null, "questions": \(take)},
        {"id": 2, "candidate_email": "a@example.org", "attributes": []},
        {"id": 3, "candidate_email": "a@example.org"},
        {"id": 4, "candidate_email": "a@example.org", "attributes": [
          {"name": "Git", "type": "Skills", "note": null, "rating": "no_decision"},
          {"name": "SQL", "type": "Skills", "note": "Did not get to it", "rating": null}]},
        {"id": 5, "candidate_email": "a@example.org", "attributes": [
          {"name": "Git", "type": "Skills", "note": null, "rating": "yes"},
          {"name": "SQL", "type": "Skills", "note": "Ran out of time", "rating": "no_decision"},
          {"name": "Docker", "type": "Skills", "note": null, "rating": null}]}
      ]
      """)
    #expect(result.evidence.count == 1)
    let skipped = result.skipped.filter { $0.reason == .notScored }
    #expect(
      skipped.map(\.location.jsonPath) == [
        "$[0]", "$[1]", "$[2]", "$[3]", "$[4].attributes[1].rating",
      ])
    try #require(skipped.count == 5)
    #expect(skipped.allSatisfy { $0.hireKey == "a@example.org" })
    #expect(skipped[0].message.contains("Key Take-Aways: Calm under pressure"))
    #expect(skipped[1].message.contains("scorecard 2 has no attributes"))
    #expect(skipped[3].message.contains("its 2 attributes are `no_decision` or null"))
    // An unrated attribute's note is kept with its scorecard's skip (QA8 F3: it was in no message).
    #expect(skipped[3].message.contains("SQL: Did not get to it"), "\(skipped[3].message)")
    #expect(skipped[4].message.contains("attribute `SQL` is not rated, but has a note"))
    #expect(skipped[4].message.contains("Ran out of time"))
    #expect(result.fileSummaries.first?.skipped == ["no score": 5])
  }

  @Test func labelsMapToLevelsOneToFive() throws {
    let result = try EvidenceImport.parse(
      JSONTestSupport.fixture("greenhouse-scorecards.json"), skills: JSONTestSupport.skills())
    let levels = Dictionary(
      result.evidence.map { ($0.rawValue, $0.proficiency?.level) }, uniquingKeysWith: { a, _ in a })
    #expect(levels["definitely_not"] == 1)
    #expect(levels["no"] == 2)
    #expect(levels["mixed"] == 3)
    #expect(levels["yes"] == 4)
    #expect(levels["strong_yes"] == 5)
  }

  @Test func noDecisionGivesNoEvidenceAndNoErrorEvenForUnknownNames() throws {
    let result = try EvidenceImport.parse(
      JSONTestSupport.fixture("greenhouse-scorecards.json"), skills: JSONTestSupport.skills())
    #expect(result.found(zoe, "Passionate").isEmpty)
    #expect(result.found("siobhan.oconnor@example.org", "Problem Solving Ability").isEmpty)
    #expect(result.found("jose.angstrom@example.org", "Technical Knowledge - Security").isEmpty)
    #expect(!result.evidence.contains { $0.rawValue == "no_decision" })
  }

  @Test func theCandidatesFirstValidAddressIsTheJoinKey() throws {
    let result = try EvidenceImport.parse(
      JSONTestSupport.fixture("greenhouse-scorecards.json"), skills: JSONTestSupport.skills())
    #expect(!result.evidence.contains { $0.hireKey == "zoe.ml@example.net" })
    #expect(result.evidence.filter { $0.hireKey == zoe }.count == 7)
  }

  func scorecards(_ attributes: String, extra: String = "\"candidate_id\": 7") -> String {
    """
    {"candidates": [{"id": 7, "email_addresses": [{"value": "Kim.Lee@Example.org", "type": "personal"}]},
                    {"id": 8, "email_addresses": [{"value": "sam@example.org"}]}],
     "scorecards": [
      {\(extra), "interview_step": {"id": 1, "name": "Onsite"}, "submitted_at": "2026-10-01T10:00:00Z",
       "interviewer": {"first_name": "Ana", "last_name": "Silva"}, "attributes": [\(attributes)]},
      {"candidate_id": 8, "attributes": [{"name": "SQL", "rating": "yes"}]}
     ]}
    """
  }

  @Test func anUnknownRatingLabelFailsOnlyThatHireWithThePath() throws {
    let result = try JSONTestSupport.run(
      scorecards(
        #"{"name": "Communication Skills", "rating": "maybe"}, {"name": "Git", "rating": "yes"}"#))
    let errors = try #require(result.rowErrors["kim.lee@example.org"])
    #expect(errors.count == 1)
    #expect(errors[0].location.jsonPath == "$.scorecards[0].attributes[0].rating")
    #expect(errors[0].location.line == 5)
    #expect(
      errors[0].message
        == "found the string `maybe`; expected one of definitely_not, no, mixed, yes, strong_yes, or no_decision for not rated"
    )
    #expect(result.evidence.map(\.hireKey).sorted() == ["kim.lee@example.org", "sam@example.org"])
    #expect(result.evidence.first { $0.hireKey == "kim.lee@example.org" }?.assessor == "Ana Silva")
  }

  @Test func aRatingOfTheWrongTypeSaysWhatWasFound() throws {
    let result = try JSONTestSupport.run(
      scorecards(#"{"name": "Communication Skills", "rating": 4}"#))
    let error = try #require(result.rowErrors["kim.lee@example.org"]?.first)
    #expect(error.message.hasPrefix("found the number `4`; expected one of definitely_not"))
  }

  @Test func anUnknownRatedAttributeIsAWarningWithTheClosestSkills() throws {
    let result = try JSONTestSupport.run(
      scorecards(
        #"{"name": "Comunication Skills", "rating": "yes"}, {"name": "Git", "rating": "yes"}"#))
    #expect(result.rowErrors.isEmpty)
    let unknown = try #require(result.unknownNames.first)
    #expect(unknown.hireKey == "kim.lee@example.org")
    #expect(unknown.location.jsonPath == "$.scorecards[0].attributes[0].name")
    #expect(unknown.message.hasPrefix("unknown Greenhouse attribute `Comunication Skills`"))
    #expect(unknown.message.contains("`Communication Skills`"))
    #expect(unknown.message.contains("Plans/skills.csv"))
    #expect(
      result.diagnostics.contains { $0.severity == .warning && $0.message == unknown.message })
    // The scorecard's other attribute still imports.
    #expect(result.evidence.contains { $0.hireKey == "kim.lee@example.org" && $0.skillID == "git" })
  }

  @Test func aBareArrayWithoutCandidatesSkipsTheUnresolvedScorecard() throws {
    let result = try JSONTestSupport.run(
      """
      [{"candidate_id": 7, "attributes": [{"name": "SQL", "rating": "yes"}]},
       {"candidate_id": 8, "candidate_email": "sam@example.org", "interview": "Screen",
        "attributes": [{"name": "SQL", "rating": "mixed", "note": "ok"}]}]
      """)
    let skipped = try #require(result.skipped.first)
    #expect(result.skipped.count == 1)
    #expect(skipped.reason == .unresolvedID)
    #expect(skipped.location.jsonPath == "$[0]")
    #expect(skipped.message.contains("greenhouse candidate id `7`"))
    #expect(skipped.message.contains("GET /v1/candidates"))
    let evidence = try #require(result.evidence.first)
    #expect(result.evidence.count == 1)
    #expect(evidence.hireKey == "sam@example.org")
    #expect(evidence.note == "Screen: ok")
    #expect(evidence.origin.jsonPath == "$[1].attributes[0].rating")
  }

  @Test func aCandidateIDMissingFromTheCandidatesIsSkippedAndSaid() throws {
    let result = try JSONTestSupport.run(
      scorecards(#"{"name": "SQL", "rating": "yes"}"#, extra: #""candidate_id": 99"#))
    let skipped = try #require(result.skipped.first)
    #expect(skipped.reason == .unresolvedID)
    #expect(skipped.message.contains("greenhouse candidate id `99`, which no given file resolves"))
    // The candidates were given: the id is not in them, and the message does not ask for them
    // again (QA7 F8.4).
    #expect(skipped.message.contains("the given files of those kinds do not have it"))
    #expect(!skipped.message.contains("GET /v1/candidates"), "\(skipped.message)")
    #expect(result.evidence.map(\.hireKey) == ["sam@example.org"])
    #expect(result.fileSummaries.first?.unjoined == 1)
    #expect(result.fileSummaries.first?.skipped == ["unresolved id": 1])
  }

  @Test func aScorecardWithNoCandidateAtAllIsSkippedWithNoEmail() throws {
    let result = try JSONTestSupport.run(
      scorecards(#"{"name": "SQL", "rating": "yes"}"#, extra: #""id": 1"#))
    let skipped = try #require(result.skipped.first)
    #expect(skipped.reason == .noEmail)
    #expect(skipped.location.jsonPath == "$.scorecards[0]")
    #expect(skipped.message.contains("neither `candidate_email` nor `candidate_id`"))
  }

  @Test func anInvalidCandidateEmailIsSkippedAsInvalid() throws {
    let result = try JSONTestSupport.run(
      scorecards(
        #"{"name": "SQL", "rating": "yes"}"#, extra: #""candidate_email": "Kim <kim@example.org>""#)
    )
    let skipped = try #require(result.skipped.first)
    #expect(skipped.reason == .invalidEmail)
    #expect(
      skipped.message.contains(
        "found `Kim <kim@example.org>`; expected the candidate's email address alone (e.g. `kim@example.org`)"
      ))
  }

  @Test func aCandidateWithoutAnAddressAndAConflictingDuplicateIDAreReported() throws {
    let noEmail = try JSONTestSupport.run(
      #"{"candidates": [{"id": "7", "email_addresses": []}], "scorecards": [{"candidate_id": 7, "attributes": []}]}"#
    )
    // No address at all is "no email" (it had been "invalid email" quoting a placeholder).
    #expect(noEmail.skipped.map(\.reason) == [.noEmail])
    #expect(
      noEmail.skipped.first?.message.contains("the joined candidate has no email address") == true)
    let errors = try JSONTestSupport.thrown(
      #"{"candidates": [{"id": 7, "email": "a@b.co"}, {"id": "7", "email": "c@d.co"}], "scorecards": []}"#
    )
    #expect(
      errors.map(\.message) == [
        "id `7` is listed twice (first at $.candidates[0]); expected each record once"
      ])
  }

  @Test func scorecardsThatAreNoArrayFailTheFile() throws {
    let errors = try JSONTestSupport.thrown(#"{"scorecards": {"id": 1}}"#)
    #expect(errors.count == 1)
    #expect(errors.first?.message == "found an object; expected an array of scorecards")
    #expect(errors.first?.location.jsonPath == "$.scorecards")
  }

  @Test func aBadSubmittedDateFailsTheScorecard() throws {
    let result = try JSONTestSupport.run(
      #"[{"candidate_email": "a@b.co", "submitted_at": "yesterday", "attributes": [{"name": "SQL", "rating": "yes"}]}]"#
    )
    let error = try #require(result.rowErrors["a@b.co"]?.first)
    #expect(error.location.jsonPath == "$[0].submitted_at")
    #expect(error.message.hasPrefix("found the string `yesterday`; expected a date"))
    #expect(result.evidence.isEmpty)
  }
}
