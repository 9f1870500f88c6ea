import Foundation
import Testing

@testable import OnboardKit

/// Integrity flags where decisions are made, integrity weighting, question weights and "what
/// would settle it" (issue 19, points 1, 3 and 5).
@Suite struct EvidenceTrustTests {
  static let flag = "Integrity: Mouse always in assessment window: No"

  static func conflicting(settings: AnalysisSettings = AnalysisSettings()) -> SkillAssessment? {
    let evidence = [
      EvidenceSourceTests.item(
        .test, level: 4.5, instrument: "SQL (Intermediate)", assessor: "TestGorilla", line: 2,
        note: flag),
      EvidenceSourceTests.item(
        .interview, level: 2, instrument: "be-indexes", assessor: "Mateo García", line: 3),
    ]
    return EvidenceSourceTests.assess(evidence, settings: settings)
  }

  @Test func aFlaggedSideOfAConflictSaysSo() throws {
    let a = try #require(Self.conflicting())
    #expect(a.status == .conflicting)
    #expect(a.integrityFlags == ["Mouse always in assessment window: No"])
    #expect(
      a.conflict?.summary
        == "test 4.5, taken with an integrity flag: “Mouse always in assessment window: No”, "
        + "vs interview 2 (2.5 levels apart)")
    #expect(a.integrityNote?.contains("counted at full weight") == true)
    #expect(a.weightNote == nil)
    #expect(
      a.settleIt?.contains("a retake of “SQL (Intermediate)” without the integrity flag") == true)
    #expect(a.settleIt?.contains("a second interviewer's rating of SQL") == true)
  }

  @Test func downWeightingAFlaggedAttemptCanChangeTheStatusAndSaysSo() throws {
    var settings = AnalysisSettings()
    settings.integrityWeight = 0
    let a = try #require(Self.conflicting(settings: settings))
    // Without the test, the interview alone: level 2 against target 4 on an essential skill.
    #expect(a.status == .criticalGap)
    #expect(a.weightNote?.contains("at full weight it would be conflicting evidence") == true)
    #expect(a.integrityNote?.contains("counted at weight 0") == true)
    // Half weight: the level lies between.
    settings.integrityWeight = 0.5
    let half = try #require(Self.conflicting(settings: settings))
    #expect(abs((half.observed?.level ?? 0) - 3.25) < 1e-9)
  }

  @Test func thePlanSaysWhenAWeightChangedAStatus() throws {
    var settings = AnalysisSettings()
    settings.integrityWeight = 0
    let evidence = [
      EvidenceSourceTests.item(
        .test, level: 4.5, instrument: "SQL (Intermediate)", assessor: "TestGorilla", line: 2,
        note: Self.flag),
      EvidenceSourceTests.item(
        .interview, level: 2, instrument: "be-indexes", assessor: "Mateo García", line: 3),
    ]
    let report = GapAnalysis.analyze(
      hireKey: "a@example.com", role: EvidenceSourceTests.role,
      skills: ["sql": EvidenceSourceTests.skill], evidence: evidence, settings: settings)
    let markdown = GapSummaryMarkdown.render(report, settings: settings)
    #expect(markdown.contains("**A weight changed the status of SQL:** counting the flagged"))
    #expect(markdown.contains("| SQL ⚑ |"))
    #expect(markdown.contains("counted at weight 0 (integrity\\_weight in Plans/settings.json)"))
    let json = try PlanDocument.ReportDocument.encode([
      .init(hire: AnalysisGen.hire(key: "a@example.com"), report: report)
    ])
    #expect(String(decoding: json, as: UTF8.self).contains("\"weightNote\""))
  }

  @Test func settingsRefuseAnIntegrityWeightOutsideZeroToOne() throws {
    var sources = try RepositoryFiles.planSources()
    let json = #"{"analysis": {"integrity_weight": 1.5}}"#
    sources.settings = SourceFile(path: "Plans/settings.json", text: json)
    #expect(throws: InputErrors.self) { try PlanLibrary.load(sources) }
    sources.settings = SourceFile(
      path: "Plans/settings.json", text: #"{"analysis": {"integrity_weight": 0.5}}"#)
    #expect(try PlanLibrary.load(sources).settings.analysis.integrityWeight == 0.5)
  }

  @Test func broadQuestionsAtFullWeightAreFlagged() throws {
    let library = try RepositoryFiles.library()
    // The shipped banks weigh their general questions down.
    #expect(library.questionBanks.flatMap { $0.broadQuestionWarnings() }.isEmpty)
    let general = try #require(
      library.questionBanks.bank(containing: "be-technical-skills")?.question(
        id: "be-technical-skills"))
    #expect(general.weight(of: "nodejs") == 0.25)
    var broad = general
    broad.skillWeights = [:]
    let warnings = QuestionBank(role: "Backend Developer", questions: [broad])
      .broadQuestionWarnings()
    #expect(warnings.count == 1)
    #expect(warnings.first?.message.contains("full weight for 3 skills") == true)
  }

  @Test func questionWeightsOutsideZeroToOneAreErrors() throws {
    var sources = try RepositoryFiles.planSources()
    let text = String(decoding: try #require(sources.questions?.data), as: UTF8.self)
    sources.questions = SourceFile(
      path: "Plans/questions.csv",
      text: text.replacingOccurrences(of: "nodejs:0.25|git:0.25", with: "nodejs:2|git:0.25"))
    do {
      _ = try PlanLibrary.load(sources)
      Issue.record("a weight of 2 was accepted")
    } catch {
      #expect(error.errors.contains { $0.message.contains("expected a number from 0 to 1") })
    }
  }
}
