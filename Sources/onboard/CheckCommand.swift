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

  /// `Inputs.library`, reporting every problem in one run: a template whose header does not parse
  /// does not hide the other templates' body and placeholder errors (HR fixed them in rounds),
  /// and a broken CSV file does not hide the templates' own errors.
  static func checkedLibrary(_ plans: String) throws(InputErrors) -> (PlanLibrary, [EmailTemplate])
  {
    let sources = try FileSystem.readPlans(plans)
    var errors: [InputError] = []
    var library: PlanLibrary? = nil
    do {
      library = try PlanLibrary.load(sources)
    } catch {
      errors = error.errors
      let emailPaths = Set(sources.emails.map(\.path))
      let broken = Set(errors.map(\.location.file)).intersection(emailPaths)
      // Without the templates whose header failed, the rest of the library may load.
      var rest = sources
      rest.emails.removeAll { broken.contains($0.path) }
      library = try? PlanLibrary.load(rest)
      if library == nil {
        // The CSV files are broken too: the templates' bodies and placeholders are still
        // checked on their own.
        let files = rest.emails.compactMap { file -> EmailTemplateFile? in
          guard let text = try? file.text() else { return nil }
          return try? EmailTemplateFile(
            id: EmailTemplateFile.id(ofPath: file.path), path: file.path, contents: text)
        }
        let (compiled, compileErrors) = PlanLibrary.compile(files)
        errors += compileErrors
        for template in compiled {
          errors += template.unknownPlaceholders(templateIDs: files.map(\.id))
        }
        throw InputErrors(errors)
      }
    }
    guard let library else { throw InputErrors(errors) }
    let (compiled, compileErrors) = PlanLibrary.compile(library.templates)
    errors += compileErrors + library.validate(compiled)
    if !errors.isEmpty { throw InputErrors(errors) }
    return (library, compiled)
  }
}
