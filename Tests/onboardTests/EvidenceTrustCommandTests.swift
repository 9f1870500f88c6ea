import Foundation
import OnboardTestSupport
import Testing

/// Issue 19 through the binary: `analyze --calibration` and `check`'s broad-question warning.
@Suite struct EvidenceTrustCommandTests {
  static let evidence = [
    "Fixtures/testgorilla-candidates.csv", "Fixtures/interview-ratings.csv",
    "Fixtures/evidence.csv",
  ]

  static var scorecards: [String] {
    let folder = CommandRunner.root.appendingPathComponent("Fixtures/scorecards").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".csv") }.sorted().map { "Fixtures/scorecards/\($0)" }
  }

  @Test func analyzeCalibrationPrintsTheReportNotTheGapTables() throws {
    let args =
      ["analyze", "--roster", "Fixtures/roster.csv", "--evidence"] + Self.evidence + Self.scorecards
    let table = try CommandRunner.run(args + ["--calibration"])
    #expect(table.status == 0, "stderr: \(table.stderr)")
    #expect(table.stdout.hasPrefix("Interviewer calibration ("))
    #expect(table.stdout.contains("Hannah Okafor     Application Security"))
    #expect(!table.stdout.contains("Weak areas"))
    let json = try CommandRunner.run(args + ["--calibration", "--format", "json"])
    #expect(json.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["schema"] as? String == "onboard.calibration/1")
    #expect(((object?["rows"] as? [Any])?.count ?? 0) > 0)
  }

  @Test func checkWarnsAboutABroadQuestionAtFullWeight() throws {
    try TemporaryDirectory.with("broad-question") { directory in
      let plans = directory.appendingPathComponent("Plans")
      try FileManager.default.copyItem(
        at: CommandRunner.root.appendingPathComponent("Plans"), to: plans)
      let questions = plans.appendingPathComponent("questions.csv")
      let text = try String(contentsOf: questions, encoding: .utf8)
      try text.replacingOccurrences(
        of: "nodejs:0.25|git:0.25|javascript:0.25", with: "nodejs|git|javascript"
      ).write(to: questions, atomically: true, encoding: .utf8)
      let result = try CommandRunner.run(["check", "--plans", plans.path])
      #expect(result.status == 0)
      #expect(
        result.stderr.contains(
          "questions.csv:2:21: warning: question `be-technical-skills` counts at full weight for 3 skills"
        ), "stderr: \(result.stderr)")
    }
    // The shipped library has no such question.
    #expect(try CommandRunner.run(["check"]).stderr.isEmpty)
  }
}
