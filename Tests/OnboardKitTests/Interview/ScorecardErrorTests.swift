import Foundation
import Testing

@testable import OnboardKit

/// A scorecard that was changed or filled in wrongly is an error that names the cell.
@Suite struct ScorecardErrorTests {
  let library: PlanLibrary
  let kit: String
  static let email = "nadia.haddad@example.org"
  static let path = "Fixtures/scorecards/bad.csv"

  init() throws {
    library = try RepositoryFiles.library()
    let bank = try require(library.questionBanks.bank(for: "Backend Developer"), "backend bank")
    kit = InterviewKit(
      bank: bank, skills: library.skills, candidateEmail: Self.email, interviewer: "Ada Quinn"
    ).scorecardCSV()
  }

  func filled(_ answers: ScorecardFiller.Answers) throws -> String {
    try ScorecardFiller.fill(kit, answers)
  }

  /// The row errors of importing `csv` (the import itself must succeed).
  func errors(_ csv: String) throws -> [InputError] {
    try EvidenceImport.parse(
      SourceFile(path: Self.path, text: csv), skills: library.skillIndex,
      questions: library.questionBanks
    ).rowErrors[Self.email] ?? []
  }

  @Test func ratingOutsideOneToFiveNamesTheRatingCell() throws {
    let csv = try filled([
      "be-acid": ("7", "Great!"), "be-indexes": ("2.5", ""), "be-ci-cd": ("3", ""),
    ])
    let found = try errors(csv)
    #expect(found.count == 2)
    let acid = try ScorecardFiller.cell(
      csv, questionID: "be-acid", column: "Rating", path: Self.path)
    #expect(found.first?.location == acid)
    #expect(
      found.first?.message
        == "column `Rating`: found `7`; expected a whole rating from 1 to 5, or blank if not asked")
    #expect(found.last?.message.contains("found `2.5`") == true)
    // The file's summary counts the two rows, not "nothing skipped".
    let summary = try #require(
      try EvidenceImport.parse(
        SourceFile(path: Self.path, text: csv), skills: library.skillIndex,
        questions: library.questionBanks
      ).fileSummaries.first)
    #expect(summary.rowErrors == 2)
    #expect(summary.line.contains("; 2 rows with errors; nothing else skipped;"))
    // The valid row still imports; the hire fails as a whole through the row errors.
    let result = try EvidenceImport.parse(
      SourceFile(path: Self.path, text: csv), skills: library.skillIndex,
      questions: library.questionBanks)
    #expect(result.evidence.map(\.skillID) == ["ci-cd"])
  }

  /// A question left blank is not asked: no record. One left unrated with a note is said as
  /// "no score" with the note, which had been dropped in silence.
  @Test func anUnratedQuestionWithANoteIsSaid() throws {
    let csv = try filled([
      "be-acid": ("", "Ran out of time before this one"), "be-ci-cd": ("3", ""),
    ])
    let result = try EvidenceImport.parse(
      SourceFile(path: Self.path, text: csv), skills: library.skillIndex,
      questions: library.questionBanks)
    #expect(result.evidence.map(\.skillID) == ["ci-cd"])
    let skipped = result.skipped.filter { $0.reason == .notScored }
    #expect(skipped.count == 1)
    #expect(
      skipped.first?.location
        == (try ScorecardFiller.cell(csv, questionID: "be-acid", column: "Rating", path: Self.path))
    )
    #expect(skipped.first?.message.contains("question `be-acid`, but wrote a note") == true)
    #expect(skipped.first?.message.contains("Ran out of time before this one") == true)
  }

  @Test func unknownQuestionIDSuggestsTheClosest() throws {
    let csv = try filled(["be-acid": ("3", "")]).replacingOccurrences(
      of: ",be-acid,", with: ",be-acidity,")
    let found = try errors(csv)
    #expect(found.count == 1)
    let cell = try ScorecardFiller.cell(
      csv, questionID: "be-acidity", column: "Question ID", path: Self.path)
    #expect(found.first?.location == cell)
    #expect(found.first?.description.hasPrefix("\(Self.path):15:") == true)
    #expect(
      found.first?.message.hasPrefix(
        "column `Question ID`: found `be-acidity`; no question of the Backend Developer bank has this id. Closest ids: `be-acid`"
      ) == true)
  }

  @Test func swappedRowsAreAChangedOrder() throws {
    var lines = ScorecardFiller.lines(
      try filled(["be-acid": ("3", ""), "be-rest-disadvantages": ("2", "")]))
    let acid = try require(lines.firstIndex { $0.contains(",be-acid,") })
    lines.swapAt(acid, acid + 1)
    let csv = lines.joined(separator: "\r\n") + "\r\n"
    let found = try errors(csv)
    #expect(found.count == 1)
    let error = try require(found.first)
    // be-acid (number 14) now comes after be-rest-disadvantages (number 15), on line 16.
    #expect(error.location.line == 16)
    #expect(
      error.location
        == (try ScorecardFiller.cell(
          csv, questionID: "be-acid", column: "Question ID", path: Self.path)))
    #expect(
      error.message
        == "column `Question ID`: question `be-acid` (number 14) comes after `be-rest-disadvantages` (number 15); keep the questions in the bank's order"
    )
    // Sorting the rows by question id: every row that comes before an earlier one is named
    // (be-acceptance-functional 13, be-acid 14, be-api-versioning 26, then 23 rows out of place).
    let id: (String) -> String = {
      $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst(5).first.map(String.init)
        ?? ""
    }
    let sorted = [lines[0]] + lines.dropFirst().sorted { id($0) < id($1) }
    let sortedErrors = try errors(sorted.joined(separator: "\n"))
    #expect(sortedErrors.count == 23, "\(sortedErrors.map(\.message))")
    #expect(
      sortedErrors.first?.message.contains(
        "question `be-architecture-design` (number 11) comes after `be-api-versioning` (number 26)")
        == true)
  }

  @Test func renumberedEditedAndRepeatedQuestionsAreErrors() throws {
    var lines = ScorecardFiller.lines(try filled([:]))
    let acid = try require(lines.firstIndex { $0.contains(",be-acid,") })
    lines[acid] = lines[acid].replacingOccurrences(of: ",14,be-acid,", with: ",13,be-acid,")
      .replacingOccurrences(of: "Explain and define the ACID acronym.", with: "What is ACID?")
    lines.insert(lines[acid + 1], at: acid + 1)  // be-rest-disadvantages twice
    let csv = lines.joined(separator: "\r\n") + "\r\n"
    let found = try errors(csv)
    #expect(found.map(\.location.line) == [15, 17])
    #expect(
      found.first?.message
        == "column `Question`: found “What is ACID?”; question `be-acid` of the bank reads “Explain and define the ACID acronym.”. Do not edit the questions: make a new kit with `onboard interview-kit`"
    )
    #expect(found.last?.message.contains("`be-rest-disadvantages` is listed twice") == true)
    // With the text restored, the number is the next problem.
    lines[acid] = lines[acid].replacingOccurrences(
      of: "What is ACID?", with: "Explain and define the ACID acronym.")
    let renumbered = try errors(lines.joined(separator: "\r\n") + "\r\n")
    #expect(
      renumbered.first?.message
        == "column `Order`: found `13`; question `be-acid` is number 14 of the Backend Developer bank"
    )
  }

  @Test func oneFilePerCandidateAndInterviewer() throws {
    var lines = ScorecardFiller.lines(try filled(["be-acid": ("3", "")]))
    lines[5] = lines[5].replacingOccurrences(of: "Ada Quinn", with: "Bo Lindgren")
    let found = try errors(lines.joined(separator: "\r\n") + "\r\n")
    #expect(found.count == 1)
    #expect(found.first?.location.line == 6)
    #expect(
      found.first?.message.contains(
        "found `Bo Lindgren`, but line 2 says `Ada Quinn`; expected one scorecard file per candidate and interviewer"
      ) == true)
  }

  @Test func candidateAndInterviewerOnTheFirstRowOnlyAreEnough() throws {
    let blank = InterviewKit(
      bank: try require(library.questionBanks.bank(for: "Backend Developer")),
      skills: library.skills
    ).scorecardCSV()
    var lines = ScorecardFiller.lines(try ScorecardFiller.fill(blank, ["be-ci-cd": ("4", "")]))
    lines[1] = lines[1].replacingOccurrences(
      of: ",,,Backend Developer,1,", with: "\(Self.email),Ada Quinn,2026-10-21,Backend Developer,1,"
    )
    let result = try EvidenceImport.parse(
      SourceFile(path: Self.path, text: lines.joined(separator: "\n")), skills: library.skillIndex,
      questions: library.questionBanks)
    #expect(result.allErrors.isEmpty)
    let evidence = try require(result.evidence.first)
    #expect(evidence.hireKey == Self.email && evidence.assessor == "Ada Quinn")
    #expect(evidence.date == CalendarDate(year: 2026, month: 10, day: 21))
  }

  @Test func fileLevelProblemsStopTheFile() throws {
    // No question bank in the library.
    #expect {
      _ = try EvidenceImport.parse(
        SourceFile(path: Self.path, text: try filled([:])), skills: library.skillIndex)
    } throws: { error in
      (error as? InputErrors)?.description.contains(
        "\(Self.path):1: error: this is an interview scorecard, but the plan library has no question bank"
      ) == true
    }
    // No candidate email anywhere.
    let anonymous = try filled([:]).replacingOccurrences(of: Self.email, with: "")
    #expect {
      _ = try EvidenceImport.parse(
        SourceFile(path: Self.path, text: anonymous), skills: library.skillIndex,
        questions: library.questionBanks)
    } throws: { error in
      (error as? InputErrors)?.description.contains(
        "\(Self.path):2:1: error: column `Candidate Email`: is empty; expected the candidate's email address in the first row"
      ) == true
    }
    // A role without a bank.
    let astronaut = try filled([:]).replacingOccurrences(
      of: ",Backend Developer,", with: ",Astronaut,")
    #expect {
      _ = try EvidenceImport.parse(
        SourceFile(path: Self.path, text: astronaut), skills: library.skillIndex,
        questions: library.questionBanks)
    } throws: { error in
      (error as? InputErrors)?.description.contains(
        "column `Role`: found `Astronaut`; no question bank for this role") == true
    }
  }
}
