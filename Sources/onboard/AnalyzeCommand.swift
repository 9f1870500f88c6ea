import Foundation
import OnboardKit

/// `onboard analyze`: the gap report of one hire or a roster, without planning.
enum AnalyzeCommand {
  static let usage = """
    USAGE: onboard analyze --roster ROSTER.csv --evidence FILE... [--hire EMAIL] [--format table|md|json]

    Prints each hire's gap report: per required skill (in the role's priority order) the observed
    level, confidence, status and severity, then the weak areas, unassessed essentials and conflicts.
    For several hires, the cohort skills matrix follows (skills × hires with their statuses).

    OPTIONS:
      --roster FILE        the hires
      --evidence FILE...   assessment exports
      --plans DIR          the plan library (default: $ONBOARD_PLANS, else Plans)
      --hire EMAIL         only this hire (repeatable)
      --format FORMAT      table (default), md or json
      --strict             a name no skill has (a test, attribute, field, task) is an error, not a warning
      -h, --help           show this help
    """

  static func run(_ args: [String]) throws(UsageError) -> ExitStatus {
    let arguments = try Arguments(
      args, options: ["roster", "plans", "format"], multi: ["evidence", "hire"],
      flags: ["help", "strict"])
    if arguments.flag("help") {
      Console.out(usage)
      return .success
    }
    let format = try arguments.value("format") ?? "table"
    guard ["table", "md", "json"].contains(format) else {
      throw UsageError("--format \(format): expected table, md or json")
    }
    let plans = try arguments.value("plans") ?? defaultPlans()
    let roster = try arguments.required("roster")
    let inputs: Inputs
    do {
      inputs = try Inputs.load(
        plans: plans, roster: roster, evidence: arguments.list("evidence"),
        strict: arguments.flag("strict"))
    } catch {
      return report(error)
    }
    // Every evidence record not used is said: skipped records, and row errors of no hire.
    Inputs.reportSkipped(inputs.evidence)
    let rosterKeys = Set(inputs.hires.map(\.key))
    for (key, errors) in inputs.evidence.rowErrors where !rosterKeys.contains(key) {
      for error in errors { Console.err(error.description) }
    }
    if let line = Inputs.skippedLine(inputs.evidence) { Console.err(line) }
    let only = Set(arguments.list("hire").map { $0.lowercased() })
    var status = ExitStatus.success
    var documents: [PlanDocument.ReportDocument] = []
    var columns: [CohortMatrix.Column] = []
    for error in inputs.rosterErrors { Console.err(error.description) }
    if !inputs.rosterErrors.isEmpty { status = .failure }
    for hire in inputs.hires where only.isEmpty || only.contains(hire.key) {
      if let errors = inputs.evidence.rowErrors[hire.key], !errors.isEmpty {
        for error in errors { Console.err(error.description) }
        status = .failure
        continue
      }
      do {
        let (_, report) = try Onboarding.report(
          for: hire, library: inputs.library, evidence: inputs.evidence.evidence)
        columns.append(CohortMatrix.Column(name: hire.fullName, email: hire.email, report: report))
        switch format {
        case "md":
          Console.out("# \(markdownEscaped(hire.fullName)), \(markdownEscaped(report.role))\n")
          Console.out(
            GapSummaryMarkdown.render(report, settings: inputs.library.settings.analysis))
        case "json": documents.append(PlanDocument.ReportDocument(hire: hire, report: report))
        default: Console.out(GapTable.render(hire: hire, report: report))
        }
      } catch {
        Console.err(error.description)
        status = .failure
      }
    }
    if columns.count > 1 {
      let matrix = CohortMatrix(columns: columns)
      if format == "md" { Console.out(CohortMatrixText.markdown(matrix)) }
      if format == "table" { Console.out("Cohort skills matrix\n" + GapTable.cohort(matrix)) }
    }
    if format == "json" {
      do {
        Console.out(
          String(decoding: try PlanDocument.ReportDocument.encode(documents), as: UTF8.self))
      } catch {
        Console.err("error: \(error)")
        return .failure
      }
    }
    return status
  }
}
