import Foundation
import OnboardCSV

extension EvidenceImport {
  /// Imports a CSV export (TestGorilla, interview ratings or plain evidence) from a reader,
  /// handing each evidence to `each` instead of keeping it, so a file streamed with
  /// `CSVReader(contentsOf:)` is imported one row at a time.
  ///
  /// The result carries the notes and row errors (its `evidence` stays empty); what memory still
  /// grows with is the row errors and, for a TestGorilla export, a few bytes per candidate (the
  /// emails' fingerprints, to refuse duplicate rows) and per note (``RowNoteLog``, spilled to a
  /// temporary file beyond 2 MiB). File-level
  /// problems are thrown, as by ``parse(_:skills:)``; a UTF-16 file is reported as invalid UTF-8.
  public static func stream(
    reader: CSVReader, path: String, skills: SkillIndex, questions: [QuestionBank] = [],
    each: (Evidence) -> Void
  ) throws(InputErrors) -> EvidenceImportResult {
    let table: TableReader
    do throws(InputError) {
      table = try TableReader(path: path, reader: reader)
    } catch {
      throw InputErrors([error])
    }
    return try csv(table, skills: skills, questions: questions, each: each)
  }

  /// Streams one export from disk (any format): a CSV export row by row through `each`; a JSON
  /// export is parsed whole, as JSON must be, then handed over piece by piece.
  ///
  /// A JSON export's joins across files wait in the result (see ``parse(_:skills:questions:resolveJoins:)``):
  /// merge the results of every file, then call ``resolveJoins(_:skills:)`` and use its evidence.
  public static func stream(
    path: String, skills: SkillIndex, questions: [QuestionBank] = [], each: (Evidence) -> Void
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
    return try stream(reader: reader, path: path, skills: skills, questions: questions, each: each)
  }

  /// A CSV export whose header has been read: the format from the header, then its rows.
  static func csv(
    _ table: TableReader, skills: SkillIndex, questions: [QuestionBank] = [],
    each: (Evidence) -> Void
  ) throws(InputErrors) -> EvidenceImportResult {
    var table = table
    guard let format = EvidenceFormat.detect(header: table.header) else {
      throw InputErrors([unknownFormat(table)])
    }
    var result: EvidenceImportResult
    var count = 0
    // A closure literal at each call, not one kept in a constant: a kept closure would box
    // `count`, with an exclusivity check at every evidence.
    switch format {
    case .testGorilla:
      // Counted by the import itself: `each` handed on as it is, one closure less per evidence.
      result = try TestGorillaImport.parse(&table, skills: skills, count: &count, each: each)
    case .interviewRatings:
      result = try InterviewRatingsImport.parse(&table, skills: skills) { item in
        count += 1
        each(item)
      }
    case .scorecard:
      result = try ScorecardImport.parse(&table, banks: questions) { item in
        count += 1
        each(item)
      }
    case .plain:
      result = try PlainEvidenceImport.parse(&table, skills: skills) { item in
        count += 1
        each(item)
      }
    }
    result.read(file: table.path, format: format.rawValue, records: table.rowCount)
    result.countEvidence(file: table.path, by: count)
    if table.rowCount == 0 {
      // A header without rows is an export of nobody yet: accepted, and said.
      result.storedDiagnostics.append(
        Diagnostic(
          .note, SourceLocation(file: table.path, line: table.headerLine, column: 1),
          "the \(format.rawValue) has a header but no rows; no evidence imported"))
    }
    return result
  }
}
