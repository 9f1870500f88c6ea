import Testing

@testable import OnboardKit

@Suite struct HTMLIndexTests {
  static let ada = PlanFixture.plan()
  static var frontend: OnboardingPlan {
    var names = PlanFixture.Names()
    names.firstName = "Bea"
    names.role = "Frontend Developer"
    var plan = PlanFixture.plan(names)
    // A different role: only Git and a skill nobody else needs.
    let react = SkillAssessment(
      skill: Skill(id: "react", name: "React", kind: .technical),
      requirement: SkillRequirement(
        skillID: "react", priority: 1, tier: .essential, targetLevel: 4),
      observed: Proficiency(level: 4.5), confidence: 0.5, shortfall: 0, importance: 3, severity: 0,
      status: .strength, levelStatus: .strength, conflict: nil, sourceLevels: [],
      assessorLevels: [],
      percentileRanks: [], evidence: [])
    plan.report.assessments = [react] + plan.report.assessments.filter { $0.skill.id == "git" }
    return plan
  }

  static func entry(_ plan: OnboardingPlan, folder: String) -> HTMLIndex.Entry {
    HTMLIndex.Entry(
      name: plan.hire.fullName, email: plan.hire.email, role: plan.role.title, start: plan.start,
      folder: folder, report: plan.report)
  }

  static var entries: [HTMLIndex.Entry] {
    [
      entry(ada, folder: "ada"),
      entry(frontend, folder: "bea"),
      .failed(PlanFixture.hire(), errors: ["evidence.csv:4:2: error: score 140 is out of range"]),
      .failed(name: "roster line 7", errors: ["roster.csv:7:3: error: bad date"]),
    ]
  }

  @Test func pageIsWellFormedWithOneH1() {
    let html = HTMLIndex.render(entries: Self.entries)
    #expect(HTMLStructure.problems(html) == [])
    #expect(html.contains("<p>2 of 4 hires planned; <span class=\"failed\">2 failed</span>.</p>"))
  }

  @Test func plannedHiresLinkToTheirPlansFailedOnesShowTheirErrors() {
    let html = HTMLIndex.render(entries: Self.entries)
    #expect(HTMLProbe.attributeValues("href", in: html) == ["ada/plan.html", "bea/plan.html"])
    #expect(html.contains("✗ failed"))
    #expect(html.contains("score 140 is out of range"))
    #expect(html.contains("roster line 7"))
    #expect(HTMLProbe.count("✓ ok", in: html) == 2)
  }

  @Test func mostUrgentGapsComeFirst() {
    let urgent = HTMLIndex.urgent(Self.entry(Self.ada, folder: "ada"))
    let sql = urgent.range(of: "Databases &amp; SQL")
    let security = urgent.range(of: "Application Security")
    #expect(sql != nil && security != nil)
    if let sql, let security { #expect(sql.lowerBound < security.lowerBound) }
    #expect(urgent.contains("▲"))
    #expect(urgent.contains("Communication"))
    #expect(HTMLIndex.urgent(.failed(name: "x", errors: [])) == "–")
  }

  @Test func matrixHasARowPerSkillAndAColumnPerPlannedHire() {
    let html = HTMLIndex.render(entries: Self.entries)
    let matrix = HTMLProbe.slice(html, from: "<table class=\"matrix\"", to: "</table>")
    // Priority 1 skills first (React, SQL by name), then by priority.
    #expect(
      HTMLProbe.attributeValues("data-skill", in: matrix)
        == ["sql", "react", "security", "git", "communication"])
    let header = HTMLProbe.slice(matrix, from: "<thead>", to: "</thead>")
    #expect(HTMLProbe.count("<th scope=\"col\">", in: header) == 3)
    #expect(!header.contains("roster line 7"))
    func row(_ skill: String) -> String {
      HTMLProbe.slice(matrix, from: "data-skill=\"\(skill)\"", to: "</tr>")
    }
    #expect(HTMLProbe.attributeValues("data-status", in: row("sql")) == ["critical-gap"])
    #expect(row("sql").contains("▲</span> critical gap"))
    #expect(row("sql").contains("not required"))
    #expect(row("security").contains("?</span> unassessed"))
    #expect(row("communication").contains("⚡\u{FE0E}</span> conflicting evidence"))
    #expect(HTMLProbe.attributeValues("data-status", in: row("git")) == ["strength", "strength"])
    #expect(row("git").contains("✓</span> strength"))
    #expect(row("react").contains("4.5 of 4"))
    // The legend explains every symbol in words.
    for status in SkillStatus.allCases {
      #expect(html.contains("\(HTMLStatus.symbol(status))</dt><dd>\(status.label)</dd>"))
    }
  }

  @Test func emptyRosterStillRenders() {
    let html = HTMLIndex.render(entries: [])
    #expect(HTMLStructure.problems(html) == [])
    #expect(html.contains("No planned hires."))
  }
}
