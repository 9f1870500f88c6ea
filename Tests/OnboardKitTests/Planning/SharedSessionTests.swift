import Foundation
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
