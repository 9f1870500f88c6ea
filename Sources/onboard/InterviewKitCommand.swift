import Foundation
import OnboardKit

/// `onboard interview-kit`: the scorecard and printable questions for a role's interviews.
enum InterviewKitCommand {
  static let usage = """
    OVERVIEW: Writes a role's structured-interview scorecard and printable questions.

    USAGE: onboard interview-kit --role ROLE --out DIR [--candidate NAME] [--email EMAIL]
                                 [--interviewer NAME] [--date YYYY-MM-DD] [--plans DIR] [--force]

    Writes the structured-interview kit of a role from Plans/questions.csv: DIR/<name>.csv, the
    scorecard to fill in (Rating 1-5 or blank for not asked, Notes) and read back with
    `onboard plan --evidence`, and DIR/<name>.md and DIR/<name>.html to print. <name> is
    <hire>-<interviewer> (the hire from --email), or the role's name without a candidate.

    OPTIONS:
      --role ROLE          a role of Plans/roles.csv with a question bank
      --out DIR            where to write (created if missing)
      --candidate NAME     the candidate's name (printed on the kit)
      --email EMAIL        the candidate's email (written into the scorecard)
      --interviewer NAME   the interviewer (written into the scorecard)
      --date YYYY-MM-DD    the interview date (written into the scorecard)
      --plans DIR          the plan library (default: $ONBOARD_PLANS, else Plans)
      --force              overwrite files from an earlier run
      -h, --help           show this help

    EXAMPLES:
      onboard interview-kit --role "Backend Developer" --out kits
      onboard interview-kit --role "Backend Developer" --out kits --candidate "José Ångström" \\
        --email jose.angstrom@example.org --interviewer "Lena Vogel" --date 2026-11-20

    EXIT STATUS:
      0 written; 1 the library or role could not be used, or a file exists (without --force), or
      could not be written; 2 usage error
    """

  static func run(_ args: [String]) throws(UsageError) -> ExitStatus {
    let arguments = try Arguments(
      args,
      options: ["role", "out", "candidate", "email", "interviewer", "date", "plans"],
      flags: ["force", "help"])
    if arguments.flag("help") {
      Console.out(usage)
      return .success
    }
    if let extra = arguments.positional.first { throw UsageError("unexpected argument `\(extra)`") }
    let role = try arguments.required("role")
    let out = try arguments.required("out")
    let plans = try arguments.value("plans") ?? defaultPlans()
    let email = try arguments.value("email")
    if let email, !isPlausibleEmail(email) {
      throw UsageError("--email \(email): expected an email address")
    }
    var date: CalendarDate? = nil
    if let text = try arguments.value("date") {
      guard let parsed = CalendarDate(iso: text) else {
        throw UsageError("--date \(text): expected a date YYYY-MM-DD")
      }
      date = parsed
    }
    let library: PlanLibrary
    do {
      library = try PlanLibrary.load(try FileSystem.readPlans(plans))
    } catch {
      return report(error)
    }
    let questionsFile = (plans as NSString).appendingPathComponent(
      PlanLibrarySources.FileName.questions)
    guard let bank = library.questionBanks.bank(for: role) else {
      let known = library.questionBanks.map { "`\($0.role)`" }.joined(separator: ", ")
      Console.err(
        "\(questionsFile): error: no question bank for role `\(role)`; "
          + (known.isEmpty ? "the file is missing or empty" : "banks: \(known)"))
      return .failure
    }
    let kit = InterviewKit(
      bank: bank, skills: library.skills,
      candidateName: try arguments.value("candidate").map { visibleText($0, allowing: []) },
      candidateEmail: email,
      // A pasted name's control characters are shown, never written into the files (an ESC
      // in --interviewer cleared the screen of anyone who printed the scorecard).
      interviewer: try arguments.value("interviewer").map { visibleText($0, allowing: []) },
      date: date)
    let files = kit.files()
    if !arguments.flag("force"), let first = FileSystem.existing(files, in: out).first {
      Console.err(
        "\(first): error: exists already; use --force to overwrite, or choose another --out")
      return .failure
    }
    do {
      try FileSystem.write(files, in: out)
    } catch {
      Console.err(error.description)
      return .failure
    }
    let path = (out as NSString).appendingPathComponent(kit.baseName)
    Console.out(
      GapTable.printable(
        "\(bank.role): \(plural(bank.questions.count, "question")) → \(path).csv (scorecard), .md, .html"
      ))
    return .success
  }
}
