import Foundation
import OnboardCSV

extension EvidenceImport {
  /// Imports a CSV export (TestGorilla, interview ratings or plain evidence) from a reader,
  /// handing each evidence to `each` instead of keeping it, so a file streamed with
  /// `CSVReader(contentsOf:)` is imported one row at a time.
  ///
  /// The result carries the notes and row errors (its `evidence` stays empty); what memory still
  /// grows with is those, and the emails seen so far (to refuse duplicate rows). File-level
  /// problems are thrown, as by ``parse(_:skills:)``; a UTF-16 file is reported as invalid UTF-8.
  public static func stream(
    reader: CSVReader, path: String, skills: SkillIndex, each: (Evidence) -> Void
  ) throws(InputErrors) -> EvidenceImportResult {
    let table: TableReader
    do throws(InputError) {
      table = try TableReader(path: path, reader: reader)
    } catch {
      throw InputErrors([error])
    }
    return try csv(table, skills: skills, each: each)
  }

  /// A CSV export whose header has been read: the format from the header, then its rows.
  static func csv(_ table: TableReader, skills: SkillIndex, each: (Evidence) -> Void)
    throws(InputErrors) -> EvidenceImportResult
  {
    var table = table
    guard let format = EvidenceFormat.detect(header: table.header) else {
      throw InputErrors([unknownFormat(table)])
    }
    var result: EvidenceImportResult
    switch format {
    case .testGorilla:
      result = try TestGorillaImport.parse(&table, skills: skills, each: each)
    case .interviewRatings:
      result = try InterviewRatingsImport.parse(&table, skills: skills, each: each)
    case .plain:
      result = try PlainEvidenceImport.parse(&table, skills: skills, each: each)
    }
    if table.rowCount == 0 {
      // A header without rows is an export of nobody yet: accepted, and said.
      result.diagnostics.append(
        Diagnostic(
          .note, SourceLocation(file: table.path, line: table.headerLine, column: 1),
          "the \(format.rawValue) has a header but no rows; no evidence imported"))
    }
    return result
  }
}
