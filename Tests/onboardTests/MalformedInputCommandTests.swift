import Foundation
import OnboardTestSupport
import Testing

/// End to end: a malformed export or roster stops `onboard plan` with a compiler-style error,
/// exit status 1 and no output at all; `onboard evidence` fails on every broken file.
@Suite struct MalformedInputCommandTests {
  /// Broken files whose problem concerns the whole file, and the `file:line:column` it names.
  static let fileLevel: [(file: String, location: String)] = [
    ("testgorilla-truncated-quote.csv", ":3:95: error: unterminated quoted field"),
    ("testgorilla-utf16.csv", ":1:1: error: the file is UTF-16"),
    ("interview-missing-rating-column.csv", ":1:1: error: missing column `Rating`"),
    ("text-after-closing-quote.csv", ":2:112: error: unexpected text after a closing quote"),
    ("greenhouse-truncated.json", ":160:15 ($.scorecards[0].attributes[0]): error: invalid JSON"),
    ("json-unknown-shape.json", ":1:1 ($): error: found an object with the keys"),
  ]

  func plan(roster: String, evidence: [String], out: URL) throws -> CommandRunner.Result {
    try CommandRunner.run(
      ["plan", "--roster", roster, "--evidence"] + evidence
        + ["--out", out.path, "--today", "2026-11-29"])
  }

  @Test(arguments: fileLevel.map(\.file)) func brokenEvidenceStopsThePlanBeforeWriting(
    _ file: String
  ) throws {
    try TemporaryDirectory.with("malformed") { base in
      let out = base.appendingPathComponent("out")
      let path = "Fixtures/broken/\(file)"
      let result = try plan(
        roster: "Fixtures/roster.csv", evidence: CommandRunner.fixtureEvidence + [path], out: out)
      #expect(result.status == 1, "stdout: \(result.stdout)")
      let expected = try #require(Self.fileLevel.first { $0.file == file }).location
      #expect(result.stderr.contains(path + expected), "stderr: \(result.stderr)")
      #expect(
        !FileManager.default.fileExists(atPath: out.path), "nothing is written, not even the folder"
      )
      #expect(try CommandRunner.snapshot(base).isEmpty)
    }
  }

  @Test func brokenRosterStopsThePlanBeforeWriting() throws {
    try TemporaryDirectory.with("malformed-roster") { base in
      let out = base.appendingPathComponent("out")
      let result = try plan(
        roster: "Fixtures/broken/roster-missing-column.csv",
        evidence: CommandRunner.fixtureEvidence,
        out: out)
      #expect(result.status == 1)
      #expect(
        result.stderr.contains(
          "Fixtures/broken/roster-missing-column.csv:1:1: error: missing column `time_zone`"))
      #expect(!FileManager.default.fileExists(atPath: out.path))
    }
  }

  @Test func evidenceCommandFailsOnEveryBrokenExport() throws {
    let folder = CommandRunner.root.appendingPathComponent("Fixtures/broken")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0 != "README.md" && !$0.hasPrefix("roster-") }.sorted()
    #expect(files.count >= 20)
    for file in files {
      let path = "Fixtures/broken/\(file)"
      let result = try CommandRunner.run(["evidence", path])
      if file == "testgorilla-unknown-test.csv" {
        // Rule 1: an unknown name is a warning; --strict makes it an error.
        #expect(result.status == 0, "\(file): \(result.stderr)")
        #expect(
          result.stderr.contains("\(path):1:118: warning: unknown test `Kotlin (Intermediate)`"))
        let strict = try CommandRunner.run(["evidence", path, "--strict"])
        #expect(strict.status == 1)
        #expect(
          strict.stderr.contains("\(path):1:118: error: unknown test `Kotlin (Intermediate)`"))
      } else if file == "testgorilla-header-only.csv" {
        #expect(result.status == 0, "a header without rows is accepted")
        #expect(result.stderr.contains("\(path):1:1: note:"))
      } else {
        #expect(result.status == 1, "\(file): \(result.stderr)")
        #expect(result.stderr.contains("\(path):"), "\(file): \(result.stderr)")
        #expect(result.stderr.contains(": error: "), "\(file): \(result.stderr)")
      }
    }
  }
}
