import Foundation
import OnboardKit

/// `onboard plan`: the main job.
enum PlanCommand {
  static let usage = """
    USAGE: onboard plan --roster ROSTER.csv --evidence FILE... --out DIR [options]

    Writes, for every hire of the roster, DIR/<hire>/plan.md, plan.html, plan.json, sessions.ics and
    emails/*.eml; for the cohort DIR/index.html (hires and the skills matrix), cohort.md, cohort.csv
    and summary.json. One bad hire does not stop the others; the summary names it.

    OPTIONS:
      --roster FILE        the hires (CSV: first_name,last_name,email,role,start_date,...)
      --evidence FILE...   assessment exports: TestGorilla CSV, interview ratings CSV, interview
                           scorecards (onboard interview-kit), plain evidence CSV,
                           Greenhouse / Lever / HackerRank / Codility JSON (recognised automatically)
      --out DIR            where to write (created if missing)
      --plans DIR          the plan library (default: Plans)
      --hire EMAIL         only this hire (repeatable)
      --overrides FILE     a manager's changes (CSV: email,action,target,date,time,duration_minutes,
                           title,owner,note; actions skip, move, add, away, buddy, manager), applied
                           on every rerun and marked in the plan
      --today YYYY-MM-DD   the day the plan is made (default: today); dates calendar stamps, so the
                           same inputs and the same --today give byte-identical outputs
      --force              overwrite files from an earlier run
      --quiet              print only errors
      -h, --help           show this help
    """

  static func run(_ args: [String]) throws(UsageError) -> ExitStatus {
    let arguments = try Arguments(
      args, options: ["roster", "out", "plans", "today", "overrides"], multi: ["evidence", "hire"],
      flags: ["force", "quiet", "help"])
    if arguments.flag("help") {
      Console.out(usage)
      return .success
    }
    let roster = try arguments.required("roster")
    let out = try arguments.required("out")
    let plans = try arguments.value("plans") ?? "Plans"
    let stamp = try today(arguments)
    let quiet = arguments.flag("quiet")
    let only = Set(arguments.list("hire").map { $0.lowercased() })
    let overridesPath = try arguments.value("overrides")

    let inputs: Inputs
    do {
      inputs = try Inputs.load(plans: plans, roster: roster, evidence: arguments.list("evidence"))
    } catch {
      return report(error)
    }
    var overrides: [PlanOverride] = []
    if let overridesPath {
      do {
        overrides = try OverridesImport.parse(try FileSystem.read(overridesPath))
      } catch let error as InputErrors {
        return report(error)
      } catch let error as InputError {
        return report(InputErrors([error]))
      } catch {
        return report(InputErrors([InputError(SourceLocation(file: overridesPath), "\(error)")]))
      }
      let known = Set(inputs.hires.map(\.key))
      let strangers = overrides.filter { !known.contains($0.hireKey) }
      if !strangers.isEmpty {
        return report(
          InputErrors(strangers.map { InputError($0.origin, "\($0.hireKey) is not on the roster") })
        )
      }
    }
    var hires = inputs.hires
    if !only.isEmpty {
      hires = hires.filter { only.contains($0.key) }
      let missing = only.subtracting(hires.map(\.key))
      for email in missing.sorted() {
        Console.err("\(roster): error: \(email) is not on the roster")
      }
      if !missing.isEmpty { return .failure }
    }
    for diagnostic in inputs.evidence.diagnostics where diagnostic.severity == .warning && !quiet {
      Console.err(diagnostic.description)
    }
    if let note = inputs.unmatchedEvidenceNote(), !quiet { Console.err("note: \(note)") }

    let folders = Onboarding.folders(for: inputs.hires)
    var entries: [SummaryEntry] = []
    var outputs: [(directory: String, output: HireOutput)] = []
    if only.isEmpty {
      for error in inputs.rosterErrors {
        Console.err(error.description)
        entries.append(
          SummaryEntry(
            hire: "roster line \(error.location.line ?? 0)", email: nil, status: "failed",
            folder: nil,
            errors: [error.description], files: []))
      }
    }
    for hire in hires {
      let folder = folders[hire.key] ?? fileSafeName(hire.key)
      let errors = inputs.evidence.rowErrors[hire.key] ?? []
      if !errors.isEmpty {
        for error in errors { Console.err(error.description) }
        entries.append(.failed(hire, errors.map(\.description)))
        continue
      }
      do {
        let output = try Onboarding.process(
          hire: hire, folder: folder, library: inputs.library, templates: inputs.templates,
          evidence: inputs.evidence.evidence, overrides: overrides, stamp: stamp)
        outputs.append(((out as NSString).appendingPathComponent(folder), output))
      } catch {
        Console.err(error.description)
        entries.append(.failed(hire, [error.description]))
      }
    }

    // The cohort's own files, beside the hire folders.
    let matrix = CohortMatrix(
      columns: outputs.map {
        .init(
          name: $0.output.hire.fullName, email: $0.output.hire.email, report: $0.output.plan.report)
      })
    let index =
      entries.map { HTMLIndex.Entry.failed(name: $0.hire, errors: $0.errors) }
      + outputs.map { HTMLIndex.Entry(output: $0.output) }
    let cohortFiles = [
      OutputFile(path: "index.html", data: Data(HTMLIndex.render(entries: index).utf8)),
      OutputFile(path: "cohort.md", data: Data(CohortMatrixText.markdown(matrix).utf8)),
      OutputFile(path: "cohort.csv", data: Data(CohortMatrixText.csv(matrix).utf8)),
    ]

    // Nothing is overwritten without --force: check every file before writing any.
    if !arguments.flag("force") {
      let clashes =
        outputs.flatMap { FileSystem.existing($0.output.files, in: $0.directory) }
        + FileSystem.existing(
          cohortFiles + [OutputFile(path: "summary.json", data: Data())], in: out)
      if let first = clashes.first {
        Console.err(
          "\(first): error: exists from an earlier run (\(clashes.count) file(s) in \(out)); "
            + "use --force to overwrite, or choose another --out")
        return .failure
      }
    }
    for (directory, output) in outputs {
      do {
        try FileSystem.write(output.files, in: directory)
        entries.append(
          SummaryEntry(
            hire: output.hire.fullName, email: output.hire.email, status: "ok",
            folder: output.folder,
            errors: [], files: output.files.map(\.path)))
        if !quiet { Console.out(line(for: output, directory: directory)) }
      } catch {
        Console.err(error.description)
        entries.append(.failed(output.hire, [error.description]))
      }
    }
    let failed = entries.filter { $0.status != "ok" }
    do {
      let summary = OutputFile(path: "summary.json", data: try Summary(hires: entries).encoded())
      try FileSystem.write(cohortFiles + [summary], in: out)
    } catch {
      Console.err("\(out)/summary.json: error: \(error)")
      return .failure
    }
    if !quiet || !failed.isEmpty {
      Console.out(
        "\(entries.count - failed.count) of \(entries.count) hires planned in \(out)/"
          + (failed.isEmpty
            ? "" : "; failed: \(failed.map { $0.email ?? $0.hire }.joined(separator: ", "))"))
    }
    return failed.isEmpty ? .success : .failure
  }

  static func line(for output: HireOutput, directory: String) -> String {
    let plan = output.plan
    let weak = plan.report.weakAreas.prefix(3).map(\.skill.name)
    var text = "\(output.hire.fullName) (\(plan.role.title)): starts \(plan.start.longText)"
    if plan.startMovedReason != nil { text += " (moved from \(output.hire.requestedStart.iso))" }
    text += "; \(plan.items.filter { $0.kind == .training }.count) training sessions"
    if !weak.isEmpty { text += "; top gaps: \(weak.joined(separator: ", "))" }
    let unknown = plan.report.unassessedEssentials.map(\.skill.name)
    if !unknown.isEmpty { text += "; unassessed: \(unknown.joined(separator: ", "))" }
    let conflicts = plan.report.conflicts.map(\.skill.name)
    if !conflicts.isEmpty { text += "; conflicting: \(conflicts.joined(separator: ", "))" }
    // Names come from exports: never let them move the cursor or start a new line on the terminal.
    return GapTable.printable(text)
      + "\n  → \(directory)/ (plan.md, plan.html, plan.json, sessions.ics, \(output.emails.count) emails)"
  }
}

/// One hire's line in `summary.json`.
struct SummaryEntry: Codable {
  var hire: String
  var email: String?
  var status: String
  var folder: String?
  var errors: [String]
  var files: [String]

  static func failed(_ hire: Hire, _ errors: [String]) -> SummaryEntry {
    SummaryEntry(
      hire: hire.fullName, email: hire.email, status: "failed", folder: nil, errors: errors,
      files: [])
  }
}

/// `summary.json`: every hire with its status, files or errors.
struct Summary: Codable {
  var schema = "onboard.summary/1"
  var hires: [SummaryEntry]

  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }
}
