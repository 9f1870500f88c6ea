/// Integrity flags where decisions are made: the per-skill note and the gap table's footnotes.
extension GapAnalysis {
  /// "“SQL (Intermediate)” (test) was taken with an integrity flag: “Mouse always in assessment
  /// window: No”; counted at full weight (integrity_weight 1 in Plans/settings.json)."
  static func integrityNote(_ a: SkillAssessment, settings: AnalysisSettings) -> String? {
    let flagged = a.evidence.filter { $0.integrityFlag != nil }
    guard !flagged.isEmpty else { return nil }
    var names: [String] = []
    for e in flagged {
      let name = "“\(e.instrument)” (\(e.source.rawValue))"
      if !names.contains(name) { names.append(name) }
    }
    let flags = integrityFlags(of: flagged).map { "“\($0)”" }.joined(separator: ", ")
    let weight = min(1, max(0, settings.integrityWeight))
    var text =
      names.joined(separator: " and ") + " \(names.count == 1 ? "was" : "were") taken with an "
      + "integrity flag: \(flags); "
      + (weight >= 1
        ? "counted at full weight (integrity_weight 1 in Plans/settings.json)"
        : "counted at weight \(formatNumber(weight, decimals: 2)) (integrity_weight in Plans/settings.json)")
    if let note = a.weightNote, note.hasPrefix("counting the flagged") { text += "; " + note }
    return text + "."
  }
}

/// One footnote of the gap table: the skills whose evidence carries the same integrity flags.
public struct IntegrityFootnote: Hashable, Sendable {
  /// The skills' names, in the role's priority order.
  public var skills: [String]
  /// "Taken with an integrity flag (“…”): the test “SQL (Intermediate)” (Databases & SQL), …;
  /// counted at full weight (integrity_weight 1 in Plans/settings.json)."
  public var text: String
}

extension GapReport {
  /// The integrity footnotes of the gap table, one per distinct set of flags.
  public var integrityFootnotes: [IntegrityFootnote] {
    var order: [[String]] = []
    var groups: [[String]: [SkillAssessment]] = [:]
    for a in assessments where !a.integrityFlags.isEmpty {
      if groups[a.integrityFlags] == nil { order.append(a.integrityFlags) }
      groups[a.integrityFlags, default: []].append(a)
    }
    let weight =
      integrityWeight >= 1
      ? "counted at full weight (integrity_weight 1 in Plans/settings.json)"
      : "counted at weight \(formatNumber(integrityWeight, decimals: 2)) (integrity_weight in "
        + "Plans/settings.json)"
    return order.map { flags in
      let members = groups[flags] ?? []
      let attempts = members.map { a in
        var names: [String] = []
        for e in a.evidence where e.integrityFlag != nil {
          let name = "\(e.source.rawValue) “\(e.instrument)”"
          if !names.contains(name) { names.append(name) }
        }
        return "\(names.joined(separator: ", ")) (\(a.skill.name))"
      }
      let text =
        "Taken with an integrity flag (\(flags.map { "“\($0)”" }.joined(separator: ", "))): "
        + attempts.joined(separator: "; ") + "; \(weight)."
      return IntegrityFootnote(skills: members.map(\.skill.name), text: text)
    }
  }
}
