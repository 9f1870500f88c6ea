import Foundation
import OnboardKit

/// `onboard evidence`: shows what the import understood from exports.
enum EvidenceCommand {
  static let usage = """
    USAGE: onboard evidence FILE... [--plans DIR] [--format table|json] [--strict]

    Imports the files (format recognised from the header or JSON shape) and prints the normalised
    evidence: hire, skill, source, instrument, raw value and scale, level 0-5, assessor, origin.
    Records joined across files (Greenhouse candidates, Lever opportunities and users, HackerRank
    tests) are joined after every file is read. Ends with a summary per file: format, records
    read, evidence items, skipped records by reason, unknown names, unjoined records.

    OPTIONS:
      --plans DIR       the plan library (default: $ONBOARD_PLANS, else Plans), for the skill names
      --format FORMAT   table (default) or json
      --strict          a name no skill has (a test, attribute, field, task) is an error, not a warning
      -h, --help        show this help
    """

  static func run(_ args: [String]) throws(UsageError) -> ExitStatus {
    let arguments = try Arguments(
      args, options: ["plans", "format"], flags: ["help", "strict"])
    if arguments.flag("help") {
      Console.out(usage)
      return .success
    }
    let format = try arguments.value("format") ?? "table"
    guard ["table", "json"].contains(format) else {
      throw UsageError("--format \(format): expected table or json")
    }
    guard !arguments.positional.isEmpty else { throw UsageError("no files given") }
    let plans = try arguments.value("plans") ?? defaultPlans()
    do {
      let library = try PlanLibrary.load(try FileSystem.readPlans(plans))
      let result = try Inputs.evidence(
        arguments.positional, skills: library.skillIndex, questions: library.questionBanks,
        strict: arguments.flag("strict"))
      Inputs.reportSkipped(result)
      let errors = result.allErrors
      for error in errors { Console.err(error.description) }
      if format == "json" {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let items = result.evidence.map { PlanDocument.EvidenceInfo($0) }
        Console.out(String(decoding: (try? encoder.encode(items)) ?? Data(), as: UTF8.self))
      } else {
        Console.out(GapTable.evidenceTable(result.evidence))
      }
      for file in result.fileSummaries { Console.err("summary: " + singleLine(file.line)) }
      return errors.isEmpty ? .success : .failure
    } catch {
      return report(error)
    }
  }
}
