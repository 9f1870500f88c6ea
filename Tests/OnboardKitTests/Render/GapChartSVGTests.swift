import Testing

@testable import OnboardKit

@Suite struct GapChartSVGTests {
  let plan = PlanFixture.plan()

  /// The markup of the bar group of one skill.
  func group(_ svg: String, skill: String) -> String {
    HTMLProbe.slice(svg, from: "data-skill=\"\(skill)\"", to: "<g class=\"bar-group")
  }

  @Test func oneBarGroupPerRequiredSkillInPriorityOrder() {
    let svg = GapChartSVG.render(plan.report)
    #expect(HTMLProbe.count("<g class=\"bar-group", in: svg) == 4)
    let skills = HTMLProbe.attributeValues("data-skill", in: svg)
    #expect(skills == PlanFixture.priorityOrder)
    #expect(HTMLProbe.attributeValues("data-priority", in: svg) == ["1", "2", "3", "4"])
  }

  @Test func everyGroupHasATargetBarAndAnAccessibleName() {
    let svg = GapChartSVG.render(plan.report)
    #expect(svg.hasPrefix("<svg class=\"gap-chart\" role=\"img\""))
    #expect(svg.contains("<title id=\"gap-chart-title\">"))
    #expect(svg.contains("aria-labelledby=\"gap-chart-title gap-chart-desc\""))
    for skill in PlanFixture.priorityOrder {
      let markup = group(svg, skill: skill)
      #expect(HTMLProbe.count("<rect class=\"target\"", in: markup) == 1, "\(skill)")
      #expect(markup.contains("aria-label=\""), "\(skill)")
      #expect(markup.contains("<title>"), "\(skill)")
    }
    // The SQL target is level 4: 4 × 100 units wide.
    #expect(group(svg, skill: "sql").contains("class=\"target\" x=\"300\" y=\"93\" width=\"400\""))
  }

  @Test func unassessedSkillIsHatchedDashedAndSaysSo() {
    let svg = GapChartSVG.render(plan.report)
    let security = group(svg, skill: "security")
    #expect(security.contains("data-status=\"unassessed\""))
    #expect(security.contains("class=\"unknown\""))
    #expect(security.contains("url(#gc-hatch)"))
    #expect(security.contains("level unknown"))
    #expect(security.contains("? unassessed"))
    #expect(!security.contains("class=\"observed"))
    // Others are not marked unknown.
    #expect(!group(svg, skill: "sql").contains("class=\"unknown\""))
  }

  @Test func conflictingSkillIsCrossHatchedWithBothSourcesMarked() {
    let svg = GapChartSVG.render(plan.report)
    let communication = group(svg, skill: "communication")
    #expect(communication.contains("data-status=\"conflicting\""))
    #expect(communication.contains("url(#gc-cross)"))
    #expect(communication.contains("conflicting evidence"))
    #expect(HTMLProbe.count("class=\"source-mark\"", in: communication) == 2)
    #expect(communication.contains("test 4.8 vs interview 2"))
    let sql = group(svg, skill: "sql")
    #expect(!sql.contains("url(#gc-cross)"))
    #expect(sql.contains("data-status=\"critical-gap\""))
    #expect(sql.contains("▲ critical gap"))
  }

  @Test func tierIsMarkedInWords() {
    let svg = GapChartSVG.render(plan.report)
    #expect(group(svg, skill: "sql").contains("◆ essential · target 4"))
    #expect(group(svg, skill: "git").contains("◇ important · target 3"))
    #expect(group(svg, skill: "communication").contains("· nice-to-have · target 3"))
  }

  @Test func confidenceRangeIsObservedPlusMinusDoubtClampedToTheScale() {
    #expect(GapChartSVG.confidenceRange(level: 3, confidence: 0.75) == 2.75...3.25)
    #expect(GapChartSVG.confidenceRange(level: 4.8, confidence: 0.5) == 4.3...5)
    #expect(GapChartSVG.confidenceRange(level: 0.2, confidence: 0) == 0...1.2)
    #expect(GapChartSVG.confidenceRange(level: 2, confidence: 1) == 2...2)
  }

  @Test func whiskerIsDrawnFromTheRange() {
    // SQL: one test, confidence 0.5 → 2.5 ± 0.5 → x 500…600 (plotLeft 300, 100 per level).
    let sql = group(GapChartSVG.render(plan.report), skill: "sql")
    #expect(plan.report.assessment(of: "sql")?.confidence == 0.5)
    #expect(sql.contains("class=\"whisker\" d=\"M500 "))
    #expect(sql.contains("H600M500 "))
  }
}
