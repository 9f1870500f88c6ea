import Testing

@testable import OnboardKit

/// The cohort view: who needs what, skills × hires.
@Suite struct CohortMatrixTests {
  @Test func fixtureCohortShowsEachHiresStatusAndRolesThatDoNotRequireASkill() throws {
    let (library, hires, evidence) = try RepositoryFiles.fixtures()
    let columns = try hires.map { hire in
      let (_, report) = try Onboarding.report(
        for: hire, library: library, evidence: evidence.evidence)
      return CohortMatrix.Column(name: hire.fullName, email: hire.email, report: report)
    }
    let matrix = CohortMatrix(columns: columns)
    // Every required skill of both roles appears once.
    let required = Set(library.roles.flatMap { $0.requirements.map(\.skillID) })
    #expect(Set(matrix.skills.map(\.id)) == required)
    #expect(matrix.skills.count == required.count)
    // Priority 1 skills of either role come first.
    #expect(Set(matrix.skills.prefix(2).map(\.id)) == ["nodejs", "javascript"])
    let react = try #require(matrix.skills.first { $0.id == "react" })
    let zoe = try #require(matrix.columns.first { $0.email.hasPrefix("zoe") })
    let layla = try #require(matrix.columns.first { $0.email.hasPrefix("layla") })
    #expect(matrix.text(skill: react, column: zoe) == "-")
    #expect(matrix.text(skill: react, column: layla) == "critical-gap 2/4")
    #expect(matrix.counts(for: react)[.criticalGap] == 1)
    let markdown = CohortMatrixText.markdown(matrix)
    #expect(markdown.contains("| React | - | - | - | on-target 3.9/4 | **critical-gap 2/4** |"))
  }
}
