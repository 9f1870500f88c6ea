import Foundation
import OnboardCSV

@testable import OnboardKit

/// Fills in a kit's scorecard the way an interviewer does in a spreadsheet: a rating and a note
/// per question asked, everything else left as the kit wrote it.
enum ScorecardFiller {
  /// One interviewer's answers: question id → (rating text, note).
  typealias Answers = [String: (rating: String, note: String)]

  static func fill(_ csv: String, _ answers: Answers) throws -> String {
    var table = try TableReader(path: "kit.csv", text: csv)
    let ratingColumn = try require(table.index(of: ScorecardColumns.rating), "Rating column")
    let notesColumn = try require(table.index(of: ScorecardColumns.notes), "Notes column")
    var records = [table.header]
    while let row = try table.next() {
      var values = row.record.values
      if let answer = answers[row.value(ScorecardColumns.questionID)] {
        values[ratingColumn] = answer.rating
        values[notesColumn] = answer.note
      }
      records.append(values)
    }
    // As a spreadsheet saves it: no formula defence of its own.
    return CSVWriter(formulaDefence: .off).write(records)
  }

  /// The scorecard's lines (header first), for edits that break it.
  static func lines(_ csv: String) -> [String] {
    csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
  }

  /// The cell location the import should report for a column of the data row of `questionID`.
  static func cell(_ csv: String, questionID: String, column: String, path: String) throws
    -> SourceLocation
  {
    var table = try TableReader(path: path, text: csv)
    while let row = try table.next() {
      if row.value(ScorecardColumns.questionID) == questionID { return row.location(column) }
    }
    throw InputError(SourceLocation(file: path), "no row for \(questionID)")
  }
}

/// `try #require` outside a test function: a plain throwing unwrap.
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
  guard let value else { throw InputError(SourceLocation(file: "test"), "missing \(what)") }
  return value
}
