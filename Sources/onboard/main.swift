import Foundation
import OnboardKit

/// The `onboard` command: parses arguments, calls OnboardKit, prints, exits.
let usage = """
  OVERVIEW: onboard turns a new hire's assessment results into a 90-day onboarding plan.

  USAGE: onboard <command> [options]
         onboard help <command>
         onboard --version

  COMMANDS:
    plan           write plans, calendars and emails for a roster (the main job)
    batch          the same as plan, for a whole start cohort
    analyze        print the gap report of each hire
    evidence       show what the import understood from exports
    progress       compare later evidence (a re-test) with a plan's gap skills
    check          validate a plan library (Plans/)
    interview-kit  write a role's interview scorecard and printable questions
    template       preview one email of a hire, or render any Mustache template with JSON data
    help           show the help of a command

  OPTIONS:
    --version      show the version
    -h, --help     show this help

  Run `onboard help <command>` (or `onboard <command> --help`) for a command's options and examples.
  A file argument of `-` reads standard input; `--output -` writes standard output.

  EXIT STATUS:
    0  ok
    1  a failure: bad input, a hire that could not be planned, a file that could not be written
    2  a usage error: unknown command or option, a missing or malformed argument
  """

let commands: [String: (usage: String, run: ([String]) throws(UsageError) -> ExitStatus)] = [
  "plan": (PlanCommand.usage, PlanCommand.run),
  "batch": (PlanCommand.usage, PlanCommand.run),
  "analyze": (AnalyzeCommand.usage, AnalyzeCommand.run),
  "evidence": (EvidenceCommand.usage, EvidenceCommand.run),
  "progress": (ProgressCommand.usage, ProgressCommand.run),
  "check": (CheckCommand.usage, CheckCommand.run),
  "interview-kit": (InterviewKitCommand.usage, InterviewKitCommand.run),
  "template": (TemplateCommand.usage, TemplateCommand.run),
]

MemoryTuning.apply()
var arguments = Array(CommandLine.arguments.dropFirst())
let status: ExitStatus
if arguments.isEmpty {
  Console.err(usage)
  status = .usage
} else if ["-h", "--help"].contains(arguments[0]) {
  Console.out(usage)
  status = .success
} else if arguments[0] == "--version" {
  Console.out("onboard \(OnboardVersion.current)")
  status = .success
} else if arguments[0] == "help" {
  // `onboard help`, `onboard help <command>`: like `--help`, on standard output, exit 0.
  let topic = arguments.dropFirst().first
  if let topic, let command = commands[topic] {
    Console.out(command.usage)
    status = .success
  } else if let topic, topic != "help" {
    Console.err("error: unknown command `\(topic)`\n\n\(usage)")
    status = .usage
  } else {
    Console.out(usage)
    status = .success
  }
} else if let command = commands[arguments[0]] {
  do {
    status = try command.run(Array(arguments.dropFirst()))
  } catch {
    Console.err("error: \(error.description)\n\n\(command.usage)")
    status = .usage
  }
} else {
  Console.err("error: unknown command `\(arguments[0])`\n\n\(usage)")
  status = .usage
}
exit(status.rawValue)
