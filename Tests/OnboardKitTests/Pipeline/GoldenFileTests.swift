import Foundation
import Testing

@testable import OnboardKit

/// The Fixtures hires' plan.md and plan.json pinned byte for byte against `Fixtures/expected/`.
///
/// A deliberate change of the output is recorded again with `ONBOARD_RECORD=1 swift test --filter
/// GoldenFileTests`, and the diff of Fixtures/expected/ is reviewed like code.
@Suite struct GoldenFileTests {
  static let record = ProcessInfo.processInfo.environment["ONBOARD_RECORD"] == "1"

  @Test(arguments: ["zoe", "siobhan", "jose", "yuko", "layla"])
  func planMatchesTheRecordedOne(prefix: String) throws {
    let (library, hires, evidence) = try RepositoryFiles.fixtures()
    let hire = try #require(RepositoryFiles.hire(prefix, in: hires))
    let folder = Onboarding.folders(for: hires)[hire.key] ?? prefix
    let output = try Onboarding.process(
      hire: hire, folder: folder, library: library, templates: try library.compileTemplates(),
      evidence: evidence.evidence, stamp: CalendarDate(year: 2026, month: 11, day: 29)!)
    for name in ["plan.md", "plan.json"] {
      let actual = try #require(output.files.first { $0.path == name }).data
      let url = RepositoryFiles.url("Fixtures/expected/\(folder)/\(name)")
      if Self.record {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url)
        continue
      }
      let expected = try Data(contentsOf: url)
      if actual != expected {
        let a = String(decoding: actual, as: UTF8.self).split(
          separator: "\n", omittingEmptySubsequences: false)
        let e = String(decoding: expected, as: UTF8.self).split(
          separator: "\n", omittingEmptySubsequences: false)
        let line =
          zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset
          ?? min(a.count, e.count)
        let want = line < e.count ? String(e[line]) : "<end>"
        let got = line < a.count ? String(a[line]) : "<end>"
        Issue.record(
          Comment(
            rawValue:
              "\(folder)/\(name) differs from Fixtures/expected at line \(line + 1):\nexpected: \(want)\n"
              + "actual:   \(got)\n(re-record with ONBOARD_RECORD=1 if the change is intended)"))
      }
    }
  }
}
