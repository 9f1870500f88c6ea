import Foundation
import Testing

@testable import OnboardKit

/// Properties of `Planner.plan` over generated hires, calendars, catalogs and reports (issue 5).
@Suite struct PlannerPropertyTests {
  static let count = 300

  /// The generated inputs and their plans, built once and shared by the properties.
  static let cases: [(seed: UInt64, input: PlanningInput, plan: OnboardingPlan)] = (0..<count).map {
    let seed = 5_000 + UInt64($0)
    let input = input(seed: seed)
    return (seed, input, Planner.plan(input))
  }

  /// The input of a seed. One case in four has a catalog that misses some required skills.
  static func input(seed: UInt64) -> PlanningInput {
    var rng = SeededGenerator(seed: seed)
    return PlanGen.input(&rng, coverEvery: seed % 4 != 0)
  }

  static func check(
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ property: (OnboardingPlan, PlanningInput) -> String?
  ) {
    for (seed, input, plan) in cases {
      if let failure = property(plan, input) {
        Issue.record("seed \(seed): \(failure)", sourceLocation: sourceLocation)
        return
      }
    }
  }

  @Test func nothingOutsideWorkingDaysAndHours() {
    Self.check(PlanInvariants.workingDaysAndHours)
  }

  @Test func noTwoItemsOverlap() { Self.check { plan, _ in PlanInvariants.noOverlaps(plan) } }

  @Test func theDailyTrainingCapHolds() { Self.check(PlanInvariants.dailyTrainingCap) }

  @Test func prerequisitesComeBeforeTheirDependants() {
    Self.check(PlanInvariants.prerequisitesFirst)
  }

  @Test func criticalEssentialGapsAreTrainedOrExplained() {
    Self.check { plan, _ in PlanInvariants.criticalGapsTrainedOrExplained(plan) }
  }

  @Test func theStartIsTheFirstWorkingDayOnOrAfterTheRequest() {
    Self.check(PlanInvariants.startDate)
  }

  @Test func theSameInputGivesTheSamePlanAndBytes() throws {
    for (seed, _, plan) in Self.cases.prefix(100) {
      let again = Planner.plan(Self.input(seed: seed))
      #expect(again == plan, "seed \(seed)")
      let a = try PlanDocument(plan: plan).encoded()
      let b = try PlanDocument(plan: again).encoded()
      #expect(a == b, "seed \(seed)")
      if again != plan || a != b { return }
    }
  }

  @Test func theGeneratorCoversTheInterestingCases() {
    let inputs = Self.cases.map(\.input)
    let plans = Self.cases.map(\.plan)
    #expect(inputs.filter { $0.hire.workDays == PlanGen.sundayToThursday }.count > 30)
    #expect(inputs.filter { $0.hire.employment == .partTime }.count > 30)
    #expect(plans.filter { $0.startMovedReason != nil }.count > 30)
    #expect(plans.filter { !$0.preboarding.isEmpty }.count > 100)
    #expect(plans.filter { $0.items.contains { $0.kind == .training } }.count > 150)
    #expect(plans.filter { $0.items.contains { $0.kind == .verification } }.count > 50)
    let critical = plans.filter { $0.report.assessments.contains { $0.status == .criticalGap } }
    #expect(critical.count > 50)
  }
}

/// The order the plan promises and the rules of short weeks, over the same generated hires.
@Suite struct PlannerOrderPropertyTests {
  @Test func theMostUrgentSkillStartsFirstOrTheItemSaysWhy() {
    PlannerPropertyTests.check(PlanOrderInvariants.urgency)
  }

  @Test func aSkillStartsWithItsLowestTopicAboveTheHiresLevel() {
    PlannerPropertyTests.check(PlanOrderInvariants.firstTopicIsTheLowest)
  }

  @Test func nothingAdvancedBeforeTheSetupAndTheCodebaseTour() {
    PlannerPropertyTests.check(PlanOrderInvariants.advancedAfterGroundwork)
  }

  @Test func checkInsAreAtTheEndOfTheHiresOwnDay() {
    PlannerPropertyTests.check(PlanOrderInvariants.checkInsAtTheEndOfTheDay)
  }

  @Test func weekItemsStayInTheirWeekOrSayWhy() {
    PlannerPropertyTests.check(PlanOrderInvariants.weekItemsStayInTheirWeek)
  }

  @Test func everyGapSkillGetsPracticeAfterItsSessions() {
    PlannerPropertyTests.check(PlanOrderInvariants.practiceAfterSessions)
  }

  @Test func everySkillCheckKeepsAFollowUpSlot() {
    PlannerPropertyTests.check(PlanOrderInvariants.followUpAfterEachCheck)
  }

  @Test func everyGapAndSkillCheckHasAGoal() {
    PlannerPropertyTests.check(PlanOrderInvariants.goalsForEveryGap)
  }

  @Test func theGeneratorHasUrgencyConflictsAndShortDays() {
    let cases = PlannerPropertyTests.cases
    // Hires with two or more trained weak skills, and part-time days that end before 16:30.
    let multi = cases.filter {
      Set($0.plan.items.filter { $0.kind == .training }.compactMap(\.skillID)).count > 1
    }
    #expect(multi.count > 60)
    #expect(cases.filter { PlanInvariants.workingHours($0.input).end < 16 * 60 + 45 }.count > 30)
    #expect(
      cases.filter {
        $0.plan.items.contains { $0.note?.contains("before the first session") == true }
      }
      .count > 5)
  }
}
