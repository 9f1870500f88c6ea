import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The ratings import remembers the last candidate's email checks, the last date and the
/// competencies' skills: the same evidence and errors as looking everything up on every row.
@Suite struct InterviewRatingsMemoTests {
  let library: PlanLibrary
  init() throws { library = try RepositoryFiles.library() }

  /// A column the import does not read is named once at the header (QA12 F1: an `Email` column
  /// with another address, beside `Candidate Email`, was dropped in silence); the fixture's
  /// columns are all read.
  @Test func aColumnTheImportDoesNotReadIsNamed() throws {
    let text = """
      Candidate Email,Interviewer,Interview Date,Competency,Rating,Notes,Email
      ann@example.org,Kim,2026-10-07,Communication,4,,other@example.org

      """
    let imported = try EvidenceImport.parse(
      SourceFile(path: "ratings.csv", data: Data(text.utf8)), skills: library.skillIndex)
    #expect(imported.evidence.count == 1)
    #expect(
      imported.diagnostics.map(\.description).contains(
        "ratings.csv:1:68: note: column `Email` is not read by the interview ratings import; "
          + "its values are not used"), "\(imported.diagnostics.map(\.description))")
    let fixture = try EvidenceImport.parse(
      try RepositoryFiles.source("Fixtures/interview-ratings.csv"), skills: library.skillIndex)
    #expect(!fixture.diagnostics.contains { $0.message.contains("is not read") })
  }

  @Test func rememberedLookupsGiveWhatEveryRowWouldGiveAlone() throws {
    // One candidate in two spellings (one key), an unknown competency and a bad date on two rows
    // each (an error on every row), a bad email after a good one, and two spellings of a
    // non-ASCII email (composed and decomposed é, equal as `String`s), each rejected with its own
    // text. (The memo compares emails byte for byte; no output can show it, since a non-ASCII
    // email is never a key and equal `String`s are one dictionary key anyway.)
    let composed = "jos\u{E9}@example.org"
    let decomposed = "jose\u{301}@example.org"
    let text = """
      Candidate Email,Interviewer,Interview Date,Competency,Rating,Notes
      Ann@Example.org,Kim,2026-10-07,Communication,4,
      ann@example.org,Lee,2026-10-07,Communication,3,
      ann@example.org,Max,2026-10-07,Basket weaving,3,
      ann@example.org,Sue,2026-10-07,Basket weaving,2,
      ann@example.org,Ann,2026-02-30,Communication,3,
      ann@example.org,Bob,2026-02-30,Communication,2,
      not-an-email,Kim,2026-10-08,Communication,4,
      bob@example.org,Kim,2026-10-08,Communication,5,
      bob@example.org,Lee,2026-10-09,Communication,4,
      \(composed),Kim,2026-10-09,Communication,4,
      \(decomposed),Lee,2026-10-09,Communication,4,

      """
    let imported = try EvidenceImport.parse(
      SourceFile(path: "ratings.csv", data: Data(text.utf8)), skills: library.skillIndex)
    #expect(
      imported.evidence.map(\.hireKey) == [
        "ann@example.org", "ann@example.org", "bob@example.org", "bob@example.org",
      ])
    #expect(
      imported.evidence.map { $0.date?.iso } == [
        "2026-10-07", "2026-10-07", "2026-10-08", "2026-10-09",
      ])
    let errors = imported.allErrors.map(\.description)
    #expect(errors.count == 7, "\(errors)")
    for line in [4, 5] {
      #expect(
        errors.contains { $0.hasPrefix("ratings.csv:\(line):") && $0.contains("Basket weaving") })
    }
    for line in [6, 7] {
      #expect(errors.contains { $0.hasPrefix("ratings.csv:\(line):") && $0.contains("2026-02-30") })
    }
    #expect(errors.contains { $0.hasPrefix("ratings.csv:8:") && $0.contains("not-an-email") })
    #expect(errors.contains { $0.hasPrefix("ratings.csv:11:") && $0.utf8.contains(0xC3) })
    #expect(
      errors.contains {
        $0.hasPrefix("ratings.csv:12:") && $0.unicodeScalars.contains("\u{301}")
      })
  }

  /// ISO dates read by bytes are those of the definition by `Character`, valid or not.
  @Test func isoDatesByBytesMatchTheDefinition() {
    var rng = SeededGenerator(seed: 41)
    let pieces = ["0", "1", "2", "9", "-", "+", "a", " ", "\u{301}", "２", "12", "2026", "-0"]
    var texts = [
      "2026-02-28", "2026-02-29", "2024-02-29", "0000-01-01", "9999-12-31", "+202-01-05",
      "2026-1-05", "2026-01-5", "20260105", "2026-01-05\u{301}", "2026/01/05", "２０２６-01-05",
      "-202-01-05", "2026-13-01", "2026-00-10", "2026-01-32", "",
    ]
    for _ in 0..<3000 { texts.append((0..<rng.int(1...6)).map { _ in rng.pick(pieces) }.joined()) }
    for text in texts {
      #expect(
        CalendarDate(iso: text) == CalendarDate(isoByCharacter: text), "\(text.debugDescription)")
    }
  }
}
