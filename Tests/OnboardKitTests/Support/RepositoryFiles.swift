import Foundation

@testable import OnboardKit

/// Files of the repository (Plans/, Fixtures/), located from this source file, not from a bundle.
enum RepositoryFiles {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  static func source(_ relative: String) throws -> SourceFile {
    SourceFile(path: relative, data: try Data(contentsOf: url(relative)))
  }

  /// The shipped plan library's files.
  static func planSources(_ directory: String = "Plans") throws -> PlanLibrarySources {
    let emails = try FileManager.default.contentsOfDirectory(
      atPath: url("\(directory)/emails").path
    )
    .filter { $0.hasSuffix(".mustache") }.sorted()
    .map { try source("\(directory)/emails/\($0)") }
    return PlanLibrarySources(
      skills: try source("\(directory)/skills.csv"), roles: try source("\(directory)/roles.csv"),
      training: try source("\(directory)/training.csv"),
      schedule: try source("\(directory)/schedule.csv"),
      holidays: try source("\(directory)/holidays.csv"),
      settings: try source("\(directory)/settings.json"), emails: emails,
      questions: try source("\(directory)/questions.csv"),
      goals: try source("\(directory)/goals.csv"),
      people: FileManager.default.fileExists(atPath: url("\(directory)/people.csv").path)
        ? try source("\(directory)/people.csv") : nil)
  }

  /// The shipped plan library, parsed.
  static func library() throws -> PlanLibrary { try PlanLibrary.load(try planSources()) }

  /// The Fixtures hires and all their evidence.
  static func fixtures() throws -> (
    library: PlanLibrary, hires: [Hire], evidence: EvidenceImportResult
  ) {
    let library = try library()
    let (hires, errors) = try RosterImport.parse(try source("Fixtures/roster.csv"))
    precondition(errors.isEmpty, "roster errors: \(errors)")
    var evidence = EvidenceImportResult()
    for file in fixtureEvidence {
      evidence.merge(
        try EvidenceImport.parse(
          try source(file), skills: library.skillIndex, questions: library.questionBanks))
    }
    return (library, hires, evidence)
  }

  /// The README's main command's evidence files, filled interview scorecards included.
  static var fixtureEvidence: [String] {
    let scorecards =
      (try? FileManager.default.contentsOfDirectory(atPath: url("Fixtures/scorecards").path)) ?? []
    return [
      "Fixtures/testgorilla-candidates.csv", "Fixtures/interview-ratings.csv",
      "Fixtures/evidence.csv",
    ] + scorecards.filter { $0.hasSuffix(".csv") }.sorted().map { "Fixtures/scorecards/\($0)" }
  }

  static func hire(_ prefix: String, in hires: [Hire]) -> Hire? {
    hires.first { $0.email.hasPrefix(prefix) }
  }
}
