import Foundation
import Testing

@testable import OnboardKit

/// Every Fixtures hire's plan has role and skill goals, dated items in months 2 and 3, and
/// review agendas that name the goals (issue 13).
@Suite struct FixtureGoalsTests {
  @Test(arguments: ["zoe", "siobhan", "jose", "yuko", "layla"])
  func goalsMonthsAndReviews(prefix: String) throws {
    let cohort = try FixtureCohort()
    let plan = try cohort.output(for: try cohort.hire(prefix)).plan
    #expect(Set(plan.goals.filter { $0.source == .role }.map(\.day)) == [30, 60, 90])
    for gap in plan.report.weakAreas {
      #expect(
        plan.goals.contains { $0.source == .skill && $0.skillID == gap.skill.id }, "\(gap.skill.id)"
      )
    }
    for month in 2...3 {
      let items = plan.items(in: plan.month(month)).filter {
        [.training, .practice, .deliverable, .followUp].contains($0.kind)
      }
      #expect(!items.isEmpty, "month \(month) has no sessions or deliverables")
    }
    for day in [30, 60, 90] {
      let review = try #require(plan.item(id: "review-\(day)"))
      for goal in plan.goals(due: day) {
        #expect(review.agenda.contains("Goal: \(goal.sentence)"), "review-\(day): \(goal.id)")
      }
    }
    // Calendar weeks are seven days.
    #expect(plan.weekSections.allSatisfy { $0.range.lowerBound.days(to: $0.range.upperBound) <= 6 })
  }
}
