import Foundation
import Testing

@testable import OnboardKit

/// Every malformed file of `Fixtures/broken/` gives a precise error: `file:line:column` (and the
/// JSON path for JSON), what was found and what was expected.
@Suite struct MalformedFixtureTests {
  /// One broken file and the substrings its first error must contain.
  struct Case: Sendable, CustomTestStringConvertible {
    enum Importer: Sendable { case evidence, roster }
    var file: String
    var importer: Importer = .evidence
    var expected: [String]
    var testDescription: String { file }
  }

  static let cases: [Case] = [
    Case(
      file: "empty.csv", expected: [":1:1: error:", "the file is empty; expected a header row"]),
    Case(
      file: "unterminated-quote.csv",
      expected: [":2:83: error:", "unterminated quoted field", "expected a closing '\"'"]),
    Case(
      file: "testgorilla-truncated-quote.csv",
      expected: [":3:95: error:", "unterminated quoted field (opened here)"]),
    Case(
      file: "text-after-closing-quote.csv",
      expected: [":2:112: error:", "unexpected text after a closing quote", "expected ','"]),
    Case(
      file: "interview-missing-rating-column.csv",
      expected: [":1:1: error:", "missing column `Rating`", "found `Candidate Email`", "`Score`"]),
    Case(
      file: "testgorilla-missing-email.csv", expected: [":1:1: error:", "missing column `Email`"]),
    Case(
      file: "interview-rating-out-of-range.csv",
      expected: [
        ":2:71: error:", "column `Rating`: found `7`", "expected a whole rating from 1 to 5",
      ]),
    Case(
      file: "interview-unknown-competency.csv",
      expected: [
        ":2:51: error:", "unknown competency `Comunication`",
        "Closest known names: `Communication`",
      ]),
    Case(
      file: "interview-duplicate-rating.csv",
      expected: [
        ":4:55: error:", "Ingrid Bergström already rated `Databases & SQL`", "at line 2",
        "expected one rating per interviewer and competency",
      ]),
    Case(
      file: "interview-latin1.csv",
      expected: [":2:41: error:", "invalid UTF-8", "0xF6 is `ö` in Latin-1", "UTF-8"]),
    Case(
      file: "testgorilla-utf16.csv",
      expected: [
        ":1:1: error:", "the file is UTF-16 (little-endian, with a BOM)", "save it as UTF-8",
      ]),
    Case(
      file: "testgorilla-score-over-100.csv",
      expected: [
        ":2:121: error:", "test `REST API`: found `105%`", "expected a score from 0 to 100",
      ]),
    Case(
      file: "testgorilla-negative-score.csv",
      expected: [":2:101: error:", "test `Git`: found `-5`", "expected a score from 0 to 100"]),
    Case(
      file: "testgorilla-non-numeric-score.csv",
      expected: [":2:103: error:", "test `Git`: found `abc`", "expected a score from 0 to 100"]),
    Case(
      file: "testgorilla-duplicate-candidate.csv",
      expected: [
        ":4:17: error:", "`Siobhan.OConnor@example.org` already has a completed row at line 2",
        "expected one row per candidate",
      ]),
    Case(
      file: "testgorilla-bad-scoring-metric.csv",
      expected: [":2:101: error:", "found `Z-score`", "expected Percentile or Raw score"]),
    Case(
      file: "evidence-invalid-email.csv",
      expected: [
        ":3:1: error:", "found `siobhan.oconnor@example`", "expected the hire's email address",
      ]),
    Case(
      file: "roster-invalid-date.csv", importer: .roster,
      expected: [":2:57: error:", "found `2026-13-45`", "expected a real date YYYY-MM-DD"]),
    Case(
      file: "roster-unknown-time-zone.csv", importer: .roster,
      expected: [
        ":2:68: error:", "found `Europe/Berln`", "expected an IANA time zone",
        "did you mean `Europe/Berlin`?",
      ]),
    Case(
      file: "roster-bad-work-days.csv", importer: .roster,
      expected: [":2:179: error:", "found `Funday`", "expected weekdays such as Mon|Tue|Wed"]),
    Case(
      file: "roster-duplicate-email.csv", importer: .roster,
      expected: [":4:14: error:", "`Noah.Fischer@example.org` is already on the roster at line 2"]),
    Case(
      file: "roster-duplicate-column.csv", importer: .roster,
      expected: [
        ":1:158: error:", "the 16th column, `Email`, has the name of the 3rd, `email`",
        "expected each column once",
      ]),
    Case(
      file: "evidence-duplicate-column.csv",
      expected: [":1:51: error:", "the 9th column, `Value`, has the name of the 3rd, `value`"]),
    Case(
      file: "roster-missing-column.csv", importer: .roster,
      expected: [":1:1: error:", "missing column `time_zone`", "found `first_name`"]),
    Case(
      file: "greenhouse-truncated.json",
      expected: [
        ":160:15 ($.scorecards[0].attributes[0]): error:", "invalid JSON",
        "found the end of the file inside a string", "expected a closing `\"`",
      ]),
    Case(
      file: "greenhouse-numeric-rating.json",
      expected: [
        ":10:94 ($[0].attributes[1].rating): error:", "found the number `4`",
        "expected one of definitely_not, no, mixed, yes, strong_yes",
      ]),
    Case(
      file: "json-unknown-shape.json",
      expected: [
        ":1:1 ($): error:", "found an object with the keys `candidates`, `paging`",
        "expected a Greenhouse scorecards export",
      ]),
    Case(
      file: "lever-score-out-of-range.json",
      expected: [
        ":13:64 ($.data[0].fields[1].value): error:", "found the number `5`",
        "expected a score from 1 to 4",
      ]),
    Case(
      file: "codility-result-over-max.json",
      expected: [
        ":11:43 ($.sessions[0].tasks[1].result): error:", "found the number `120`",
        "expected a result from 0 to 100 (`max_result`)",
      ]),
  ]

  /// The errors an import reports for a file: thrown (the whole file) or per row.
  static func errors(_ item: Case) throws -> [InputError] {
    let source = try RepositoryFiles.source("Fixtures/broken/\(item.file)")
    do {
      switch item.importer {
      case .evidence:
        return try EvidenceImport.parse(source, skills: try RepositoryFiles.library().skillIndex)
          .allErrors
      case .roster:
        return try RosterImport.parse(source).errors
      }
    } catch let error as InputErrors {
      return error.errors
    }
  }

  @Test(arguments: cases) func givesAPreciseError(_ item: Case) throws {
    let errors = try Self.errors(item)
    let first = try #require(errors.first, "\(item.file) imported without an error")
    let text = first.description
    #expect(text.hasPrefix("Fixtures/broken/\(item.file):"), "\(text)")
    for expected in item.expected {
      #expect(text.contains(expected), "\(item.file): `\(expected)` not in: \(text)")
    }
    #expect(errors.count == 1, "one problem per file, got: \(errors.map(\.description))")
  }

  @Test func everyBrokenFileIsCoveredAndDocumented() throws {
    let folder = RepositoryFiles.url("Fixtures/broken")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0 != "README.md" }
    let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
    let covered = Set(Self.cases.map(\.file)).union([
      "testgorilla-header-only.csv", "testgorilla-unknown-test.csv",
    ])
    #expect(Set(files) == covered)
    for file in files { #expect(readme.contains("`\(file)`"), "\(file) is not in README.md") }
    #expect(Self.cases.count >= 19)
  }

  @Test func headerOnlyExportImportsNothingWithANote() throws {
    let result = try EvidenceImport.parse(
      try RepositoryFiles.source("Fixtures/broken/testgorilla-header-only.csv"),
      skills: try RepositoryFiles.library().skillIndex)
    #expect(result.evidence.isEmpty && result.allErrors.isEmpty)
    let note = try #require(result.diagnostics.first { $0.message.contains("header but no rows") })
    #expect(note.severity == .note)
    #expect(note.description.contains("testgorilla-header-only.csv:1:1: note:"))
    #expect(note.message.contains("header but no rows"))
  }

  @Test func rowErrorsLeaveTheOtherRowsImported() throws {
    let skills = try RepositoryFiles.library().skillIndex
    let duplicate = try EvidenceImport.parse(
      try RepositoryFiles.source("Fixtures/broken/testgorilla-duplicate-candidate.csv"),
      skills: skills)
    // Siobhán's first row and José's row import; the second Siobhán row is refused.
    #expect(
      Set(duplicate.evidence.map(\.hireKey)) == [
        "siobhan.oconnor@example.org", "jose.angstrom@example.org",
      ])
    #expect(duplicate.evidence.filter { $0.origin.line == 4 }.isEmpty)
    let roster = try RosterImport.parse(
      try RepositoryFiles.source("Fixtures/broken/roster-duplicate-email.csv"))
    #expect(roster.hires.map(\.email) == ["noah.fischer@example.org", "mia.schulz@example.org"])
  }

  @Test func utf16WithoutAByteOrderMarkIsNamedToo() throws {
    var data = Data()
    for unit in "email,skill,value,scale\n".utf16 {
      data += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    #expect(throws: InputErrors.self) {
      _ = try EvidenceImport.parse(SourceFile(path: "u.csv", data: data), skills: SkillIndex())
    }
    #expect(TextEncodingCheck.encodingName(Array(data.prefix(4))) == "UTF-16 (little-endian)")
    #expect(
      TextEncodingCheck.encodingName([0xFE, 0xFF, 0, 0x65]) == "UTF-16 (big-endian, with a BOM)")
    #expect(TextEncodingCheck.encodingName(Array("emai".utf8)) == nil)
    #expect(throws: InputError.self) { _ = try SourceFile(path: "t.mustache", data: data).text() }
  }
}
