import Foundation
import OnboardKit

/// `onboard analyze`: the gap report of one hire or a roster, without planning.
enum AnalyzeCommand {
  static let usage = """
    OVERVIEW: Prints the gap report of each hire, without planning.

    USAGE: onboard analyze --roster ROSTER.csv --evidence FILE... [--hire EMAIL]... [--format table|md|json]
                           [--plans DIR] [--calibration] [--output FILE] [--force]

    Prints each hire's gap report: per required skill (in the role's priority order) the observed
    level, confidence, status and severity, then the weak areas, unassessed essentials and conflicts.
    For several hires, the cohort skills matrix follows (skills × hires with their statuses).

    OPTIONS:
      --roster FILE        the hires; - reads standard input
      --evidence FILE...   assessment exports; - reads standard input (for one of the inputs)
      --plans DIR          the plan library (default: $ONBOARD_PLANS, else Plans)
      --hire EMAIL         only this hire (repeatable)
      --format FORMAT      table (default), md or json
      --strict             a name no skill has (a test, attribute, field, task) is an error, not a warning
      --calibration        instead of the gap reports, the interviewer calibration of the hires:
                           per interviewer and skill, the mean difference from the other
                           interviewers who rated the same hires (never changes a level)
      --output FILE        write the report there instead of standard output (- is standard output)
      --force              replace an existing --output file
      -h, --help           show this help

    EXAMPLES:
      onboard analyze --roster Fixtures/roster.csv --evidence Fixtures/testgorilla-candidates.csv
      onboard analyze --roster Fixtures/roster.csv --evidence Fixtures/evidence.csv \\
        --hire jose.angstrom@example.org --format md --output jose.md
      onboard analyze --roster - --evidence Fixtures/evidence.csv --format json < Fixtures/roster.csv

    EXIT STATUS:
      0 every hire analysed; 1 a file, roster row or evidence row could not be read, or a hire's
      role is unknown (the others are still reported); 2 usage error
    """

  static func run(_ args: [String]) throws(UsageError) -> ExitStatus {
    let arguments = try Arguments(
      args, options: ["roster", "plans", "format", "output"], multi: ["evidence", "hire"],
      flags: ["help", "calibration", "force", "strict"])
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
    try StandardStreams.readOnce([roster] + arguments.list("evidence"))
    let destination = try StandardStreams.Destination(arguments)
    var output = ""
    func add(_ text: String) { output += text.hasSuffix("\n") ? text : text + "\n" }
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
    let calibrationOnly = arguments.flag("calibration")
    var calibration = InterviewerCalibration.Tally()
    for error in inputs.rosterErrors { Console.err(error.description) }
    if !inputs.rosterErrors.isEmpty { status = .failure }
    // A mistyped --hire is an error, as for `plan` (it had printed nothing and exited 0).
    for email in only.subtracting(rosterKeys).sorted() {
      Console.err("\(roster): error: \(email) is not on the roster")
      status = .failure
    }
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
        calibration.add(report)
        if calibrationOnly { continue }
        switch format {
        case "md":
          add("# \(markdownEscaped(hire.fullName)), \(markdownEscaped(report.role))\n")
          add(
            GapSummaryMarkdown.render(report, settings: inputs.library.settings.analysis))
        case "json": documents.append(PlanDocument.ReportDocument(hire: hire, report: report))
        default: add(GapTable.render(hire: hire, report: report))
        }
      } catch {
        Console.err(error.description)
        status = .failure
      }
    }
    if calibrationOnly {
      let result = calibration.calibration()
      switch format {
      case "md": add(CalibrationText.markdown(result))
      case "json":
        do {
          add(String(decoding: try CalibrationText.json(result), as: UTF8.self))
        } catch {
          Console.err("error: \(error)")
          return .failure
        }
      default: add(CalibrationText.table(result))
      }
      return destination.emit(output) ? status : .failure
    }
    if columns.count > 1 {
      let matrix = CohortMatrix(columns: columns)
      if format == "md" { add(CohortMatrixText.markdown(matrix)) }
      if format == "table" { add("Cohort skills matrix\n" + GapTable.cohort(matrix)) }
    }
    if format == "json" {
      do {
        add(
          String(decoding: try PlanDocument.ReportDocument.encode(documents), as: UTF8.self))
      } catch {
        Console.err("error: \(error)")
        return .failure
      }
    }
    return destination.emit(output) ? status : .failure
  }
}
