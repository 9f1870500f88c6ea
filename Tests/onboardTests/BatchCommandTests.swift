import Foundation
import OnboardKit
import OnboardTestSupport
import Testing

/// A start cohort at once: parallel and single-threaded runs agree byte for byte, a killed run
/// leaves no half-written hire and `--resume` completes it, one bad hire is isolated.
@Suite(.serialized) struct BatchCommandTests {
  /// A generated cohort (roster + TestGorilla export + interview ratings) written into
  /// `directory`; returns the paths of the evidence files.
  func cohort(_ hires: Int, in directory: URL) throws -> [String] {
    let generator = CohortGenerator(seed: 7, hires: hires)
    var texts: [String: String] = [:]
    generator.write { file, text in texts[file, default: ""] += text }
    for (file, text) in texts {
      try text.write(
        to: directory.appendingPathComponent("\(file).csv"), atomically: true, encoding: .utf8)
    }
    return ["testgorilla", "interviews"].map { directory.appendingPathComponent("\($0).csv").path }
  }

  func batch(_ directory: URL, evidence: [String], out: String, extra: [String] = []) throws
    -> CommandRunner.Result
  {
    try CommandRunner.run(
      ["batch", "--roster", directory.appendingPathComponent("roster.csv").path, "--evidence"]
        + evidence
        + ["--out", directory.appendingPathComponent(out).path, "--today", "2026-11-29", "--quiet"]
        + extra)
  }

  /// A shared workshop is one session in every attendee's plan: the same date and time, the
  /// same trainer, never moved apart (QA15 F5: the second attendee's copy was "moved from 09:00:
  /// the trainer has another onboarding meeting then", the trainer's own session, or left
  /// without a trainer as if it were a second session).
  @Test func aSharedWorkshopIsOneSessionInEveryAttendeesPlan() throws {
    try TemporaryDirectory.with("shared") { directory in
      let evidence = try cohort(60, in: directory)
      let result = try batch(directory, evidence: evidence, out: "out", extra: ["--jobs", "2"])
      #expect(result.status == 0, "\(result.stderr)")
      let out = directory.appendingPathComponent("out")
      func json(_ path: String) throws -> [String: Any] {
        try #require(
          try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(path)))
            as? [String: Any])
      }
      let summary = try json("summary.json")
      let sessions = try #require(summary["sharedSessions"] as? [[String: Any]])
      #expect(sessions.count >= 3, "\(sessions.count) shared sessions")
      let folders = Dictionary(
        (summary["hires"] as? [[String: Any]] ?? []).compactMap { hire -> (String, String)? in
          guard let email = hire["email"] as? String, let folder = hire["folder"] as? String
          else { return nil }
          return (email.lowercased(), folder)
        }, uniquingKeysWith: { a, _ in a })
      var named = 0
      for session in sessions {
        let id = try #require(session["id"] as? String)
        let members = try #require(session["attendees"] as? [String])
        var copies: Set<String> = []
        for member in members {
          let plan = try json("\(try #require(folders[member]))/plan.json")
          let items = try #require(plan["items"] as? [[String: Any]])
          let item = try #require(
            items.first { ($0["note"] as? String)?.contains("(session \(id))") == true },
            "\(member) has no item of \(id)")
          copies.insert(
            "\(item["date"] ?? "") \(item["start"] ?? "") \(item["ownerName"] ?? "nobody")")
        }
        #expect(copies.count == 1, "\(id): \(copies)")
        if copies.first?.hasSuffix(" nobody") == false { named += 1 }
      }
      // (A trainer at their weekly hours leaves a session without one, for all its attendees.)
      #expect(named >= 2, "\(named) sessions with a trainer")
    }
  }

  @Test func parallelAndSingleThreadedRunsGiveIdenticalBytes() throws {
    try TemporaryDirectory.with("parallel") { directory in
      let evidence = try cohort(40, in: directory)
      let one = try batch(directory, evidence: evidence, out: "one", extra: ["--jobs", "1"])
      // Four workers, and chunks of 7 hires: evidence and workshop demands go through the disk spool.
      let two = try batch(
        directory, evidence: evidence, out: "two", extra: ["--jobs", "4", "--chunk-size", "7"])
      // Chunks of 20 hires: each chunk's spooled evidence (hundreds of records) is decoded by
      // several workers and merged.
      let three = try batch(
        directory, evidence: evidence, out: "three", extra: ["--jobs", "3", "--chunk-size", "20"])
      // Chunks of 3 hires on two workers: the drafts of the first four chunks are kept, the other
      // ten chunks are drafted again; people are named in roster order across 14 pipelines.
      let four = try batch(
        directory, evidence: evidence, out: "four", extra: ["--jobs", "2", "--chunk-size", "3"])
      #expect(one.status == 0, "\(one.stderr)")
      #expect(two.status == 0, "\(two.stderr)")
      #expect(three.status == 0, "\(three.stderr)")
      #expect(four.status == 0, "\(four.stderr)")
      let a = try CommandRunner.snapshot(directory.appendingPathComponent("one"))
      let b = try CommandRunner.snapshot(directory.appendingPathComponent("two"))
      let c = try CommandRunner.snapshot(directory.appendingPathComponent("three"))
      let d = try CommandRunner.snapshot(directory.appendingPathComponent("four"))
      #expect(a.count > 40 * 10)
      // The people's calendars, written by several workers at once in the multi-worker runs.
      #expect(a.keys.filter { $0.hasPrefix("calendars/") }.count > 3)
      #expect(a == b)
      #expect(a == c)
      #expect(a == d)
      let summary =
        try JSONSerialization.jsonObject(with: try #require(a["summary.json"])) as? [String: Any]
      let sessions = summary?["sharedSessions"] as? [[String: Any]] ?? []
      #expect(!sessions.isEmpty, "the cohort shares workshops, so the demand spool was used")
      #expect((summary?["trainerHoursSaved"] as? Double ?? 0) > 0)
    }
  }

  /// The hires' lines on standard output come in roster order, whatever the number of workers:
  /// they were printed by the worker that finished a hire, in the order the hires happened to
  /// finish.
  @Test func standardOutputListsTheHiresInRosterOrderForAnyNumberOfWorkers() throws {
    try TemporaryDirectory.with("order") { directory in
      let evidence = try cohort(40, in: directory)
      func run(_ out: String, _ extra: [String]) throws -> String {
        let result = try CommandRunner.run(
          ["batch", "--roster", directory.appendingPathComponent("roster.csv").path, "--evidence"]
            + evidence
            + ["--out", directory.appendingPathComponent(out).path, "--today", "2026-11-29"]
            + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.replacingOccurrences(
          of: directory.appendingPathComponent(out).path, with: "OUT")
      }
      let (hires, _) = try RosterImport.parse(
        SourceFile(
          path: "roster.csv",
          data: try Data(contentsOf: directory.appendingPathComponent("roster.csv"))))
      let folders = Onboarding.folders(for: hires)
      let rosterOrder = hires.compactMap { folders[$0.key] }
      #expect(rosterOrder.count == 40)
      let one = try run("one", ["--jobs", "1"])
      let printed = one.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("  → OUT/") else { return nil }
        return String(line.dropFirst("  → OUT/".count).prefix { $0 != "/" })
      }
      #expect(printed == rosterOrder)
      for (index, jobs) in ["4", "3", "2"].enumerated() {
        #expect(try run("many\(index)", ["--jobs", jobs, "--chunk-size", "16"]) == one, "\(jobs)")
      }
    }
  }

  @Test func killedRunLeavesNoHalfWrittenHireAndResumeCompletesIt() throws {
    try TemporaryDirectory.with("resume") { directory in
      let evidence = try cohort(60, in: directory)
      #expect(
        try batch(directory, evidence: evidence, out: "full", extra: ["--jobs", "1"]).status == 0)
      let full = try CommandRunner.snapshot(directory.appendingPathComponent("full"))

      // Start the same run, kill it as soon as a few hires are written.
      let out = directory.appendingPathComponent("killed")
      let process = Process()
      process.executableURL = CommandRunner.executable
      process.currentDirectoryURL = CommandRunner.root
      process.environment = TemporaryDirectory.childEnvironment
      process.arguments =
        ["batch", "--roster", directory.appendingPathComponent("roster.csv").path, "--evidence"]
        + evidence
        + ["--out", out.path, "--today", "2026-11-29", "--quiet", "--jobs", "1"]
      try process.run()
      let deadline = Date().addingTimeInterval(60)
      while process.isRunning, Date() < deadline {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        if names.filter({ !$0.hasPrefix(".") }).count >= 3 { break }
        usleep(20_000)
      }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()

      // Every hire folder that exists is complete and equal to the full run's.
      let partial = try CommandRunner.snapshot(out)
      let folders = Set(
        partial.keys.compactMap { $0.split(separator: "/").first.map(String.init) }.filter {
          !$0.hasPrefix(".") && !$0.contains(".")
        })
      for folder in folders {
        let mine = partial.filter { $0.key.hasPrefix(folder + "/") }
        let theirs = full.filter { $0.key.hasPrefix(folder + "/") }
        #expect(mine == theirs, "\(folder) is complete")
      }

      // A plain rerun refuses; --resume completes the rest and the result equals the full run.
      if !folders.isEmpty {
        let again = try batch(directory, evidence: evidence, out: "killed")
        #expect(again.status == 1)
        #expect(again.stderr.contains("--resume"))
      }
      let resumed = try batch(directory, evidence: evidence, out: "killed", extra: ["--resume"])
      #expect(resumed.status == 0, "\(resumed.stderr)")
      let after = try CommandRunner.snapshot(out)
      #expect(
        after.keys.filter { !$0.hasPrefix("summary.json") }.count
          == full.keys.filter { !$0.hasPrefix("summary.json") }.count)
      for (path, data) in full where path != "summary.json" {
        #expect(after[path] == data, "\(path) differs after --resume")
      }
      #expect(!after.keys.contains { $0.contains(".onboard-") })
      // summary.json lists a kept hire's files, in their order, and its notes as the full run
      // listed them when it wrote them (a kept hire had "notes": 0; QA9 F7).
      func filesByHire(_ data: Data?) throws
        -> [String: (status: String, files: [String], notes: Int)]
      {
        let object = try JSONSerialization.jsonObject(with: try #require(data)) as? [String: Any]
        var result: [String: (status: String, files: [String], notes: Int)] = [:]
        for hire in object?["hires"] as? [[String: Any]] ?? [] {
          result[hire["email"] as? String ?? ""] = (
            hire["status"] as? String ?? "", hire["files"] as? [String] ?? [],
            hire["notes"] as? Int ?? -1
          )
        }
        return result
      }
      let fullFiles = try filesByHire(full["summary.json"])
      let resumedFiles = try filesByHire(after["summary.json"])
      #expect(resumedFiles.count == fullFiles.count)
      for (email, entry) in resumedFiles {
        #expect(["ok", "kept"].contains(entry.status), "\(email)")
        #expect(!entry.files.isEmpty && entry.files == fullFiles[email]?.files, "\(email)")
        #expect(entry.notes == fullFiles[email]?.notes, "\(email)")
      }
    }
  }

  @Test func oneBadHireAmongManyIsIsolatedAndNamed() throws {
    try TemporaryDirectory.with("isolated") { directory in
      let evidence = try cohort(30, in: directory)
      let rosterURL = directory.appendingPathComponent("roster.csv")
      var lines = try String(contentsOf: rosterURL, encoding: .utf8).components(separatedBy: "\r\n")
      lines[5] = lines[5].replacingOccurrences(of: "Developer", with: "Astronaut")
      try lines.joined(separator: "\r\n").write(to: rosterURL, atomically: true, encoding: .utf8)
      let result = try batch(directory, evidence: evidence, out: "out")
      #expect(result.status == 1)
      #expect(result.stdout.contains("29 of 30 hires planned"))
      #expect(
        result.stderr.contains("error: column `role`: role `Backend Astronaut`")
          || result.stderr.contains("error: column `role`: role `Frontend Astronaut`"),
        "\(result.stderr)")
      #expect(result.stderr.contains("roster.csv:6:"))
      let summary =
        try JSONSerialization.jsonObject(
          with: try Data(contentsOf: directory.appendingPathComponent("out/summary.json")))
        as? [String: Any]
      let failed =
        (summary?["hires"] as? [[String: Any]])?.filter { $0["status"] as? String == "failed" }
        ?? []
      #expect(failed.count == 1)
    }
  }
}
