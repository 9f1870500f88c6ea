import OnboardKit

/// `onboard check`: validates a plan library.
enum CheckCommand {
  static let usage = """
    OVERVIEW: Validates a plan library (Plans/) before it is used.

    USAGE: onboard check [--plans DIR]

    Validates the plan library: every file parses; skills, topics, prerequisites, activities and
    roles refer to things that exist; every role skill has training that reaches its target; email
    templates use only known placeholders (and warns on a header given twice and on unescaped
    {{{name}}} tags); interview question banks (questions.csv) use skills of their role, number
    their questions 1, 2, 3 ... and ask about every skill of the role, and warns about a question
    that counts at full weight for more than two skills. Problems are printed as
    `file:line:column: error: ...`.

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
      let (library, templates) = try Inputs.library(plans)
      for warning in templates.flatMap({ $0.warnings() }) { Console.err(warning.description) }
      Console.out(
        "\(plans): ok: \(library.skills.count) skills, \(library.roles.count) roles "
          + "(\(library.roles.map(\.title).joined(separator: ", "))), \(library.catalog.count) training topics, "
          + "\(library.schedule.count) activities, \(library.holidays.count) holidays, \(templates.count) email templates"
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
}
