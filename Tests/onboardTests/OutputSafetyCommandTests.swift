import Foundation
import OnboardKit
import OnboardTestSupport
import Testing

/// Hires never share a folder or a Message-ID; the output folder is one run's at a time; a run
/// that cannot write cleans up after itself and still says what it did; `--out` is checked first.
@Suite(.serialized) struct OutputSafetyCommandTests {
  static let header =
    "first_name,last_name,email,role,start_date,time_zone,location,manager_name,manager_email,buddy_name,buddy_email,employment,work_days,hours_per_day,work_mode\n"

  static func row(_ first: String, _ email: String, start: String = "2026-12-14") -> String {
    "\(first),Ångström,\(email),Backend Developer,\(start),Europe/Berlin,Berlin,Ingrid Bergström,ingrid.bergstrom@example.com,Tomás Rivera,tomas.rivera@example.com,full-time,,,hybrid\n"
  }

  /// A folder with `roster.csv`; removed by `body`'s caller.
  func withRoster<T>(_ name: String, _ rows: [String], _ body: (URL) throws -> T) throws -> T {
    try TemporaryDirectory.with(name) { directory in
      try (Self.header + rows.joined()).write(
        to: directory.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
      return try body(directory)
    }
  }

  func plan(_ directory: URL, out: String, extra: [String] = []) throws -> CommandRunner.Result {
    try CommandRunner.run(
      [
        "plan", "--roster", directory.appendingPathComponent("roster.csv").path, "--evidence",
        "Fixtures/testgorilla-candidates.csv", "--out", out, "--today", "2026-11-29", "--quiet",
      ] + extra)
  }

  /// The same 60-character local part on two domains: the whole emails differ only after the
  /// 64th character.
  static let longA = String(repeating: "a", count: 60) + "@example.org"
  static let longB = String(repeating: "a", count: 60) + "@example.com"
  static let lookalikes = [
    "jose.angstrom@example.org", "jose_angstrom@example.org", "jose+angstrom@example.org",
    "jose.angstrom@example.com", "jose-angstrom@example.org", longA, longB,
  ]

  @Test func hiresWhoseEmailsDifferOnlyInPunctuationDomainOrLengthGetTheirOwnFolders() throws {
    try withRoster("lookalikes", Self.lookalikes.enumerated().map { Self.row("José\($0)", $1) }) {
      directory in
      let out = directory.appendingPathComponent("out")
      let result = try plan(directory, out: out.path, extra: ["--jobs", "2"])
      #expect(result.status == 0, "\(result.stderr)")
      let files = try CommandRunner.snapshot(out)
      let folders = Set(files.keys.compactMap { $0.split(separator: "/").first }.map(String.init))
        .subtracting([
          "summary.json", "index.html", "cohort.md", "cohort.csv", "tasks.csv", "calendars",
        ])
      #expect(folders.count == Self.lookalikes.count, "\(folders.sorted())")
      #expect(!folders.contains { $0.hasPrefix(".") }, "no temporary folder is left")
      var messageIDs: [String: String] = [:]
      for email in Self.lookalikes {
        // Each folder holds exactly one hire's plan, and it is that hire's.
        let owners = folders.filter {
          String(decoding: files["\($0)/plan.json"] ?? Data(), as: UTF8.self).contains(
            "\"\(email)\"")
        }
        #expect(owners.count == 1, "\(email) is in \(owners.sorted())")
        for folder in owners {
          for (path, data) in files where path.hasPrefix("\(folder)/emails/") {
            let text = String(decoding: data, as: UTF8.self)
            let id = text.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID:") }
            let key = try #require(id, "\(path) has a Message-ID")
            #expect(
              messageIDs[key] == nil, "\(key) is used by \(messageIDs[key] ?? "") and \(path)")
            messageIDs[key] = path
          }
        }
      }
      #expect(messageIDs.count >= Self.lookalikes.count * 3)
      #expect(folders.contains("jose-angstrom") == false, "clashing slugs all get a hash")
    }
  }

  @Test func theSameEmailWithADomainInOtherCaseIsOneHireAndSaysSo() throws {
    try withRoster(
      "domain-case",
      [Self.row("José", "jose@example.org"), Self.row("Jose", "jose@EXAMPLE.org")]
    ) { directory in
      let out = directory.appendingPathComponent("out")
      let result = try plan(directory, out: out.path)
      #expect(result.status == 1)
      #expect(result.stderr.contains("roster.csv:3:"), "\(result.stderr)")
      #expect(result.stderr.contains("is already on the roster at line 2"), "\(result.stderr)")
    }
  }

  @Test func aSecondRunRefusesAtOnceWhileTheFolderIsLockedAndTouchesNothing() throws {
    try withRoster("locked", [Self.row("Ann", "ann@example.org")]) { directory in
      let out = directory.appendingPathComponent("out")
      try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
      try Data("mine".utf8).write(to: out.appendingPathComponent(".onboard-tmp-ann-1"))
      // The temporary file of an atomic write of a cohort file, stopped half-way (QA10 F5).
      try Data("Name,Sect".utf8).write(to: out.appendingPathComponent(".dat.nosync1D3E.hLHqY0"))
      // A killed run's spool (it used to stay in the system's temporary folder for ever).
      let spool = out.appendingPathComponent(".onboard-work-1")
      try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
      try Data(count: 4096).write(to: spool.appendingPathComponent("chunk-0"))
      // Hold the lock as a running onboard would.
      let lockPath = out.appendingPathComponent(".onboard-lock").path
      let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
      #expect(descriptor >= 0)
      #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
      _ = "pid 4242, started 2026-11-29T10:00:00Z: onboard plan\n".withCString {
        write(descriptor, $0, strlen($0))
      }
      let before = try CommandRunner.snapshot(out)
      let refused = try plan(directory, out: out.path)
      #expect(refused.status == 1)
      #expect(refused.stderr.contains("another onboard run is writing into this folder"))
      #expect(refused.stderr.contains("pid 4242"), "\(refused.stderr)")
      #expect(try CommandRunner.snapshot(out) == before, "nothing is touched, not even leftovers")
      close(descriptor)

      // The holder is gone (as after kill -9: the kernel drops the lock): the next run proceeds
      // and cleans what dead runs left.
      let next = try plan(directory, out: out.path)
      #expect(next.status == 0, "\(next.stderr)")
      let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
      #expect(!names.contains { $0.hasPrefix(".") }, "\(names)")
      #expect(names.contains("ann"))
    }
  }

  @Test func aPlanLeftAsideByAKilledForcedRunIsPutBack() throws {
    try withRoster("aside", [Self.row("Ann", "ann@example.org")]) { directory in
      let out = directory.appendingPathComponent("out")
      #expect(try plan(directory, out: out.path).status == 0)
      let before = try CommandRunner.snapshot(out.appendingPathComponent("ann"))
      // A --force run killed between its two renames: the earlier plan is aside, none in place.
      try FileManager.default.moveItem(
        at: out.appendingPathComponent("ann"), to: out.appendingPathComponent(".onboard-old-ann-77")
      )
      let resumed = try plan(directory, out: out.path, extra: ["--resume"])
      #expect(resumed.status == 0, "\(resumed.stderr)")
      #expect(try CommandRunner.snapshot(out.appendingPathComponent("ann")) == before)
      let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
      #expect(!names.contains { $0.hasPrefix(".") }, "\(names)")
    }
  }

  @Test func twoRunsStartedAtSeveralOffsetsLeaveTheFirstRunsOutputWhole() throws {
    let rows = (0..<40).map { Self.row("Hire\($0)", "hire\($0)@example.org") }
    try withRoster("concurrent", rows) { directory in
      let reference = directory.appendingPathComponent("reference")
      #expect(try plan(directory, out: reference.path).status == 0)
      let expected = try CommandRunner.snapshot(reference)
      for (round, offset) in [0, 20_000, 100_000, 400_000].enumerated() {
        let out = directory.appendingPathComponent("out\(round)")
        let first = Process()
        first.executableURL = CommandRunner.executable
        first.currentDirectoryURL = CommandRunner.root
        first.arguments = [
          "plan", "--roster", directory.appendingPathComponent("roster.csv").path, "--evidence",
          "Fixtures/testgorilla-candidates.csv", "--out", out.path, "--today", "2026-11-29",
          "--quiet", "--jobs", "1",
        ]
        first.standardError = FileHandle.nullDevice
        first.standardOutput = FileHandle.nullDevice
        try first.run()
        usleep(useconds_t(offset))
        let second = try plan(directory, out: out.path)
        first.waitUntilExit()
        let statuses = [first.terminationStatus, second.status]
        #expect(statuses.sorted() == [0, 1], "offset \(offset) µs: \(second.stderr)")
        if second.status == 1 {
          #expect(
            second.stderr.contains("another onboard run is writing into this folder")
              || second.stderr.contains("exists from an earlier run"), "\(second.stderr)")
        }
        #expect(try CommandRunner.snapshot(out) == expected, "offset \(offset) µs")
      }
    }
  }

  @Test func aRunThatCannotWriteRemovesWhatItStartedAndStillWritesTheSummary() throws {
    try withRoster("disk-full", [Self.row("Ann", "ann@example.org")]) { directory in
      let out = directory.appendingPathComponent("out")
      // Files over 24 KB fail (EFBIG) as on a full disk; the shell ignores SIGXFSZ for onboard.
      let command =
        "trap '' XFSZ; ulimit -f 48; exec \"$0\" plan --roster \"$1\" --evidence Fixtures/testgorilla-candidates.csv --out \"$2\" --today 2026-11-29 --quiet"
      let result = try CommandRunner.runProcess(
        URL(fileURLWithPath: "/bin/sh"),
        [
          "-c", command, CommandRunner.executable.path,
          directory.appendingPathComponent("roster.csv").path, out.path,
        ])
      #expect(result.status == 1, "\(result.stderr)")
      // The first file over the limit fails (plan.md or plan.html, whichever is larger than 24 KB).
      #expect(
        result.stderr.split(separator: "\n").contains {
          $0.contains("out/ann/plan.") && $0.contains(": error: cannot write")
        }, "\(result.stderr)")
      #expect(result.stderr.contains("nothing of this hire's folder was kept"))
      let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
      #expect(!names.contains { $0.hasPrefix(".onboard") }, "\(names)")
      #expect(!names.contains("ann"))
      let summary = try Data(contentsOf: out.appendingPathComponent("summary.json"))
      #expect(String(decoding: summary, as: UTF8.self).contains("\"failed\""))
    }
  }

  @Test func outIsCheckedBeforeAnyWork() throws {
    try withRoster("out-checks", [Self.row("Ann", "ann@example.org")]) { directory in
      let file = directory.appendingPathComponent("a-file")
      try Data("x".utf8).write(to: file)
      let roster = directory.appendingPathComponent("roster.csv").path
      for (out, message) in [
        ("", "--out: error: is empty"), (file.path, "is a file; expected a folder"),
        (file.path + "/sub", "is a file, not a folder"),
      ] {
        // Run from the temporary folder: an empty --out must not write hire folders here.
        let result = try CommandRunner.run(
          [
            "plan", "--roster", roster, "--evidence",
            CommandRunner.root.appendingPathComponent("Fixtures/testgorilla-candidates.csv").path,
            "--plans", CommandRunner.root.appendingPathComponent("Plans").path, "--out", out,
          ], in: directory)
        #expect(result.status == 1, "\(out)")
        #expect(result.stderr.contains(message), "\(out): \(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(Set(names) == ["roster.csv", "a-file"], "\(out): \(names)")
      }
    }
  }

  /// A folder that holds files of something else (an intranet page, `/`, the Plans/ library)
  /// is not written into, even with --force (QA10 F3: `--out / --force` wrote into `/`, and a
  /// hire `etc@` replaced a folder `etc` no run had written). An earlier run's cohort files are
  /// kept without --force and replaced with it.
  @Test func existingCohortFilesAreKeptWithoutForce() throws {
    try withRoster("cohort-files", [Self.row("Ann", "ann@example.org")]) { directory in
      let out = directory.appendingPathComponent("out")
      try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
      let index = out.appendingPathComponent("index.html")
      try Data("<p>our intranet page</p>".utf8).write(to: index)
      for extra in [[], ["--force"]] {
        let refused = try plan(directory, out: out.path, extra: extra)
        #expect(refused.status == 1)
        #expect(
          refused.stderr.contains("error: the folder is not empty and holds no earlier run"),
          "\(refused.stderr)")
        #expect(try Data(contentsOf: index) == Data("<p>our intranet page</p>".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["index.html"])
      }
      // A folder of the hire's name that no run wrote is not replaced, even with --force.
      try FileManager.default.removeItem(at: index)
      let earlier = try plan(directory, out: out.path)
      #expect(earlier.status == 0, "\(earlier.stderr)")
      let folder = out.appendingPathComponent("ann")
      try FileManager.default.removeItem(at: folder)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data("keep".utf8).write(to: folder.appendingPathComponent("notes.txt"))
      let forced = try plan(directory, out: out.path, extra: ["--force"])
      #expect(forced.status == 1)
      #expect(forced.stderr.contains("is not a hire folder of an earlier run"), "\(forced.stderr)")
      #expect(try Data(contentsOf: folder.appendingPathComponent("notes.txt")) == Data("keep".utf8))
      // The earlier run's own cohort files are replaced with --force.
      try FileManager.default.removeItem(at: folder)
      #expect(try plan(directory, out: out.path).status == 1)
      #expect(try plan(directory, out: out.path, extra: ["--force"]).status == 0)
    }
  }

  /// A link at `calendars` is replaced by this run's folder, never written through (QA10 F4:
  /// the calendars went into the link's target, and a file there was deleted as stale).
  @Test func aLinkedCalendarsFolderIsNotWrittenThrough() throws {
    try withRoster("calendars-link", [Self.row("Ann", "ann@example.org")]) { directory in
      let out = directory.appendingPathComponent("out")
      #expect(try plan(directory, out: out.path).status == 0)
      let victim = directory.appendingPathComponent("victim")
      try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
      try Data("CAL".utf8).write(to: victim.appendingPathComponent("boss-example-com.ics"))
      let calendars = out.appendingPathComponent("calendars")
      try FileManager.default.removeItem(at: calendars)
      try FileManager.default.createSymbolicLink(at: calendars, withDestinationURL: victim)
      let again = try plan(directory, out: out.path, extra: ["--force"])
      #expect(again.status == 0, "\(again.stderr)")
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: victim.path) == ["boss-example-com.ics"]
      )
      let type = try FileManager.default.attributesOfItem(atPath: calendars.path)[.type]
      #expect(type as? FileAttributeType == .typeDirectory)
      #expect(try !FileManager.default.contentsOfDirectory(atPath: calendars.path).isEmpty)
    }
  }

  @Test func controlCharactersFromTheRosterAreShownNotObeyed() throws {
    let hostile = "Ann\u{1B}]0;pwned\u{07}\u{1B}[2J\u{0}\u{202E}\u{9B}X"
    try withRoster("controls", [Self.row(hostile, "ann@example.org")]) { directory in
      let out = directory.appendingPathComponent("out")
      let result = try plan(directory, out: out.path)
      #expect(result.status == 0, "\(result.stderr)")
      let files = try CommandRunner.snapshot(out)
      for name in ["ann/plan.md", "ann/plan.html", "index.html", "cohort.md", "cohort.csv"] {
        let text = String(decoding: try #require(files[name], "\(name)"), as: UTF8.self)
        for bad in ["\u{1B}", "\u{07}", "\u{0}", "\u{202E}", "\u{9B}"] {
          #expect(!text.contains(bad), "\(name) holds \(bad.unicodeScalars.first!.value)")
        }
        #expect(
          text.contains("␛") && text.contains("␇") && text.contains("␀"), "\(name) shows them")
      }
      let analyze = try CommandRunner.run([
        "analyze", "--roster", directory.appendingPathComponent("roster.csv").path,
        "--evidence", "Fixtures/testgorilla-candidates.csv", "--format", "md",
      ])
      #expect(analyze.status == 0, "\(analyze.stderr)")
      for bad in ["\u{1B}", "\u{07}", "\u{0}", "\u{202E}", "\u{9B}"] {
        #expect(!analyze.stdout.contains(bad))
      }
      #expect(analyze.stdout.contains("Ann␛"))
    }
  }

  @Test func aHugeRosterFieldIsRefusedWithItsColumnAndNotEchoed() throws {
    let huge = String(repeating: "A", count: 100_000)
    try withRoster("huge", [Self.row(huge, "ann@example.org")]) { directory in
      let out = directory.appendingPathComponent("out")
      let result = try plan(directory, out: out.path)
      #expect(result.status == 1)
      #expect(
        result.stderr.contains("roster.csv:2:1: error: column `first_name`"),
        "\(result.stderr.prefix(300))")
      #expect(result.stderr.contains("expected at most 200"))
      #expect(result.stderr.utf8.count < 5000)
    }
  }

  /// A one-character output folder that does not exist yet, alone or under another one, is made
  /// like any other (Foundation's path code trapped on "o": the run crashed with SIGILL).
  @Test(arguments: ["o", "o/", "q/r", "é"])
  func aOneCharacterOutputFolderIsCreated(_ out: String) throws {
    try withRoster("one-character", [Self.row("José", "jose.angstrom@example.org")]) {
      directory in
      let result = try CommandRunner.run(
        [
          "plan", "--roster", "roster.csv", "--evidence",
          CommandRunner.root.appendingPathComponent("Fixtures/testgorilla-candidates.csv").path,
          "--plans", CommandRunner.root.appendingPathComponent("Plans").path, "--out", out,
          "--today", "2026-11-29", "--quiet",
        ], in: directory)
      #expect(result.status == 0, "\(result.stderr)")
      let plan = directory.appendingPathComponent(out).appendingPathComponent(
        "jose-angstrom/plan.md")
      #expect(FileManager.default.fileExists(atPath: plan.path), "\(result.stderr)")
    }
  }
}

/// `--hire` writes a hire into the folder the whole roster's run gives them (a clash with a hire
/// not selected still counts).
@Suite struct SelectedHireFolderTests {
  @Test func aSelectedHireKeepsTheFolderOfAFullRun() throws {
    let rows = [
      OutputSafetyCommandTests.row("Jose", "jose.angstrom@example.org"),
      OutputSafetyCommandTests.row("José", "jose_angstrom@example.org"),
    ]
    try TemporaryDirectory.with("selected") { directory in
      try (OutputSafetyCommandTests.header + rows.joined()).write(
        to: directory.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
      func run(_ out: String, _ extra: [String]) throws -> Set<String> {
        let result = try CommandRunner.run(
          [
            "plan", "--roster", directory.appendingPathComponent("roster.csv").path, "--evidence",
            "Fixtures/testgorilla-candidates.csv", "--out",
            directory.appendingPathComponent(out).path,
            "--today", "2026-11-29", "--quiet",
          ] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(
          atPath: directory.appendingPathComponent(out).path)
        return Set(names.filter { $0.hasPrefix("jose") })
      }
      let full = try run("full", [])
      let one = try run("one", ["--hire", "jose.angstrom@example.org"])
      #expect(full.count == 2)
      #expect(one.count == 1 && one.isSubset(of: full), "\(one) vs \(full)")
    }
  }

}
