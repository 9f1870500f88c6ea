import Foundation
import OnboardTestSupport
import Testing

/// `onboard interview-kit` end to end: the kit is written, filled in, and read back by the
/// evidence import and the planner; a broken bank fails `onboard check`.
@Suite struct InterviewKitCommandTests {
  static let email = "nadia.haddad@example.org"

  func kit(_ out: URL, extra: [String] = []) throws -> CommandRunner.Result {
    try CommandRunner.run(
      [
        "interview-kit", "--role", "backend developer", "--candidate", "Nadia <b>Haddad</b> & Co",
        "--email", Self.email, "--interviewer", "Ada Quinn", "--date", "2026-10-21", "--out",
        out.path,
      ] + extra)
  }

  func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  /// Writes a rating and a note into the row of a question (the kit leaves both cells empty, at
  /// the end of the row).
  func rate(_ csv: String, _ answers: [String: String]) -> String {
    csv.components(separatedBy: "\r\n").map { line in
      for (id, cells) in answers where line.contains(",\(id),") && line.hasSuffix(",,") {
        return String(line.dropLast(2)) + "," + cells
      }
      return line
    }.joined(separator: "\r\n")
  }

  @Test func writesTheScorecardAndPrintableVersions() throws {
    try TemporaryDirectory.with("kit") { out in
      let result = try kit(out)
      #expect(result.status == 0, "stderr: \(result.stderr)")
      let base = out.appendingPathComponent("nadia-haddad-ada-quinn")
      #expect(
        result.stdout
          == "Backend Developer: 28 questions → \(base.path).csv (scorecard), .md, .html\n")
      #expect(
        try CommandRunner.snapshot(out).keys.sorted() == [
          "nadia-haddad-ada-quinn.csv", "nadia-haddad-ada-quinn.html", "nadia-haddad-ada-quinn.md",
        ])
      let data = try Data(contentsOf: base.appendingPathExtension("csv"))
      #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM, so that spreadsheets read UTF-8")
      let csv = try read(base.appendingPathExtension("csv"))
      let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
      #expect(lines.count == 29)
      #expect(
        lines[0].hasSuffix(
          "Candidate Email,Interviewer,Interview Date,Role,Order,Question ID,Question,Skills,Anchor 1,Anchor 3,Anchor 5,Rating,Notes"
        ))
      #expect(
        lines[1].hasPrefix(
          "nadia.haddad@example.org,Ada Quinn,2026-10-21,Backend Developer,1,be-technical-skills,"))
      let html = try read(base.appendingPathExtension("html"))
      #expect(html.contains("Nadia &lt;b&gt;Haddad&lt;/b&gt; &amp; Co"))
      #expect(!html.contains("<b>Haddad</b>"))
      #expect(html.contains("@media print") && html.contains("break-inside: avoid"))
      #expect(
        html.contains("<h3>16. Explain how non-clustered and clustered indexes are different.</h3>")
      )
      let markdown = try read(base.appendingPathExtension("md"))
      #expect(
        markdown.contains(
          "- **Candidate:** Nadia \\<b\\>Haddad\\</b\\> & Co (nadia.haddad@example.org)"))
      #expect(
        markdown.contains("### 22. Which method would you use to prevent SQL injection risks?"))
    }
  }

  /// A pasted interviewer name's control characters are shown, not written into the files
  /// (QA10 F11: an ESC cleared the screen of anyone who printed the scorecard).
  @Test func controlCharactersInNamesAreShownNotWritten() throws {
    try TemporaryDirectory.with("kit-controls") { out in
      let result = try CommandRunner.run([
        "interview-kit", "--role", "backend developer", "--interviewer", "Ann\u{1B}[2J",
        "--candidate", "Bo\u{7}", "--out", out.path,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      let files = try CommandRunner.snapshot(out)
      #expect(!files.isEmpty)
      for (path, data) in files {
        #expect(!data.contains(0x1B) && !data.contains(0x07), "\(path)")
      }
      let csv = try #require(files.first { $0.key.hasSuffix(".csv") }?.value)
      #expect(String(decoding: csv, as: UTF8.self).contains("Ann␛[2J"))
    }
  }

  @Test func refusesToOverwriteWithoutForce() throws {
    try TemporaryDirectory.with("kit-force") { out in
      #expect(try kit(out).status == 0)
      let first = try CommandRunner.snapshot(out)
      let again = try kit(out)
      #expect(again.status == 1)
      #expect(again.stderr.contains("exists already; use --force to overwrite"))
      #expect(try kit(out, extra: ["--force"]).status == 0)
      #expect(try CommandRunner.snapshot(out) == first)
    }
  }

  @Test func unknownRoleAndBadOptionsAreReported() throws {
    try TemporaryDirectory.with("kit-bad") { out in
      let astronaut = try CommandRunner.run([
        "interview-kit", "--role", "Astronaut", "--out", out.path,
      ])
      #expect(astronaut.status == 1)
      #expect(
        astronaut.stderr
          == "Plans/questions.csv: error: no question bank for role `Astronaut`; banks: `Backend Developer`, `Frontend Developer`\n"
      )
      let noRole = try CommandRunner.run(["interview-kit", "--out", out.path])
      #expect(noRole.status == 2 && noRole.stderr.contains("missing --role"))
      let badEmail = try CommandRunner.run(
        ["interview-kit", "--role", "Frontend Developer", "--email", "nobody", "--out", out.path])
      #expect(badEmail.status == 2 && badEmail.stderr.contains("--email nobody: expected an email"))
      #expect(try CommandRunner.snapshot(out).isEmpty)
    }
  }

  @Test func filledScorecardIsEvidenceAndABadOneIsAPreciseError() throws {
    try TemporaryDirectory.with("kit-fill") { out in
      #expect(try kit(out).status == 0)
      let blank = try read(out.appendingPathComponent("nadia-haddad-ada-quinn.csv"))
      let filled = out.appendingPathComponent("filled.csv")
      try rate(blank, ["be-indexes": "2,Weak on indexes", "be-ci-cd": "4,"]).write(
        to: filled, atomically: true, encoding: .utf8)
      let evidence = try CommandRunner.run(["evidence", filled.path, "--format", "json"])
      #expect(evidence.status == 0, "stderr: \(evidence.stderr)")
      let items =
        try JSONSerialization.jsonObject(with: Data(evidence.stdout.utf8)) as? [[String: Any]]
      #expect(items?.count == 2)
      #expect(items?.compactMap { $0["skill"] as? String }.sorted() == ["ci-cd", "sql-databases"])
      #expect(items?.contains { $0["note"] as? String == "Weak on indexes" } == true)

      let bad = out.appendingPathComponent("bad.csv")
      try rate(blank, ["be-acid": "7,Great"]).write(to: bad, atomically: true, encoding: .utf8)
      let rejected = try CommandRunner.run(["evidence", bad.path])
      #expect(rejected.status == 1)
      #expect(
        rejected.stderr.contains(
          try #require(
            rejected.stderr.range(
              of:
                #"bad\.csv:15:\d+: error: column `Rating`: found `7`; expected a whole rating from 1 to 5"#,
              options: .regularExpression
            ).map { String(rejected.stderr[$0]) })))
    }
  }

  @Test func aBadScorecardFailsOnlyItsHire() throws {
    try TemporaryDirectory.with("kit-plan") { directory in
      let scorecard = try read(
        CommandRunner.root.appendingPathComponent(
          "Fixtures/scorecards/zoe-mueller-luedenscheidt-lena-vogel.csv"))
      let reordered = directory.appendingPathComponent("zoe-reordered.csv")
      var lines = scorecard.components(separatedBy: "\r\n")
      lines.swapAt(2, 3)
      try lines.joined(separator: "\r\n").write(to: reordered, atomically: true, encoding: .utf8)
      let out = directory.appendingPathComponent("out")
      let result = try CommandRunner.run(
        ["plan", "--roster", "Fixtures/roster.csv", "--evidence"] + CommandRunner.fixtureEvidence
          + [reordered.path, "--out", out.path, "--today", "2026-11-29"])
      #expect(result.status == 1)
      #expect(result.stdout.contains("4 of 5 hires planned"))
      #expect(result.stdout.contains("failed: zoe.mueller-luedenscheidt@example.org"))
      #expect(
        result.stderr.contains(
          "zoe-reordered.csv:4:"), "stderr: \(result.stderr)")
      #expect(
        result.stderr.contains(
          "error: column `Question ID`: question `be-responsibilities` (number 2) comes after `be-skills-lacking` (number 3); keep the questions in the bank's order"
        ))
    }
  }

  @Test func mainCommandComparesInterviewersNotes() throws {
    try TemporaryDirectory.with("kit-main") { out in
      let result = try CommandRunner.run(
        ["plan", "--roster", "Fixtures/roster.csv", "--evidence"] + CommandRunner.fixtureEvidence
          + ["--out", out.path, "--today", "2026-11-29"])
      #expect(result.status == 0, "stderr: \(result.stderr)")
      #expect(result.stdout.contains("conflicting: Databases & SQL, Application Security"))
      let files = try CommandRunner.snapshot(out)
      let zoe = String(
        decoding: try #require(files["zoe-mueller-luedenscheidt/plan.md"]), as: UTF8.self)
      #expect(zoe.contains("### Interviewers' notes"))
      #expect(zoe.contains("Fixtures/scorecards/zoe-mueller-luedenscheidt-mateo-garcia.csv:23:"))
      let briefing = try #require(
        files.first {
          $0.key.hasPrefix("zoe-mueller-luedenscheidt/emails/")
            && $0.key.hasSuffix("manager-briefing.eml")
        })
      #expect(String(decoding: briefing.value, as: UTF8.self).contains("INTERVIEWERS' NOTES"))
    }
  }

  @Test func checkCatchesABrokenBank() throws {
    try TemporaryDirectory.with("kit-check") { directory in
      let plans = directory.appendingPathComponent("Plans")
      try FileManager.default.copyItem(
        at: CommandRunner.root.appendingPathComponent("Plans"), to: plans)
      let questions = plans.appendingPathComponent("questions.csv")
      let text = try read(questions).replacingOccurrences(of: ",typescript,", with: ",typscript,")
      try text.write(to: questions, atomically: true, encoding: .utf8)
      let result = try CommandRunner.run(["check", "--plans", plans.path])
      #expect(result.status == 1)
      #expect(
        result.stderr.range(
          of:
            #"Plans/questions\.csv:\d+:\d+: error: column `skills`: `typscript` is not a skill id of skills\.csv"#,
          options: .regularExpression) != nil, "stderr: \(result.stderr)")
      #expect(result.stderr.hasSuffix("1 error in \(plans.path)\n"))
    }
  }
}
