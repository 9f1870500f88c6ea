/// The gap chart for narrow screens (phones): the same bars, with each skill's name, tier and
/// status above its bars instead of beside them, the full width of the screen for the 0–5 scale.
/// The page shows it instead of the wide chart below 560 px; print always uses the wide one.
extension GapChartSVG {
  static let narrowWidth = 360.0
  static let narrowLeft = 12.0
  static let narrowUnit = 66.0
  static let narrowRow = 78.0

  /// The narrow chart as one `<svg>` element.
  public static func renderNarrow(_ report: GapReport) -> String { narrowBytes(report).string }

  /// The narrow chart's markup as bytes.
  static func narrowBytes(_ report: GapReport) -> HTMLBytes {
    narrowBytes(report, labels: labels(report))
  }

  /// The narrow chart's markup, with `labels` from `labels(report)`.
  static func narrowBytes(_ report: GapReport, labels: [HTMLBytes]) -> HTMLBytes {
    let rows = report.assessments
    let names = rows.map { nameLines("\($0.requirement.priority). \($0.skill.name)", limit: 44) }
    let heights = names.map { narrowRow + Double($0.count - 1) * 16 }
    let legendHeight = 70.0
    let height = legendHeight + 24 + heights.reduce(0, +) + 12
    var svg: HTMLBytes =
      "<svg class=\"chart-narrow gap-chart\" role=\"img\" "
      + "viewBox=\"0 0 \(n: narrowWidth) \(n: height)\" width=\"\(n: narrowWidth)\" "
      + "height=\"\(n: height)\" aria-labelledby=\"gap-chart-n-title\">"
      + "<title id=\"gap-chart-n-title\">Target and observed level of each required skill</title>"
    svg += definitions("-n")
    svg += narrowLegend
    let axisTop = legendHeight + 6
    svg += "<g class=\"axis\" aria-hidden=\"true\">"
    for level in 0...5 {
      let x = nx(Double(level))
      svg += "<text x=\"\(n: x)\" y=\"\(n: axisTop + 10)\">\(level)</text>"
      svg +=
        "<line x1=\"\(n: x)\" y1=\"\(n: axisTop + 16)\" x2=\"\(n: x)\" y2=\"\(n: height - 8)\"/>"
    }
    svg += "</g>"
    var y = axisTop + 18
    for (index, a) in rows.enumerated() {
      svg += narrowGroup(
        a, y: y, height: heights[index], name: names[index], label: labels[index],
        striped: index % 2 == 1)
      y += heights[index]
    }
    return svg + "</svg>"
  }

  private static var narrowLegend: HTMLBytes {
    let items: [(String, String)] = [
      ("<rect class=\"target\" x=\"2\" y=\"6\" width=\"30\" height=\"10\"/>", "Target"),
      (
        "<rect class=\"observed status-gap\" x=\"2\" y=\"4\" width=\"30\" height=\"14\"/>",
        "Observed"
      ),
      ("<path class=\"whisker\" d=\"M4 11H30M4 5V17M30 5V17\"/>", "Confidence range"),
      (
        "<rect class=\"unknown\" x=\"2\" y=\"4\" width=\"30\" height=\"14\" fill=\"url(#gc-hatch-n)\"/>",
        "? Unassessed"
      ),
      (
        "<rect class=\"observed conflict\" x=\"2\" y=\"4\" width=\"30\" height=\"14\" fill=\"url(#gc-cross-n)\"/>",
        "⚡\u{FE0E} Conflicting"
      ),
      ("<path class=\"source-mark\" d=\"M24 3L30 11L24 19L18 11Z\"/>", "Disagreeing source"),
    ]
    var svg: HTMLBytes = "<g class=\"legend\" aria-hidden=\"true\">"
    for (index, item) in items.enumerated() {
      let x = Double(index % 2) * 180
      let y = Double(index / 2) * 22
      svg += "<g transform=\"translate(\(n: x) \(n: y))\">\(item.0)"
      svg += "<text x=\"38\" y=\"15\">\(item.1)</text></g>"
    }
    return svg + "</g>"
  }

  private static func narrowGroup(
    _ a: SkillAssessment, y: Double, height: Double, name: [String], label: HTMLBytes,
    striped: Bool
  ) -> HTMLBytes {
    let requirement = a.requirement
    var svg: HTMLBytes =
      "<g class=\"bar-group-n status-\(a.status.rawValue)\" data-skill=\"\(h: a.skill.id)\">"
      + "<title>\(escaped: label)</title>"
    if striped {
      svg +=
        "<rect class=\"stripe\" x=\"0\" y=\"\(n: y)\" width=\"\(n: narrowWidth)\" height=\"\(n: height)\"/>"
    }
    for (line, text) in name.enumerated() {
      svg +=
        "<text class=\"skill-name-n\" x=\"\(n: narrowLeft)\" y=\"\(n: y + 16 + Double(line) * 16)\">"
        + "\(h: text)</text>"
    }
    let textBottom = y + 16 + Double(name.count - 1) * 16
    svg +=
      "<text class=\"skill-meta-n\" x=\"\(n: narrowLeft)\" y=\"\(n: textBottom + 16)\">"
      + "\(requirement.tier.rawValue) · target \(requirement.targetLevel) · "
      + "<tspan class=\"status-text\">\(HTMLStatus.symbol(a.status)) \(h: a.status.label)</tspan></text>"
    let barTop = textBottom + 26
    let target = Double(min(5, max(0, requirement.targetLevel)))
    svg +=
      "<rect class=\"target\" x=\"\(n: narrowLeft)\" y=\"\(n: barTop)\" "
      + "width=\"\(n: target * narrowUnit)\" height=\"8\"/>"
    let barY = barTop + 11
    guard let observed = a.observed, a.status != .unassessed else {
      return svg
        + "<rect class=\"unknown\" x=\"\(n: narrowLeft)\" y=\"\(n: barY)\" "
        + "width=\"\(n: 5 * narrowUnit)\" height=\"14\" fill=\"url(#gc-hatch-n)\"/></g>"
    }
    svg += observedBar(
      a, level: observed.level, left: narrowLeft, unit: narrowUnit, y: barY, height: 14,
      suffix: "-n")
    return svg + "</g>"
  }

  private static func nx(_ level: Double) -> Double { narrowLeft + level * narrowUnit }
}
