import OnboardMustache

/// How a skill status looks in HTML: a symbol and words (never colour alone) and a CSS class.
enum HTMLStatus {
  /// The symbol of a status: ✓ strength, ○ on target, ● gap, ▲ critical gap, ? unassessed,
  /// ⚡ conflicting evidence.
  static func symbol(_ status: SkillStatus) -> String {
    switch status {
    case .strength: "✓"
    case .onTarget: "○"
    case .gap: "●"
    case .criticalGap: "▲"
    case .unassessed: "?"
    // U+FE0E asks for the text (monochrome) form, so the symbol prints like the others.
    case .conflicting: "⚡\u{FE0E}"
    }
  }

  /// The CSS class suffix: `status-gap`, `status-critical-gap`...
  static func cssClass(_ status: SkillStatus) -> String { "status-\(status.rawValue)" }

  /// A badge: the symbol (hidden from screen readers) and the status in words.
  static func badge(_ status: SkillStatus, words: String? = nil) -> String {
    "<span class=\"badge \(cssClass(status))\"><span aria-hidden=\"true\">\(symbol(status))</span> "
      + "\(h(words ?? status.label))</span>"
  }

  /// `badge` appended to UTF-8 bytes, the words escaped straight into them.
  static func appendBadge(_ status: SkillStatus, words: String?, to bytes: inout ByteBuffer) {
    bytes.append("<span class=\"badge status-")
    bytes.append(status.rawValue)
    bytes.append("\"><span aria-hidden=\"true\">")
    bytes.append(symbol(status))
    bytes.append("</span> ")
    bytes.append(html: words ?? status.label)
    bytes.append("</span>")
  }

  /// The legend of the symbols, as a definition list.
  static var legend: String {
    var html = "<dl class=\"legend\">"
    for status in [
      SkillStatus.strength, .onTarget, .gap, .criticalGap, .unassessed, .conflicting,
    ] {
      html +=
        "<div><dt class=\"badge \(cssClass(status))\" aria-hidden=\"true\">\(symbol(status))</dt>"
        + "<dd>\(h(status.label))</dd></div>"
    }
    return html + "</dl>"
  }

  /// The status of an assessment in words, with the detail a manager needs (ranks, conflicts).
  static func words(_ a: SkillAssessment) -> String {
    switch a.status {
    case .unassessed where !a.percentileRanks.isEmpty:
      let ranks = a.percentileRanks.map { ordinalRank($0) + " percentile" }
      return "unassessed (ranked \(ranks.joined(separator: ", ")), level unknown)"
    case .conflicting:
      return "conflicting evidence (\(a.levelStatus.label) overall)"
    default:
      return a.status.label
    }
  }
}
