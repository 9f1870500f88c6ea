import Foundation
import OnboardMustache
import Testing

@testable import OnboardKit

/// The Fixtures scorecards in the pipeline: interviewers compared in the plan and the briefing.
@Suite struct InterviewNotesFixtureTests {
  let library: PlanLibrary
  let hires: [Hire]
  let evidence: EvidenceImportResult

  init() throws {
    (library, hires, evidence) = try RepositoryFiles.fixtures()
  }

  func plan(_ prefix: String) throws -> OnboardingPlan {
    let hire = try require(RepositoryFiles.hire(prefix, in: hires))
    return try Onboarding.process(
      hire: hire, folder: prefix, library: library, templates: try library.compileTemplates(),
      evidence: evidence.evidence, stamp: CalendarDate(year: 2026, month: 11, day: 29)!
    ).plan
  }

  @Test func fixtureScorecardsImportWithoutErrors() throws {
    #expect(evidence.allErrors.isEmpty, "\(evidence.allErrors)")
    let fromScorecards = evidence.evidence.filter {
      $0.origin.file.hasPrefix("Fixtures/scorecards/")
    }
    #expect(
      Set(fromScorecards.map(\.hireKey)) == [
        "zoe.mueller-luedenscheidt@example.org", "siobhan.oconnor@example.org",
        "yuko.takahashi@example.org",
      ])
    #expect(Set(fromScorecards.compactMap(\.assessor)).count == 7)
    // Siobhán's interviewers left the security questions blank: not asked, no evidence.
    #expect(
      !fromScorecards.contains {
        $0.hireKey == "siobhan.oconnor@example.org" && $0.skillID == "application-security"
      })
  }

  @Test func zoesInterviewersDivergeOnApplicationSecurity() throws {
    let plan = try plan("zoe")
    let security = try require(plan.report.assessment(of: "application-security"))
    #expect(security.status == .conflicting)
    let conflict = try require(security.conflict)
    #expect(conflict.amongAssessors)
    #expect(conflict.high.name == "Hannah Okafor" && conflict.low.name == "Mateo García")
    let comparisons = InterviewerComparison.compare(plan.report)
    let sql = try require(comparisons.first { $0.skill.id == "sql-databases" })
    #expect(!sql.diverges, "the interviewers agree that her SQL is weak")
    #expect(sql.views.allSatisfy { $0.level <= 3 })
    #expect(sql.views.count == 5)
  }

  @Test func managerBriefingShowsTheNotesSideBySide() throws {
    let plan = try plan("zoe")
    let template = try require(
      try library.compileTemplates().first { $0.id == "manager-briefing" })
    let context = EmailContext.build(plan: plan, settings: library.settings)
    let (_, text, html) = try EmailRenderer.parts(template, context: context)
    #expect(text.contains("INTERVIEWERS' NOTES"))
    #expect(
      text.contains(
        "- Application Security: interviewers diverge: Hannah Okafor 4 vs Mateo García 2, 2 levels apart\n"
      ))
    #expect(
      text.contains(
        "  - Mateo García, rated 2: “Prepared statements only, and only when asked directly;"))
    // Hannah Okafor's SQL-injection answer (4) counts half for SQL (questions.csv weight 0.5):
    // (2 + 4 × 0.5) / 1.5 = 2.7.
    #expect(text.contains("- Databases & SQL: interviewers agree (2–2.7)\n"))
    #expect(text.contains("  - Kwame Asante, rated 4\n"), "no note: no colon")
    #expect(html.contains("Hannah Okafor 4 vs Mateo García 2"))
    #expect(html.contains("guessed that clustered means &quot;cached&quot;"))
  }

  @Test func planMarkdownHasTheInterviewersNotes() throws {
    let markdown = MarkdownPlan.render(try plan("zoe"))
    #expect(markdown.contains("### Interviewers' notes"))
    #expect(
      markdown.contains(
        "- **Application Security**: **diverge: Hannah Okafor 4 vs Mateo García 2, 2 levels apart**"
      ))
    #expect(
      markdown.contains(
        "  - Lena Vogel: 4 · “Walked through the handshake and the certificate chain.” (be-ssl: Explain how SSL works.)"
      ))
  }
}
