import Foundation
import OnboardTestSupport
import Testing

/// `onboard progress`: a day-30 re-test against the plan written by `onboard plan`.
@Suite struct ProgressCommandTests {
  @Test func retestShowsLevelsBeforeAndNowAgainstTheTarget() throws {
    try TemporaryDirectory.with("progress") { out in
      let planned = try CommandRunner.run(
        ["plan", "--roster", "Fixtures/roster.csv", "--evidence"] + CommandRunner.fixtureEvidence
          + ["--out", out.path, "--today", "2026-11-29", "--quiet"])
      #expect(planned.status == 0, "\(planned.stderr)")
      let plan = out.appendingPathComponent("layla-almansouri/plan.json").path
      let result = try CommandRunner.run(
        [
          "progress", "--plan", plan, "--evidence", "Fixtures/retest-day30.csv", "--today",
          "2027-02-10", "--format", "json",
        ])
      #expect(result.status == 0, "\(result.stderr)")
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let lines = try #require(json["lines"] as? [[String: Any]])
      let react = try #require(lines.first { $0["skill"] as? String == "react" })
      #expect(react["before"] as? Double == 2)
      #expect(react["now"] as? Double == 3.3, "(test 72% = 3.6 + interview 3) / 2")
      #expect(react["outcome"] as? String == "improved")
      #expect(react["statusBefore"] as? String == "critical-gap")
      #expect(
        (react["evidence"] as? [String])?.allSatisfy { $0.hasPrefix("Fixtures/retest-day30.csv:") }
          == true)
      let testing = try #require(lines.first { $0["skill"] as? String == "software-testing" })
      #expect(testing["outcome"] as? String == "reached-target")

      // As of a day before the re-test (2 February), it has not happened: not a level yet.
      let early = try CommandRunner.run(
        [
          "progress", "--plan", plan, "--evidence", "Fixtures/retest-day30.csv", "--today",
          "2027-01-12", "--format", "json",
        ])
      #expect(early.status == 0, "\(early.stderr)")
      #expect(early.stderr.contains("dated after 2027-01-12 (--today) are not counted"))
      let earlyJSON = try #require(
        try JSONSerialization.jsonObject(with: Data(early.stdout.utf8)) as? [String: Any])
      let earlyLines = try #require(earlyJSON["lines"] as? [[String: Any]])
      #expect(earlyLines.allSatisfy { $0["outcome"] as? String == "not-reassessed" })

      // The plan's own exports given again (the list a manager uses for --replan-from) are the
      // level before, not progress: the same report as with the re-test alone, and a note.
      let both = try CommandRunner.run(
        ["progress", "--plan", plan, "--evidence"] + CommandRunner.fixtureEvidence + [
          "Fixtures/retest-day30.csv", "--today", "2027-02-10", "--format", "json",
        ])
      #expect(both.status == 0, "\(both.stderr)")
      #expect(both.stdout == result.stdout)
      #expect(both.stderr.contains("are the plan's own (the evidence it was made from"))
    }
  }

  @Test func aFileThatIsNoPlanIsAPreciseError() throws {
    let result = try CommandRunner.run(
      ["progress", "--plan", "Fixtures/roster.csv", "--evidence", "Fixtures/retest-day30.csv"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("Fixtures/roster.csv"))
    #expect(result.stderr.contains("not a plan.json"))
  }
}
