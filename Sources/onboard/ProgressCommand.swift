import Foundation
import OnboardKit

/// `onboard progress`: later evidence against a plan's gap skills.
enum ProgressCommand {
  static let usage = """
    OVERVIEW: Compares later evidence (a re-test) with the skills a plan was made for, or a done
    list with the run's tasks.

    USAGE: onboard progress --plan DIR/<hire>/plan.json --evidence FILE... [--today YYYY-MM-DD]
                            [--format md|json] [--plans DIR] [--output FILE] [--force]
           onboard progress --tasks DIR/tasks.csv --done FILE [--today YYYY-MM-DD]

    Re-assessment loop: imports later evidence (a re-test at day 30, new interview ratings) and shows,
    for each skill that was a gap, conflicting or unassessed when the plan was made, the level then and
    now against the target, and how many of its training sessions are done. The plan's own
    evidence (listed in its plan.json) is the level then: given again, it is not counted as now.

    Task loop (--tasks): reads the run's tasks.csv and a done list, and reports for each hire the
    tasks done, open and overdue (due before --today and not done). The done list is task ids one
    a line (`onb-...`, `#` starts a comment), a tracker's CSV export of the imported tasks (rows
    with a `Completed At`, `Resolved`, `Completed`, `Done At` or `Closed At` date, or a `Status` of
    Done/Resolved/Closed, count as done; the id is the `Task ID: ...` line of Notes or
    Description), or plan.md with its boxes ticked. An id that is no task is a warning at its line.

    OPTIONS:
      --tasks FILE         the tasks.csv written by `onboard plan`
      --done FILE          the done list (task ids, the tracker's CSV export, or plan.md with
                           its task boxes ticked)
      --plan FILE          a plan.json written by `onboard plan`; - reads standard input
      --evidence FILE...   the later exports (any format `onboard evidence` reads); - reads standard
                           input (for one of the inputs)
      --plans DIR          the plan library (default: $ONBOARD_PLANS, else Plans), for the skill names in exports
      --today YYYY-MM-DD   count training done up to this day (default: today)
      --format FORMAT      md (default) or json
      --output FILE        write the report there instead of standard output (- is standard output)
      --force              replace an existing --output file
      -h, --help           show this help

    EXAMPLES:
      onboard progress --plan out/siobhan-oconnor/plan.json --evidence Fixtures/retest-day30.csv
      onboard progress --plan out/siobhan-oconnor/plan.json --evidence - --format json \\
        --output progress.json < Fixtures/retest-day30.csv

    EXIT STATUS:
      0 ok; 1 the plan or an export could not be read, or the hire's evidence has bad rows; 2 usage error
    """

  static func run(_ args: [String]) throws(UsageError) -> ExitStatus {
    let arguments = try Arguments(
      args, options: ["plan", "plans", "today", "format", "output", "tasks", "done"],
      multi: ["evidence"], flags: ["help", "force"])
    if arguments.flag("help") {
      Console.out(usage)
      return .success
    }
    if let tasksPath = try arguments.value("tasks") {
      let donePath = try arguments.required("done")
      let asOf = try today(arguments)
      do {
        let tasks = try TaskProgress.tasks(try FileSystem.read(tasksPath))
        let entries = try TaskProgress.doneEntries(try FileSystem.read(donePath))
        let progress = TaskProgress.compute(
          tasks: tasks, done: Set(entries.map(\.id)), asOf: asOf)
        if !progress.unknownDone.isEmpty {
          // Each at its line, with the closest task id (a typo of one is the usual case).
          let unknown = Set(progress.unknownDone)
          let ids = tasks.map(\.id)
          var reported: Set<String> = []
          for entry in entries
          where unknown.contains(entry.id) && reported.insert(entry.id).inserted {
            guard reported.count <= 10 else { break }
            let hint =
              TaskProgress.closest(to: entry.id, among: ids).map { " Did you mean `\($0)`?" } ?? ""
            Console.err(
              "\(donePath):\(entry.line): warning: `\(singleLine(String(entry.id.prefix(120))))` is "
                + "not a task of \(tasksPath); not counted as done.\(hint)")
          }
          if unknown.count > 10 {
            Console.err(
              "\(donePath): warning: \(unknown.count - 10) more ids are not tasks of \(tasksPath)")
          }
        }
        Console.out(progress.markdown())
        return .success
      } catch let error as InputErrors {
        return report(error)
      } catch let error as InputError {
        return report(InputErrors([error]))
      } catch {
        Console.err("\(tasksPath): error: \(error)")
        return .failure
      }
    }
    let planPath = try arguments.required("plan")
    let plans = try arguments.value("plans") ?? defaultPlans()
    let format = try arguments.value("format") ?? "md"
    guard ["md", "json"].contains(format) else {
      throw UsageError("--format \(format): expected md or json")
    }
    let asOf = try today(arguments)
    let paths = arguments.list("evidence")
    guard !paths.isEmpty else { throw UsageError("missing --evidence") }
    try StandardStreams.readOnce([planPath] + paths)
    let destination = try StandardStreams.Destination(arguments)
    do {
      let file = try StandardStreams.read(planPath)
      let plan: PlanDocument
      do {
        plan = try JSONDecoder().decode(PlanDocument.self, from: file.data)
      } catch let error as DecodingError {
        throw InputErrors([
          InputError(
            SourceLocation(file: file.path, jsonPath: jsonPath(of: error)),
            "not a plan.json of `onboard plan`: \(error.localizedDescription)")
        ])
      }
      guard plan.schema == PlanDocument.schema else {
        throw InputErrors([
          InputError(
            SourceLocation(file: file.path, jsonPath: "$.schema"),
            "found schema `\(plan.schema)`; expected `\(PlanDocument.schema)`")
        ])
      }
      let library = try PlanLibrary.load(try FileSystem.readPlans(plans))
      let key = plan.hire.email.lowercased()
      let imported = try Inputs.evidence(
        paths, skills: library.skillIndex, questions: library.questionBanks, rosterEmails: [key])
      if let errors = imported.rowErrors[key], !errors.isEmpty { throw InputErrors(errors) }
      var evidence = imported.evidence.filter { $0.hireKey == key }
      // Evidence dated after the day of the report has not happened yet then: not a level now.
      let later = evidence.filter { ($0.date ?? asOf) > asOf }
      if !later.isEmpty {
        evidence.removeAll { ($0.date ?? asOf) > asOf }
        Console.err(
          "note: \(plural(later.count, "evidence record")) of \(plan.hire.email) dated after "
            + "\(asOf.iso) (--today) \(later.count == 1 ? "is" : "are") not counted: "
            + later.prefix(5).map { "\($0.origin) (\($0.date?.iso ?? ""))" }.joined(separator: ", ")
            + (later.count > 5 ? ", ..." : ""))
      }
      // The plan's own evidence (what it was made from, listed in plan.json) is the level
      // "before", not progress: the same exports given again would read as "unchanged".
      let known = Set(
        plan.skills.flatMap { skill in
          skill.evidence.map {
            [skill.skill, $0.source, $0.instrument, $0.rawValue, $0.assessor ?? "", $0.date ?? ""]
          }
        })
      let hiring = evidence.filter {
        known.contains([
          $0.skillID, $0.source.rawValue, $0.instrument, $0.rawValue, $0.assessor ?? "",
          $0.date?.iso ?? "",
        ])
      }
      if !hiring.isEmpty {
        evidence.removeAll {
          known.contains([
            $0.skillID, $0.source.rawValue, $0.instrument, $0.rawValue, $0.assessor ?? "",
            $0.date?.iso ?? "",
          ])
        }
        Console.err(
          "note: \(plural(hiring.count, "evidence record")) of \(plan.hire.email) "
            + "\(hiring.count == 1 ? "is" : "are") the plan's own (the evidence it was made from, "
            + "in plan.json): the level before, not progress, so not counted as now")
      }
      if evidence.isEmpty {
        Console.err(
          "warning: the evidence files have nothing for \(plan.hire.email)"
            + (later.isEmpty && hiring.isEmpty
              ? ""
              : " up to \(asOf.iso) beyond the plan's own evidence")
            + "; every skill shows as not re-assessed"
        )
      }
      let now = GapAnalysis.analyze(
        hireKey: key, role: ProgressReport.role(of: plan), skills: library.skillsByID,
        evidence: evidence,
        settings: library.settings.analysis)
      let progress = ProgressReport.compare(plan: plan, now: now, asOf: asOf)
      let text =
        format == "json"
        ? String(decoding: try progress.encoded(), as: UTF8.self) : progress.markdown()
      return destination.emit(text) ? .success : .failure
    } catch let error as InputErrors {
      return report(error)
    } catch let error as InputError {
      return report(InputErrors([error]))
    } catch {
      Console.err("\(planPath): error: \(error)")
      return .failure
    }
  }
}
