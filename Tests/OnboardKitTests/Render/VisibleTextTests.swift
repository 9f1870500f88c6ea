import Foundation
import Testing

@testable import OnboardKit

/// The one sanitiser of untrusted text, and the caps on what a message or a roster cell may hold.
@Suite struct VisibleTextTests {
  @Test func controlsAreShownAndBidiOverridesRemoved() {
    #expect(visibleText("a\u{1B}[2Jb\u{07}c\u{0}d\u{7F}") == "a␛[2Jb␇c␀d␡")
    #expect(visibleText("x\u{9B}31m") == "x\u{FFFD}31m")
    #expect(visibleText("evil\u{202E}gnp.exe\u{2066}x\u{2069}\u{061C}") == "evilgnp.exex")
    #expect(visibleText("tab\tand\nline") == "tab\tand\nline")
    #expect(visibleText("cr\r") == "cr␍")
    #expect(visibleDocument("a,b\r\nc\td\n") == "a,b\r\nc\td\n")
    let clean = "Zoë Müller-Lüdenscheidt – “quoted” 日本 \u{200F}"
    #expect(visibleText(clean) == clean)
  }

  @Test func singleLineShowsControlsAndKeepsOneLine() {
    #expect(singleLine("a\nb\r\nc\u{2028}d") == "a b  c d")
    #expect(singleLine("name\u{1B}]0;title\u{07}") == "name␛]0;title␇")
    #expect(!singleLine("x\u{202E}y").contains("\u{202E}"))
  }

  @Test func aMessageQuotingAHugeValueIsCut() {
    let error = InputError(
      SourceLocation(file: "t.csv", line: 2, column: 3),
      "found `\(String(repeating: "x", count: 1_000_000))`; expected a score")
    #expect(error.description.count < 1100)
    #expect(error.description.hasSuffix("(cut at 1000 characters)"))
  }

  static let header =
    "first_name,last_name,email,role,start_date,time_zone,location,manager_name,manager_email,buddy_name,buddy_email,employment,work_days,hours_per_day,work_mode\n"

  @Test func rosterHoursPerDayBelowOneIsRefusedAsTheMessageSays() throws {
    let file = SourceFile(
      path: "roster.csv",
      text: Self.header
        + "Ann,Lee,ann@example.org,Backend Developer,2026-12-14,Europe/Berlin,Berlin,M,m@example.com,B,b@example.com,part-time,,0.5,remote\n"
    )
    let (hires, errors) = try RosterImport.parse(file)
    #expect(hires.isEmpty)
    #expect(errors.first?.description.contains("found `0.5`; expected hours from 1 to 12") == true)
  }

  /// A name with a line break (a spreadsheet's Alt+Enter) and bidirectional overrides is one
  /// plain line in the hire: in a mail client's To line and a calendar's attendee as in the plan.
  @Test func rosterNamesAreOneLineWithoutOverrides() throws {
    let file = SourceFile(
      path: "roster.csv",
      text: Self.header
        + "\"Ann\r\nBcc: x@evil.example\",\"\u{202E}Lee\u{202C}\u{200F}\",ann@example.org,Backend Developer,"
        + "2026-12-14,Europe/Berlin,Berlin,\"Mar\tco  \u{1B}Rossi\",m@example.com,"
        + "\"Rivera, Tomás\",b@example.com,,,,remote\n"
        + "\"Bud,\",Lee,bud@example.org,Backend Developer,2026-12-14,Europe/Berlin,Berlin,M,"
        + "m@example.com,B,b@example.com,,,,remote\n")
    let (hires, errors) = try RosterImport.parse(file)
    #expect(errors.isEmpty, "\(errors)")
    let hire = try #require(hires.first)
    #expect(hire.firstName == "Ann Bcc: x@evil.example")
    #expect(hire.lastName == "Lee")
    #expect(hire.manager.name == "Mar co ␛Rossi")
    #expect(hire.buddy.firstName == "Tomás")
    #expect(hires.count == 2 && hires[1].firstName == "Bud")
    #expect(Person(name: "Ann Lee", email: "a@example.org").firstName == "Ann")
  }

  @Test func rosterCellsAreCappedWithTheirColumn() throws {
    let file = SourceFile(
      path: "roster.csv",
      text: Self.header
        + "Ann,Lee,ann@example.org,Backend Developer,2026-12-14,Europe/Berlin,\(String(repeating: "B", count: 201)),M,m@example.com,B,b@example.com,,,,remote\n"
    )
    let (_, errors) = try RosterImport.parse(file)
    #expect(
      errors.first?.description.hasPrefix(
        "roster.csv:2:68: error: column `location`: a value of 201 characters; expected at most 200"
      )
        == true, "\(errors)")
  }

  @Test func cohortCSVLeavesSkillsTheRoleDoesNotRequireEmpty() throws {
    let (library, hires, evidence) = try RepositoryFiles.fixtures()
    let hire = try #require(hires.first)
    let (_, report) = try Onboarding.report(
      for: hire, library: library, evidence: evidence.evidence.filter { $0.hireKey == hire.key })
    let skills = CohortMatrix.skills(of: library.roles, catalog: library.skillsByID)
    let row = CohortMatrixText.csvRow(
      name: hire.fullName, email: hire.email, role: report.role, report: report, skills: skills)
    let required = Set(report.assessments.map(\.skill.id))
    #expect(required.count < skills.count, "the fixture role leaves some cohort skills out")
    for (skill, cell) in zip(skills, row.dropFirst(4)) {
      #expect(required.contains(skill.id) != cell.isEmpty, "\(skill.id): `\(cell)`")
    }
    #expect(!CohortMatrixText.csvRecord(row).contains("'-"))
  }
}
