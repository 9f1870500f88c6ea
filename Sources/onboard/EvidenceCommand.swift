import Foundation
import OnboardKit

/// `onboard evidence`: shows what the import understood from exports.
enum EvidenceCommand {
  static let usage = """
    OVERVIEW: Shows what the import understood from assessment exports.

    USAGE: onboard evidence FILE... [--plans DIR] [--format table|json] [--output FILE] [--force] [--strict]

    Imports the files (format recognised from the header or JSON shape) and prints the normalised
    evidence: hire, skill, source, instrument, raw value and scale, level 0-5, assessor, origin.
    Records joined across files (Greenhouse candidates, Lever opportunities and users, HackerRank
    tests) are joined after every file is read. Ends with a summary per file: format, records
    read, evidence items, skipped records by reason, unknown names, unjoined records.

    ARGUMENTS:
      FILE...           exports in any format `onboard plan` reads; - reads standard input

    OPTIONS:
      --plans DIR       the plan library (default: $ONBOARD_PLANS, else Plans), for the skill names
      --format FORMAT   table (default) or json
      --strict          a name no skill has (a test, attribute, field, task) is an error, not a warning
      --output FILE     write there instead of standard output (- is standard output)
      --force           replace an existing --output file
      -h, --help        show this help

    EXAMPLES:
      onboard evidence Fixtures/testgorilla-candidates.csv Fixtures/interview-ratings.csv
      onboard evidence - < Fixtures/evidence.csv
      onboard evidence Fixtures/evidence.csv --format json --output evidence.json

    EXIT STATUS:
      0 every file was read; 1 a file or row could not be read (named on stderr); 2 usage error
    """

  static func run(_ args: [String]) throws(UsageError) -> ExitStatus {
    let arguments = try Arguments(
      args, options: ["plans", "format", "output"], flags: ["help", "force", "strict"])
    if arguments.flag("help") {
      Console.out(usage)
      return .success
    }
    let format = try arguments.value("format") ?? "table"
    guard ["table", "json"].contains(format) else {
      throw UsageError("--format \(format): expected table or json")
    }
    guard !arguments.positional.isEmpty else { throw UsageError("no files given") }
    try StandardStreams.readOnce(arguments.positional)
    let destination = try StandardStreams.Destination(arguments)
    let plans = try arguments.value("plans") ?? defaultPlans()
    do {
      let library = try PlanLibrary.load(try FileSystem.readPlans(plans))
      let result = try Inputs.evidence(
        arguments.positional, skills: library.skillIndex, questions: library.questionBanks,
        strict: arguments.flag("strict"))
      Inputs.reportSkipped(result)
      let errors = result.allErrors
      for error in errors { Console.err(error.description) }
      let text: String
      if format == "json" {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let items = result.evidence.map { PlanDocument.EvidenceInfo($0) }
        text = String(decoding: (try? encoder.encode(items)) ?? Data(), as: UTF8.self)
      } else {
        text = GapTable.evidenceTable(result.evidence)
      }
      guard destination.emit(text) else { return .failure }
      // The run ends with what each file gave (on stderr, so the evidence output stays data).
      for file in result.fileSummaries { Console.err("summary: " + singleLine(file.line)) }
      return errors.isEmpty ? .success : .failure
    } catch {
      return report(error)
    }
  }
}
