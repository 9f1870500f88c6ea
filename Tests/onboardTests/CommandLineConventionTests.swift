import Foundation
import OnboardTestSupport
import Testing

/// The conventions of command-line tools: `--version`, `help <command>`, a man-page-like `--help`
/// with examples, `-` for standard input and standard output, the documented exit statuses.
@Suite struct CommandLineConventionTests {
  static let commands = [
    "plan", "batch", "analyze", "evidence", "progress", "check", "interview-kit",
  ]

  @Test func versionPrintsTheToolAndItsVersion() throws {
    let result = try CommandRunner.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(
      result.stdout.range(of: #"^onboard \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
  }

  @Test(arguments: commands) func helpOfACommandIsItsManPage(_ command: String) throws {
    let help = try CommandRunner.run(["help", command])
    let flag = try CommandRunner.run([command, "--help"])
    #expect(help.status == 0)
    #expect(help.stdout == flag.stdout)
    let name = command == "batch" ? "plan" : command
    for section in ["OVERVIEW:", "USAGE: onboard \(name)", "OPTIONS:", "EXAMPLES:", "EXIT STATUS:"]
    {
      #expect(help.stdout.contains(section), "\(command): \(section)")
    }
    // Every example is a command of this tool.
    let examples = help.stdout.components(separatedBy: "EXAMPLES:")[1]
      .components(separatedBy: "EXIT STATUS:")[0]
    #expect(examples.contains("onboard \(name)"))
  }

  @Test func helpWithoutACommandAndWithAnUnknownOne() throws {
    let overview = try CommandRunner.run(["help"])
    #expect(overview.status == 0)
    #expect(overview.stdout.contains("COMMANDS:"))
    #expect(overview.stdout == (try CommandRunner.run(["--help"])).stdout)
    let unknown = try CommandRunner.run(["help", "frobnicate"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown command `frobnicate`"))
    let nothing = try CommandRunner.run([])
    #expect(nothing.status == 2)
    #expect(nothing.stderr.contains("USAGE: onboard <command>"))
  }

  @Test func cohortToolHasHelp() throws {
    let cohort = CommandRunner.executable.deletingLastPathComponent()
      .appendingPathComponent("onboard-cohort")
    let result = try CommandRunner.runProcess(cohort, ["--help"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("USAGE: onboard-cohort --hires N"))
    #expect(result.stdout.contains("EXAMPLES:"))
  }

  @Test func evidenceReadsStandardInputForADash() throws {
    let file = try CommandRunner.run(["evidence", "Fixtures/evidence.csv", "--format", "json"])
    let piped = try CommandRunner.runProcess(
      CommandRunner.executable, ["evidence", "-", "--format", "json"],
      stdin: try Data(
        contentsOf: CommandRunner.root.appendingPathComponent("Fixtures/evidence.csv")))
    #expect(file.status == 0)
    #expect(piped.status == 0, "\(piped.stderr)")
    // The same observations; only their origin names the input differently.
    #expect(!file.stdout.isEmpty)
    #expect(
      piped.stdout == file.stdout.replacingOccurrences(of: "Fixtures/evidence.csv", with: "<stdin>")
    )
  }

  @Test func errorsInStandardInputNameIt() throws {
    let broken = try Data(
      contentsOf: CommandRunner.root.appendingPathComponent(
        "Fixtures/broken/unterminated-quote.csv"))
    let result = try CommandRunner.runProcess(
      CommandRunner.executable, ["evidence", "-"], stdin: broken)
    #expect(result.status == 1)
    #expect(result.stderr.contains("<stdin>:"))
    #expect(result.stderr.contains("unterminated quoted field"))
  }

  @Test func analyzeReadsTheRosterFromStandardInput() throws {
    let arguments = ["--evidence", "Fixtures/evidence.csv", "--format", "json"]
    let file = try CommandRunner.run(["analyze", "--roster", "Fixtures/roster.csv"] + arguments)
    let piped = try CommandRunner.runProcess(
      CommandRunner.executable, ["analyze", "--roster", "-"] + arguments,
      stdin: try Data(contentsOf: CommandRunner.root.appendingPathComponent("Fixtures/roster.csv")))
    #expect(file.status == 0, "\(file.stderr)")
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout == file.stdout)
    #expect(file.stdout.contains("\"schema\""))
  }

  /// A mistyped `--hire` is an error for `analyze` as for `plan` (it printed nothing, exit 0).
  @Test func analyzeRefusesAHireNotOnTheRoster() throws {
    let result = try CommandRunner.run([
      "analyze", "--roster", "Fixtures/roster.csv", "--evidence", "Fixtures/evidence.csv",
      "--hire", "nobody@example.org",
    ])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("Fixtures/roster.csv: error: nobody@example.org is not on the roster"),
      "\(result.stderr)")
  }

  @Test func standardInputIsReadOnce() throws {
    let result = try CommandRunner.run(
      ["analyze", "--roster", "-", "--evidence", "-"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("more than one input"))
    let plan = try CommandRunner.run(
      ["plan", "--roster", "Fixtures/roster.csv", "--evidence", "-", "--out", "never-written"])
    #expect(plan.status == 2)
    #expect(plan.stderr.contains("save standard input to a file first"))
    #expect(
      !FileManager.default.fileExists(
        atPath: CommandRunner.root.appendingPathComponent("never-written").path))
  }

  @Test func outputGoesToAFileOrToStandardOutputForADash() throws {
    try TemporaryDirectory.with("output") { folder in
      let base = ["evidence", "Fixtures/evidence.csv"]
      let plain = try CommandRunner.run(base)
      let dash = try CommandRunner.run(base + ["--output", "-"])
      #expect(plain.status == 0)
      #expect(dash.stdout == plain.stdout)

      let target = folder.appendingPathComponent("evidence.txt")
      let written = try CommandRunner.run(base + ["--output", target.path])
      #expect(written.status == 0, "\(written.stderr)")
      #expect(written.stdout.isEmpty)
      #expect(try String(contentsOf: target, encoding: .utf8) == plain.stdout)

      // Never over an existing file without --force.
      let again = try CommandRunner.run([
        "evidence", "Fixtures/interview-ratings.csv", "--output", target.path,
      ])
      #expect(again.status == 1)
      #expect(again.stderr.contains("\(target.path): error: exists; use --force"))
      #expect(try String(contentsOf: target, encoding: .utf8) == plain.stdout)
      let forced = try CommandRunner.run(
        ["evidence", "Fixtures/interview-ratings.csv", "--output", target.path, "--force"])
      #expect(forced.status == 0)
      #expect(try String(contentsOf: target, encoding: .utf8) != plain.stdout)
      #expect(try CommandRunner.snapshot(folder).keys.sorted() == ["evidence.txt"])

      // A folder or a device is not a file to replace, --force or not: said before any work
      // (QA10 F14: "exists; use --force", then --force failed with "Is a directory").
      // Nor a symbolic link: `--output /dev/stdout --force` had replaced the link with a file.
      let link = folder.appendingPathComponent("link.txt")
      try FileManager.default.createSymbolicLink(
        atPath: link.path, withDestinationPath: target.path)
      for (target, expected) in [
        (folder.path, "is a folder; expected a file path, such as \(folder.path)/report.txt"),
        ("/dev/null", "is not a regular file; expected a file path, or - for standard output"),
        (
          link.path,
          "is a symbolic link (to \(target.path)); expected a file path, or - for standard output"
        ),
      ] {
        let refused = try CommandRunner.run(base + ["--output", target, "--force"])
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("--output \(target): \(expected)"), "\(refused.stderr)")
      }
      #expect(try CommandRunner.snapshot(folder).keys.sorted() == ["evidence.txt", "link.txt"])
      let kept = try FileManager.default.attributesOfItem(atPath: link.path)[.type]
      #expect(kept as? FileAttributeType == .typeSymbolicLink)
      let preview = try CommandRunner.run(
        [
          "template", "preview", "welcome", "--roster", "Fixtures/roster.csv", "--hire",
          "jose.angstrom@example.org", "--eml", folder.path,
          "--force",
        ])
      #expect(preview.status == 2, "\(preview.stderr)")
      #expect(preview.stderr.contains("--eml \(folder.path): is a folder"), "\(preview.stderr)")
    }
  }

  @Test func progressReadsThePlanFromStandardInputAndWritesAFile() throws {
    try TemporaryDirectory.with("progress-dash") { folder in
      let out = folder.appendingPathComponent("out")
      let planned = try CommandRunner.run(
        [
          "plan", "--roster", "Fixtures/roster.csv", "--evidence",
          "Fixtures/testgorilla-candidates.csv", "--out", out.path, "--today", "2026-11-29",
          "--hire", "siobhan.oconnor@example.org", "--quiet",
        ])
      #expect(planned.status == 0, "\(planned.stderr)")
      let plan = out.appendingPathComponent("siobhan-oconnor/plan.json")
      let common = ["--evidence", "Fixtures/retest-day30.csv", "--today", "2027-02-03"]
      let file = try CommandRunner.run(["progress", "--plan", plan.path] + common)
      let report = folder.appendingPathComponent("progress.md")
      let piped = try CommandRunner.runProcess(
        CommandRunner.executable,
        ["progress", "--plan", "-", "--output", report.path] + common,
        stdin: try Data(contentsOf: plan))
      #expect(file.status == 0, "\(file.stderr)")
      #expect(piped.status == 0, "\(piped.stderr)")
      #expect(try String(contentsOf: report, encoding: .utf8) == file.stdout)
    }
  }
}
