import Foundation
import Testing

@testable import OnboardKit

/// The whole pipeline on the shipped Plans/ and the Fixtures/ hires: every hire gets a plan.html
/// that passes the structure checks, and the index lists them all.
@Suite struct HTMLFixturesTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func file(_ path: String) throws -> SourceFile {
    SourceFile(path: path, data: try Data(contentsOf: root.appendingPathComponent(path)))
  }

  static func outputs() throws -> [HireOutput] {
    let emailFolder = root.appendingPathComponent("Plans/emails")
    let emailNames = try FileManager.default.contentsOfDirectory(atPath: emailFolder.path)
      .filter { $0.hasSuffix(".mustache") }.sorted()
    let library = try PlanLibrary.load(
      PlanLibrarySources(
        skills: file("Plans/skills.csv"), roles: file("Plans/roles.csv"),
        training: file("Plans/training.csv"), schedule: file("Plans/schedule.csv"),
        holidays: file("Plans/holidays.csv"), settings: nil,
        emails: try emailNames.map { try file("Plans/emails/\($0)") }))
    let templates = try library.compileTemplates()
    var evidence: [Evidence] = []
    for path in [
      "Fixtures/testgorilla-candidates.csv", "Fixtures/interview-ratings.csv",
      "Fixtures/evidence.csv",
    ] {
      evidence += try EvidenceImport.parse(try file(path), skills: library.skillIndex).evidence
    }
    let hires = try RosterImport.parse(try file("Fixtures/roster.csv")).hires
    let folders = Onboarding.folders(for: hires)
    return try hires.map { hire in
      try Onboarding.process(
        hire: hire, folder: folders[hire.key] ?? "x", library: library, templates: templates,
        evidence: evidence, stamp: PlanFixture.date("2026-11-29"))
    }
  }

  @Test func everyFixtureHireGetsAWellFormedPlanHTML() throws {
    let outputs = try Self.outputs()
    #expect(outputs.count == 5)
    for output in outputs {
      let file = try #require(output.files.first { $0.path == "plan.html" }, "\(output.folder)")
      let html = try #require(String(data: file.data, encoding: .utf8))
      #expect(HTMLStructure.problems(html) == [], "\(output.folder)")
      #expect(html == HTMLPlan.render(output.plan, emails: output.emails))
      let chart = HTMLProbe.slice(html, from: "<svg class=\"gap-chart\"", to: "</svg>")
      #expect(
        HTMLProbe.attributeValues("data-skill", in: chart)
          == output.plan.role.requirements.map(\.skillID), "\(output.folder)")
      #expect(HTMLProbe.count("<tr><th scope=\"col\">", in: html) >= 1)
    }
  }

  @Test func goalsOpenThePageWithTheirOutcomesAndHowEachIsShownOnScreenOnly() throws {
    let cohort = try FixtureCohort()
    for hire in cohort.hires {
      let output = try cohort.output(for: hire)
      let html = try #require(
        output.files.first { $0.path == "plan.html" }.flatMap {
          String(data: $0.data, encoding: .utf8)
        })
      let goals = HTMLProbe.slice(html, from: "<section id=\"goals\"", to: "</section>")
      #expect(!output.plan.goals.isEmpty, "\(output.folder)")
      for goal in output.plan.goals {
        // The outcome is printed; how it is shown and who judges it are on screen only (print
        // hides .goal-how so page 1 keeps room; the reviews' agendas carry the whole sentence).
        #expect(goals.contains(htmlEscaped(goal.outcome) + "<span class=\"goal-how\">: shown by "))
      }
      #expect(
        html.range(of: "<section id=\"goals\"")?.lowerBound ?? html.endIndex
          < html.range(of: "<section id=\"gaps\"")?.lowerBound ?? html.startIndex)
      #expect(html.contains("section#goals .goal-how{display:none}"))
    }
  }

  @Test func fixtureCalendarsFollowEachHiresWorkingDays() throws {
    let outputs = try Self.outputs()
    let layla = try #require(outputs.first { $0.folder == "layla-almansouri" })
    #expect(layla.plan.calendar.workDays == [.monday, .tuesday, .wednesday])
    let html = CalendarView.render(layla.plan)
    #expect(HTMLProbe.attributeValues("data-weekday", in: html) == ["Mon", "Tue", "Wed"])
    let siobhan = try #require(outputs.first { $0.folder == "siobhan-oconnor" })
    // Martin Luther King Jr. Day (Mon 18 Jan 2027) is closed in New York.
    #expect(
      CalendarView.render(siobhan.plan).contains(
        "<td class=\"day closed\" data-date=\"2027-01-18\">"))
  }

  @Test func indexOfTheFixtureRosterLinksEveryPlan() throws {
    let outputs = try Self.outputs()
    let html = HTMLIndex.render(entries: outputs.map(HTMLIndex.Entry.init(output:)))
    #expect(HTMLStructure.problems(html) == [])
    #expect(HTMLProbe.attributeValues("href", in: html) == outputs.map { "\($0.folder)/plan.html" })
  }
}
