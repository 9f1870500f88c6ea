import Foundation
import Testing

@testable import OnboardKit

/// plan.html for screens of every width and for paper: chart labels whole, a narrow chart with
/// labels above the bars, the summary and chart first, the evidence as an appendix.
@Suite struct HTMLLayoutTests {
  static let outputs: [HireOutput] = {
    guard let cohort = try? FixtureCohort() else { return [] }
    return cohort.hires.compactMap { try? cohort.output(for: $0) }
  }()

  static func texts(_ svg: String, class name: String) -> [String] {
    svg.components(separatedBy: "<text class=\"\(name)\"").dropFirst().map {
      String($0.split(separator: ">", maxSplits: 1)[1].prefix { $0 != "<" })
    }
  }

  @Test func everySkillNameIsWholeInBothCharts() {
    #expect(Self.outputs.count == 5)
    for output in Self.outputs {
      let wide = GapChartSVG.render(output.plan.report)
      let narrow = GapChartSVG.renderNarrow(output.plan.report)
      let lines = Self.texts(wide, class: "skill-name")
      let narrowLines = Self.texts(narrow, class: "skill-name-n")
      for a in output.plan.report.assessments {
        let label = htmlEscaped("\(a.requirement.priority). \(a.skill.name)")
        #expect(lines.joined(separator: " ").contains(label), "\(label)")
        #expect(narrowLines.joined(separator: " ").contains(label), "\(label)")
        // Each line fits the 288 units left of the bars (about 34 characters of 13 px bold).
        let raw = GapChartSVG.nameLines("\(a.requirement.priority). \(a.skill.name)", limit: 34)
        #expect(raw.allSatisfy { $0.count <= 34 || !$0.contains(" ") }, "\(raw)")
      }
      #expect(!lines.joined().contains("…"))
    }
  }

  @Test func narrowChartPutsEachLabelAboveItsBars() throws {
    let output = try #require(Self.outputs.first)
    let narrow = GapChartSVG.renderNarrow(output.plan.report)
    for group in narrow.components(separatedBy: "<g class=\"bar-group-n").dropFirst() {
      let nameY = try #require(
        Self.number(after: "class=\"skill-name-n\" x=\"12\" y=\"", in: group))
      let barY = try #require(Self.number(after: "class=\"target\" x=\"12\" y=\"", in: group))
      #expect(nameY < barY)
    }
    #expect(narrow.contains("viewBox=\"0 0 360 "))
    #expect(HTMLStyle.css.contains("@media screen and (max-width:560px){"))
  }

  @Test func pageOpensWithSummaryAndChartAndEndsWithTheEvidence() throws {
    for output in Self.outputs {
      let html = String(
        decoding: try #require(output.files.first { $0.path == "plan.html" }).data, as: UTF8.self)
      let chart = try #require(html.range(of: "<svg class=\"gap-chart\""))
      let calendar = try #require(html.range(of: "<section id=\"calendar\""))
      let appendix = try #require(html.range(of: "<section id=\"gap-table\""))
      let evidence = try #require(html.range(of: "<h3 id=\"evidence\">"))
      #expect(chart.lowerBound < calendar.lowerBound)
      #expect(
        calendar.lowerBound < appendix.lowerBound && appendix.lowerBound < evidence.lowerBound)
      #expect(html.range(of: "<section", range: appendix.upperBound..<html.endIndex) == nil)
    }
  }

  static func number(after prefix: String, in text: String) -> Double? {
    guard let range = text.range(of: prefix) else { return nil }
    return Double(text[range.upperBound...].prefix { $0.isNumber || $0 == "." })
  }

  /// On paper the page is A4 (Chromium printed Letter), the first-month calendar keeps its
  /// heading and header row with its weeks, and the manager's and buddy's addresses sit on a line
  /// of their own (on screen they broke mid-word or left a parenthesis alone).
  @Test func paperIsA4AndAddressesSitOnTheirOwnLine() throws {
    let output = try #require(Self.outputs.first)
    let html = String(
      decoding: try #require(output.files.first { $0.path == "plan.html" }).data, as: UTF8.self)
    let print = try #require(html.components(separatedBy: "@media print{").last)
    #expect(print.contains("@page{size:A4"))
    #expect(print.contains("section#calendar{break-inside:avoid}"))
    let manager = output.plan.hire.manager
    #expect(
      html.contains(
        "\(htmlEscaped(manager.name))</bdi> <span class=\"address\"><a href=\"mailto:\(manager.email)\">"
      ))
    #expect(html.contains(".facts .address{display:block"))
    #expect(!html.contains("(<a href=\"mailto:"))
  }
}
