import Foundation

@testable import OnboardKit

/// The Fixtures/ hires with the shipped plan library, ready to plan: what most pipeline tests share.
struct FixtureCohort {
  static let stamp = CalendarDate(year: 2026, month: 11, day: 29)!

  let library: PlanLibrary
  let templates: [EmailTemplate]
  let hires: [Hire]
  let evidence: EvidenceImportResult

  init() throws {
    (library, hires, evidence) = try RepositoryFiles.fixtures()
    templates = try library.compileTemplates()
  }

  /// The hire whose email starts with `prefix`.
  func hire(_ prefix: String) throws -> Hire {
    guard let hire = RepositoryFiles.hire(prefix, in: hires) else {
      throw CocoaError(
        .fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no fixture hire \(prefix)"])
    }
    return hire
  }

  /// The whole pipeline for one hire.
  func output(
    for hire: Hire, overrides: [PlanOverride] = [], stamp: CalendarDate = FixtureCohort.stamp
  ) throws -> HireOutput {
    try Onboarding.process(
      hire: hire, folder: fileSafeName(hire.email), library: library, templates: templates,
      evidence: evidence.evidence, overrides: overrides, stamp: stamp)
  }

  /// The re-plan of an output from `date`: its plan.json read as the CLI reads the folder's.
  static func replan(of output: HireOutput, from date: CalendarDate) throws -> Replan {
    guard let json = output.files.first(where: { $0.path == "plan.json" }) else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no plan.json"])
    }
    return try Replan.reading(SourceFile(path: "plan.json", data: json.data), from: date)
  }
}
