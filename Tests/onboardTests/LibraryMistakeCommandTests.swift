import Foundation
import OnboardTestSupport
import Testing

/// Plan-library values that once crashed `check` and `plan` (exit 132/139) or made every hire
/// fail with an error blaming the roster: both commands now stop with the library's file and line.
@Suite struct LibraryMistakeCommandTests {
  /// A copy of Plans/ with `edit` applied, checked and planned with; the copy is removed.
  func run(
    _ name: String, _ edit: (URL) throws -> Void,
    _ verify: (_ check: CommandRunner.Result, _ plan: CommandRunner.Result) throws -> Void
  ) throws {
    try TemporaryDirectory.with(name) { directory in
      let plans = directory.appendingPathComponent("Plans")
      try FileManager.default.copyItem(
        at: CommandRunner.root.appendingPathComponent("Plans"), to: plans)
      try edit(plans)
      let check = try CommandRunner.run(["check", "--plans", plans.path])
      let plan = try CommandRunner.run([
        "plan", "--roster", "Fixtures/roster.csv", "--evidence",
        "Fixtures/testgorilla-candidates.csv",
        "--plans", plans.path, "--out", directory.appendingPathComponent("out").path, "--today",
        "2026-11-29", "--quiet",
      ])
      try verify(check, plan)
      #expect(
        !FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path),
        "nothing is written")
    }
  }

  func replace(_ file: URL, _ old: String, _ new: String) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains(old))
    try text.replacingOccurrences(of: old, with: new).write(
      to: file, atomically: true, encoding: .utf8)
  }

  @Test(arguments: [
    (
      "\"work_days\": [\"Mon\", \"Tue\", \"Wed\", \"Thu\", \"Fri\"]", "\"work_days\": []",
      ":5:16 ($.work_days): error:"
    ),
    (
      "\"verification_minutes\": 45", "\"verification_minutes\": -45",
      ":12:27 ($.verification_minutes): error:"
    ),
    ("\"hours_per_day\": 7.5", "\"hours_per_day\": 0", ":10:20 ($.hours_per_day): error:"),
  ])
  func settingsThatCrashedAreErrorsAtTheirLine(old: String, new: String, position: String)
    throws
  {
    try run("settings") { plans in
      try replace(plans.appendingPathComponent("settings.json"), old, new)
    } _: { check, plan in
      for result in [check, plan] {
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("Plans/settings.json\(position)"), "\(result.stderr)")
        #expect(!result.stderr.contains("roster.csv"), "\(result.stderr)")
      }
    }
  }

  @Test func hugeScheduleDayIsAnErrorInTheSchedule() throws {
    try run("schedule") { plans in
      let file = plans.appendingPathComponent("schedule.csv")
      var text = try String(contentsOf: file, encoding: .utf8)
      text += "far-away,Far away,milestone,day 9223372036854775807,10:00,30,manager,,,,,,\n"
      try text.write(to: file, atomically: true, encoding: .utf8)
    } _: { check, plan in
      for result in [check, plan] {
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("Plans/schedule.csv:"), "\(result.stderr)")
        #expect(result.stderr.contains("found `day 9223372036854775807`"), "\(result.stderr)")
      }
    }
  }

  @Test func fiveThousandNestedSectionsAreAnErrorNotAStackOverflow() throws {
    try run("nested") { plans in
      let body =
        String(repeating: "{{#gaps}}", count: 5000) + "x"
        + String(repeating: "{{/gaps}}", count: 5000)
      try "subject: Deep\naudience: hire\nsend: workday 1\n---\n\(body)\n".write(
        to: plans.appendingPathComponent("emails/deep.mustache"), atomically: true,
        encoding: .utf8)
    } _: { check, plan in
      for result in [check, plan] {
        #expect(result.status == 1, "\(result.stderr.prefix(500))")
        #expect(
          result.stderr.contains(
            "emails/deep.mustache:5:901: error: section 'gaps' is nested 101 deep"),
          "\(result.stderr.prefix(500))")
      }
    }
  }
}

/// Item 10 of #17: an interviewer with a 300-character name still gets a kit (the file name is
/// cut to what a file system accepts), not "permissions or disk full?".
@Suite struct LongInterviewerNameTests {
  @Test func aThreeHundredCharacterInterviewerNameMakesAKit() throws {
    try TemporaryDirectory.with("kit-long-name") { out in
      let name = String(repeating: "Bartholomew ", count: 25)
      let result = try CommandRunner.run([
        "interview-kit", "--role", "backend developer", "--email", "nadia.haddad@example.org",
        "--interviewer", name, "--date", "2026-10-21", "--out", out.path,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
      #expect(names.count == 3, "\(names)")
      #expect(names.allSatisfy { $0.utf8.count < 255 && $0.hasPrefix("nadia-haddad-bartholomew") })
    }
  }
}

/// Item 10 of #17: the same evidence file given twice counts once, and the repeat is named.
@Suite struct RepeatedEvidenceFileTests {
  @Test func theSameFileTwiceIsReadOnce() throws {
    let once = try CommandRunner.run(["evidence", "Fixtures/evidence.csv", "--format", "json"])
    let twice = try CommandRunner.run([
      "evidence", "Fixtures/evidence.csv", "./Fixtures/../Fixtures/evidence.csv", "--format",
      "json",
    ])
    #expect(once.status == 0 && twice.status == 0, "\(twice.stderr)")
    #expect(twice.stdout == once.stdout)
    #expect(
      twice.stderr.contains(
        "./Fixtures/../Fixtures/evidence.csv: note: this evidence file is given more than once"))
  }
}
