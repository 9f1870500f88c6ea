import Foundation
import Testing

@testable import OnboardKit

/// The Fixtures/ hires through the whole pipeline: the contrasting profiles come out as they should.
@Suite struct FixtureHireTests {
  let cohort: FixtureCohort
  init() throws { cohort = try FixtureCohort() }

  func output(_ prefix: String) throws -> HireOutput {
    try cohort.output(for: try cohort.hire(prefix))
  }

  @Test func strongTestWeakInterviewIsConflictingAndCheckedFirst() throws {
    let plan = try output("zoe").plan
    let sql = try #require(plan.report.assessment(of: "sql-databases"))
    #expect(sql.status == .conflicting)
    let conflict = try #require(sql.conflict)
    #expect(conflict.high.name == "test" && conflict.low.name == "interview")
    #expect(conflict.spread >= 1.5)
    // The skill check comes in week 1, and the skill's training only after it.
    let check = try #require(plan.item(id: "verify:sql-databases"))
    #expect(plan.week(1).contains(check.date))
    let training = plan.items.filter { $0.kind == .training && $0.skillID == "sql-databases" }
    #expect(!training.isEmpty)
    #expect(
      training.allSatisfy { ($0.date, $0.start) > (check.date, check.end) || $0.date > check.date })
  }

  @Test func essentialSkillNobodyAssessedIsUnassessedAndVerifiedEarly() throws {
    let plan = try output("siobhan").plan
    let security = try #require(plan.report.assessment(of: "application-security"))
    #expect(security.status == .unassessed)
    #expect(security.observed == nil && security.severity == nil)
    #expect(!plan.report.weakAreas.contains { $0.skill.id == "application-security" })
    #expect(plan.report.unassessedEssentials.map(\.skill.id) == ["application-security"])
    let check = try #require(plan.item(id: "verify:application-security"))
    #expect(check.kind == .verification)
    #expect(plan.timeline.workdayNumber(of: check.date).map { $0 <= 5 } == true)
    // A verification, not a course: no training topic of the skill is planned.
    #expect(!plan.items.contains { $0.kind == .training && $0.skillID == "application-security" })
  }

  @Test func holidayStartMovesToTheNextWorkingDay() throws {
    let plan = try output("yuko").plan
    #expect(plan.hire.requestedStart == CalendarDate(year: 2027, month: 1, day: 1))
    #expect(plan.start == CalendarDate(year: 2027, month: 1, day: 4))
    #expect(plan.startMovedReason?.contains("New Year") == true)
    #expect(plan.items.first { $0.id == "welcome" }?.date == plan.start)
  }

  @Test func criticalGapsOfEssentialSkillsAreTrainedInTheFirstTwoWeeks() throws {
    let plan = try output("layla").plan
    let critical = plan.report.assessments.filter {
      $0.status == .criticalGap && $0.requirement.tier == .essential
    }
    #expect(!critical.isEmpty, "the fixture has a critical gap (React)")
    let firstTen = Set((1...10).compactMap { plan.timeline.workday($0) })
    for gap in critical {
      #expect(
        plan.items.contains {
          $0.kind == .training && $0.skillID == gap.skill.id && firstTen.contains($0.date)
        },
        "\(gap.skill.id) has training in the first ten working days")
    }
  }

  @Test func partTimeHireOnlyWorksHerDays() throws {
    let plan = try output("layla").plan
    #expect(
      plan.items.filter { $0.date >= plan.start }.allSatisfy {
        [.monday, .tuesday, .wednesday].contains($0.date.weekday)
      })
  }

  @Test func nearlyAllStrengthsGetNoCourses() throws {
    let plan = try output("jose").plan
    #expect(plan.report.weakAreas.isEmpty)
    #expect(plan.report.strengths.count >= 8)
    #expect(!plan.items.contains { $0.kind == .training })
  }

  @Test func everyHireGetsTheFourKindsOfOutput() throws {
    for prefix in ["zoe", "siobhan", "jose", "yuko", "layla"] {
      let paths = try output(prefix).files.map(\.path)
      #expect(
        paths.contains("plan.md") && paths.contains("plan.json") && paths.contains("sessions.ics"))
      #expect(paths.contains { $0.hasPrefix("emails/") && $0.hasSuffix(".eml") })
    }
  }

  @Test func sameInputsGiveIdenticalBytes() throws {
    let a = try output("siobhan").files
    let b = try output("siobhan").files
    #expect(a == b)
  }

  @Test func planMarkdownExplainsTheGapsAndTheirEvidence() throws {
    let out = try output("zoe")
    let markdown = String(
      decoding: try #require(out.files.first { $0.path == "plan.md" }).data, as: UTF8.self)
    #expect(markdown.contains("## Week 1, day by day"))
    #expect(markdown.contains("## Weeks 2–4, week by week"))
    #expect(markdown.contains("## Months 2–3, month by month"))
    #expect(markdown.contains("**Conflicting evidence on Databases & SQL:**"))
    #expect(markdown.contains("Fixtures/interview-ratings.csv:2:"))
    #expect(markdown.contains("Closed Fri 25 Dec: Christmas Day"))
  }

  @Test func emailsAlreadyDueAreSaidInThePlan() throws {
    let late = try cohort.output(
      for: try cohort.hire("zoe"), stamp: CalendarDate(year: 2026, month: 12, day: 10)!)
    let note = try #require(late.plan.notes.first { $0.hasSuffix("send now.") })
    #expect(note.hasPrefix("3 emails were due before Thursday, 10 December 2026"))
    #expect(note.contains("manager-briefing") && note.contains("welcome"))
    #expect(!(try output("zoe")).plan.notes.contains { $0.hasSuffix("send now.") })
  }
}
