import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// Shared workshops of a generated cohort: never over capacity, and every grouped hire can attend.
@Suite struct SharedSessionTests {
  @Test func sessionsRespectCapacityAndEveryAttendeeCanAttend() throws {
    let library = try RepositoryFiles.library()
    let generator = CohortGenerator(seed: 11, hires: 80)
    var texts: [String: String] = [:]
    generator.write { file, text in texts[file, default: ""] += text }
    let (hires, rosterErrors) = try RosterImport.parse(
      SourceFile(path: "roster.csv", text: texts["roster"] ?? ""))
    #expect(rosterErrors.isEmpty)
    var evidence = try EvidenceImport.parse(
      SourceFile(path: "tg.csv", text: texts["testgorilla"] ?? ""), skills: library.skillIndex)
    evidence.merge(
      try EvidenceImport.parse(
        SourceFile(path: "iv.csv", text: texts["interviews"] ?? ""), skills: library.skillIndex))

    var demands: [WorkshopDemand] = []
    for hire in hires {
      demands += try Onboarding.workshopDemands(
        hire: hire, library: library, evidence: evidence.evidence)
    }
    let sessions = SharedSessionPlanner.group(demands)
    #expect(!sessions.isEmpty, "an 80-hire cohort shares some workshops")
    #expect(SharedSessionPlanner.trainerMinutesSaved(sessions) > 0)
    let catalog = library.catalogByID
    for session in sessions {
      let capacity = try #require(catalog[session.topicID]?.capacity)
      #expect(session.members.count >= 2 && session.members.count <= capacity, "\(session.id)")
      #expect(Set(session.members).count == session.members.count)
    }
    // No hire is in two sessions of one topic.
    var seen: Set<String> = []
    for session in sessions {
      for member in session.members {
        #expect(seen.insert("\(session.topicID)|\(member)").inserted)
      }
    }

    // Every attendee's final plan has the session at its date and time, inside their working day,
    // overlapping nothing else.
    let byKey = Dictionary(uniqueKeysWithValues: hires.map { ($0.key, $0) })
    // A session is one instant for all its attendees (QA14 F5: 09:00 in Lisbon and 09:00 in
    // Toronto were "one session"), and the cohort has hires in several zones.
    #expect(Set(hires.map(\.timeZone)).count > 3)
    for session in sessions {
      let instants = try session.members.map { member in
        ZoneClock.instant(
          session.date, session.start, in: try #require(byKey[member]).timeZone)
      }
      #expect(Set(instants).count == 1, "\(session.id): \(session.members)")
    }
    for session in sessions {
      for member in session.members {
        let hire = try #require(byKey[member])
        let input = try Onboarding.planningInput(
          hire: hire, library: library, evidence: evidence.evidence, overrides: [])
        var withSessions = input
        withSessions.sharedSessions = sessions.filter { $0.members.contains(member) }
        let plan = Planner.plan(withSessions)
        let item = try #require(
          plan.items.first { $0.topicID == session.topicID }, "\(member) \(session.id)")
        #expect(item.date == session.date && item.start == session.start)
        #expect(item.note?.contains("shared workshop") == true)
        #expect(plan.calendar.isWorkingDay(item.date))
        #expect(item.start >= plan.calendar.dayStart && item.end <= plan.calendar.dayEnd)
        let others = plan.items.filter { $0.id != item.id && $0.date == item.date }
        #expect(
          !others.contains { $0.start < item.end && item.start < $0.end },
          "\(member): \(session.id) overlaps")
      }
    }
  }

  @Test func groupingIsDeterministicWhateverTheOrderOfDemands() throws {
    let library = try RepositoryFiles.library()
    let generator = CohortGenerator(seed: 5, hires: 40)
    var texts: [String: String] = [:]
    generator.write { file, text in texts[file, default: ""] += text }
    let (hires, _) = try RosterImport.parse(
      SourceFile(path: "roster.csv", text: texts["roster"] ?? ""))
    let evidence = try EvidenceImport.parse(
      SourceFile(path: "tg.csv", text: texts["testgorilla"] ?? ""), skills: library.skillIndex)
    var demands: [WorkshopDemand] = []
    for hire in hires {
      demands += try Onboarding.workshopDemands(
        hire: hire, library: library, evidence: evidence.evidence)
    }
    #expect(SharedSessionPlanner.group(demands) == SharedSessionPlanner.group(demands.reversed()))
  }
}

/// `Planner.workshopDemands` (placement only, nothing when no shareable workshop is needed) gives
/// exactly the demands of the whole plan, which is what the batch's grouping pass used to plan.
@Suite struct WorkshopDemandPlacementTests {
  static func check(
    _ hires: [Hire], _ evidence: [Evidence], overrides: [PlanOverride], library: PlanLibrary
  ) throws -> (empty: Int, demanding: Int) {
    let byHire = Dictionary(grouping: evidence, by: \.hireKey)
    var counts = (empty: 0, demanding: 0)
    for hire in hires {
      let input = try Onboarding.planningInput(
        hire: hire, library: library, evidence: byHire[hire.key] ?? [], overrides: overrides)
      let full = SharedSessionPlanner.demands(
        plan: Planner.plan(input), catalog: library.catalogByID, settings: library.settings)
      let placed = Planner.workshopDemands(input, catalog: library.catalogByID)
      #expect(placed == full, "\(hire.email)")
      if full.isEmpty { counts.empty += 1 } else { counts.demanding += 1 }
    }
    return counts
  }

  @Test func generatedCohortsGiveTheDemandsOfTheirFullPlans() throws {
    let library = try RepositoryFiles.library()
    var total = (empty: 0, demanding: 0)
    for seed: UInt64 in [1, 2, 3, 17] {
      var texts: [String: String] = [:]
      CohortGenerator(seed: seed, hires: 60).write { file, text in texts[file, default: ""] += text
      }
      let (hires, _) = try RosterImport.parse(
        SourceFile(path: "roster.csv", text: texts["roster"] ?? ""))
      var evidence = try EvidenceImport.parse(
        SourceFile(path: "tg.csv", text: texts["testgorilla"] ?? ""), skills: library.skillIndex)
      // Every other seed without interviews: other gaps, other topics.
      if seed % 2 == 1 {
        evidence.merge(
          try EvidenceImport.parse(
            SourceFile(path: "iv.csv", text: texts["interviews"] ?? ""),
            skills: library.skillIndex))
      }
      let counts = try Self.check(hires, evidence.evidence, overrides: [], library: library)
      total.empty += counts.empty
      total.demanding += counts.demanding
    }
    // Both ways are seen: hires who need no shareable workshop, and hires who do.
    #expect(total.demanding > 20)
    #expect(total.empty > 0)
  }

  @Test func fixtureHiresWithOverridesGiveTheDemandsOfTheirFullPlans() throws {
    let (library, hires, evidence) = try RepositoryFiles.fixtures()
    let overrides = try OverridesImport.parse(try RepositoryFiles.source("Fixtures/overrides.csv"))
    #expect(!overrides.isEmpty)
    _ = try Self.check(hires, evidence.evidence, overrides: overrides, library: library)
    _ = try Self.check(hires, [], overrides: overrides, library: library)
  }
}

/// The grouper (pending demands as a linked list, a full session stops looking) against the
/// simple definition it replaced, on many generated weeks of demands.
@Suite struct SharedSessionGrouperTests {
  /// The grouping as first written: the pending demands copied into a new array per session.
  static func reference(_ demands: [WorkshopDemand]) -> [SharedSession] {
    var taken: [String: [CalendarDate: (busy: [Range<Int>], minutes: Int)]] = [:]
    var sessions: [SharedSession] = []
    let byTopic = Dictionary(grouping: demands, by: \.topicID)
    for topicID in byTopic.keys.sorted() {
      let sorted = (byTopic[topicID] ?? []).sorted { ($0.date, $0.hireKey) < ($1.date, $1.hireKey) }
      let byWeek = Dictionary(grouping: sorted) { $0.date.dayNumber - $0.date.weekday.index }
      for week in byWeek.keys.sorted() {
        var pending = byWeek[week] ?? []
        var number = 0
        while pending.count >= 2 {
          var members: [WorkshopDemand] = [pending.removeFirst()]
          var slot: (CalendarDate, Int)? = nil
          var rest: [WorkshopDemand] = []
          for candidate in pending {
            if members.count < candidate.capacity,
              let common = SharedSessionPlanner.commonSlot(members + [candidate], taken: taken)
            {
              members.append(candidate)
              slot = common
            } else {
              rest.append(candidate)
            }
          }
          pending = rest
          guard members.count >= 2, let (date, start) = slot else { continue }
          number += 1
          let minutes = members[0].minutes
          for member in members {
            var day = taken[member.hireKey]?[date] ?? ([], 0)
            day.busy.append(start..<(start + minutes))
            day.minutes += minutes
            taken[member.hireKey, default: [:]][date] = day
          }
          sessions.append(
            SharedSession(
              id: "\(topicID)@\(date.iso)#\(number)", topicID: topicID, date: date,
              start: LocalTime(minutes: start), minutes: minutes,
              members: members.map(\.hireKey).sorted()))
        }
      }
    }
    return sessions
  }

  @Test func groupsAsTheSimpleDefinitionOnGeneratedDemands() {
    var numbers = SeededNumbers(seed: 99)
    func next(_ bound: Int) -> Int { numbers.next(bound) }
    let monday = CalendarDate(year: 2027, month: 1, day: 4) ?? CalendarDate(dayNumber: 0)
    var sessionCount = 0
    for round in 0..<300 {
      var demands: [WorkshopDemand] = []
      let hires = 2 + next(round % 10 == 0 ? 120 : 30)
      let topics = ["a", "b", "c"].prefix(1 + next(3))
      for hire in 0..<hires {
        for topic in topics where next(4) != 0 {
          let date = monday.adding(days: next(21))
          let days = (0..<7).map { date.adding(days: $0) }.filter { $0.weekday.index < 5 }.map {
            day in
            WorkshopDemand.Day(
              date: day, dayStart: 480 + 30 * next(3), dayEnd: 960 + 60 * next(3),
              busy: (0..<next(5)).map { _ in
                let start = 480 + 30 * next(16)
                return start..<(start + 30 * (1 + next(4)))
              }, cap: 60 * next(5))
          }
          demands.append(
            WorkshopDemand(
              hireKey: "h\(hire)@x", topicID: String(topic), minutes: 60 + 30 * next(3),
              capacity: 2 + next(round % 3 == 0 ? 3 : 12), date: date, days: days))
        }
      }
      let expected = Self.reference(demands)
      #expect(SharedSessionPlanner.group(demands) == expected, "round \(round)")
      sessionCount += expected.count
    }
    #expect(sessionCount > 300)
  }

  /// A demand's spool line reads back as the same demand, whatever its hire key holds (tabs,
  /// backslashes, line breaks, non-ASCII) and however many days and busy times it has; a line
  /// with a field that is not a number, or a busy time that ends before it starts, is no demand.
  /// Two hires whose clocks differ that day share no session, however free both are; two in
  /// different zones with the same clock (Berlin and Paris) do.
  @Test func hiresShareASessionOnlyWhenTheirClocksAgree() throws {
    let monday = try #require(CalendarDate(year: 2027, month: 1, day: 11))
    func demand(_ key: String, offset: Int) -> WorkshopDemand {
      WorkshopDemand(
        hireKey: key, topicID: "sql", minutes: 60, capacity: 8, date: monday,
        days: (0..<5).map {
          WorkshopDemand.Day(
            date: monday.adding(days: $0), dayStart: 540, dayEnd: 1020, busy: [], cap: 240,
            utcOffset: offset)
        })
    }
    #expect(
      SharedSessionPlanner.group([demand("lisbon", offset: 0), demand("toronto", offset: -300)])
        .isEmpty)
    let shared = SharedSessionPlanner.group([
      demand("berlin", offset: 60), demand("paris", offset: 60), demand("toronto", offset: -300),
    ])
    #expect(shared.map(\.members) == [["berlin", "paris"]])
    // The offset comes from the hire's zone: a Toronto hire's demand carries −300 in January.
    let cohort = try FixtureCohort()
    var hire = try cohort.hire("zoe")
    hire.timeZone = "America/Toronto"
    let days = try Onboarding.workshopDemands(
      hire: hire, library: cohort.library, evidence: cohort.evidence.evidence
    ).flatMap(\.days)
    #expect(!days.isEmpty)
    #expect(days.allSatisfy { [-240, -300].contains($0.utcOffset) }, "\(days.map(\.utcOffset))")
    #expect(days.contains { $0.utcOffset == -300 })
  }

  @Test func spoolRecordsReadBackAsTheSameDemand() {
    var rng = SeededGenerator(seed: 37)
    let pieces = [
      "a", "\\", "\t", "\n", "\r\n", "é", "🙂", "\\N", ":", ";", "-", ",", "\\\u{301}", "\u{301}",
    ]
    for index in 0..<400 {
      let days = (0..<rng.int(0...4)).map { offset in
        WorkshopDemand.Day(
          date: CalendarDate(dayNumber: 20_000 + index + offset), dayStart: rng.int(0...600),
          dayEnd: 600 + rng.int(0...600),
          busy: (0..<rng.int(0...3)).map { _ in
            let low = rng.int(-120...900)
            return low..<(low + rng.int(0...120))
          }, cap: rng.int(0...480), utcOffset: rng.int(-720...840))
      }
      let demand = WorkshopDemand(
        hireKey: "h\(index)" + (0..<rng.int(0...4)).map { _ in rng.pick(pieces) }.joined(),
        topicID: "topic-\(index % 7)" + (index % 5 == 0 ? "\\x" : ""),
        minutes: rng.int(15...240), capacity: rng.int(2...12),
        date: CalendarDate(dayNumber: 20_000 + index), days: days)
      let line = demand.record
      #expect(WorkshopDemand(record: Substring(line)) == demand, "\(line.debugDescription)")
    }
    #expect(WorkshopDemand(record: "h\tt\tx\t4\t20000\t") == nil)
    #expect(WorkshopDemand(record: "h\tt\t60\t4\t20000\t20000:540:1020:480:5-x") == nil)
    #expect(WorkshopDemand(record: "h\tt\t60\t4\t20000\t20000:540:1020:480:9-5") == nil)
    #expect(
      WorkshopDemand(record: "h\tt\t60\t4\t20000\t20000:540:1020:480:-30--10")?.days[0].busy == [
        -30..<(-10)
      ])
    #expect(
      WorkshopDemand(record: "h\tt\t60\t4\t20000\t20000:540:1020:480:-10-30")?.days[0].busy == [
        -10..<30
      ])
  }
}
