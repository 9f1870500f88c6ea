import Foundation
import OnboardTestSupport
import Testing

/// A hire's folder is hers once a run has written it: a later roster that adds a hire with a
/// colliding name does not move her, so `--replan-from` and `--resume` still find her plan.
@Suite(.serialized) struct HireFolderHistoryCommandTests {
  typealias Safety = OutputSafetyCommandTests

  func write(_ rows: [String], to url: URL) throws {
    try (Safety.header + rows.joined()).write(to: url, atomically: true, encoding: .utf8)
  }

  func plan(_ roster: URL, out: URL, today: String = "2026-11-29", _ extra: [String] = [])
    throws -> CommandRunner.Result
  {
    try CommandRunner.run(
      [
        "plan", "--roster", roster.path, "--evidence", "Fixtures/testgorilla-candidates.csv",
        "--out", out.path, "--today", today,
      ] + extra)
  }

  func planJSON(_ out: URL, _ folder: String) throws -> [String: Any] {
    let data = try Data(contentsOf: out.appendingPathComponent("\(folder)/plan.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// José, then a roster that adds Joseph (`jose_angstrom@`, the same folder name).
  func withTwoRosters(_ name: String, _ body: (URL, URL, URL) throws -> Void) throws {
    try TemporaryDirectory.with(name) { directory in
      let first = directory.appendingPathComponent("r1.csv")
      let second = directory.appendingPathComponent("r2.csv")
      try write([Safety.row("José", "jose.angstrom@example.org")], to: first)
      try write(
        [
          Safety.row("José", "jose.angstrom@example.org"),
          Safety.row("Joseph", "jose_angstrom@example.org"),
        ], to: second)
      let out = directory.appendingPathComponent("out")
      let result = try plan(first, out: out, ["--quiet"])
      #expect(result.status == 0, "\(result.stderr)")
      try body(second, out, directory)
    }
  }

  @Test func aReplanAfterACollidingNewcomerKeepsTheEarlierHiresFolderAndHistory() throws {
    try withTwoRosters("collide-replan") { roster, out, _ in
      let result = try plan(
        roster, out: out, today: "2026-12-16", ["--force", "--replan-from", "2026-12-16"])
      #expect(result.status == 0, "\(result.stderr)")
      // José is re-planned in his own folder; only the newcomer has a hashed name.
      #expect(try planJSON(out, "jose-angstrom")["replannedFrom"] as? String == "2026-12-16")
      #expect(
        !result.stderr.contains("no earlier plan.json for jose.angstrom@"), "\(result.stderr)")
      #expect(!result.stderr.contains("not on this roster"), "\(result.stderr)")
      let folders = try FileManager.default.contentsOfDirectory(atPath: out.path)
        .filter { $0.hasPrefix("jose-angstrom") }.sorted()
      #expect(folders.count == 2, "\(folders)")
      let joseph = try #require(folders.first { $0 != "jose-angstrom" })
      #expect(joseph.hasPrefix("jose-angstrom-") && joseph.count == "jose-angstrom-".count + 8)
      let hire = try #require(try planJSON(out, joseph)["hire"] as? [String: Any])
      #expect(hire["email"] as? String == "jose_angstrom@example.org")
      #expect(result.stderr.contains("no earlier plan.json for jose_angstrom@example.org"))
    }
  }

  @Test func resumeAfterACollidingNewcomerKeepsTheEarlierHire() throws {
    try withTwoRosters("collide-resume") { roster, out, _ in
      let before = try Data(contentsOf: out.appendingPathComponent("jose-angstrom/plan.json"))
      let result = try plan(roster, out: out, ["--resume"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("1 of 2 hires planned"), "\(result.stdout)")
      #expect(result.stdout.contains("1 kept from an earlier run"), "\(result.stdout)")
      #expect(
        try Data(contentsOf: out.appendingPathComponent("jose-angstrom/plan.json")) == before)
      let summary = try #require(
        try JSONSerialization.jsonObject(
          with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any])
      let entries = try #require(summary["hires"] as? [[String: Any]])
      let jose = try #require(
        entries.first { $0["email"] as? String == "jose.angstrom@example.org" })
      #expect(jose["status"] as? String == "kept")
      #expect(jose["folder"] as? String == "jose-angstrom")
    }
  }

  /// A folder of a hire who left the roster is still hers: a newcomer with the same name gets
  /// a hashed folder instead of replacing her plan, even with --force.
  @Test func aNewcomerNeverTakesTheFolderOfAHireWhoLeftTheRoster() throws {
    try withTwoRosters("collide-left") { _, out, directory in
      let newcomerOnly = directory.appendingPathComponent("r3.csv")
      try write([Safety.row("Joseph", "jose_angstrom@example.org")], to: newcomerOnly)
      let before = try Data(contentsOf: out.appendingPathComponent("jose-angstrom/plan.json"))
      let result = try plan(newcomerOnly, out: out, ["--force"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        try Data(contentsOf: out.appendingPathComponent("jose-angstrom/plan.json")) == before)
      #expect(
        result.stderr.contains("1 hire folder of an earlier run is not on this roster"),
        "\(result.stderr)")
    }
  }

  /// Folders moved by hand so that summary.json points a hire at another hire's plan: the
  /// re-plan refuses that hire (naming whose plan it is) instead of taking the other's history.
  @Test func aReplanRefusesAnotherHiresPlan() throws {
    try TemporaryDirectory.with("swapped") { directory in
      let roster = directory.appendingPathComponent("r.csv")
      try write(
        [
          Safety.row("José", "jose.angstrom@example.org"),
          Safety.row("Ada", "ada.lovelace@example.org"),
        ], to: roster)
      let out = directory.appendingPathComponent("out")
      #expect(try plan(roster, out: out, ["--quiet"]).status == 0)
      let manager = FileManager.default
      let jose = out.appendingPathComponent("jose-angstrom")
      let ada = out.appendingPathComponent("ada-lovelace")
      let aside = out.appendingPathComponent("aside")
      try manager.moveItem(at: jose, to: aside)
      try manager.moveItem(at: ada, to: jose)
      try manager.moveItem(at: aside, to: ada)
      let result = try plan(
        roster, out: out, today: "2026-12-16", ["--force", "--replan-from", "2026-12-16"])
      #expect(result.status == 1, "\(result.stderr)")
      #expect(
        result.stderr.contains(
          "jose-angstrom/plan.json: error: is the plan of ada.lovelace@example.org, not of "
            + "jose.angstrom@example.org"), "\(result.stderr)")
    }
  }

  /// The boxes a manager ticked in plan.md survive planning again (QA11 #2: a re-plan wrote
  /// every box empty, in silence); a ticked task the new plan no longer has is named.
  @Test func tickedTasksInPlanMarkdownAreKept() throws {
    try withTwoRosters("ticks") { roster, out, _ in
      let path = out.appendingPathComponent("jose-angstrom/plan.md")
      let lines = try String(contentsOf: path, encoding: .utf8).components(separatedBy: "\n")
      #expect(lines.contains { $0.hasPrefix("- [ ] ") && $0.hasSuffix("-welcome`") })
      var text = lines.map { line in
        line.hasPrefix("- [ ] ") && line.hasSuffix("-welcome`")
          ? "- [x] " + line.dropFirst(6) : line
      }.joined(separator: "\n")
      text += "- [x] A task of an older plan `onb-jose-angstrom-example-org-gone`\n"
      try text.write(to: path, atomically: true, encoding: .utf8)
      let result = try plan(roster, out: out, ["--force"])
      #expect(result.status == 0, "\(result.stderr)")
      let again = try String(contentsOf: path, encoding: .utf8)
      let ticked = again.components(separatedBy: "\n").filter { $0.hasPrefix("- [x] ") }
      #expect(ticked.count == 1 && ticked[0].hasSuffix("-welcome`"), "\(ticked)")
      #expect(
        result.stderr.contains(
          "1 task ticked in the earlier plan.md is no longer in the plan: "
            + "onb-jose-angstrom-example-org-gone"), "\(result.stderr)")
    }
  }

  /// A second `--hire` run says what the run files of the first one list, and whom they miss.
  @Test func aSecondSelectionSaysWhomTheRunFilesMiss() throws {
    try withTwoRosters("selection") { roster, out, _ in
      let result = try plan(roster, out: out, ["--hire", "jose_angstrom@example.org"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        result.stderr.contains(
          "are left as the earlier run wrote them: they list 1 hire; jose_angstrom@example.org "
            + "is not among them; plan the whole roster (--resume keeps"), "\(result.stderr)")
    }
  }
}
