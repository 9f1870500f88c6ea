import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// A hire planned from the draft of the batch's grouping pass (`Onboarding.draft`, then
/// `Onboarding.plan(_:library:...)`: the lone plan finished, or its builder before training given
/// the shared sessions) against the hire planned from its evidence, as a lone `plan` does: the
/// same plan, or the same error, with and without shared sessions, overrides and re-plans.
@Suite struct PlanDraftTests {
  /// Plans every hire both ways and compares; returns how many hires had shared sessions.
  static func check(
    _ hires: [Hire], _ evidence: [Evidence], overrides: [PlanOverride], library: PlanLibrary
  ) throws -> (shared: Int, alone: Int) {
    let byHire = Dictionary(grouping: evidence, by: \.hireKey)
    let overridesByHire = Dictionary(grouping: overrides, by: \.hireKey)
    var drafts: [String: Result<Onboarding.PlanDraft, InputError>] = [:]
    var demands: [WorkshopDemand] = []
    for hire in hires {
      do throws(InputError) {
        let draft = try Onboarding.draft(
          hire: hire, library: library, evidence: byHire[hire.key] ?? [],
          overrides: overridesByHire[hire.key] ?? [])
        let alone = try Onboarding.workshopDemands(
          hire: hire, library: library, evidence: byHire[hire.key] ?? [],
          overrides: overridesByHire[hire.key] ?? [])
        #expect(draft.demands == alone, "\(hire.email)")
        demands += draft.demands
        drafts[hire.key] = .success(draft)
      } catch {
        drafts[hire.key] = .failure(error)
      }
    }
    let sessions = SharedSessionPlanner.group(demands)
    var counts = (shared: 0, alone: 0)
    for hire in hires {
      let draft = try #require(drafts[hire.key])
      let own = sessions.filter { $0.members.contains(hire.key) }
      if own.isEmpty { counts.alone += 1 } else { counts.shared += 1 }
      func reference(_ sessions: [SharedSession], replan: Replan?) -> Result<
        OnboardingPlan, InputError
      > {
        do throws(InputError) {
          return .success(
            try Onboarding.plan(
              hire: hire, library: library, evidence: byHire[hire.key] ?? [],
              overrides: overridesByHire[hire.key] ?? [], sharedSessions: sessions,
              importNotes: ["an import note"], replan: replan))
        } catch {
          return .failure(error)
        }
      }
      func fromDraft(_ sessions: [SharedSession], replan: Replan?) -> Result<
        OnboardingPlan, InputError
      > {
        do throws(InputError) {
          return .success(
            try Onboarding.plan(
              try draft.get(), library: library, sharedSessions: sessions,
              importNotes: ["an import note"], replan: replan))
        } catch {
          return .failure(error)
        }
      }
      // All the run's sessions (the hire's are picked), none, and a re-plan from day 11 of the
      // plan with the sessions.
      for given in [sessions, []] {
        let expected = reference(given, replan: nil)
        #expect(fromDraft(given, replan: nil) == expected, "\(hire.email)")
        guard case .success(let plan) = expected else { continue }
        let replan = Replan(
          from: plan.start.adding(days: 10), previous: plan.items, levelsAtHire: [:])
        #expect(
          fromDraft(given, replan: replan) == reference(given, replan: replan), "\(hire.email)")
      }
    }
    return counts
  }

  @Test func generatedCohortsPlanTheSameFromTheirDrafts() throws {
    let library = try RepositoryFiles.library()
    var total = (shared: 0, alone: 0)
    for seed: UInt64 in [5, 11, 23] {
      var texts: [String: String] = [:]
      CohortGenerator(seed: seed, hires: 40).write { file, text in
        texts[file, default: ""] += text
      }
      let (hires, _) = try RosterImport.parse(
        SourceFile(path: "roster.csv", text: texts["roster"] ?? ""))
      var evidence = try EvidenceImport.parse(
        SourceFile(path: "tg.csv", text: texts["testgorilla"] ?? ""), skills: library.skillIndex)
      if seed != 23 {
        evidence.merge(
          try EvidenceImport.parse(
            SourceFile(path: "iv.csv", text: texts["interviews"] ?? ""),
            skills: library.skillIndex))
      }
      let counts = try Self.check(hires, evidence.evidence, overrides: [], library: library)
      total.shared += counts.shared
      total.alone += counts.alone
    }
    // Both ways are seen: hires in shared sessions, and hires planned alone.
    #expect(total.shared > 20)
    #expect(total.alone > 5)
  }

  @Test func fixtureHiresWithOverridesPlanTheSameFromTheirDrafts() throws {
    let (library, hires, evidence) = try RepositoryFiles.fixtures()
    let overrides = try OverridesImport.parse(try RepositoryFiles.source("Fixtures/overrides.csv"))
    #expect(!overrides.isEmpty)
    _ = try Self.check(hires, evidence.evidence, overrides: overrides, library: library)
    _ = try Self.check(hires, [], overrides: overrides, library: library)
  }

  @Test func anUnknownRoleFailsTheSameFromTheDraft() throws {
    let library = try RepositoryFiles.library()
    var texts: [String: String] = [:]
    CohortGenerator(seed: 3, hires: 4).write { file, text in texts[file, default: ""] += text }
    var (hires, _) = try RosterImport.parse(
      SourceFile(path: "roster.csv", text: texts["roster"] ?? ""))
    hires[1].role = "Chief Unicorn"
    let counts = try Self.check(hires, [], overrides: [], library: library)
    #expect(counts.shared + counts.alone == 4)
  }
}
