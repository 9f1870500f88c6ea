import Foundation
import OnboardCSV

/// What an import understood from one export: the evidence, notes about what it skipped, and the
/// errors of rows it could not read (by hire, so that one hire's bad row fails only that hire).
public struct EvidenceImportResult: Sendable {
  public var evidence: [Evidence] = []
  public var diagnostics: [Diagnostic] = []
  /// Row errors by the hire's email (lower case); rows without a readable email under "".
  public var rowErrors: [String: [InputError]] = [:]
  /// Records not used, each with its reason (never dropped in silence).
  public var skipped: [SkippedRecord] = []
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
    skipped.append(SkippedRecord(reason, location, hireKey: hireKey, message))
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
    if warn { diagnostics.append(item.diagnostic) }
  }

  /// A note said once per import, however many records it concerns.
  mutating func noteOnce(_ location: SourceLocation, _ message: String) {
    guard notedOnce.insert(message).inserted else { return }
    diagnostics.append(Diagnostic(.note, location, message))
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
    diagnostics += other.diagnostics
    for (key, errors) in other.rowErrors { rowErrors[key, default: []] += errors }
    skipped += other.skipped
    unknownNames += other.unknownNames
    directory.merge(other.directory)
    pending += other.pending
    files += other.files
    notedOnce.formUnion(other.notedOnce)
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
    diagnostics.removeAll { unknown.contains($0) }
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
        "\(item.hireKey) is not on the roster (a candidate not hired?); their evidence in this file is not used")
    }
    evidence.removeAll { !keys.contains($0.hireKey) }
  }

  /// The per-file summary: format, records read, evidence items, skipped records by reason,
  /// unknown names and unjoined records.
  public var fileSummaries: [EvidenceFileSummary] {
    files.map { file in
      let skips = skipped.filter { $0.location.file == file.path }
      var byReason: [String: Int] = [:]
      for skip in skips { byReason[skip.reason.rawValue, default: 0] += 1 }
      return EvidenceFileSummary(
        path: file.path, format: file.format, records: file.records, evidence: file.evidence,
        skipped: byReason,
        unknownNames: Set(
          unknownNames.filter { $0.location.file == file.path }.map { $0.name.lowercased() }
        ).count,
        unjoined: skips.filter(\.reason.isUnjoined).count)
    }
  }

  /// The notes a hire's plan carries about their records that were not used.
  public func planNotes(for hireKey: String) -> [String] {
    var notes = skipped.filter { $0.hireKey == hireKey }.map {
      "Evidence not used (\($0.reason.rawValue)), \($0.location): \(singleLine($0.message))"
    }
    notes += unknownNames.filter { $0.hireKey == hireKey }.map {
      "Unknown name `\(singleLine($0.name))` at \($0.location) was not counted for any skill; map it with an alias in Plans/skills.csv."
    }
    return Array(Set(notes)).sorted()
  }
}

/// The export formats Onboard recognises from their header, so users need not name them.
public enum EvidenceFormat: String, Sendable, CaseIterable {
  case testGorilla = "TestGorilla candidate export"
  case interviewRatings = "structured-interview ratings"
  case scorecard = "structured-interview scorecard"
  case plain = "plain evidence CSV"

  /// The format a CSV header says, or nil.
  public static func detect(header: [String]) -> EvidenceFormat? {
    let keys = Set(header.map(TableReader.key))
    if keys.contains("scoring metric")
      || (keys.contains("first name") && keys.contains("average score"))
    {
      return .testGorilla
    }
    if keys.contains("question id") && keys.contains("rating") { return .scorecard }
    // Interview ratings without a `Rating` column are still interview ratings: the import then
    // names the missing column instead of calling the file unknown.
    if keys.contains("competency") && (keys.contains("rating") || keys.contains("candidate email"))
    {
      return .interviewRatings
    }
    if keys.isSuperset(of: ["email", "skill", "value", "scale"]) { return .plain }
    return nil
  }
}

/// Imports assessment exports into evidence, recognising each file's format.
public enum EvidenceImport {
  /// Reads one export (CSV, or JSON from Greenhouse, Lever, HackerRank or Codility); file-level
  /// problems (not CSV, unknown format, missing columns, an unknown test) are thrown, row-level
  /// ones are collected per hire in the result. Interview scorecards (`onboard interview-kit`) are
  /// checked against `questions`, the plan library's question banks.
  ///
  /// Joins across files (a Greenhouse scorecard's `candidate_id` to a candidates file, Lever forms
  /// to opportunities, HackerRank test ids to tests) wait in the result until
  /// ``resolveJoins(_:skills:)``; with `resolveJoins` (the default) they are resolved with what
  /// this one file holds. Give `false` when more files follow, and resolve after the last.
  public static func parse(
    _ file: SourceFile, skills: SkillIndex, questions: [QuestionBank] = [],
    resolveJoins resolve: Bool = true
  ) throws(InputErrors) -> EvidenceImportResult {
    if let problem = TextEncodingCheck.problem(file.data, path: file.path) {
      throw InputErrors([problem])
    }
    if JSONEvidenceImport.looksLikeJSON(file.data) {
      var result = try JSONEvidenceImport.parse(file, skills: skills)
      if resolve { resolveJoins(&result, skills: skills) }
      return result
    }
    let table: TableReader
    do throws(InputError) {
      table = try TableReader(path: file.path, data: file.data)
    } catch {
      throw InputErrors([error])
    }
    var evidence: [Evidence] = []
    var result = try csv(table, skills: skills, questions: questions) { evidence.append($0) }
    result.evidence = evidence
    return result
  }

  /// The error for a CSV header that matches no known export; a roster given as evidence is named.
  static func unknownFormat(_ table: TableReader) -> InputError {
    let keys = Set(table.header.map(TableReader.key))
    let roster =
      keys.isSuperset(of: ["email", "start date", "role"])
      ? " This looks like a roster (`start_date`, `role`), not an assessment export." : ""
    return InputError(
      SourceLocation(file: table.path, line: table.headerLine, column: 1),
      "the columns \(table.header.prefix(6).map { "`\($0)`" }.joined(separator: ", ")) match no known export; "
        + "expected a TestGorilla candidate export (`Scoring metric`), interview ratings "
        + "(`Candidate Email`, `Competency`, `Rating`), an interview scorecard (`Question ID`, `Rating`) "
        + "or the plain evidence CSV (`email`, `skill`, `value`, `scale`)." + roster)
  }

  /// An error for a name that is no skill, listing the closest known names.
  static func unknownSkill(
    _ name: String, at location: SourceLocation, skills: SkillIndex, what: String
  ) -> InputError {
    let close = skills.closest(to: name)
    return InputError(
      location,
      "unknown \(what) `\(name)`; no skill in Plans/skills.csv has this name or alias"
        + (close.isEmpty
          ? "" : ". Closest known names: \(close.map { "`\($0)`" }.joined(separator: ", "))")
        + ". If it is the same skill, add `\(name)` to that skill's `aliases` in Plans/skills.csv"
        + " (separated by `|`).")
  }

  /// The address inside `Ann Lee <ann@example.org>`, `mailto:ann@example.org` or
  /// `ann@example.org.`, for a hint; nil when there is none.
  static func addressInside(_ text: String) -> String? {
    var candidate = text
    if let open = candidate.lastIndex(of: "<"), let close = candidate.lastIndex(of: ">"),
      open < close
    {
      candidate = String(candidate[candidate.index(after: open)..<close])
    }
    if candidate.lowercased().hasPrefix("mailto:") { candidate = String(candidate.dropFirst(7)) }
    while candidate.hasSuffix(".") { candidate.removeLast() }
    candidate = candidate.trimmingCharacters(in: .whitespaces)
    return candidate != text && isPlausibleEmail(candidate) ? candidate : nil
  }

  /// Rule 1: a name no skill has, as a warning that says the closest aliases and how to map it.
  static func unknownName(
    _ name: String, at location: SourceLocation, skills: SkillIndex, what: String,
    extra: String = ""
  ) -> UnknownName {
    let message =
      unknownSkill(name, at: location, skills: skills, what: what).message + extra
      + " The record's other evidence is imported; this name counts for no skill."
    return UnknownName(name: name, location: location, hireKey: nil, message: message)
  }

  /// Parses "78", "78%", "78,5", " 78.5 % " into a number; nil otherwise.
  static func number(_ text: String) -> Double? {
    var cleaned = text.trimmingSpaces()
    if cleaned.hasSuffix("%") { cleaned = cleaned.dropLast().trimmingSpaces() }
    // Bytes, not Characters: only ASCII digits, `.`, `-` and one decimal comma are accepted.
    var commas = 0
    var hasDot = false
    for byte in cleaned.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): continue
      case UInt8(ascii: "."): hasDot = true
      case UInt8(ascii: ","): commas += 1
      default: return nil
      }
    }
    guard !cleaned.isEmpty, commas == 0 || (commas == 1 && !hasDot) else { return nil }
    if commas == 1 {
      cleaned = String(
        decoding: cleaned.utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 },
        as: UTF8.self)
    }
    guard let value = Double(cleaned), value.isFinite else { return nil }
    return value
  }

  /// A date from an export: `2026-10-07`, `2026-10-07T10:00:00Z`, `2026-10-07 10:00`; nil otherwise.
  static func date(_ text: String) -> CalendarDate? {
    CalendarDate(iso: String(text.trimmingSpaces().prefix(10)))
  }

  /// Columns never read: personal data that has no place in a skills plan.
  static let demographicColumns: Set<String> = [
    "age", "gender", "sex", "nationality", "ethnicity", "race", "religion", "photo", "picture",
    "date of birth", "birth date", "birthday", "marital status", "disability", "pronouns",
  ]
}
