import Foundation
import OnboardCSV

/// What an import understood from one export: the evidence, notes about what it skipped, and the
/// errors of rows it could not read (by hire, so that one hire's bad row fails only that hire).
public struct EvidenceImportResult: Sendable {
  /// The evidence, unless a `sink` takes each piece as it is read (streaming imports).
  public var evidence: [Evidence] = []
  /// Receives each piece of evidence instead of `evidence` when set: large exports stream
  /// through without being held in memory.
  var sink: (@Sendable (Evidence) -> Void)?
  public var diagnostics: [Diagnostic] = []
  /// Row errors by the hire's email (lower case); rows without a readable email under "".
  public var rowErrors: [String: [InputError]] = [:]

  public init() {}

  /// Records one piece of evidence (into `evidence`, or through the sink).
  mutating func add(_ item: Evidence) {
    if let sink { sink(item) } else { evidence.append(item) }
  }

  mutating func add(contentsOf items: [Evidence]) {
    for item in items { add(item) }
  }

  mutating func fail(_ hireKey: String, _ error: InputError) {
    rowErrors[hireKey, default: []].append(error)
  }

  /// Adds another import's evidence, notes and errors.
  public mutating func merge(_ other: EvidenceImportResult) {
    evidence += other.evidence
    diagnostics += other.diagnostics
    for (key, errors) in other.rowErrors { rowErrors[key, default: []] += errors }
  }

  /// All row errors in file order.
  public var allErrors: [InputError] {
    rowErrors.values.flatMap { $0 }.sorted {
      ($0.location.file, $0.location.line ?? 0, $0.location.column ?? 0) < (
        $1.location.file, $1.location.line ?? 0, $1.location.column ?? 0
      )
    }
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
  /// problems (not CSV, unknown format, missing columns, an unknown test) are thrown, row-level ones are collected per hire in the result.
  /// Interview scorecards (`onboard interview-kit`) are checked against `questions`, the plan
  /// library's question banks.
  public static func parse(
    _ file: SourceFile, skills: SkillIndex, questions: [QuestionBank] = []
  ) throws(InputErrors) -> EvidenceImportResult {
    if let problem = TextEncodingCheck.problem(file.data, path: file.path) {
      throw InputErrors([problem])
    }
    if JSONEvidenceImport.looksLikeJSON(file.data) {
      return try JSONEvidenceImport.parse(file, skills: skills)
    }
    return try parse(
      path: file.path, reader: CSVReader(data: file.data), skills: skills, questions: questions)
  }

  /// Streams one export from disk: each piece of evidence goes to `each` as it is read, so memory
  /// does not grow with the file (CSV exports; a JSON export is parsed whole, as JSON must be).
  /// The result carries the notes and row errors, not the evidence.
  public static func stream(
    path: String, skills: SkillIndex, questions: [QuestionBank] = [],
    each: @escaping @Sendable (Evidence) -> Void
  ) throws(InputErrors) -> EvidenceImportResult {
    let url = URL(fileURLWithPath: path)
    var head = Data()
    if let handle = try? FileHandle(forReadingFrom: url) {
      head = (try? handle.read(upToCount: 4096)) ?? Data()
      try? handle.close()
    }
    if let problem = TextEncodingCheck.problem(head, path: path) { throw InputErrors([problem]) }
    if JSONEvidenceImport.looksLikeJSON(head) {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw InputErrors([InputError(SourceLocation(file: path), "cannot read the file")])
      }
      var result = try JSONEvidenceImport.parse(SourceFile(path: path, data: data), skills: skills)
      for item in result.evidence { each(item) }
      result.evidence = []
      return result
    }
    let reader: CSVReader
    do {
      reader = try CSVReader(contentsOf: url)
    } catch {
      throw InputErrors([TableReader.inputError(error, path: path)])
    }
    return try parse(path: path, reader: reader, skills: skills, questions: questions, sink: each)
  }

  /// The CSV formats, from any reader (in memory or streaming).
  static func parse(
    path: String, reader: CSVReader, skills: SkillIndex, questions: [QuestionBank],
    sink: (@Sendable (Evidence) -> Void)? = nil
  ) throws(InputErrors) -> EvidenceImportResult {
    do {
      var table = try TableReader(path: path, reader: reader)
      guard let format = EvidenceFormat.detect(header: table.header) else {
        throw InputErrors([unknownFormat(table)])
      }
      var result: EvidenceImportResult
      switch format {
      case .testGorilla: result = try TestGorillaImport.parse(&table, skills: skills, sink: sink)
      case .interviewRatings:
        result = try InterviewRatingsImport.parse(&table, skills: skills, sink: sink)
      case .scorecard: result = try ScorecardImport.parse(&table, banks: questions, sink: sink)
      case .plain: result = try PlainEvidenceImport.parse(&table, skills: skills, sink: sink)
      }
      if table.rowCount == 0 {
        // A header without rows is an export of nobody yet: accepted, and said.
        result.diagnostics.append(
          Diagnostic(
            .note, SourceLocation(file: path, line: table.headerLine, column: 1),
            "the \(format.rawValue) has a header but no rows; no evidence imported"))
      }
      return result
    } catch let error as InputErrors {
      throw error
    } catch let error as InputError {
      throw InputErrors([error])
    } catch {
      throw InputErrors([InputError(SourceLocation(file: path), "\(error)")])
    }
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
        + ". Add it to a skill's aliases if it is the same skill.")
  }

  /// Parses "78", "78%", "78,5", " 78.5 % " into a number; nil otherwise.
  static func number(_ text: String) -> Double? {
    var cleaned = text.trimmingCharacters(in: .whitespaces)
    if cleaned.hasSuffix("%") {
      cleaned = String(cleaned.dropLast()).trimmingCharacters(in: .whitespaces)
    }
    if cleaned.filter({ $0 == "," }).count == 1, !cleaned.contains(".") {
      cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
    }
    guard !cleaned.isEmpty,
      cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
      let value = Double(cleaned), value.isFinite
    else { return nil }
    return value
  }

  /// A date from an export: `2026-10-07`, `2026-10-07T10:00:00Z`, `2026-10-07 10:00`; nil otherwise.
  static func date(_ text: String) -> CalendarDate? {
    CalendarDate(iso: String(text.trimmingCharacters(in: .whitespaces).prefix(10)))
  }

  /// Columns never read: personal data that has no place in a skills plan.
  static let demographicColumns: Set<String> = [
    "age", "gender", "sex", "nationality", "ethnicity", "race", "religion", "photo", "picture",
    "date of birth", "birth date", "birthday", "marital status", "disability", "pronouns",
  ]
}
