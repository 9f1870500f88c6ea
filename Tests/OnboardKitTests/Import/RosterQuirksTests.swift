import Foundation
import Testing

@testable import OnboardKit

/// Rosters as HR systems export them: other column names, other date formats, never a guess.
@Suite struct RosterQuirksTests {
  @Test(arguments: [
    ("2027-01-04", "2027-01-04"), ("2027-01-04T09:00:00Z", "2027-01-04"),
    ("2027/01/04", "2027-01-04"),
    ("4 January 2027", "2027-01-04"), ("4 Jan 2027", "2027-01-04"),
    ("January 4, 2027", "2027-01-04"),
    ("Jan 4 2027", "2027-01-04"), ("13/01/2027", "2027-01-13"), ("01/13/2027", "2027-01-13"),
    ("04/04/2027", "2027-04-04"),
  ])
  func unambiguousDatesAreRead(text: String, iso: String) throws {
    #expect(try CalendarDate.parse(lenient: text).get().iso == iso)
  }

  @Test(arguments: ["04/01/2027", "1/2/2027"])
  func ambiguousDatesAreRefusedNotGuessed(text: String) {
    guard case .failure(.ambiguous) = CalendarDate.parse(lenient: text) else {
      Issue.record("\(text) was accepted")
      return
    }
  }

  @Test(arguments: ["2026-13-45", "31/02/2027", "next monday", "2027-02-30"])
  func nonDatesAreRefused(text: String) {
    guard case .failure(.notADate) = CalendarDate.parse(lenient: text) else {
      Issue.record("\(text) was accepted")
      return
    }
  }

  @Test func anHRSystemsHeaderIsUnderstood() throws {
    let text = """
      First Name,Surname,Email Address,Job Title,Start Date,Timezone,Office,Manager,Manager Email,Buddy,Buddy Email,Employment Type,Work Mode
      Ana,Lima,ana.lima@example.org,Backend Developer,4 January 2027,Europe/Berlin,Berlin,Ingrid Bergström,ingrid@example.com,Tomás Rivera,tomas@example.com,full-time,remote
      Ben,Okafor,ben@example.org,Backend Developer,04/01/2027,Europe/Berlin,Berlin,Ingrid Bergström,ingrid@example.com,Tomás Rivera,tomas@example.com,full-time,on-site
      """
    let (hires, errors) = try RosterImport.parse(SourceFile(path: "hris.csv", text: text))
    #expect(hires.count == 1)
    #expect(hires.first?.requestedStart == CalendarDate(year: 2027, month: 1, day: 4))
    #expect(hires.first?.lastName == "Lima")
    #expect(hires.first?.workMode == .remote)
    let error = try #require(errors.first)
    #expect(error.description.hasPrefix("hris.csv:3:"))
    #expect(
      error.message.contains(
        "column `Start Date`: found `04/01/2027`; day and month could be either way round"))
  }

  /// A roster row with a cell too few or too many is a row error with both counts, the others
  /// planned (QA9 F4: a row that lost its last cell planned a remote hire on-site in silence).
  @Test func aRaggedRosterRowIsARowError() throws {
    let header = RosterImport.requiredColumns + ["work_mode"]
    let good =
      "Ana,Lima,ana@example.org,Backend Developer,2027-01-04,Europe/Berlin,Berlin,"
      + "Ingrid Bergström,ingrid@example.com,Tomás Rivera,tomas@example.com"
    let text =
      header.joined(separator: ",") + "\n" + good + ",remote\n"
      + good.replacingOccurrences(of: "ana@", with: "bo@") + "\n"
      + good.replacingOccurrences(of: "ana@", with: "cy@") + ",remote,oops\n"
    let (hires, errors) = try RosterImport.parse(SourceFile(path: "roster.csv", text: text))
    #expect(hires.map(\.email) == ["ana@example.org"])
    #expect(
      errors.map(\.description) == [
        "roster.csv:3:1: error: the row has 11 cells, the header has 12; expected one cell per "
          + "column (a truncated file, or a comma in a value without quotes?)",
        "roster.csv:4:1: error: the row has 13 cells, the header has 12; expected one cell per "
          + "column (a truncated file, or a comma in a value without quotes?)",
      ])
  }

  /// Columns the import does not read are said once at the header, with the column a
  /// misspelling meant (QA10 F2: `workingdays` planned a Mon|Tue|Wed hire on five days in
  /// silence); an HR system's other columns are a note, not a warning.
  @Test func unreadColumnsAreSaidWithWhatTheyMayMean() throws {
    let misspelt = SourceFile(
      path: "roster.csv",
      text: (RosterImport.requiredColumns + ["workingdays", "hours"]).joined(separator: ",") + "\n")
    let warning = try #require(RosterImport.unreadColumns(misspelt))
    #expect(warning.severity == .warning)
    #expect(warning.location.column == 113)
    #expect(warning.message.contains("`workingdays` (did you mean `work_days`?)"))
    #expect(warning.message.contains("`hours` (did you mean `hours_per_day`?)"))
    let other = SourceFile(
      path: "roster.csv",
      text: (RosterImport.requiredColumns + ["Department", "Work Days"]).joined(separator: ",")
        + "\n")
    let note = try #require(RosterImport.unreadColumns(other))
    #expect(note.severity == .note)
    #expect(note.message.hasPrefix("column `Department` is not read"), "\(note.message)")
    #expect(
      RosterImport.unreadColumns(
        SourceFile(path: "r.csv", text: RosterImport.requiredColumns.joined(separator: ",") + "\n"))
        == nil)
  }

  /// A start date no calendar or mail program can carry (a slipped year) and a working day
  /// given twice are row errors with their column, not internal messages from the writers
  /// (QA10 F13: `9999-12-31` failed late in the calendar writer, `Mon|Mon` was kept).
  @Test func implausibleStartDatesAndRepeatedWorkDaysAreRowErrors() throws {
    let header = RosterImport.requiredColumns + ["work_days"]
    func row(_ email: String, _ start: String, _ days: String) -> String {
      "Ana,Lima,\(email),Backend Developer,\(start),Europe/Berlin,Berlin,"
        + "Ingrid Bergström,ingrid@example.com,Tomás Rivera,tomas@example.com,\(days)\n"
    }
    let text =
      header.joined(separator: ",") + "\n" + row("a@example.org", "9999-12-31", "")
      + row("b@example.org", "0001-01-01", "") + row("c@example.org", "2027-01-04", "Mon|Tue|Mon")
      + row("d@example.org", "2199-12-31", "Mon|Tue")
    let (hires, errors) = try RosterImport.parse(SourceFile(path: "roster.csv", text: text))
    #expect(hires.map(\.email) == ["d@example.org"])
    #expect(
      errors.map(\.description) == [
        "roster.csv:2:42: error: column `start_date`: found `9999-12-31`; expected a start date "
          + "in the years 2000 to 2199",
        "roster.csv:3:42: error: column `start_date`: found `0001-01-01`; expected a start date "
          + "in the years 2000 to 2199",
        "roster.csv:4:141: error: column `work_days`: found `Mon` twice; expected each working "
          + "day once, such as Mon|Tue|Wed",
      ])
  }

  /// Every wrong cell of a roster row is an error in one run, at its column, so HR mends the
  /// row once instead of once a cell (QA14 F8: only the first was reported).
  @Test func everyWrongCellOfARowIsReported() throws {
    let header = RosterImport.requiredColumns + ["work_days", "work_mode"]
    let text =
      header.joined(separator: ",") + "\n"
      + "Ana,Lima,a@example.org,Backend Developer,2027-13-01,Europe/Lodnon,Berlin,"
      + "Ingrid Bergström,ingrid@example.com,Tomás Rivera,a@example.org,Mon|Funday,home\n"
      + "Bo,Berg,b@example.org,Backend Developer,2027-01-04,Europe/Berlin,Berlin,"
      + "Ingrid Bergström,ingrid@example.com,Tomás Rivera,tomas@example.com,Mon|Tue,remote\n"
    let (hires, errors) = try RosterImport.parse(SourceFile(path: "roster.csv", text: text))
    #expect(hires.map(\.email) == ["b@example.org"])
    let columns = errors.map { error in
      error.message.components(separatedBy: "`").dropFirst().first ?? ""
    }
    #expect(
      columns == ["start_date", "time_zone", "buddy_email", "work_days", "work_mode"],
      "\(errors)")
    #expect(errors.allSatisfy { $0.location.line == 2 && $0.location.column != nil })
  }

  /// Two spellings of one column (`email` and `Personal Email`): the first is read, and the
  /// other is named as not read, not dropped in silence (QA10 F12); the same name twice is an
  /// error at the second, naming the first.
  @Test func aColumnGivenTwiceIsSaid() throws {
    let twoSpellings = SourceFile(
      path: "roster.csv",
      text: (RosterImport.requiredColumns + ["Personal Email"]).joined(separator: ",") + "\n")
    let warning = try #require(RosterImport.unreadColumns(twoSpellings))
    #expect(warning.severity == .warning)
    #expect(
      warning.message.contains(
        "`Personal Email` (another name for `email`, read from the 3rd column)"),
      "\(warning.message)")
    let twice = SourceFile(
      path: "roster.csv",
      text: (RosterImport.requiredColumns + ["EMAIL"]).joined(separator: ",") + "\n"
        + "x\n")
    #expect {
      _ = try RosterImport.read(twice)
    } throws: { error in
      let text = "\(error)"
      return text.contains(
        "the \(ordinal(RosterImport.requiredColumns.count + 1)) column, `EMAIL`, has the name of the 3rd, `email`"
      )
    }
  }

  /// A roster with a header and no rows (an export of an empty view) is an error at line 1, not
  /// "0 of 0 hires planned" and exit 0; blank lines after the header are no rows either.
  @Test(arguments: ["", "\n\n", ",,,,,,,,,,\n"])
  func aRosterWithOnlyAHeaderIsAnError(rest: String) throws {
    let file = SourceFile(
      path: "roster.csv",
      text: RosterImport.requiredColumns.joined(separator: ",") + "\n" + rest)
    #expect {
      _ = try RosterImport.parse(file)
    } throws: { error in
      "\(error)".contains("roster.csv:1: error: the roster has a header but no hire rows")
    }
  }
}
