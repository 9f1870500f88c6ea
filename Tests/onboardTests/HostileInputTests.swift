import Foundation
import OnboardTestSupport
import Testing

/// A hostile roster through the real binary: names and places carry structure-like text, which must
/// stay data in every output and on the terminal.
@Suite struct HostileInputTests {
  @Test func hostileRosterTextNeverBecomesStructure() throws {
    try TemporaryDirectory.with("hostile") { directory in
      let out = directory.appendingPathComponent("out")
      let result = try CommandRunner.run(
        [
          "plan", "--roster", "Fixtures/hostile/roster.csv", "--evidence",
          "Fixtures/interview-ratings.csv",
          "--out", out.path, "--today", "2026-11-29",
        ])
      // The path-like email is refused at the roster, precisely; the other hires are planned.
      #expect(result.status == 1)
      #expect(
        result.stderr.contains(
          "Fixtures/hostile/roster.csv:7:16: error: column `email`: found `../../etc/passwd@example.org`"
        ))
      #expect(result.stdout.contains("2 of 3 hires planned"))
      // Nothing escapes the output folder and folder names are path-safe.
      let folders = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
      #expect(
        folders == [
          "calendars", "cohort.csv", "cohort.md", "eve-obrien", "index.html", "noa-cohen",
          "summary.json", "tasks.csv",
        ])
      let index = String(
        decoding: try Data(contentsOf: out.appendingPathComponent("index.html")), as: UTF8.self)
      #expect(!index.contains("<script>alert"))
      #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("etc").path))
      // The terminal shows each hire on one line: a name's line break cannot forge output.
      #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("Bcc:") })

      let files = try CommandRunner.snapshot(out)
      for (path, data) in files where path.hasSuffix(".eml") {
        let text = String(decoding: data, as: UTF8.self)
        let headers = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(!headers.contains { $0.lowercased().hasPrefix("bcc:") }, "\(path)")
        #expect(
          headers.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }, "\(path): headers are 7-bit")
      }
      let ics = String(decoding: try #require(files["eve-obrien/sessions.ics"]), as: UTF8.self)
      let lines = ics.components(separatedBy: "\r\n")
      #expect(lines.filter { $0 == "BEGIN:VCALENDAR" }.count == 1)
      #expect(lines.filter { $0 == "END:VCALENDAR" }.count == 1)
      #expect(!lines.contains { $0.hasPrefix("SUMMARY:pwned") })
      #expect(lines.allSatisfy { $0.utf8.count <= 75 })
      let markdown = String(decoding: try #require(files["eve-obrien/plan.md"]), as: UTF8.self)
      #expect(!markdown.contains("<script>"))
      let json =
        try JSONSerialization.jsonObject(with: try #require(files["eve-obrien/plan.json"]))
        as? [String: Any]
      let hire = json?["hire"] as? [String: Any]
      // A roster name is one line (README): the line break is a space, in JSON as everywhere.
      #expect(
        (hire?["name"] as? String)?.contains("Eve Bcc: victim@example.com") == true,
        "JSON has the name as every document shows it")
    }
  }
}
