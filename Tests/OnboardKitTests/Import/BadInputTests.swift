import Foundation
import Testing

@testable import OnboardKit

/// Broken inputs give precise errors: file, line, column, what was found, what was expected.
@Suite struct BadInputTests {
  let library: PlanLibrary
  init() throws { library = try RepositoryFiles.library() }

  func importErrors(_ file: String) throws -> [InputError] {
    let source = try RepositoryFiles.source(file)
    do {
      return try EvidenceImport.parse(source, skills: library.skillIndex).allErrors
    } catch {
      return error.errors
    }
  }

  @Test func anImpossibleOrWordyDateIsARowErrorNotAnUndatedRating() throws {
    let ratings = SourceFile(
      path: "ratings.csv",
      data: Data(
        """
        Candidate Email,Interviewer,Interview Date,Competency,Rating,Notes
        ann@example.org,Kim,2026-02-30,Communication,4,
        ann@example.org,Lee,yesterday,Communication,3,
        ann@example.org,Max,2026-10-07,Communication,3,

        """.utf8))
    let imported = try EvidenceImport.parse(ratings, skills: library.skillIndex)
    #expect(imported.evidence.count == 1)
    let errors = imported.allErrors.map(\.description)
    #expect(errors.count == 2, "\(errors)")
    #expect(errors.contains { $0.hasPrefix("ratings.csv:2:") && $0.contains("found `2026-02-30`") })
    #expect(errors.contains { $0.hasPrefix("ratings.csv:3:") && $0.contains("found `yesterday`") })
    let plain = SourceFile(
      path: "plain.csv",
      data: Data(
        """
        email,skill,value,scale,source,assessor,date,note
        ann@example.org,Communication,3,level,manual,Kim,2027-13-01,
        ann@example.org,Communication,3,level,manual,Kim,,

        """.utf8))
    let plainImport = try EvidenceImport.parse(plain, skills: library.skillIndex)
    #expect(plainImport.evidence.count == 1, "an empty date stays allowed")
    #expect(
      plainImport.allErrors.map(\.description).contains {
        $0.hasPrefix("plain.csv:2:") && $0.contains("found `2027-13-01`")
      })
  }

  @Test func unterminatedQuoteNamesWhereTheQuoteOpened() throws {
    let errors = try importErrors("Fixtures/broken/unterminated-quote.csv")
    let error = try #require(errors.first)
    #expect(error.location.file == "Fixtures/broken/unterminated-quote.csv")
    #expect(error.location.line != nil && error.location.column != nil)
    #expect(error.message.contains("unterminated quoted field"))
  }

  @Test func ratingOutOfRangeNamesTheCell() throws {
    let errors = try importErrors("Fixtures/broken/interview-rating-out-of-range.csv")
    let error = try #require(errors.first)
    #expect(error.message.contains("found `7`"))
    #expect(error.message.contains("1 to 5"))
    #expect(error.location.column != nil)
  }

  @Test func unknownCompetencyListsTheClosestNames() throws {
    let errors = try importErrors("Fixtures/broken/interview-unknown-competency.csv")
    let error = try #require(errors.first)
    #expect(error.message.contains("`Comunication`"))
    #expect(error.message.contains("`Communication`"))
  }

  @Test func emptyFileSaysAHeaderWasExpected() throws {
    let errors = try importErrors("Fixtures/broken/empty.csv")
    #expect(errors.first?.message.contains("empty") == true)
  }

  @Test func missingEmailColumnIsNamed() throws {
    let errors = try importErrors("Fixtures/broken/testgorilla-missing-email.csv")
    let error = try #require(errors.first)
    #expect(error.message.contains("missing column `Email`"))
    #expect(error.location.line == 1)
  }

  @Test func invalidRosterDateFailsOnlyThatRow() throws {
    let (hires, errors) = try RosterImport.parse(
      try RepositoryFiles.source("Fixtures/broken/roster-invalid-date.csv"))
    let error = try #require(errors.first)
    #expect(error.message.contains("`2026-13-45`"))
    #expect(error.message.contains("YYYY-MM-DD"))
    #expect(errors.count == 1)
    #expect(!hires.isEmpty, "the other rows still import")
  }

  @Test func unknownTestWithScoresIsAWarningWithSuggestions() throws {
    let text =
      "First name,Last name,Email,Status,Scoring metric,Nod.js,Git\nA,B,a@example.org,Completed,Percentage,70,80\n"
    var result = try EvidenceImport.parse(
      SourceFile(path: "tg.csv", text: text), skills: library.skillIndex)
    let warning = try #require(result.diagnostics.first { $0.severity == .warning })
    #expect(warning.description.hasPrefix("tg.csv:1:50: warning: unknown test `Nod.js`"))
    #expect(warning.message.contains("Node.js"))
    #expect(warning.message.contains("Plans/skills.csv"))
    // The row's other evidence imports.
    #expect(result.evidence.map(\.instrument) == ["Git"])
    #expect(result.fileSummaries.first?.unknownNames == 1)
    // --strict: the same name fails the hire whose row carries it.
    #expect(result.applyStrict().isEmpty)
    #expect(
      result.rowErrors["a@example.org"]?.first?.description.contains(
        "tg.csv:1:50: error: unknown test") == true)
  }

  @Test func scoreOutOfRangeAndDuplicateRowsAreRowErrors() throws {
    let text = """
      First name,Last name,Email,Status,Scoring metric,Git
      A,B,a@example.org,Completed,Percentage,170
      C,D,c@example.org,Completed,Percentage,50
      C,D,c@example.org,Completed,Percentage,50
      """
    let result = try EvidenceImport.parse(
      SourceFile(path: "tg.csv", text: text), skills: library.skillIndex)
    #expect(result.rowErrors["a@example.org"]?.first?.message.contains("found `170`") == true)
    #expect(result.rowErrors["c@example.org"]?.first?.message.contains("line 3") == true)
    #expect(result.evidence.count == 1)
  }

  /// A misspelled plain-evidence column is a warning at its header cell with the column meant
  /// (QA10 F2: `notes` and `assessment_date` lost the interviewer's note and the date in silence).
  @Test func aMisspelledPlainEvidenceColumnIsWarned() throws {
    let result = try EvidenceImport.parse(
      SourceFile(
        path: "typo.csv",
        text: "email,skill,value,scale,source,assessor,assessment_date,notes\n"
          + "ann@example.org,git,3,level,manual,Kim,2026-11-01,Weak on rebase\n"),
      skills: library.skillIndex)
    let warning = try #require(result.diagnostics.first { $0.message.contains("not read") })
    #expect(warning.severity == .warning)
    #expect(warning.location.description == "typo.csv:1:41")
    #expect(warning.message.contains("`assessment_date` (did you mean `date`?)"))
    #expect(warning.message.contains("`notes` (did you mean `note`?)"))
  }

  @Test func invalidUTF8IsReportedWithPosition() throws {
    var bytes = Data("email,skill,value,scale\nx@example.org,git,3,level\n".utf8)
    bytes.append(contentsOf: [0x79, 0x40, 0xE9, 0x2C])  // "y@é," in Latin-1
    #expect {
      _ = try EvidenceImport.parse(
        SourceFile(path: "l1.csv", data: bytes), skills: library.skillIndex)
    } throws: { error in
      (error as? InputErrors)?.description.contains("l1.csv:3:3") == true
    }
  }

  @Test func unrecognisedHeaderListsTheKnownFormats() throws {
    #expect {
      _ = try EvidenceImport.parse(
        SourceFile(path: "x.csv", text: "foo,bar\n1,2\n"), skills: library.skillIndex)
    } throws: { error in
      let text = (error as? InputErrors)?.description ?? ""
      return text.contains("match no known export") && text.contains("TestGorilla")
    }
  }
}
