/// Two results of one skills test (same name, same vendor) for one hire are two attempts (a
/// retake, a re-invitation):
/// the later one counts, the earlier is skipped as an "earlier attempt", and both are named.
/// Averaging them in silence gave a hire who scored 40 % and then 95 % a gap and training.
/// Decided after every file is read, so attempts in different exports (and emails that differ
/// in case) are compared. (Within one export a repeated candidate is a row error that names
/// the first row: the importers' own duplicate checks.)
///
/// Attempts are ordered by their dates; when the latest date is shared, or a result has no
/// date, the attempts cannot be told apart: all of them count, and a warning says so. The same
/// result twice (same value and date) counts once, the repeat skipped as "repeated".
extension EvidenceImport {
  static func keepLatestAttempts(_ result: inout EvidenceImportResult) {
    let dropped = result.decideAttempts(among: result.evidence)
    guard !dropped.isEmpty else { return }
    result.evidence = result.evidence.enumerated().filter { !dropped.contains($0.offset) }
      .map(\.element)
  }
}

extension EvidenceImportResult {
  /// The attempts rule over `evidence` (the run's evidence, wherever it is kept: a batch spools
  /// it): records the skipped attempts and warnings here and returns the positions in
  /// `evidence` of the results that do not count.
  public mutating func decideAttempts(among evidence: [Evidence]) -> Set<Int> {
    var groups: [String: [Int]] = [:]
    for (index, item) in evidence.enumerated() where item.source == .test {
      // One test is one vendor's (a HackerRank certificate and a TestGorilla test of the same
      // name are two tests), and a rank among candidates is no attempt at a level: the earlier
      // level stays beside it.
      let key = [
        item.hireKey, item.skillID, SkillIndex.normalise(item.instrument),
        SkillIndex.normalise(item.assessor ?? ""), item.scale == .percentile ? "rank" : "",
      ].joined(separator: "\u{1F}")
      groups[key, default: []].append(index)
    }
    var dropped: Set<Int> = []
    for key in groups.keys.sorted() {
      guard let indices = groups[key], indices.count > 1 else { continue }
      let items = indices.map { evidence[$0] }
      let first = items[0]
      func described(_ item: Evidence) -> String {
        "\(item.rawValue) (\(item.date.map(\.iso) ?? "no date"), \(item.origin))"
      }
      // The same result twice (a row pasted again, one export given under two names): once.
      if items.dropFirst().allSatisfy({ $0.rawValue == first.rawValue && $0.date == first.date }) {
        for (position, item) in items.enumerated().dropFirst() {
          dropped.insert(indices[position])
          skip(
            .repeated, item.origin, hireKey: item.hireKey,
            "\(item.hireKey): `\(item.instrument)` \(described(item)) repeats the result at "
              + "\(first.origin); counted once")
        }
        continue
      }
      let dates = items.compactMap(\.date)
      guard dates.count == items.count, let latest = dates.max(),
        dates.filter({ $0 == latest }).count == 1,
        let kept = items.firstIndex(where: { $0.date == latest })
      else {
        storedDiagnostics.append(
          Diagnostic(
            .warning, first.origin,
            "\(first.hireKey): \(items.count) results of `\(first.instrument)`: "
              + items.map(described).joined(separator: ", ")
              + "; which is the latest cannot be told (a date is missing or the same), so all "
              + "of them count, averaged; remove the earlier attempt from its export if it is one",
            hireKey: first.hireKey))
        continue
      }
      for (position, item) in items.enumerated() where position != kept {
        dropped.insert(indices[position])
        skip(
          .earlierAttempt, item.origin, hireKey: item.hireKey,
          "\(item.hireKey): `\(item.instrument)` \(described(item)) is an earlier attempt; "
            + "the later one counts: \(described(items[kept]))")
      }
    }
    for index in dropped { countEvidence(file: evidence[index].origin.file, by: -1) }
    return dropped
  }
}
