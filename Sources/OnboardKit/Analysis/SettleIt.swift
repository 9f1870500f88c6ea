/// "What would settle it": for a gap, a conflict or an unassessed skill, the evidence that would
/// make the decision firmer, derived from the sources present (a flagged test → a retake without
/// the flag; one interviewer → a second; only a general question → a question aimed at the skill;
/// no test → a test). It goes into the gap report and the skill check's agenda.
extension GapAnalysis {
  static func settleIt(_ a: SkillAssessment) -> String? {
    let relevant: Set<SkillStatus> = [.gap, .criticalGap, .conflicting, .unassessed]
    guard relevant.contains(a.status) else { return nil }
    let name = a.skill.name
    let measured = a.evidence.filter { $0.proficiency != nil }
    let tests = measured.filter { $0.source == .test }
    let interviewers = Set(
      measured.filter { $0.source == .interview }.map { $0.assessor ?? $0.instrument })
    var options: [String] = []

    let flagged = Array(Set(tests.filter { $0.integrityFlag != nil }.map(\.instrument))).sorted()
    if !flagged.isEmpty {
      options.append(
        "a retake of \(flagged.map { "“\($0)”" }.joined(separator: " and ")) without the integrity flag"
      )
    }
    if a.status == .unassessed {
      if !a.percentileRanks.isEmpty {
        options.append("a score as percent correct rather than a percentile rank")
      }
      options.append("a structured-interview rating or a skills test of \(name)")
      options.append("the buddy's skill check")
      return line(options)
    }
    if let conflict = a.conflict, conflict.amongAssessors {
      options.append(
        "a third interviewer's rating of \(name) on the same questions, with the notes compared")
    } else if interviewers.count == 1 {
      options.append("a second interviewer's rating of \(name)")
    } else if interviewers.isEmpty {
      options.append("a structured-interview rating of \(name)")
    }
    let interviews = measured.filter { $0.source == .interview }
    if !interviews.isEmpty, interviews.allSatisfy({ ($0.weight ?? 1) < 1 }) {
      options.append("a rating on a question aimed at \(name) (so far only broader questions)")
    }
    if tests.isEmpty {
      options.append("a skills test of \(name)")
    }
    if options.isEmpty {
      options.append(
        a.status == .conflicting
          ? "a hands-on exercise with the buddy on a real task"
          : "a re-test at the 30-day review")
    }
    return line(options)
  }

  private static func line(_ options: [String]) -> String {
    var unique: [String] = []
    for option in options where !unique.contains(option) { unique.append(option) }
    let first = unique.prefix(3)
    return "What would settle it: " + first.joined(separator: ", or ") + "."
  }

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
