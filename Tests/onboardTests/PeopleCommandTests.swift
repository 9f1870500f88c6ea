import Foundation
import OnboardTestSupport
import Testing

/// `onboard plan` with people in several zones: tasks.csv, calendars/<person>.ics and
/// `onboard progress --tasks` (issue 14).
@Suite struct PeopleCommandTests {
  @Test func runWritesTasksAndPeoplesCalendarsAndProgressReadsThemBack() throws {
    try TemporaryDirectory.with("people") { out in try Self.check(out) }
  }

  /// The plan notes reach the terminal and summary.json: Ananya's manager in New York has her
  /// meetings outside his hours, which only plan.md said (the run looked all green).
  @Test func planNotesAreCountedOnTheTerminalAndInTheSummary() throws {
    try TemporaryDirectory.with("people-notes") { out in
      let planned = try CommandRunner.run(
        [
          "plan", "--roster", "Fixtures/roster-distributed.csv", "--people", "Fixtures/people.csv",
          "--evidence",
        ] + CommandRunner.fixtureEvidence + ["--out", out.path, "--today", "2026-12-01"])
      #expect(planned.status == 0, "\(planned.stderr)")
      let page = String(
        decoding: try Data(contentsOf: out.appendingPathComponent("ananya-iyer/plan.md")),
        as: UTF8.self)
      let notes = page.components(separatedBy: "> **Note:**").count - 1
      #expect(notes > 3)
      #expect(
        planned.stdout.contains("! \(notes) notes in plan.md, the first: "), "\(planned.stdout)")
      let summary =
        try JSONSerialization.jsonObject(
          with: try Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any]
      let hires = summary?["hires"] as? [[String: Any]] ?? []
      let ananya = hires.first { ($0["email"] as? String)?.hasPrefix("ananya") == true }
      #expect(ananya?["notes"] as? Int == notes)
    }
  }

  /// When the people able to run items are at their weekly hours, the run says how many items
  /// of how many plans have nobody, by role, on the terminal and in summary.json (QA14 F4: 70
  /// such items were only notes spread over 25 plans); a run where everyone is named says none.
  @Test func itemsNobodyRunsAreCountedForTheCohort() throws {
    try TemporaryDirectory.with("people-unassigned") { directory in
      let people = directory.appendingPathComponent("people.csv")
      let shipped = try String(
        contentsOf: CommandRunner.root.appendingPathComponent("Plans/people.csv"), encoding: .utf8)
      // Every IT person gives no onboarding hours.
      let lines = shipped.components(separatedBy: "\n").map { line -> String in
        let cells = line.components(separatedBy: ",")
        guard cells.count == 10, cells[2] == "it" else { return line }
        return cells.dropLast().joined(separator: ",") + ",0"
      }
      try lines.joined(separator: "\n").write(to: people, atomically: true, encoding: .utf8)
      let out = directory.appendingPathComponent("out")
      let result = try CommandRunner.run(
        ["plan", "--roster", "Fixtures/roster.csv", "--people", people.path, "--evidence"]
          + CommandRunner.fixtureEvidence + ["--out", out.path, "--today", "2026-12-01"])
      #expect(result.status == 0, "\(result.stderr)")
      let summary =
        try JSONSerialization.jsonObject(
          with: try Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any]
      let unassigned = try #require(summary?["unassigned"] as? [String: Int], "\(summary ?? [:])")
      let it = try #require(unassigned["it"])
      #expect(it >= 5)
      #expect(
        result.stderr.contains(
          "warning: \(unassigned.values.reduce(0, +)) items of 5 plans have nobody to run them ("),
        "\(result.stderr)")
      #expect(result.stderr.contains("\(it) IT"), "\(result.stderr)")
      // Each plan's note names the role as people say it ("has no it" before).
      let page = String(
        decoding: try Data(contentsOf: out.appendingPathComponent("siobhan-oconnor/plan.md")),
        as: UTF8.self)
      #expect(page.contains("has no IT person: "), "\(page.prefix(3000))")
      #expect(!page.contains("has no it:"))
      // The shipped people: nobody is left out, and nothing is said.
      let full = try CommandRunner.run(
        ["plan", "--roster", "Fixtures/roster.csv", "--evidence"] + CommandRunner.fixtureEvidence
          + ["--out", directory.appendingPathComponent("full").path, "--today", "2026-12-01"])
      #expect(!full.stderr.contains("nobody to run"), "\(full.stderr)")
    }
  }

  static func check(_ out: URL) throws {
    let planned = try CommandRunner.run(
      [
        "plan", "--roster", "Fixtures/roster-distributed.csv", "--people", "Fixtures/people.csv",
        "--evidence",
      ] + CommandRunner.fixtureEvidence + ["--out", out.path, "--today", "2026-12-01", "--quiet"])
    #expect(planned.status == 0, "\(planned.stderr)")
    let calendars = try FileManager.default.contentsOfDirectory(
      atPath: out.appendingPathComponent("calendars").path)
    #expect(calendars.contains("marcus-oyelaran-example-com.ics"))
    #expect(calendars.contains("ingrid-bergstrom-example-com.ics"))
    let marcus = String(
      decoding: try Data(
        contentsOf: out.appendingPathComponent("calendars/marcus-oyelaran-example-com.ics")),
      as: UTF8.self)
    // Ananya's 09:00 welcome in Kolkata is 22:30 the evening before in Marcus's own zone.
    #expect(marcus.contains("DTSTART;TZID=America/New_York:20270110T223000"))
    #expect(marcus.contains("ORGANIZER"))
    #expect(marcus.contains("ATTENDEE;CN=Marcus Oyelaran"))
    let hire = String(
      decoding: try Data(contentsOf: out.appendingPathComponent("ananya-iyer/sessions.ics")),
      as: UTF8.self)
    let uid = try #require(
      marcus.split(separator: "\r\n").first { $0.hasPrefix("UID:") }.map(String.init))
    #expect(hire.contains(uid), "the person's event has the hire's UID")

    try Self.checkWithIcalendar(out)

    let tasks = out.appendingPathComponent("tasks.csv")
    let text = String(decoding: try Data(contentsOf: tasks), as: UTF8.self)
    #expect(
      text.hasPrefix("Name,Description,Section,Assignee,Collaborators,Start Date,Due Date\r\n"))
    let done = out.appendingPathComponent("done.txt")
    try Data("onb-ananya-iyer-example-org-contract-paperwork\nonb-typo\n".utf8).write(to: done)
    let progress = try CommandRunner.run(
      ["progress", "--tasks", tasks.path, "--done", done.path, "--today", "2027-01-12"])
    #expect(progress.status == 0, "\(progress.stderr)")
    #expect(progress.stdout.contains("## Ananya Iyer: 1 done,"))
    #expect(progress.stdout.contains("Overdue:"))
    #expect(progress.stderr.contains("onb-typo"))
  }

  /// Reads every calendars/*.ics with Python's `icalendar` (when `.ci/run` or the machine has it):
  /// each event has ORGANIZER and ATTENDEE, is in the person's zone, and has the UID and the
  /// instant of the hire's own event.
  static func checkWithIcalendar(_ out: URL) throws {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let python = path.split(separator: ":").map {
      URL(fileURLWithPath: String($0)).appendingPathComponent("python3")
    }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    guard let python else { return }
    let script = """
      import sys, glob, json
      try:
          import icalendar
      except ImportError:
          print(json.dumps({"missing": True})); sys.exit(0)
      hire = {}
      for p in glob.glob(sys.argv[1] + '/*/sessions.ics'):
          for ev in icalendar.Calendar.from_ical(open(p, 'rb').read()).walk('VEVENT'):
              hire[str(ev['UID'])] = ev.decoded('DTSTART')
      events = matched = same = people = 0
      zones = set()
      for p in glob.glob(sys.argv[1] + '/calendars/*.ics'):
          people += 1
          for ev in icalendar.Calendar.from_ical(open(p, 'rb').read()).walk('VEVENT'):
              events += 1
              assert ev.get('ORGANIZER') is not None and ev.get('ATTENDEE') is not None
              zones.add(ev['DTSTART'].params.get('TZID'))
              uid = str(ev['UID'])
              if uid in hire:
                  matched += 1
                  same += hire[uid] == ev.decoded('DTSTART')
      print(json.dumps({"missing": False, "people": people, "events": events,
                        "matched": matched, "same": same, "zones": len(zones)}))
      """
    let process = Process()
    process.executableURL = python
    process.arguments = ["-c", script, out.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "icalendar could not read calendars/*.ics")
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    if json["missing"] as? Bool == true {
      #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI has icalendar")
      return
    }
    let events = try #require(json["events"] as? Int)
    #expect((json["people"] as? Int ?? 0) >= 6)
    #expect(events > 50)
    #expect((json["zones"] as? Int ?? 0) >= 3)
    // Every event from day 1 is the hire's own (same UID, same instant); the rest is pre-boarding.
    #expect(json["matched"] as? Int == json["same"] as? Int)
    #expect((json["matched"] as? Int ?? 0) >= events - 3 * 4)
  }
}
