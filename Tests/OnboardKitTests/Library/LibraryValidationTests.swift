import Foundation
import Testing

@testable import OnboardKit

/// Plan-library mistakes are caught when the library loads (every command, and `onboard check`),
/// each at its own file, line and column: values that crashed the planner, values that made every
/// hire fail with an error blaming the roster, and values that were accepted in silence.
@Suite struct LibraryValidationTests {
  /// The shipped settings.json with one line replaced; the error must be on that line.
  func settingsError(_ key: String, _ value: String) throws -> InputError? {
    var sources = try RepositoryFiles.planSources()
    var lines = try #require(try sources.settings?.text()).components(separatedBy: "\n")
    let index = try #require(lines.firstIndex { $0.contains("\"\(key)\":") })
    lines[index] = "  \"\(key)\": \(value),"
    sources.settings = SourceFile(path: "Plans/settings.json", text: lines.joined(separator: "\n"))
    do {
      _ = try PlanLibrary.load(sources)
      return nil
    } catch {
      let error = try #require(error.errors.first)
      #expect(error.location.file == "Plans/settings.json", "\(error)")
      #expect(error.location.line == index + 1, "\(error)")
      #expect(error.location.column != nil, "\(error)")
      return error
    }
  }

  @Test(arguments: [
    ("work_days", "[]", "non-empty list of weekdays"),
    ("work_days", "[\"Mon\", \"Mon\"]", "each weekday once"),
    ("verification_minutes", "-45", "from 5 to 240"),
    ("verification_minutes", "0", "from 5 to 240"),
    ("hours_per_day", "0", "from 1 to 12"),
    ("hours_per_day", "0.5", "from 1 to 12"),
    ("lunch_minutes", "-60", "from 0 to 240"),
    ("lunch_minutes", "60.5", "a whole number"),
    ("lunch_minutes", "1e308", "a whole number"),
    ("lunch_minutes", "1e999", "finite number"),
    ("domain", "\"\"", "a domain"),
    ("domain", "\"north wind\"", "a domain"),
    ("sender", "{ \"name\": \"People\", \"email\": \"not an email\" }", "email address"),
    ("training_cap_minutes_by_week", "[]", "non-empty list"),
    ("day_start", "\"25:00\"", "a time HH:MM"),
  ])
  func settingsOutOfRangeAreRefusedAtTheirLine(key: String, value: String, expected: String)
    throws
  {
    let error = try #require(try settingsError(key, value), "\(key): \(value) was accepted")
    #expect(error.message.contains(expected), "\(error)")
  }

  @Test func duplicateSettingsKeyIsRefusedWithItsPosition() throws {
    var sources = try RepositoryFiles.planSources()
    let text = try #require(try sources.settings?.text())
    sources.settings = SourceFile(
      path: "Plans/settings.json",
      text: text.replacingOccurrences(
        of: "  \"lunch_minutes\": 60,", with: "  \"lunch_minutes\": 60,\n  \"lunch_minutes\": 30,"))
    #expect {
      _ = try PlanLibrary.load(sources)
    } throws: { error in
      let first = (error as? InputErrors)?.errors.first
      return first?.location.file == "Plans/settings.json" && first?.location.line == 10
        && first?.message.contains("`lunch_minutes` appears twice") == true
    }
  }

  func csvError(_ file: WritableKeyPath<PlanLibrarySources, SourceFile>, _ text: String) throws
    -> String
  {
    var sources = try RepositoryFiles.planSources()
    sources[keyPath: file] = SourceFile(path: sources[keyPath: file].path, text: text)
    do {
      _ = try PlanLibrary.load(sources)
      return ""
    } catch {
      return error.description
    }
  }

  /// A role's priorities are 1, 2, 3 … and its tiers go essential, important, nice-to-have: a
  /// gap (4 then 9, a typo of 5) had moved a skill below the nice-to-have ones in silence.
  @Test func aGapInPrioritiesOrTiersOutOfOrderAreRefusedAtTheirCell() throws {
    let header = "role,priority,skill,tier,target_level,weight\n"
    let gap = try csvError(
      \.roles,
      header + "Backend Developer,1,nodejs,essential,4,\nBackend Developer,2,git,important,3,\n"
        + "Backend Developer,9,debugging,important,3,\n")
    #expect(
      gap.contains(
        "Plans/roles.csv:4:19: error: column `priority`: priority 9 follows 2 for role Backend "
          + "Developer; expected 3"), "\(gap)")
    let tiers = try csvError(
      \.roles,
      header + "Backend Developer,1,nodejs,essential,4,\nBackend Developer,2,git,nice-to-have,3,\n"
        + "Backend Developer,3,debugging,essential,3,\n")
    #expect(
      tiers.contains(
        "Plans/roles.csv:4:31: error: column `tier`: `essential` at priority 3 comes after "
          + "`nice-to-have` at priority 2 for role Backend Developer"), "\(tiers)")
  }

  /// A skill id listed twice is one error: the first row's skill stays, so the other files are
  /// checked against every skill (78 errors said that each skill, plainly there, was unknown).
  /// Two skills sharing a name is an error at the second one's `aliases` cell.
  @Test func aRepeatedSkillIsOneErrorAndASharedNameHasItsCell() throws {
    let shipped = try RepositoryFiles.planSources().skills
    let text = String(decoding: shipped.data, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let repeated = try csvError(\.skills, text + "git,Git Again,technical,Git Again\n")
    let errors = repeated.split(separator: "\n").filter { $0.contains("error:") }
    #expect(errors.count == 1, "\(repeated)")
    #expect(
      errors.first?.contains("column `id`: `git` is listed again (first at line ") == true,
      "\(repeated)")
    let shared = try csvError(\.skills, text + "kb-writing,KB Writing,soft,Git Again|Git\n")
    let line = lines.count + (text.hasSuffix("\n") ? 0 : 1)
    #expect(
      shared.contains("Plans/skills.csv:\(line):"), "\(shared)")
    #expect(shared.contains("the name `Git` of skill `kb-writing` already belongs to skill `git`"))
  }

  /// A row with more cells than the header (`Mon,Tue,Wed` for `Mon|Tue|Wed`) is said as such:
  /// it had been "found `Tue`; expected a 24-hour time" in the column the values shifted into.
  @Test func aRowWithExtraCellsIsSaidAsSuch() throws {
    let library = try RepositoryFiles.library()
    do {
      _ = try library.people(
        from: SourceFile(
          path: "Plans/people.csv",
          text: PeopleTests.header + "Ann,ann@example.com,trainer,,UTC,Mon,Tue,Wed,09:00,13:00,,\n")
      )
      Issue.record("the ragged row was accepted")
    } catch {
      #expect(
        error.errors.map(\.description) == [
          "Plans/people.csv:2:1: error: the row has 12 cells, the header has 10; expected one "
            + "cell per column (a truncated file, or a comma in a value without quotes?)"
        ])
    }
  }

  /// A ragged row of skills.csv or roles.csv is one error: its id is still read, so the rows of
  /// other files that name it are not errors too (an alias `Node.js, Express` without quotes had
  /// given 11 errors, 10 of them about a skill plainly there; QA8 F9).
  @Test func aRaggedLibraryRowIsOneError() throws {
    let shipped = try RepositoryFiles.planSources()
    for (file, path) in [
      (\PlanLibrarySources.skills, "Plans/skills.csv"),
      (\PlanLibrarySources.roles, "Plans/roles.csv"),
    ] {
      var lines = String(decoding: shipped[keyPath: file].data, as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      lines[2] += ",extra"
      let text = try csvError(file, lines.joined(separator: "\n"))
      let errors = text.split(separator: "\n").filter { $0.contains("error:") }
      #expect(errors.count == 1, "\(text)")
      #expect(errors.first?.hasPrefix("\(path):3:1: error: the row has ") == true, "\(text)")
    }
  }

  @Test func infiniteRoleWeightIsRefusedInRolesCSV() throws {
    let text = try csvError(
      \.roles,
      "role,priority,skill,tier,target_level,weight\nBackend Developer,1,nodejs,essential,4,inf\n")
    #expect(text.contains("Plans/roles.csv:2:"), "\(text)")
    #expect(text.contains("found `inf`; expected a positive number up to 100"), "\(text)")
  }

  @Test(arguments: [
    ("day 9223372036854775807", "found `day 9223372036854775807`"),
    ("weeks 2-999999", "found `weeks 2-999999`"),
    ("workday 9999", "found `workday 9999`"),
  ])
  func unboundedScheduleRulesAreRefused(when: String, expected: String) throws {
    let text = try csvError(
      \.schedule,
      "id,title,kind,when,time,duration_minutes,owner\nx,Welcome,meeting,\(when),09:00,60,manager\n"
    )
    #expect(text.contains("Plans/schedule.csv:2:"), "\(text)")
    #expect(text.contains(expected) && text.contains("53 weeks"), "\(text)")
  }

  @Test func activityPastMidnightIsRefusedInTheSchedule() throws {
    let text = try csvError(
      \.schedule,
      "id,title,kind,when,time,duration_minutes,owner\nx,Welcome,meeting,workday 1,23:59,480,manager\n"
    )
    #expect(text.contains("Plans/schedule.csv:2:"), "\(text)")
    #expect(text.contains("ends after midnight"), "\(text)")
  }

  static let overridesHeader = "email,action,target,date,time,duration_minutes,title,owner,note\n"

  /// The errors of an overrides file of these rows after the header (none when it reads).
  func overrideErrors(_ rows: String) -> [InputError] {
    do {
      _ = try OverridesImport.parse(
        SourceFile(path: "overrides.csv", text: Self.overridesHeader + rows))
      return []
    } catch {
      return error.errors
    }
  }

  @Test func overridePastMidnightIsRefusedInTheOverridesFile() throws {
    let errors = overrideErrors(
      "ann@example.org,add,late,2027-01-05,23:59,480,Late call,manager,\n")
    let text = InputErrors(errors).description
    #expect(!errors.isEmpty)
    #expect(text.hasPrefix("overrides.csv:2:") && text.contains("ends after midnight"), "\(text)")
  }

  /// An added item's id is its own: twice for one hire is an error at the second row (another
  /// hire may use it), and the id of a schedule activity fails the hire (two events with one
  /// UID, of which a calendar keeps one).
  @Test func anAddedItemsIdIsItsOwn() throws {
    let errors = overrideErrors(
      "ann@example.org,add,talk,2027-01-05,10:00,60,Talk,team,\n"
        + "bob@example.org,add,talk,2027-01-05,10:00,60,Talk,team,\n"
        + "ann@example.org,add,talk,2027-01-06,10:00,60,Again,team,\n")
    #expect(errors.count == 1)
    #expect(errors.first?.location.line == 4)
    #expect(
      errors.first?.message.contains("`talk` is already the id of an item added at line 2") == true)
    let cohort = try FixtureCohort()
    let hire = try cohort.hire("siobhan")
    let clash = try OverridesImport.parse(
      SourceFile(
        path: "overrides.csv",
        text: Self.overridesHeader + "\(hire.email),add,review-30,2027-01-15,11:00,30,Clash,team,\n"
      ))
    #expect {
      _ = try Onboarding.plan(
        hire: hire, library: cohort.library, evidence: [], overrides: clash)
    } throws: { error in
      "\(error)".contains("`review-30` is the id of an item the plan makes")
    }
  }

  /// A manager or buddy change is the whole plan's: a date on its row is an error naming the
  /// re-plan that hands over from a day (the date was ignored in silence).
  @Test func aDatedManagerChangeIsAnErrorThatNamesTheReplan() throws {
    let errors = overrideErrors(
      "ann@example.org,manager,Grace Liu <grace.liu@example.com>,2027-02-15,,,,,\n"
        + "ann@example.org,buddy,Tom Lee <tom.lee@example.com>,,,,,,\n")
    #expect(errors.count == 1)
    #expect(errors.first?.location.line == 2)
    #expect(errors.first?.message.contains("`--replan-from 2027-02-15`") == true)
  }

  func templateErrors(id: String = "t", _ contents: String) -> String {
    do {
      _ = try EmailTemplate(
        try EmailTemplateFile(id: id, path: "Plans/emails/\(id).mustache", contents: contents))
      return ""
    } catch {
      return "\(error)"
    }
  }

  @Test func repeatedTemplateHeaderIsRefused() {
    let text = templateErrors(
      "subject: Hi\naudience: hire\naudience: manager\nsend: workday 1\n---\nbody\n")
    #expect(text.contains("Plans/emails/t.mustache:3: error: the header `audience` appears twice"))
  }

  @Test func unescapedValueInTheHTMLBodyIsRefused() {
    let text = templateErrors(
      "subject: Hi\naudience: hire\nsend: workday 1\n---\nHi\n--- html ---\n<p>Hi</p>\n<p>{{{first_name}}} {{& last_name}}</p>\n"
    )
    #expect(text.contains("Plans/emails/t.mustache:8:4: error: `first_name` is put into the HTML"))
    #expect(text.contains("Plans/emails/t.mustache:8:21: error: `last_name`"))
  }

  @Test func templateNameThatIsNotFileAndHeaderSafeIsRefused() {
    for id in ["welcome letter", "../x", "a\r\nBcc: x", ""] {
      let text = templateErrors(id: id, "subject: Hi\naudience: hire\nsend: workday 1\n---\nb\n")
      #expect(text.contains("is not usable in file names and headers"), "\(id): \(text)")
    }
  }

  @Test func deeplyNestedTemplateIsAClearError() {
    let body =
      String(repeating: "{{#gaps}}", count: 5000) + "x"
      + String(repeating: "{{/gaps}}", count: 5000)
    let text = templateErrors("subject: Hi\naudience: hire\nsend: workday 1\n---\n\(body)\n")
    #expect(text.contains("Plans/emails/t.mustache:5:"), "\(text.prefix(300))")
    #expect(text.contains("nested at most 100 deep"))
  }
}

/// `send:` rules are bounded like schedule rules: `999999999 workdays before review-30` would
/// walk the calendar back for ever.
@Suite struct SendRuleBoundTests {
  @Test func hugeWorkdayCountsAreRefused() {
    #expect(SendRule(text: "999999999 workdays before review-30") == nil)
    #expect(SendRule(text: "9223372036854775807 workdays before each training") == nil)
    #expect(SendRule(text: "workday -9223372036854775807 at 10:00") == nil)
    #expect(SendRule(text: "3 workdays before review-30") != nil)
    #expect(SendRule(text: "260 workdays before each training") != nil)
  }
}

/// `check` names every wrong cell of a plan-library row in one run (QA14 F8: five mistakes in
/// one people.csv row gave one error, so a library took five runs to mend).
@Suite struct EveryWrongCellTests {
  /// The column each error of `file` names, in order.
  func columns(_ load: () throws -> Void) -> [String] {
    do {
      try load()
      return []
    } catch let error as InputErrors {
      return error.errors.map { $0.message.components(separatedBy: "`").dropFirst().first ?? "" }
    } catch {
      return ["\(error)"]
    }
  }

  @Test func aPeopleRowWithFiveMistakesHasFiveErrors() throws {
    let file = SourceFile(
      path: "people.csv",
      text:
        "name,email,roles,topics,time_zone,work_days,day_start,day_end,weekly_onboarding_hours\n"
        + "Ana Lima,ana@example.com,buddy|bud,,Europe/Berlni,Mon|Funday,9am,17:30,99\n"
        + "Bo Berg,bo@example.com,buddy,,Europe/Berlin,Mon|Tue,09:00,17:30,4\n")
    #expect(
      columns {
        _ = try PlanLibrary.parsePeople(file, knownTopics: [], settings: PlanSettings())
      } == ["roles", "time_zone", "work_days", "day_start", "weekly_onboarding_hours"])
  }

  @Test func aTrainingRowWithThreeMistakesHasThreeErrors() throws {
    let file = SourceFile(
      path: "training.csv",
      text: "id,skill,level,title,format,duration_minutes,owner\n"
        + "sql-basics,sql,2,SQL basics,selfpaced,12o,hiree\n"
        + "sql-more,sql,3,More SQL,reading,60,hire\n")
    #expect(
      columns { _ = try PlanLibrary.parseTraining(file, skillIDs: ["sql"]) }
        == ["format", "duration_minutes", "owner"])
  }

  @Test func aScheduleRowWithFourMistakesHasFourErrors() throws {
    let file = SourceFile(
      path: "schedule.csv",
      text: "id,title,kind,when,time,duration_minutes,owner\n"
        + "welcome,,meting,workday 1,9:61,60,boss\n"
        + "tour,Office tour,activity,workday 1,14:00,30,buddy\n")
    let found = columns { _ = try PlanLibrary.parseSchedule(file) }
    #expect(found == ["title", "kind", "time", "owner"], "\(found)")
  }
}

/// A library with a header and no rows in skills.csv or roles.csv plans nobody: an error at load.
@Suite struct EmptyLibraryListTests {
  @Test func rolesWithoutRowsAreRefused() throws {
    var sources = try RepositoryFiles.planSources()
    sources.roles = SourceFile(
      path: "Plans/roles.csv", text: "role,priority,skill,tier,target_level,weight\n")
    #expect {
      _ = try PlanLibrary.load(sources)
    } throws: { error in
      (error as? InputErrors)?.description.contains(
        "Plans/roles.csv:1: error: has no roles; expected at least one row") == true
    }
  }
}

/// Found by the plan-library fuzzer: a template that is not UTF-8 names the line and column of
/// the first bad byte.
@Suite struct TemplateEncodingTests {
  @Test func notUTF8TemplateNamesItsFirstBadByte() {
    let file = SourceFile(
      path: "Plans/emails/t.mustache", data: Data("subject: Hi\nsend: x\nHall".utf8) + [0xF6, 0x0A])
    #expect {
      _ = try file.text()
    } throws: { error in
      (error as? InputError)?.description
        == "Plans/emails/t.mustache:3:5: error: the file is not UTF-8 text; save it as UTF-8"
    }
  }
}
