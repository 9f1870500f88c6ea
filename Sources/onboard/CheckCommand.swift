import Foundation
import OnboardKit

/// `onboard check`: validates a plan library.
enum CheckCommand {
  static let usage = """
    OVERVIEW: Validates a plan library (Plans/) before it is used.

    USAGE: onboard check [--plans DIR]

    Validates the plan library: every file parses; skills, topics, prerequisites, activities and
    roles refer to things that exist; every role skill has training that reaches its target; email
    templates use only known placeholders and give each header once (and warns on unescaped
    {{{name}}} tags, on a {{! comment without its }} and on a {placeholder} in single braces);
    interview question banks (questions.csv) use skills of their role, number their questions
    1, 2, 3 ... and ask about every skill of the role, and warns about a question that counts at
    full weight for more than two skills. Warns when the library has no public holidays.
    Problems are printed as `file:line:column: error: ...`.

    OPTIONS:
      --plans DIR   the plan library (default: $ONBOARD_PLANS, else Plans)
      -h, --help    show this help

    EXAMPLES:
      onboard check
      onboard check --plans ../acme/Plans

    EXIT STATUS:
      0 the library is valid; 1 problems found (each printed with its file and line); 2 usage error
    """

  static func run(_ args: [String]) throws(UsageError) -> ExitStatus {
    let arguments = try Arguments(args, options: ["plans"], flags: ["help"])
    if arguments.flag("help") {
      Console.out(usage)
      return .success
    }
    if let extra = arguments.positional.first { throw UsageError("unexpected argument `\(extra)`") }
    let plans = try arguments.value("plans") ?? defaultPlans()
    do {
      let (library, templates) = try checkedLibrary(plans)
      for warning in templates.flatMap({ $0.warnings() }) { Console.err(warning.description) }
      if let none = library.noHolidaysWarning {
        Console.err("\(plans)/holidays.csv: warning: \(none)")
      }
      Console.out(
        "\(plans): ok: \(plural(library.skills.count, "skill")), \(plural(library.roles.count, "role")) "
          + "(\(library.roles.map(\.title).joined(separator: ", "))), "
          + "\(plural(library.catalog.count, "training topic")), "
          + "\(plural(library.schedule.count, "activity", "activities")), "
          + "\(plural(library.holidays.count, "holiday")), \(plural(templates.count, "email template"))"
          + (library.questionBanks.isEmpty
            ? ""
            : ", interview questions ("
              + library.questionBanks.map { "\($0.role) \($0.questions.count)" }
              .joined(separator: ", ") + ")")
      )
      // Broad questions at full weight are warnings: the library works, but the evidence tilts.
      for warning in library.questionBanks.flatMap({ $0.broadQuestionWarnings() }) {
        Console.err(warning.description)
      }
      return .success
    } catch {
      let status = report(error)
      Console.err("\(error.errors.count) error\(error.errors.count == 1 ? "" : "s") in \(plans)")
      return status
    }
  }

  /// `Inputs.library`, reporting every problem in one run: a template whose header does not parse
  /// does not hide the other templates' body and placeholder errors (HR fixed them in rounds),
  /// and a broken CSV file does not hide the templates' own errors.
  static func checkedLibrary(_ plans: String) throws(InputErrors) -> (PlanLibrary, [EmailTemplate])
  {
    let sources = try FileSystem.readPlans(plans)
    // What read, with every error: a template whose header failed is left out of the library
    // (the others are still compiled and checked), and a file with a bad row leaves out only
    // the checks that need it whole, so that one run names the typos of the other files too.
    let (library, errors) = PlanLibrary.loadAll(sources)
    let damaged = Set(errors.map { ($0.location.file as NSString).lastPathComponent })
    let (compiled, compileErrors) = PlanLibrary.compile(library.templates)
    let all = errors + compileErrors + library.validate(compiled, damaged: damaged)
    if !all.isEmpty { throw InputErrors(all) }
    return (library, compiled)
  }
}
