import Foundation
import OnboardTestSupport
import Testing

/// `onboard plan` with people in several zones: tasks.csv, calendars/<person>.ics and
/// `onboard progress --tasks` (issue 14).
@Suite struct PeopleCommandTests {
  @Test func runWritesTasksAndPeoplesCalendarsAndProgressReadsThemBack() throws {
    try TemporaryDirectory.with("people") { out in try Self.check(out) }
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
}
