/// What counts as one independent source of evidence, and how much one observation counts.
///
/// **One source = one observer in one sitting**, the same rule for every kind of evidence:
/// - an **interview**: the interviewer (all their questions and competencies about the hire are
///   one person's view); without an interviewer's name, the instrument;
/// - a **test**: the tool (the assessor, e.g. TestGorilla) in one sitting, the sitting being the
///   attempt's date, or — without a date — the export record the score came from (the candidate's
///   row of a CSV export, the top-level record of a JSON export). So the tests of one TestGorilla
///   row are one source, and a score repeated in a second row of the same day is not a second one;
/// - **manual** evidence: the assessor who recorded it; without a name, the instrument.
///
/// The file's instrument name never makes a second source: two tests of one sitting are one
/// source, and two assessors' manual ratings of one skill are two.
extension GapAnalysis {
  /// The key of the independent source an observation belongs to (within one hire and skill).
  static func sourceKey(of evidence: Evidence) -> String {
    let observer = evidence.assessor ?? evidence.instrument
    switch evidence.source {
    case .interview, .manual:
      return "\(evidence.source.rawValue)\u{1F}\(observer)"
    case .test:
      return "test\u{1F}\(observer)\u{1F}\(sitting(of: evidence))"
    }
  }

  /// The name people see for a source: the interviewer, the assessor, or the tool and its sitting.
  static func sourceName(of evidence: Evidence) -> String {
    let observer = evidence.assessor ?? evidence.instrument
    switch evidence.source {
    case .interview, .manual: return observer
    case .test: return "\(observer) (\(sitting(of: evidence)))"
    }
  }

  /// A test's sitting: its date, else the record of the export (`file:line`, or `file $.data[2]`).
  static func sitting(of evidence: Evidence) -> String {
    if let date = evidence.date { return date.iso }
    let origin = evidence.origin
    if let path = origin.jsonPath {
      // `$.sessions[0].tasks[1].result` → `$.sessions[0]`: the top-level record.
      let record = path.firstIndex(of: "]").map { String(path[...$0]) } ?? path
      return "\(origin.file) \(record)"
    }
    return "\(origin.file):\(origin.line.map(String.init) ?? "?")"
  }

  /// How much one observation counts, 0…1: its question weight (1 unless the question bank says
  /// less), times `integrity_weight` when it was taken with an integrity flag.
  static func effectiveWeight(
    of evidence: Evidence, settings: AnalysisSettings, questionWeights: Bool = true
  ) -> Double {
    var weight = questionWeights ? min(1, max(0, evidence.weight ?? 1)) : 1
    if evidence.integrityFlag != nil { weight *= min(1, max(0, settings.integrityWeight)) }
    return weight
  }

  /// One level per independent source of a kind of evidence: the weighted mean of its
  /// observations; the source's weight is that of its strongest observation (so repeating an
  /// observation changes nothing). Sources whose observations all weigh 0 are left out.
  static func sourceLevels(
    _ items: [Evidence], settings: AnalysisSettings, questionWeights: Bool
  ) -> [SourceLevel] {
    let groups = Dictionary(grouping: items) { sourceKey(of: $0) }
    return groups.keys.sorted().compactMap { key -> SourceLevel? in
      let group = (groups[key] ?? []).sorted(by: canonicalOrder)
      let weights = group.map {
        effectiveWeight(of: $0, settings: settings, questionWeights: questionWeights)
      }
      let total = weights.reduce(0, +)
      guard total > 0, let first = group.first else { return nil }
      let level =
        zip(group, weights).map { ($0.proficiency?.level ?? 0) * $1 }.reduce(0, +) / total
      let weight = weights.max() ?? 1
      let flags = integrityFlags(of: group)
      return SourceLevel(
        name: sourceName(of: first), level: level, count: group.count,
        weight: weight < 1 ? round2(weight) : nil, integrityFlags: flags.isEmpty ? nil : flags)
    }
  }

  /// The distinct integrity flags of some evidence, in a stable order.
  static func integrityFlags(of evidence: [Evidence]) -> [String] {
    Array(Set(evidence.compactMap(\.integrityFlag))).sorted()
  }
}

extension Evidence {
  /// The integrity flag this observation was taken with ("Mouse always in assessment window: No",
  /// "plagiarism flagged by HackerRank"), read from the `Integrity: ...` note the importers write;
  /// nil when there is none.
  public var integrityFlag: String? {
    guard let note, note.hasPrefix("Integrity:") else { return nil }
    let flag = note.dropFirst("Integrity:".count).trimmingCharacters(in: .whitespaces)
    return flag.isEmpty ? "flagged" : flag
  }
}
