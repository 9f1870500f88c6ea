import Foundation
import OnboardKit

/// The `onboard` command: parses arguments, calls OnboardKit, prints, exits.
let usage = """
  onboard: turns a new hire's assessment results into an onboarding plan.

  USAGE: onboard <command> [options]

  COMMANDS:
    plan           write plans, calendars and emails for a roster (the main job)
    batch          the same as plan, for a whole start cohort
    analyze        print the gap report of each hire
    evidence       show what the import understood from exports
    progress       compare later evidence (a re-test) with a plan's gap skills
    check          validate a plan library (Plans/)
    interview-kit  write a role's interview scorecard and printable questions
    template       preview one email of a hire, or render any Mustache template with JSON data

  Run `onboard <command> --help` for a command's options.
  Exit status: 0 ok, 1 failure (bad input, a hire that failed), 2 usage error.
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

var arguments = Array(CommandLine.arguments.dropFirst())
let status: ExitStatus
if arguments.isEmpty || ["-h", "--help", "help"].contains(arguments[0]) {
  Console.out(usage)
  status = arguments.isEmpty ? .usage : .success
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
