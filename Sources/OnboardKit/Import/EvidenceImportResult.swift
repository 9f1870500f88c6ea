import Foundation

/// What an import understood from one export: the evidence, notes about what it skipped, and the
/// errors of rows it could not read (by hire, so that one hire's bad row fails only that hire).
public struct EvidenceImportResult: Sendable {
  public var evidence: [Evidence] = []
  /// Notes and warnings about what the import skipped or how it read things, in the order found
  /// (made from `storedDiagnostics` and the compact `rowNotes`; setting it replaces both).
  public var diagnostics: [Diagnostic] {
    get {
      Self.interleave(storedDiagnostics, rowNotes, skips: false) {
        TestGorillaImport.diagnostic($0)
      }
    }
    set {
      storedDiagnostics = newValue
      rowNotes.removeAll(skips: false)
    }
  }
  /// Row errors by the hire's email (lower case); rows without a readable email under "".
  public var rowErrors: [String: [InputError]] = [:]
  /// Records not used, each with its reason (never dropped in silence), in the order found.
  public var skipped: [SkippedRecord] {
    get {
      Self.interleave(storedSkipped, rowNotes, skips: true) { TestGorillaImport.skippedRecord($0) }
    }
    set {
      storedSkipped = newValue
      rowNotes.removeAll(skips: true)
    }
  }
  /// How many diagnostics there are, without making their text.
  public var diagnosticCount: Int { storedDiagnostics.count + rowNotes.count - rowNotes.skipCount }
  /// How many records were skipped, without making their text.
  public var skippedCount: Int { storedSkipped.count + rowNotes.skipCount }
  /// The diagnostics and skipped records kept whole; the many per-row ones are in `rowNotes`.
  var storedDiagnostics: [Diagnostic] = []
  var storedSkipped: [SkippedRecord] = []
  /// Per-row notes of large exports, a few bytes each (see ``RowNoteLog``).
  var rowNotes = RowNoteLog()
  /// Names no skill has (rule 1: warnings; `--strict` makes them errors of their hires).
  public var unknownNames: [UnknownName] = []
  /// Ids read from directory records, for joins across files.
  public var directory = JoinDirectory()
  /// Evidence waiting for a join, resolved by ``EvidenceImport/resolveJoins(_:skills:)``.
  var pending: [PendingEvidence] = []
  /// Each file read: its format, records and evidence count, in the order read.
  var files: [(path: String, format: String, records: Int, evidence: Int)] = []
  private var notedOnce: Set<String> = []

  public init() {}

  /// Records one piece of evidence.
  mutating func add(_ item: Evidence) { evidence.append(item) }

  mutating func add(contentsOf items: [Evidence]) {
    for item in items { add(item) }
  }

  mutating func fail(_ hireKey: String, _ error: InputError) {
    rowErrors[hireKey, default: []].append(error)
  }

  /// Records a record not used and why.
  mutating func skip(
    _ reason: SkipReason, _ location: SourceLocation, hireKey: String?, _ message: String
  ) {
    storedSkipped.append(SkippedRecord(reason, location, hireKey: hireKey, message))
  }

  /// Skips a record whose email cannot join it with a hire: blank, or no address.
  mutating func skipEmail(_ text: String, _ location: SourceLocation, what: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty {
      skip(
        .noEmail, location, hireKey: nil,
        "\(what) has no email; expected the candidate's email address to join it with the roster")
    } else {
      skip(
        .invalidEmail, location, hireKey: nil,
        "\(what): found `\(trimmed)`; expected the candidate's email address alone"
          + (EvidenceImport.addressInside(trimmed).map { " (e.g. `\($0)`)" } ?? ""))
    }
  }

  /// Records a name no skill has: a warning with the closest aliases and how to map it.
  mutating func unknown(
    _ name: String, at location: SourceLocation, hireKey: String?, skills: SkillIndex,
    what: String, extra: String = "", warn: Bool = true
  ) {
    var item = EvidenceImport.unknownName(
      name, at: location, skills: skills, what: what, extra: extra)
    item.hireKey = hireKey
    unknownNames.append(item)
    if warn { storedDiagnostics.append(item.diagnostic) }
  }

  /// A note said once per import, however many records it concerns.
  mutating func noteOnce(_ location: SourceLocation, _ message: String) {
    guard notedOnce.insert(message).inserted else { return }
    storedDiagnostics.append(Diagnostic(.note, location, message))
  }

  /// Counts a file read (its format and records).
  mutating func read(file: String, format: String, records: Int) {
    files.append((file, format, records, 0))
  }

  /// Counts one evidence item of a file.
  mutating func countEvidence(file: String, by count: Int = 1) {
    if let index = files.lastIndex(where: { $0.path == file }) { files[index].evidence += count }
  }

  /// Adds another import's evidence, notes and errors.
  public mutating func merge(_ other: EvidenceImportResult) {
    evidence += other.evidence
    if !other.rowNotes.isEmpty {
      rowNotes.append(
        other.rowNotes, diagnostics: storedDiagnostics.count, skipped: storedSkipped.count)
    }
    storedDiagnostics += other.storedDiagnostics
    for (key, errors) in other.rowErrors { rowErrors[key, default: []] += errors }
    storedSkipped += other.storedSkipped
    unknownNames += other.unknownNames
    directory.merge(other.directory)
    pending += other.pending
    files += other.files
    notedOnce.formUnion(other.notedOnce)
  }

  /// `stored` with the row notes of one sort put back where they were found.
  static func interleave<Item>(
    _ stored: [Item], _ log: RowNoteLog, skips: Bool, _ make: (RowNoteLog.Entry) -> Item
  ) -> [Item] {
    guard skips ? log.skipCount > 0 : log.count > log.skipCount else { return stored }
    var items: [Item] = []
    items.reserveCapacity(stored.count + (skips ? log.skipCount : log.count - log.skipCount))
    var next = 0
    log.visit { entry in
      guard entry.kind.isSkip == skips else { return }
      while next < min(entry.insertion, stored.count) {
        items.append(stored[next])
        next += 1
      }
      items.append(make(entry))
    }
    items.append(contentsOf: stored[next...])
    return items
  }

  /// All row errors in file order.
  public var allErrors: [InputError] {
    rowErrors.values.flatMap { $0 }.sorted {
      ($0.location.file, $0.location.line ?? 0, $0.location.column ?? 0) < (
        $1.location.file, $1.location.line ?? 0, $1.location.column ?? 0
      )
    }
  }

  /// `--strict`: every unknown name becomes an error of the hire whose record carried it (or
  /// of the run when the name is the whole file's); returns the errors of no hire.
  public mutating func applyStrict() -> [InputError] {
    var fileErrors: [InputError] = []
    for item in unknownNames {
      if let key = item.hireKey { fail(key, item.error) } else { fileErrors.append(item.error) }
    }
    let unknown = Set(unknownNames.map(\.diagnostic))
    // Unknown names are stored diagnostics, never row notes: the row notes' places move up.
    var removedBefore: [Int] = [0]
    for diagnostic in storedDiagnostics {
      removedBefore.append(
        removedBefore[removedBefore.count - 1] + (unknown.contains(diagnostic) ? 1 : 0))
    }
    if !rowNotes.isEmpty, removedBefore[removedBefore.count - 1] > 0 {
      rowNotes.shiftDiagnostics { removedBefore[min($0, removedBefore.count - 1)] }
    }
    storedDiagnostics.removeAll { unknown.contains($0) }
    return fileErrors
  }

  /// Marks evidence of emails that are no hire of the roster as skipped (not on the roster),
  /// one record per email and file, and drops that evidence.
  public mutating func skipStrangers(roster keys: Set<String>) {
    var seen: Set<String> = []
    for item in evidence where !keys.contains(item.hireKey) {
      guard seen.insert(item.hireKey + "\u{1F}" + item.origin.file).inserted else { continue }
      skip(
        .notOnRoster, item.origin, hireKey: item.hireKey,
        "\(item.hireKey) is not on the roster (a candidate not hired?); their evidence in this file is not used"
      )
    }
    evidence.removeAll { !keys.contains($0.hireKey) }
  }

  /// The per-file summary: format, records read, evidence items, skipped records by reason,
  /// unknown names and unjoined records.
  public var fileSummaries: [EvidenceFileSummary] {
    let skipped = skipped
    let errors = rowErrors.values.joined()
    return files.map { file in
      let skips = skipped.filter { $0.location.file == file.path }
      var byReason: [String: Int] = [:]
      for skip in skips { byReason[skip.reason.rawValue, default: 0] += 1 }
      return EvidenceFileSummary(
        path: file.path, format: file.format, records: file.records, evidence: file.evidence,
        skipped: byReason,
        unknownNames: Set(
          unknownNames.filter { $0.location.file == file.path }.map { $0.name.lowercased() }
        ).count,
        unjoined: skips.filter(\.reason.isUnjoined).count,
        rowErrors: Set(errors.filter { $0.location.file == file.path }.map(\.location.line))
          .count)
    }
  }

  /// The notes a hire's plan carries about their records that were not used.
  public func planNotes(for hireKey: String) -> [String] {
    var records = storedSkipped.filter { $0.hireKey == hireKey }
    rowNotes.forEachSkip(hireKey: hireKey) { records.append(TestGorillaImport.skippedRecord($0)) }
    var notes = records.map {
      "Evidence not used (\($0.reason.rawValue)), \($0.location): \(singleLine($0.message))"
    }
    notes += unknownNames.filter { $0.hireKey == hireKey }.map {
      "Unknown name `\(singleLine($0.name))` at \($0.location) was not counted for any skill; map it with an alias in Plans/skills.csv."
    }
    return Array(Set(notes)).sorted()
  }
}
