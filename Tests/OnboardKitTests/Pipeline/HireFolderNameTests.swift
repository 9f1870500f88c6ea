import Testing

@testable import OnboardKit

/// Hire folders sit beside the run's own files and folders: a hire's name never takes one of them.
@Suite struct HireFolderNameTests {
  @Test func aHireNamedLikeARunEntryGetsAHashedFolder() {
    let hires = ["calendars@example.org", "tasks.csv@example.org", "ada@example.org"].map {
      AnalysisGen.hire(key: $0)
    }
    let folders = Onboarding.folders(for: hires)
    #expect(folders["ada@example.org"] == "ada")
    // A dot never reaches a folder name, so only `calendars` can meet a run entry.
    #expect(folders["tasks.csv@example.org"] == "tasks-csv")
    let calendars = folders["calendars@example.org"] ?? ""
    #expect(calendars.hasPrefix("calendars-") && calendars.count == "calendars-".count + 8)
    #expect(Set(folders.values).isDisjoint(with: Onboarding.runEntryNames))
  }
}
