import Foundation
import Testing

@testable import OnboardKit

/// A manager's overrides: applied on every run, marked in the plan, and precise when stale or wrong.
@Suite struct OverridesTests {
  let cohort: FixtureCohort
  let overrides: [PlanOverride]

  init() throws {
    cohort = try FixtureCohort()
    overrides = try OverridesImport.parse(try RepositoryFiles.source("Fixtures/overrides.csv"))
  }

  func output(_ prefix: String, overrides: [PlanOverride]? = nil) throws -> HireOutput {
    try cohort.output(for: try cohort.hire(prefix), overrides: overrides ?? self.overrides)
  }

  @Test func skippedTopicIsLeftOutAndItsDependantsDoNotWait() throws {
    let without = try output("zoe", overrides: []).plan
    let with = try output("zoe").plan
    #expect(without.item(id: "training:sql-transactions-acid") != nil)
    #expect(with.item(id: "training:sql-transactions-acid") == nil)
    #expect(with.notes.contains { $0.contains("skipped by the manager: Covered ACID") })
    // The topic that needs it is still planned.
    #expect(with.item(id: "training:sql-distributed-transactions") != nil)
  }

  @Test func buddyChangeReachesThePlanAndTheEmails() throws {
    let out = try output("zoe")
    #expect(out.plan.hire.buddy.name == "Kwame Asante")
    #expect(out.plan.items.contains { $0.ownerName == "Kwame Asante" })
    let buddyMail = try #require(out.files.first { $0.path.contains("buddy-introduction") })
    #expect(String(decoding: buddyMail.data, as: UTF8.self).contains("kwame.asante@example.com"))
  }

  @Test func awayDaysAreClosedAndNothingIsPlannedOnThem() throws {
    let plan = try output("siobhan").plan
    let trip = (19...22).compactMap { CalendarDate(year: 2027, month: 1, day: $0) }
    #expect(trip.allSatisfy { !plan.calendar.isWorkingDay($0) })
    #expect(!plan.items.contains { trip.contains($0.date) })
  }

  @Test func movedAndAddedItemsAreWhereTheManagerPutThemAndMarked() throws {
    let plan = try output("siobhan").plan
    let moved = try #require(plan.item(id: "weekly-1on1#1"))
    #expect(moved.date == CalendarDate(year: 2027, month: 1, day: 14))
    #expect(moved.start == LocalTime(hour: 15, minute: 0))
    #expect(moved.override?.hasPrefix("moved by the manager") == true)
    let added = try #require(plan.item(id: "incident-lunch-and-learn"))
    #expect(added.date == CalendarDate(year: 2027, month: 1, day: 12))
    #expect(added.override?.hasPrefix("added by the manager") == true)
    // Nothing else overlaps the manager's item.
    #expect(
      !plan.items.contains {
        $0.id != added.id && $0.date == added.date && $0.start < added.end && added.start < $0.end
      })
  }

  @Test func rerunsGiveTheSameBytes() throws {
    #expect(try output("siobhan").files == (try output("siobhan").files))
  }

  /// A move or add where the hire does not work is kept (the manager's word wins) and warned
  /// about at its line: a holiday, a Saturday, before day 1, after day 90, outside the hours, a
  /// review moved before an earlier one. A move to a working day in the hours is not.
  @Test func anOverrideWhereTheHireDoesNotWorkIsWarnedAtItsLine() throws {
    let rows = [
      "move,weekly-1on1#1,2027-01-18,,,,MLK day",
      "move,training:api-versioning,2027-01-16,,,,a Saturday",
      "move,review-60,2026-12-20,,,,before the start",
      "move,review-30,2027-06-30,,,,after day 90",
      "add,late-talk,2027-01-20,20:00,60,Evening talk,hire,",
      "add,fine-talk,2027-01-20,11:00,30,Fine talk,hire,",
      "move,weekly-1on1#2,2027-01-27,,,,fine",
    ]
    let file = SourceFile(
      path: "o.csv",
      text: "email,action,target,date,time,duration_minutes,title,owner,note\n"
        + rows.map { "siobhan.oconnor@example.org,\($0)\n" }.joined())
    let plan = try output("siobhan", overrides: try OverridesImport.parse(file)).plan
    let warnings = plan.planWarnings
    #expect(warnings.map(\.location.line) == [2, 3, 4, 5, 5, 6], "\(warnings)")
    let text = warnings.map(\.description)
    #expect(text[0].hasPrefix("o.csv:2: warning: siobhan.oconnor@example.org: this override moves"))
    #expect(text[0].contains("Mon 18 Jan is closed: Martin Luther King Jr. Day"))
    #expect(text[1].contains("Sat 16 Jan is a Saturday, not a working day"))
    #expect(text[2].contains("before Siobhán's first day, Mon 4 Jan"))
    #expect(text.contains { $0.hasPrefix("o.csv:5:") && $0.contains("after day 90") })
    #expect(
      text.contains {
        $0.hasPrefix("o.csv:5:")
          && $0.contains(
            "the 30-day review (Wed 30 Jun) comes after the 60-day review (Sun 20 Dec) and "
              + "90-day review (")
      })
    #expect(text[5].contains("20:00–21:00 is outside Siobhán's hours, 09:00–17:30"))
    // The items are where the manager put them, and each says why it was warned about.
    #expect(plan.item(id: "review-60")?.date == CalendarDate(year: 2026, month: 12, day: 20))
    #expect(plan.item(id: "late-talk")?.start == LocalTime(hour: 20, minute: 0))
    #expect(plan.item(id: "late-talk")?.note?.contains("20:00–21:00 is outside") == true)
    #expect(plan.item(id: "review-30")?.note?.contains("after day 90") == true)
    #expect(plan.item(id: "review-30")?.note?.contains("comes after the 60-day review") == true)
    #expect(plan.item(id: "fine-talk")?.note == nil)
  }

  /// A manager's item in months 2–3, after day 90 too, is listed in its month of plan.md and
  /// plan.html (months listed only milestones, sessions, deliverables and recurring meetings).
  @Test func aManagersItemInMonthsTwoAndThreeIsListed() throws {
    let file = SourceFile(
      path: "o.csv",
      text: "email,action,target,date,time,duration_minutes,title,owner,note\n"
        + "siobhan.oconnor@example.org,add,mid-talk,2027-02-17,11:00,30,Team talk,manager,\n"
        + "siobhan.oconnor@example.org,add,late-retro,2027-05-03,10:00,30,Late retro,manager,\n")
    let output = try output("siobhan", overrides: try OverridesImport.parse(file))
    let text = { (path: String) in
      String(decoding: output.files.first { $0.path == path }?.data ?? Data(), as: UTF8.self)
    }
    let months = try #require(text("plan.md").components(separatedBy: "## Months 2–3").last)
    #expect(months.contains("- Wed 17 Feb 11:00: Team talk"))
    #expect(months.contains("- Mon 3 May 10:00: Late retro"))
    #expect(text("plan.html").contains("Team talk") && text("plan.html").contains("Late retro"))
  }

  /// Siobhán's day 90 is Sat 3 Apr; the plan holds the 90-day review on Mon 5 Apr. Moving it
  /// within that day is no "after day 90"; a day later is.
  @Test func theNinetyDayReviewMovesWithinItsDayWithoutAWarning() throws {
    func warnings(_ date: String) throws -> [String] {
      let file = SourceFile(
        path: "o.csv",
        text:
          "email,action,target,date,time\nsiobhan.oconnor@example.org,move,review-90,\(date),11:00\n"
      )
      return try output("siobhan", overrides: try OverridesImport.parse(file)).plan
        .planWarnings.map(\.message)
    }
    #expect(
      try output("siobhan", overrides: []).plan.item(id: "review-90")?.date
        == CalendarDate(year: 2027, month: 4, day: 5))
    #expect(try warnings("2027-04-05").isEmpty)
    #expect(try warnings("2027-04-06").contains { $0.contains("after day 90, Sat 3 Apr") })
  }

  /// A re-plan keeps everything before its date as it was, overrides too: a row that moves or
  /// adds an item before the date, or moves or skips an item kept from the earlier plan, is not
  /// followed and is warned about at its line; the earlier run's own rows are simply done.
  @Test func aReplanDoesNotFollowOverridesBeforeItsDate() throws {
    let hire = try cohort.hire("siobhan")
    let first = try cohort.output(for: hire, overrides: overrides)
    let from = CalendarDate(year: 2027, month: 1, day: 11)!
    let replan = try FixtureCohort.replan(of: first, from: from)
    let rows = try OverridesImport.parse(
      SourceFile(
        path: "late.csv",
        text: "email,action,target,date,time,duration_minutes,title,owner,note\n"
          + "siobhan.oconnor@example.org,move,weekly-1on1#2,2027-01-08,11:00,,,,\n"
          + "siobhan.oconnor@example.org,add,past-add,2027-01-07,14:00,30,Past add,buddy,\n"
          + "siobhan.oconnor@example.org,move,eod-check-in#5,2027-01-12,11:00,,,,\n"
          + "siobhan.oconnor@example.org,skip,codebase-tour,,,,,,\n"))
    let again = try Onboarding.process(
      hire: hire, folder: "siobhan-oconnor", library: cohort.library, templates: cohort.templates,
      evidence: cohort.evidence.evidence, overrides: overrides + rows, stamp: FixtureCohort.stamp,
      replan: replan)
    let warned = again.plan.planWarnings.filter { $0.location.file == "late.csv" }
    #expect(warned.map(\.location.line) == [2, 3, 4, 5], "\(again.plan.planWarnings)")
    #expect(warned.allSatisfy { $0.message.contains("so the row is not followed") })
    // The earlier run's own rows (Fixtures/overrides.csv) are no warning.
    #expect(!again.plan.planWarnings.contains { $0.location.file != "late.csv" })
    #expect(
      again.plan.items.filter { $0.date < from } == first.plan.items.filter { $0.date < from })
    #expect(again.plan.item(id: "past-add") == nil)
    #expect(
      again.plan.item(id: "weekly-1on1#2")?.date == first.plan.item(id: "weekly-1on1#2")?.date)
  }

  @Test func staleOverrideIsAnErrorAtItsLine() throws {
    let stale = try OverridesImport.parse(
      SourceFile(
        path: "o.csv",
        text: "email,action,target\nzoe.mueller-luedenscheidt@example.org,skip,weekly-1on1#40\n"))
    #expect {
      _ = try output("zoe", overrides: stale)
    } throws: { error in
      let text = (error as? InputError)?.description ?? ""
      return text.hasPrefix("o.csv:2: error:") && text.contains("skip `weekly-1on1#40`")
    }
  }

  /// Every stale override of a hire is reported in one run, each at its line: a typo gets the
  /// closest id of the plan, and an item another line skips is named as such (it exists).
  @Test func everyStaleOverrideIsReportedWithWhatItMeant() throws {
    let stale = try OverridesImport.parse(
      SourceFile(
        path: "o.csv",
        text: "email,action,target,date\n"
          + "siobhan.oconnor@example.org,move,training:api-versoning,2027-01-20\n"
          + "siobhan.oconnor@example.org,skip,weekly-1on1#2,\n"
          + "siobhan.oconnor@example.org,move,weekly-1on1#2,2027-01-20\n"
          + "siobhan.oconnor@example.org,skip,no-such-thing-at-all,\n"
          + "siobhan.oconnor@example.org,skip,weekly-1on1#13,\n"))
    #expect {
      _ = try output("siobhan", overrides: stale)
    } throws: { error in
      let all = (error as? InputError)?.all.map(\.description) ?? []
      return all.count == 4
        && all[3].hasSuffix("The plan has `weekly-1on1#1` to `weekly-1on1#12`.")
        && all[0].hasPrefix("o.csv:2: error:")
        && all[0].hasSuffix("Did you mean `training:api-versioning`?")
        && all[1].hasPrefix("o.csv:4: error:")
        && all[1].contains("names `weekly-1on1#2`, which line 3 of this file skips")
        && all[2].hasPrefix("o.csv:5: error:") && !all[2].contains("Did you mean")
    }
  }

  /// Two moves of one item: the last is followed, and a warning at it names the other line.
  @Test func twoMovesOfOneItemAreWarned() throws {
    let moves = try OverridesImport.parse(
      SourceFile(
        path: "o.csv",
        text: "email,action,target,date\n"
          + "siobhan.oconnor@example.org,move,weekly-1on1#3,2027-01-27\n"
          + "siobhan.oconnor@example.org,move,weekly-1on1#3,2027-01-28\n"))
    let plan = try output("siobhan", overrides: moves).plan
    #expect(plan.item(id: "weekly-1on1#3")?.date == CalendarDate(year: 2027, month: 1, day: 28))
    #expect(
      plan.planWarnings.map(\.description) == [
        "o.csv:3: warning: siobhan.oconnor@example.org: `weekly-1on1#3` is moved by line 2 too; "
          + "the plan follows this line, the last (remove the other)"
      ])
  }

  @Test func badRowsAreReportedWithTheirColumn() throws {
    let text = """
      email,action,target,date,time,duration_minutes,title,owner,note
      zoe@example.org,teleport,x,,,,,,
      zoe@example.org,move,welcome,2027-02-30,,,,,
      zoe@example.org,buddy,Kwame,,,,,,
      zoe@example.org,add,,2027-01-05,10:00,0,Thing,team,
      """
    #expect {
      _ = try OverridesImport.parse(SourceFile(path: "o.csv", text: text))
    } throws: { error in
      let lines = (error as? InputErrors)?.errors.map(\.description) ?? []
      return lines.count == 4
        && lines[0].hasPrefix("o.csv:2:17: error: column `action`: found `teleport`")
        && lines[1].contains("column `date`: found `2027-02-30`")
        && lines[2].contains("expected `Name <email@example.com>`")
        && lines[3].contains("column `duration_minutes`: found `0`")
    }
  }
}
