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

  /// An earlier run's folders are kept by their hires and stay taken for everyone else.
  @Test func earlierFoldersAreKeptAndStayTaken() {
    let hires = ["jose.angstrom@example.org", "jose_angstrom@example.org", "ada@example.org"].map {
      AnalysisGen.hire(key: $0)
    }
    let fresh = Onboarding.folders(for: hires)
    #expect(fresh["jose.angstrom@example.org"]?.hasPrefix("jose-angstrom-") == true)
    let folders = Onboarding.folders(
      for: hires,
      earlier: [
        "jose.angstrom@example.org": "jose-angstrom", "left@example.org": "ada",
        "calendars@example.org": "calendars",
      ])
    #expect(folders["jose.angstrom@example.org"] == "jose-angstrom")
    #expect(folders["jose_angstrom@example.org"] == fresh["jose_angstrom@example.org"])
    // `ada` is the folder of a hire no longer on the roster: the new Ada gets a hashed one.
    let ada = folders["ada@example.org"] ?? ""
    #expect(ada.hasPrefix("ada-") && ada.count == "ada-".count + 8, "\(ada)")
    #expect(Set(folders.values).count == 3)
    #expect(Set(folders.values).isDisjoint(with: Onboarding.runEntryNames))
  }
}
