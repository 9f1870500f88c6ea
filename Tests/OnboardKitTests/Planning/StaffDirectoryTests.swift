import Foundation
import Testing

@testable import OnboardKit

/// `OwnerAssignment`'s fast paths against the code they replaced: `StaffDirectory.able` against
/// the scan of every person, `isSharedWorkshop` against Foundation's search, on generated people,
/// items and reasons.
@Suite struct StaffDirectoryTests {
  /// Generated people.csv rows: roles and topics at random (some duplicated emails, some
  /// generalists), so every branch of the index is taken.
  static func people(_ rng: inout SeededGenerator, topics: [String]) -> [TeamMember] {
    let roles: [TeamMember.Role] = [.manager, .buddy, .trainer, .mentor, .hr, .it]
    return (0..<rng.int(0...14)).map { n in
      let email = rng.chance(0.15) ? "Same@Example.com" : "Person\(n)@Example.com"
      return TeamMember(
        name: "Person \(n)", email: email,
        roles: Set(rng.subset(roles, count: rng.int(1...3))),
        topics: rng.chance(0.4) ? [] : Set(rng.subset(topics, count: rng.int(1...3))),
        timeZone: "UTC", workDays: PlanGen.weekdays, dayStart: LocalTime(minutes: 540),
        dayEnd: LocalTime(minutes: 1020),
        origin: SourceLocation(file: "people.csv", line: n + 2))
    }
  }

  @Test func ablePeopleAreThoseTheScanFinds() {
    let topics = ["sql", "sql-indexing", "git", "accounts-created", "weekly-1-1", "security"]
    for seed in 0..<300 {
      var rng = SeededGenerator(seed: 16_000 + UInt64(seed))
      let people = Self.people(&rng, topics: topics)
      let staff = StaffDirectory(people: people)
      #expect(staff.keys == people.map(\.key))
      let firstByKey = Dictionary(people.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
      #expect(staff.byKey.mapValues { people[$0] } == firstByKey)
      for role in TeamMember.Role.allCases {
        for _ in 0..<8 {
          let keys = rng.subset(topics + ["other"], count: rng.int(1...3))
          let scanned = people.filter { $0.roles.contains(role) && $0.teaches(any: keys) }
          #expect(staff.able(role, keys: keys).map { people[$0] } == scanned, "seed \(seed)")
        }
      }
    }
  }

  @Test func sharedWorkshopReasonsAsFoundationFindsThem() {
    let phrase = "shared workshop"
    var reasons: [String?] = [
      nil, "", phrase, "a \(phrase) of the cohort", "\(phrase)s", "shared workshoP", "shared",
      "shared  workshop", "é\(phrase)é", "\(phrase)\u{301}", "\u{301}\(phrase)",
      "\u{600}\(phrase)", "\(phrase)\u{200D}x", "x\(phrase)\u{FE0F}", "🙂\(phrase)🙂",
      "\(phrase)\u{301} and \(phrase)", "shared workshop\r\n", "Shared Workshop",
    ]
    var rng = SeededGenerator(seed: 16_500)
    let pieces = [
      "shared", " ", "workshop", "shared workshop", "é", "\u{301}", "\u{600}", "🙂", "x", "\r\n",
      "ß", "\u{FE0F}",
    ]
    for _ in 0..<2000 {
      reasons.append((0..<rng.int(0...6)).map { _ in rng.pick(pieces) }.joined())
    }
    for reason in reasons {
      #expect(
        OwnerAssignment.isSharedWorkshop(reason)
          == OwnerAssignment.referenceIsSharedWorkshop(reason), "\(String(describing: reason))")
    }
  }

  /// The assignment of generated hires, one after another against one ledger, is the same with
  /// one directory for the run as with the people given to every call.
  @Test func oneDirectoryForTheRunNamesTheSamePeople() {
    for run in PeoplePropertyTests.cases.prefix(12) {
      let staff = StaffDirectory(people: run.people)
      var ledger = StaffLedger()
      let plans = run.inputs.map {
        OwnerAssignment.assign(Planner.plan($0), staff: staff, ledger: &ledger)
      }
      #expect(plans.map(\.items) == run.plans.map(\.items), "seed \(run.seed)")
      #expect(plans.map(\.notes) == run.plans.map(\.notes), "seed \(run.seed)")
    }
  }
}
