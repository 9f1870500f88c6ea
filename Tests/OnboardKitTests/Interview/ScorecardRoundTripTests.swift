import Foundation
import Testing

@testable import OnboardKit

/// A Backend Developer kit, filled in by three fictional interviewers, imports back into evidence
/// for the right skills, with the levels and notes they gave.
@Suite struct ScorecardRoundTripTests {
  let library: PlanLibrary
  let bank: QuestionBank
  static let email = "nadia.haddad@example.org"

  init() throws {
    library = try RepositoryFiles.library()
    bank = try require(library.questionBanks.bank(for: "Backend Developer"), "backend bank")
  }

  func kit(_ interviewer: String) -> String {
    InterviewKit(
      bank: bank, skills: library.skills, candidateName: "Nadia Haddad",
      candidateEmail: Self.email, interviewer: interviewer,
      date: CalendarDate(year: 2026, month: 10, day: 21)
    ).scorecardCSV()
  }

  /// Ada and Bo disagree on databases by two levels; Chidi only asks the soft-skill questions;
  /// nobody asks about containers or performance testing.
  static let answers: [String: ScorecardFiller.Answers] = [
    "Ada Quinn": [
      "be-acid": ("2", "Could not say what isolation means."),
      "be-indexes": ("2", "Thought clustered means cached."),
      "be-ci-cd": ("4", ""),
      "be-containerization": ("", "Not asked: ran out of time."),
    ],
    "Bo Lindgren": [
      "be-expensive-queries": ("4", "Knows pg_stat_statements and EXPLAIN."),
      "be-sql-injection": ("4", "Prepared statements, stored procedures, allow-lists."),
    ],
    "Chidi Okeke": [
      "be-teamwork": ("5", "Several shared goals, in detail."),
      "be-feedback-share": ("3", "Said \"it depends\", then:\nshe would offer help."),
    ],
  ]

  func importAll() throws -> EvidenceImportResult {
    var result = EvidenceImportResult()
    for (interviewer, answers) in Self.answers {
      let filled = try ScorecardFiller.fill(kit(interviewer), answers)
      result.merge(
        try EvidenceImport.parse(
          SourceFile(path: "\(interviewer).csv", text: filled), skills: library.skillIndex,
          questions: library.questionBanks))
    }
    return result
  }

  @Test func kitListsTheBankInOrderWithAHeaderTheImportRecognises() throws {
    let csv = kit("Ada Quinn")
    #expect(csv.hasPrefix("\u{FEFF}Candidate Email,Interviewer,Interview Date,Role,Order,"))
    var table = try TableReader(path: "kit.csv", text: csv)
    #expect(EvidenceFormat.detect(header: table.header) == .scorecard)
    let rows = try table.rows()
    #expect(rows.map { $0.value("Question ID") } == bank.questions.map(\.id))
    #expect(rows.map { $0.value("Order") } == bank.questions.map { String($0.order) })
    #expect(rows.allSatisfy { $0.value("Rating").isEmpty && $0.value("Notes").isEmpty })
    let indexes = try require(rows.first { $0.value("Question ID") == "be-indexes" })
    #expect(indexes.value("Skills") == "Databases & SQL")
    #expect(indexes.value("Anchor 5").contains("only one"))
    #expect(rows.allSatisfy { $0.value("Candidate Email") == Self.email })
    #expect(rows.allSatisfy { $0.value("Interview Date") == "2026-10-21" })
  }

  @Test func everyRatedQuestionBecomesEvidenceForEachOfItsSkills() throws {
    let result = try importAll()
    #expect(result.allErrors.isEmpty, "\(result.allErrors)")
    let evidence = result.evidence
    // 3 + 2 + 2 rated questions; be-sql-injection and be-expensive-queries map to two skills
    // each, be-teamwork and be-feedback-share too.
    #expect(evidence.count == 3 + 4 + 4)
    #expect(evidence.allSatisfy { $0.hireKey == Self.email && $0.source == .interview })
    #expect(evidence.allSatisfy { $0.scale == .rubric })
    let sql = evidence.filter { $0.skillID == "sql-databases" }
    #expect(
      Set(sql.map { "\($0.assessor ?? "?") \($0.rawValue)" })
        == ["Ada Quinn 2", "Bo Lindgren 4"])
    let injection = evidence.filter { $0.instrument.hasPrefix("be-sql-injection: ") }
    #expect(Set(injection.map(\.skillID)) == ["application-security", "sql-databases"])
    #expect(
      injection.allSatisfy { $0.note == "Prepared statements, stored procedures, allow-lists." })
    #expect(injection.allSatisfy { $0.proficiency?.level == 4 })
    let ci = try require(evidence.first { $0.skillID == "ci-cd" })
    #expect(ci.note == nil && ci.assessor == "Ada Quinn")
    #expect(ci.date == CalendarDate(year: 2026, month: 10, day: 21))
    // The origin is the Rating cell of the question's row (row 1 is the header).
    let ciOrder = try require(bank.question(id: "be-ci-cd")).order
    #expect(ci.origin.file == "Ada Quinn.csv" && ci.origin.line == ciOrder + 1)
    // A note with quotes, a comma and a line break comes back as the interviewer typed it.
    let feedback = try require(evidence.first { $0.skillID == "feedback" })
    #expect(feedback.note == "Said \"it depends\", then:\nshe would offer help.")
  }

  @Test func divergentInterviewersAreConflictingAndUnaskedSkillsUnassessed() throws {
    let result = try importAll()
    let role = try require(library.role(named: "Backend Developer"))
    let report = GapAnalysis.analyze(
      hireKey: Self.email, role: role, skills: library.skillsByID, evidence: result.evidence,
      settings: library.settings.analysis)
    let sql = try require(report.assessment(of: "sql-databases"))
    #expect(sql.status == .conflicting)
    let conflict = try require(sql.conflict)
    #expect(conflict.amongAssessors)
    #expect(conflict.high.name == "Bo Lindgren" && conflict.low.name == "Ada Quinn")
    #expect(conflict.spread == 2)
    // Application security: Bo alone rated it, so nobody disagrees.
    #expect(report.assessment(of: "application-security")?.status != .conflicting)
    // Asked of nobody (a blank rating is not asked, even with a note): no level, not zero.
    for skill in ["containerization", "performance-testing", "nodejs"] {
      let assessment = try require(report.assessment(of: skill))
      #expect(assessment.status == .unassessed, "\(skill)")
      #expect(assessment.observed == nil && assessment.evidence.isEmpty)
    }
    #expect(report.assessment(of: "teamwork")?.observed?.level == 5)

    let comparisons = InterviewerComparison.compare(report)
    #expect(comparisons.map(\.skill.id) == ["sql-databases"])
    let comparison = try require(comparisons.first)
    #expect(comparison.diverges && comparison.spread == 2)
    #expect(comparison.views.map(\.interviewer) == ["Ada Quinn", "Bo Lindgren"])
    #expect(comparison.views.map(\.level) == [2, 4])
    #expect(
      comparison.views[0].notes == [
        "“Could not say what isolation means.” (be-acid: Explain and define the ACID acronym.)",
        "“Thought clustered means cached.” (be-indexes: Explain how non-clustered and clustered indexes…)",
      ])
    #expect(comparison.agreement == "diverge: Bo Lindgren 4 vs Ada Quinn 2, 2 levels apart")

    let markdown = GapSummaryMarkdown.render(report)
    #expect(markdown.contains("### Interviewers' notes"))
    #expect(
      markdown.contains(
        "- **Databases & SQL**: **diverge: Bo Lindgren 4 vs Ada Quinn 2, 2 levels apart**"))
    #expect(markdown.contains("  - Bo Lindgren: 4 · “Knows pg\\_stat\\_statements and EXPLAIN.”"))
  }

  @Test func interviewersWithinOneLevelAgree() throws {
    var result = try importAll()
    // A fourth interviewer rates databases 3: still 2 apart overall (2 vs 4), so it diverges;
    // without Bo, Ada 2 and Dee 3 agree.
    let dee = try ScorecardFiller.fill(kit("Dee Moreau"), ["be-acid": ("3", "Fine.")])
    result.merge(
      try EvidenceImport.parse(
        SourceFile(path: "dee.csv", text: dee), skills: library.skillIndex,
        questions: library.questionBanks))
    let withoutBo = result.evidence.filter { $0.assessor != "Bo Lindgren" }
    let role = try require(library.role(named: "Backend Developer"))
    let report = GapAnalysis.analyze(
      hireKey: Self.email, role: role, skills: library.skillsByID, evidence: withoutBo)
    let comparison = try require(
      InterviewerComparison.compare(report).first { $0.skill.id == "sql-databases" })
    #expect(!comparison.diverges)
    #expect(comparison.agreement == "agree (2–3)")
    #expect(report.assessment(of: "sql-databases")?.status != .conflicting)
  }
}
