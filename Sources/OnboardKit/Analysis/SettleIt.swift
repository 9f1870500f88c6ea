/// "What would settle it": for a gap, a conflict or an unassessed skill, the evidence that would
/// make the decision firmer, derived from the sources present (a flagged test → a retake without
/// the flag; one interviewer → a second; only a general question → a question aimed at the skill;
/// no test → a test). It goes into the gap report and the skill check's agenda.
extension GapAnalysis {
  /// `withSkillCheck: false` is for the skill check's own agenda (which would otherwise offer
  /// itself as the way to settle the level).
  static func settleIt(_ a: SkillAssessment, withSkillCheck: Bool = true) -> String? {
    let relevant: Set<SkillStatus> = [.gap, .criticalGap, .conflicting, .unassessed]
    guard relevant.contains(a.status) else { return nil }
    // A conflict a later skill check settled needs nothing more: the check is the level.
    guard a.settledNote == nil else { return nil }
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
      if withSkillCheck { options.append("the buddy's skill check") }
      return line(options)
    }
    if a.conflict != nil, measured.contains(where: { $0.source == .manual && $0.date == nil }) {
      // The buddy's check is there but cannot be put after the ratings it should settle.
      options.append("the date of the manual check recorded without one")
    }
    if let conflict = a.conflict, conflict.amongAssessors {
      options.append(
        "a third interviewer's rating of \(name) on the same questions, with the notes compared")
      if withSkillCheck {
        options.append(
          "the buddy's skill check, recorded as manual evidence dated after the interviews")
      }
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
}
