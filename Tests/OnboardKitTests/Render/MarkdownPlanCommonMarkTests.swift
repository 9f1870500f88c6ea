import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// plan.md reads the same in every CommonMark viewer: each list, table and paragraph is its own
/// block, so no line folds into the list before it. Checked by our own reading of the lines and,
/// where python3 has `markdown-it-py`, by a CommonMark parser.
@Suite struct MarkdownPlanCommonMarkTests {
  static let plans: [(name: String, markdown: String, plan: OnboardingPlan)] = {
    guard let cohort = try? FixtureCohort() else { return [] }
    return cohort.hires.compactMap { hire in
      guard let output = try? cohort.output(for: hire),
        let file = output.files.first(where: { $0.path == "plan.md" })
      else { return nil }
      return (hire.email, String(decoding: file.data, as: UTF8.self), output.plan)
    }
  }()

  enum Kind { case blank, list, table, heading, quote, text }

  static func kind(_ line: Substring) -> Kind {
    let trimmed = line.drop { $0 == " " }
    if trimmed.isEmpty { return .blank }
    if trimmed.hasPrefix("- ") { return .list }
    if trimmed.hasPrefix("|") { return .table }
    if trimmed.hasPrefix("#") { return .heading }
    if trimmed.hasPrefix(">") { return .quote }
    return .text
  }

  @Test func blocksAreSeparatedByBlankLines() {
    #expect(Self.plans.count == 5)
    for (name, markdown, _) in Self.plans {
      let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
      for (index, line) in lines.enumerated().dropFirst() {
        let previous = Self.kind(lines[index - 1])
        let current = Self.kind(line)
        guard previous != .blank, current != .blank else { continue }
        let allowed = previous == current && current != .heading
        #expect(allowed, "\(name) line \(index + 1): `\(line.prefix(60))` follows a \(previous)")
      }
    }
  }

  @Test func whyHoldsReasonsNotAgendas() {
    for (name, markdown, plan) in Self.plans {
      #expect(!markdown.contains("min, "), "\(name) nests the owner in the duration")
      let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }
      for item in plan.weekOne.flatMap(\.items) {
        let row = rows.first {
          $0.hasPrefix("| \(item.start)–\(item.end) | \(MarkdownPlan.md(item.title))")
        }
        let why = row.flatMap { $0.split(separator: "|").last }?.trimmingCharacters(
          in: .whitespaces)
        #expect(why == (item.reason.map(MarkdownPlan.md) ?? "–"), "\(name): \(item.title)")
      }
    }
  }

  @Test func aCommonMarkParserKeepsEveryLineInItsBlock() throws {
    // Skipped only where no python3 on this machine has markdown-it-py.
    guard let python = Self.pythonWithMarkdownIt else { return }
    try TemporaryDirectory.with("commonmark") { folder in
      var paths: [String] = []
      for (index, plan) in Self.plans.enumerated() {
        let url = folder.appendingPathComponent("plan-\(index).md")
        try Data(plan.markdown.utf8).write(to: url)
        paths.append(url.path)
      }
      // Any inline run with a line break inside is two lines CommonMark folded into one block.
      let script = """
        import sys
        from markdown_it import MarkdownIt
        md = MarkdownIt("commonmark").enable("table")
        for path in sys.argv[1:]:
            for t in md.parse(open(path, encoding="utf-8").read()):
                if t.type == "inline" and "\\n" in t.content:
                    print(f"{path}:{t.map[0] + 1}: {t.content[:80]!r}")
        """
      let output = try Self.run(python, ["-c", script] + paths)
      #expect(output.isEmpty, "\(output)")
    }
  }

  static var pythonWithMarkdownIt: URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let candidates =
      path.split(separator: ":").map {
        URL(fileURLWithPath: String($0)).appendingPathComponent("python3")
      }
      + (PythonCheck.python.map { [$0] } ?? [])
    return candidates.first {
      FileManager.default.isExecutableFile(atPath: $0.path) && hasMarkdownIt($0)
    }
  }

  static func hasMarkdownIt(_ python: URL) -> Bool {
    (try? run(python, ["-c", "import markdown_it; print('ok')"])) == "ok\n"
  }

  static func run(_ program: URL, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
