/// The gap chart of a report as inline SVG: one bar group per required skill, in priority order,
/// with the target level (an outlined bar), the observed level (a filled bar), the confidence as a
/// whisker (observed ± (1 − confidence) levels, clamped to 0–5), the tier, and the status in words.
/// Unassessed skills get a hatched, dashed "level unknown" box; conflicting ones a cross-hatched
/// bar with the two disagreeing sources marked.
public enum GapChartSVG {
  static let width = 1000.0
  static let plotLeft = 300.0
  static let unit = 100.0
  static let statusLeft = 822.0
  static let top = 86.0
  static let rowHeight = 46.0
  static let bottom = 44.0

  /// The chart as one `<svg>` element (with `role="img"`, a `<title>` and a `<desc>`).
  public static func render(_ report: GapReport) -> String { bytes(report).string }

  /// The chart's markup as bytes.
  static func bytes(_ report: GapReport) -> HTMLBytes {
    bytes(report, labels: labels(report))
  }

  /// Each skill's `description`, HTML-escaped: the wide and the narrow chart both use it, so a
  /// page builds it once per skill.
  static func labels(_ report: GapReport) -> [HTMLBytes] {
    report.assessments.map(escapedDescription)
  }

  /// The chart's markup, with `labels` from `labels(report)`.
  static func bytes(_ report: GapReport, labels: [HTMLBytes]) -> HTMLBytes {
    let rows = report.assessments
    // A long skill name takes two lines (never cut, never past the left edge), so its row is
    // taller; every row starts where the one above ends.
    let names = rows.map { nameLines("\($0.requirement.priority). \($0.skill.name)", limit: 34) }
    let heights = names.map { rowHeight + Double($0.count - 1) * 15 }
    let plotHeight = heights.reduce(0, +)
    let height = top + plotHeight + bottom
    let needing = report.weakAreas.map(\.skill.name)
    var svg: HTMLBytes =
      "<svg class=\"gap-chart\" role=\"img\" "
      + "viewBox=\"0 0 \(n: width) \(n: height)\" width=\"\(n: width)\" height=\"\(n: height)\" "
      + "aria-labelledby=\"gap-chart-title gap-chart-desc\">"
    svg += "<title id=\"gap-chart-title\">Target and observed level of each required skill</title>"
    svg +=
      "<desc id=\"gap-chart-desc\">\(plural(rows.count, "skill")) in priority order. "
      + (needing.isEmpty
        ? "No skill needs training."
        : "Needing training: \(h: needing.joined(separator: ", ")).")
      + " The table below gives the same numbers.</desc>"
    svg += definitions()
    svg += legend
    svg += axis(y: top - 8, height: plotHeight + 16)
    var y = top
    for (index, assessment) in rows.enumerated() {
      svg += group(
        assessment, y: y, height: heights[index], name: names[index], label: labels[index],
        striped: index % 2 == 1)
      y += heights[index]
    }
    return svg + "</svg>"
  }

  /// A label as one line, or two split at a space when it is longer than `limit` characters.
  static func nameLines(_ text: String, limit: Int) -> [String] {
    guard text.count > limit else { return [text] }
    let words = text.split(separator: " ")
    var first = ""
    var index = 0
    while index < words.count, first.isEmpty || first.count + 1 + words[index].count <= limit {
      first += (first.isEmpty ? "" : " ") + words[index]
      index += 1
    }
    let rest = words[index...].joined(separator: " ")
    return rest.isEmpty ? [first] : [first, rest]
  }

  /// The whisker of an observed level: level ± (1 − confidence), clamped to 0–5.
  static func confidenceRange(level: Double, confidence: Double) -> ClosedRange<Double> {
    let half = max(0, 1 - min(1, max(0, confidence)))
    let low = min(5, max(0, level - half))
    let high = min(5, max(0, level + half))
    return low...max(low, high)
  }

  /// The hatch patterns; `suffix` keeps their ids unique when a page holds two charts.
  static func definitions(_ suffix: String = "") -> HTMLBytes {
    "<defs>"
      + "<pattern id=\"gc-hatch\(suffix)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
      + "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#f4f4f5\"/>"
      + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#9ca3af\" stroke-width=\"3\"/></pattern>"
      + "<pattern id=\"gc-cross\(suffix)\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\">"
      + "<rect width=\"7\" height=\"7\" fill=\"#7c3aed\"/>"
      + "<path d=\"M0 0L7 7M7 0L0 7\" stroke=\"#f5f3ff\" stroke-width=\"1.4\"/></pattern>"
      + "</defs>"
  }

  private static var legend: HTMLBytes {
    var svg: HTMLBytes = "<g class=\"legend\" aria-hidden=\"true\">"
    var x = 0.0
    func item(_ shape: String, _ label: String, width: Double) {
      svg += "<g transform=\"translate(\(n: x) 6)\">\(shape)"
      svg += "<text x=\"46\" y=\"15\">\(label)</text></g>"
      x += width
    }
    item(
      "<rect class=\"target\" x=\"2\" y=\"6\" width=\"38\" height=\"10\"/>", "Target", width: 118)
    item(
      "<rect class=\"observed status-gap\" x=\"2\" y=\"4\" width=\"38\" height=\"14\"/>",
      "Observed", width: 132)
    item(
      "<path class=\"whisker\" d=\"M4 11H38M4 5V17M38 5V17\"/>", "Confidence range", width: 196)
    item(
      "<rect class=\"unknown\" x=\"2\" y=\"4\" width=\"38\" height=\"14\" fill=\"url(#gc-hatch)\"/>",
      "? Unassessed", width: 160)
    item(
      "<rect class=\"observed conflict\" x=\"2\" y=\"4\" width=\"38\" height=\"14\" "
        + "fill=\"url(#gc-cross)\"/>", "⚡\u{FE0E} Conflicting", width: 170)
    item(
      "<path class=\"source-mark\" d=\"M32 3L38 11L32 19L26 11Z\"/>", "Disagreeing source",
      width: 0)
    return svg + "</g>"
  }

  private static func axis(y: Double, height: Double) -> HTMLBytes {
    var svg: HTMLBytes = "<g class=\"axis\" aria-hidden=\"true\">"
    for level in 0...5 {
      let x = plotLeft + Double(level) * unit
      svg += "<line x1=\"\(n: x)\" y1=\"\(n: y)\" x2=\"\(n: x)\" y2=\"\(n: y + height)\"/>"
      let name = Proficiency.levelNames[level]
      svg += "<text x=\"\(n: x)\" y=\"\(n: y - 6)\">\(level) \(name)</text>"
      svg += "<text x=\"\(n: x)\" y=\"\(n: y + height + 18)\">\(level) \(name)</text>"
    }
    return svg + "</g>"
  }

  private static func group(
    _ a: SkillAssessment, y: Double, height: Double, name: [String], label: HTMLBytes,
    striped: Bool
  ) -> HTMLBytes {
    let requirement = a.requirement
    var svg: HTMLBytes =
      "<g class=\"bar-group status-\(a.status.rawValue) tier-\(requirement.tier.rawValue)\" "
      + "data-skill=\"\(h: a.skill.id)\" data-priority=\"\(requirement.priority)\" "
      + "data-status=\"\(a.status.rawValue)\" aria-label=\"\(escaped: label)\">"
      + "<title>\(escaped: label)</title>"
    if striped {
      svg += "<rect class=\"stripe\" x=\"0\" y=\"\(n: y)\" width=\"\(n: width)\" "
      svg += "height=\"\(n: height)\"/>"
    }
    for (line, text) in name.enumerated() {
      svg +=
        "<text class=\"skill-name\" x=\"\(n: plotLeft - 12)\" y=\"\(n: y + 19 + Double(line) * 15)\">"
        + "\(h: text)</text>"
    }
    svg +=
      "<text class=\"skill-meta\" x=\"\(n: plotLeft - 12)\" y=\"\(n: y + height - 10)\">"
      + "\(tierMark(requirement.tier)) \(requirement.tier.rawValue) · target \(requirement.targetLevel)"
      + "</text>"
    let targetWidth = Double(min(5, max(0, requirement.targetLevel))) * unit
    svg +=
      "<rect class=\"target\" x=\"\(n: plotLeft)\" y=\"\(n: y + 7)\" "
      + "width=\"\(n: targetWidth)\" height=\"10\"/>"
    svg += observedMarks(a, y: y + 21)
    svg += statusText(a, y: y)
    return svg + "</g>"
  }

  private static func observedMarks(_ a: SkillAssessment, y: Double) -> HTMLBytes {
    guard let observed = a.observed, a.status != .unassessed else {
      return "<rect class=\"unknown\" x=\"\(n: plotLeft)\" y=\"\(n: y)\" width=\"\(n: 5 * unit)\" "
        + "height=\"16\" fill=\"url(#gc-hatch)\"/>"
        + "<rect class=\"unknown-label-bg\" x=\"\(n: plotLeft + 2.5 * unit - 118)\" "
        + "y=\"\(n: y + 2)\" width=\"236\" height=\"12\" rx=\"2\"/>"
        + "<text class=\"unknown-label\" x=\"\(n: plotLeft + 2.5 * unit)\" y=\"\(n: y + 12)\">"
        + "level unknown: nobody measured it</text>"
    }
    return observedBar(
      a, level: observed.level, left: plotLeft, unit: unit, y: y, height: 16, suffix: "")
  }

  /// The observed bar from `left` (`unit` per level, `height` high), its confidence whisker and,
  /// for a conflict, a mark at each side's level; the wide and the narrow chart differ only in
  /// these sizes and in their patterns' id `suffix`.
  static func observedBar(
    _ a: SkillAssessment, level: Double, left: Double, unit: Double, y: Double, height: Double,
    suffix: String
  ) -> HTMLBytes {
    func x(_ level: Double) -> Double { left + level * unit }
    let (mid, tick) = (y + height / 2, (height - 4) / 2)
    let fill = a.status == .conflicting ? " fill=\"url(#gc-cross\(suffix))\"" : ""
    let kind = a.status == .conflicting ? "conflict" : HTMLStatus.cssClass(a.status)
    var svg: HTMLBytes =
      "<rect class=\"observed \(kind)\" x=\"\(n: left)\" y=\"\(n: y)\" "
      + "width=\"\(n: max(2, level * unit))\" height=\"\(n: height)\"\(fill)/>"
    let range = confidenceRange(level: level, confidence: a.confidence)
    if range.upperBound - range.lowerBound > 0.001 {
      let (x1, x2) = (x(range.lowerBound), x(range.upperBound))
      svg +=
        "<path class=\"whisker\" d=\"M\(n: x1) \(n: mid)H\(n: x2)"
        + "M\(n: x1) \(n: mid - tick)V\(n: mid + tick)M\(n: x2) \(n: mid - tick)V\(n: mid + tick)\"/>"
    }
    if let conflict = a.conflict {
      for source in [conflict.high, conflict.low] {
        let cx = x(min(5, max(0, source.level)))
        svg +=
          "<path class=\"source-mark\" d=\"M\(n: cx) \(n: y - 3)L\(n: cx + tick) \(n: mid)"
          + "L\(n: cx) \(n: y + height + 3)L\(n: cx - tick) \(n: mid)Z\"/>"
      }
    }
    return svg
  }

  private static func statusText(_ a: SkillAssessment, y: Double) -> HTMLBytes {
    var detail: String
    if let observed = a.observed, a.status != .unassessed {
      detail =
        "observed \(formatNumber(observed.level)), confidence \(formatNumber(a.confidence, decimals: 2))"
      if let conflict = a.conflict {
        detail = truncated(
          "\(conflict.high.name) \(formatNumber(conflict.high.level)) vs "
            + "\(conflict.low.name) \(formatNumber(conflict.low.level))", limit: 30)
      }
    } else {
      detail = a.percentileRanks.isEmpty ? "no level evidence" : "percentile rank only"
    }
    return "<text class=\"status-text\" x=\"\(n: statusLeft)\" y=\"\(n: y + 19)\">"
      + "\(HTMLStatus.symbol(a.status)) \(h: a.status.label)</text>"
      + "<text class=\"status-detail\" x=\"\(n: statusLeft)\" y=\"\(n: y + 36)\">\(h: detail)</text>"
  }

  /// `h(description(a))`, written straight into bytes: the parts that are numbers or fixed words
  /// have nothing to escape, the others are escaped as `h` does.
  static func escapedDescription(_ a: SkillAssessment) -> HTMLBytes {
    let r = a.requirement
    var text: HTMLBytes =
      "\(r.priority). \(h: a.skill.name) (\(h: r.tier.rawValue)): target \(r.targetLevel), "
    if let observed = a.observed, a.status != .unassessed {
      text +=
        "observed \(n: observed.level) with confidence \(n: a.confidence, decimals: 2); "
    } else {
      text += "no level measured; "
    }
    text.append(h: HTMLStatus.words(a))
    if let conflict = a.conflict {
      text += ": "
      text.append(h: conflict.summary)
    }
    return text
  }

  /// What a screen reader and a tooltip say about one skill.
  static func description(_ a: SkillAssessment) -> String {
    let r = a.requirement
    var text =
      "\(r.priority). \(a.skill.name) (\(r.tier.rawValue)): target \(r.targetLevel), "
    if let observed = a.observed, a.status != .unassessed {
      text +=
        "observed \(formatNumber(observed.level)) with confidence "
        + "\(formatNumber(a.confidence, decimals: 2)); "
    } else {
      text += "no level measured; "
    }
    text += HTMLStatus.words(a)
    if let conflict = a.conflict { text += ": \(conflict.summary)" }
    return text
  }

  private static func tierMark(_ tier: Tier) -> String {
    switch tier {
    case .essential: "◆"
    case .important: "◇"
    case .niceToHave: "·"
    }
  }

  private static func x(_ level: Double) -> Double { plotLeft + level * unit }
}
