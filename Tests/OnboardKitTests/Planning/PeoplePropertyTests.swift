import Foundation
import Testing

@testable import OnboardKit

/// Properties of `OwnerAssignment` over generated rosters and people: hires planned one after
/// another against one ledger, as a run does (issue 14).
@Suite struct PeoplePropertyTests {
  static let runs = 40
  static let hiresPerRun = 6

  struct Run {
    var seed: UInt64
    var inputs: [PlanningInput]
    var plans: [OnboardingPlan]
    var people: [TeamMember]
  }

  static func person(
    _ rng: inout SeededGenerator, _ name: String, _ roles: Set<TeamMember.Role>, topics: Set<String>
  ) -> TeamMember {
    let start = rng.pick([7, 8, 9, 10, 12]) * 60
    return TeamMember(
      name: name, email: "\(name.lowercased())@example.com", roles: roles, topics: topics,
      timeZone: rng.pick(PlanGen.zones),
      workDays: rng.chance(0.8) ? PlanGen.weekdays : PlanGen.sundayToThursday,
      dayStart: LocalTime(minutes: start),
      dayEnd: LocalTime(minutes: start + rng.pick([6, 8, 9]) * 60),
      weeklyCapMinutes: rng.chance(0.2) ? nil : rng.pick([60, 120, 180, 240]),
      origin: SourceLocation(file: "people.csv", line: 2))
  }

  static let cases: [Run] = (0..<runs).map { index in
    let seed = 14_000 + UInt64(index)
    var rng = SeededGenerator(seed: seed)
    var inputs = (0..<hiresPerRun).map { _ in PlanGen.input(&rng) }
    let skills = Array(Set(inputs.flatMap { $0.catalog.map(\.skillID) })).sorted()
    var people: [TeamMember] = []
    for n in 0..<3 { people.append(person(&rng, "Manager\(n)", [.manager], topics: [])) }
    for n in 0..<3 { people.append(person(&rng, "Buddy\(n)", [.buddy], topics: [])) }
    for n in 0..<4 {
      let topics = Set(skills.isEmpty ? [] : rng.subset(skills, count: min(skills.count, 2)))
      people.append(person(&rng, "Trainer\(n)", [.trainer, .mentor], topics: topics))
    }
    people.append(person(&rng, "Hr0", [.hr], topics: []))
    people.append(person(&rng, "It0", [.it], topics: []))
    for i in inputs.indices {
      inputs[i].hire.manager = people[rng.int(0...2)].person
      inputs[i].hire.buddy = people[3 + rng.int(0...2)].person
    }
    var ledger = StaffLedger()
    let plans = inputs.map {
      OwnerAssignment.assign(Planner.plan($0), people: people, ledger: &ledger)
    }
    return Run(seed: seed, inputs: inputs, plans: plans, people: people)
  }

  static func interval(_ item: PlanItem, _ plan: OnboardingPlan) -> Range<Int> {
    Placement(plan: plan).interval(item)
  }

  @Test func nobodyIsDoubleBookedAcrossHires() {
    for run in Self.cases {
      var busy: [String: [(Range<Int>, String)]] = [:]
      for plan in run.plans {
        for item in plan.items {
          guard let email = item.ownerEmail else { continue }
          busy[email, default: []].append(
            (Self.interval(item, plan), "\(plan.hire.email)/\(item.id)"))
        }
      }
      for (email, list) in busy {
        let sorted = list.sorted { $0.0.lowerBound < $1.0.lowerBound }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.0.overlaps(b.0) {
          Issue.record("seed \(run.seed): \(email) has \(a.1) and \(b.1) at once")
          return
        }
      }
    }
  }

  @Test func nothingOutsideAttendeesHoursWithoutAWarning() {
    for run in Self.cases {
      let byEmail = Dictionary(run.people.map { ($0.email, $0) }, uniquingKeysWith: { a, _ in a })
      for (plan, input) in zip(run.plans, run.inputs) {
        // The hire's own days and hours still hold from day 1 (pre-boarding is HR's or IT's alone).
        var fromDayOne = plan
        fromDayOne.items = plan.items.filter { $0.date >= plan.start }
        if let failure = PlanInvariants.workingDaysAndHours(fromDayOne, input) {
          Issue.record("seed \(run.seed): \(failure)")
          return
        }
        if let failure = PlanInvariants.noOverlaps(plan) {
          Issue.record("seed \(run.seed): \(failure)")
          return
        }
        for item in plan.items {
          guard let email = item.ownerEmail, let person = byEmail[email] else { continue }
          let outside = Placement.outside(Self.interval(item, plan), for: person)
          if outside > 0, !plan.notes.contains(where: { $0.contains(person.name) }) {
            Issue.record(
              "seed \(run.seed): \(item.id) is \(outside) min outside \(person.name)'s hours, no warning"
            )
            return
          }
        }
      }
    }
  }

  @Test func trainersStayUnderTheirWeeklyCap() {
    var named = 0
    for run in Self.cases {
      var minutes: [String: [Int: Int]] = [:]
      for plan in run.plans {
        for item in plan.items where ["trainer", "mentor", "hr", "it"].contains(item.owner) {
          guard let email = item.ownerEmail else { continue }
          named += 1
          minutes[email, default: [:]][StaffLedger.week(of: item.date), default: 0] +=
            item.durationMinutes
        }
      }
      for person in run.people {
        guard let cap = person.weeklyCapMinutes else { continue }
        for (week, total) in minutes[person.email] ?? [:] where total > cap {
          Issue.record(
            "seed \(run.seed): \(person.name) has \(total) min in week \(week), cap \(cap)")
          return
        }
      }
    }
    #expect(named > 0)
  }
}
