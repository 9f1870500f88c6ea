// onboard-bench: how fast, and in how much memory, Onboard reads a large TestGorilla export and
// renders its emails, against baselines it runs itself in the same run.
// Not a test: run it by hand, in release mode (see README.md, Development).
import Foundation
import OnboardCSV
import OnboardKit

let usage = """
  USAGE: onboard-bench [--generate-mb N | --file PATH] [--runs R] [--templates N]
                       [--swift-mustache PROGRAM] [options]

  CSV (with --generate-mb or --file): generates a TestGorilla candidate export of N MB (10^6
  bytes) from a fixed seed, then times, R times in alternation: Python 3's csv module reading it
  (the baseline), CSVReader.nextRow (fields decoded on demand), CSVReader.next (a String per
  cell) and the streaming TestGorilla import (EvidenceImport.stream). Prints each run, the
  medians of CPU time (user + sys), the ratios against Python and the bare reader, and peak
  memory (VmHWM, per phase).

  Templates (with --templates N): renders the welcome email's two bodies N times, R times; with
  --swift-mustache, also by swift-mustache 2.x in the same run (.ci/bench-mustache builds that
  program and runs this), with the ratio and whether both outputs are byte-identical.

    --generate-mb N          write an N MB export first (to --file, or /tmp/onboard-bench-N.csv)
    --file PATH              the export to read (or to write with --generate-mb)
    --seed S                 the generator's seed (default 2026)
    --runs R                 paired runs of every phase (default 3; medians are reported)
    --python PROGRAM         the Python 3 to compare with (default python3 on PATH)
    --no-python              skip the Python baseline
    --in-memory-max-mb M     also import files up to M MB all in memory, once (default 256)
    --keep                   keep a generated file that would otherwise be deleted
    --templates N            render the welcome email N times (20000 is the issue's figure)
    --swift-mustache PROGRAM swift-mustache's benchmark program (see .ci/bench-mustache)
  """

/// The bench's skill index: every test column of the generated export is a skill.
func skillIndex() -> SkillIndex {
  var index = SkillIndex()
  for (number, test) in ExportGenerator.tests.enumerated() {
    index.add(test, skillID: "skill-\(number)")
  }
  return index
}

func run(_ arguments: [String]) throws {
  var options: [String: String] = [:]
  var flags: Set<String> = []
  var index = 0
  while index < arguments.count {
    let argument = arguments[index]
    switch argument {
    case "-h", "--help":
      print(usage)
      return
    case "--keep", "--no-python": flags.insert(argument)
    case "--generate-mb", "--file", "--seed", "--in-memory-max-mb", "--runs", "--python",
      "--templates", "--swift-mustache":
      guard index + 1 < arguments.count else { throw BenchError("\(argument) needs a value") }
      options[argument] = arguments[index + 1]
      index += 1
    default: throw BenchError("unknown argument \(argument)\n\n\(usage)")
    }
    index += 1
  }
  func number(_ name: String, _ fallback: Int) throws -> Int {
    guard let text = options[name] else { return fallback }
    guard let value = Int(text), value >= 0 else { throw BenchError("\(name) \(text): a number") }
    return value
  }
  let generateMB = try number("--generate-mb", 0)
  let inMemoryMax = try number("--in-memory-max-mb", 256)
  let seed = UInt64(try number("--seed", 2026))
  let runs = max(1, try number("--runs", 3))
  let templates = try number("--templates", 0)
  guard generateMB > 0 || options["--file"] != nil || templates > 0 else {
    throw BenchError("give --generate-mb N, --file PATH or --templates N\n\n\(usage)")
  }
  if generateMB > 0 || options["--file"] != nil {
    try benchCSV(
      path: options["--file"] ?? "/tmp/onboard-bench-\(generateMB).csv", generateMB: generateMB,
      seed: seed, runs: runs, inMemoryMax: inMemoryMax,
      keep: flags.contains("--keep") || options["--file"] != nil,
      python: flags.contains("--no-python") ? nil : which(options["--python"] ?? "python3"))
  }
  if templates > 0 {
    if generateMB > 0 || options["--file"] != nil { print("") }
    var program: String?
    if let given = options["--swift-mustache"] {
      guard let found = which(given) else { throw BenchError("\(given): not an executable") }
      program = found
    }
    try TemplateBench(count: templates, swiftMustache: program).run(runs: runs)
  }
}

func benchCSV(
  path: String, generateMB: Int, seed: UInt64, runs: Int, inMemoryMax: Int, keep: Bool,
  python: String?
) throws {
  if generateMB > 0 {
    var generator = ExportGenerator(seed: seed)
    var written = (rows: 0, bytes: 0)
    let generation = try Measurement.run("generate", bytes: generateMB * 1_000_000) {
      written = try generator.write(to: path, bytes: generateMB * 1_000_000)
      return [("rows", written.rows)]
    }
    print("wrote \(path): \(written.bytes) bytes, \(written.rows) rows, seed \(seed)")
    print(generation.report)
  }
  defer {
    if generateMB > 0 && !keep { try? FileManager.default.removeItem(atPath: path) }
  }
  let attributes = try FileManager.default.attributesOfItem(atPath: path)
  let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
  if python == nil { print("Python baseline: skipped (no python3, or --no-python)") }
  let bench = CSVBench(path: path, size: size, python: python)
  let skills = skillIndex()
  try bench.run(runs: runs, skills: skills)
  if size <= inMemoryMax * 1_000_000 {
    print(try bench.inMemoryImport(skills: skills).report)
  } else {
    print("EvidenceImport.parse (in memory): skipped, the file is over \(inMemoryMax) MB")
  }
}

do {
  try run(Array(CommandLine.arguments.dropFirst()))
} catch {
  FileHandle.standardError.write(Data("onboard-bench: \(error)\n".utf8))
  exit(1)
}
