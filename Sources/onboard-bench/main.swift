// onboard-bench: how fast, and in how much memory, Onboard reads a large TestGorilla export and
// renders its emails, against baselines it runs itself in the same run.
// Not a test: run it by hand, in release mode (see README.md, Development).
import Foundation
import OnboardCSV
import OnboardKit

let usage = """
  USAGE: onboard-bench [--generate-mb N | --file PATH] [--runs R] [--templates N]
                       [--swift-mustache PROGRAM] [options]
         onboard-bench --batch N[,N...] [--dir DIR] [--runs R] [--onboard PATH] [--compare PATH]
                       [--jobs J] [--plans DIR] [--keep]

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

  Batch (with --batch N): generates a cohort of N hires (seed 42, as onboard-cohort --hires N),
  runs `onboard batch` on it once (the reference output), then R times in alternation: the batch
  again, `cp -r` of the inputs and the reference output tree (the I/O floor: the same bytes into
  the same files), and `onboard-cohort --io-floor` on the same trees. Prints each run, medians of
  wall and CPU time, the ratio against the floor, issue #16's goal line and whether every run's
  output is byte-identical to the reference. Several sizes (--batch 1000,10000) also print the
  growth. The floor is only honest on a memory file system (the default folder is /dev/shm); a
  100,000-hire run writes about 38 GB per tree: give --dir on a disk (and expect hours).

    --batch N[,N...]         the cohort sizes
    --dir DIR                where cohorts, outputs and copies go (default /dev/shm/onboard-bench)
    --onboard PATH           the onboard to time (default: the one next to this program)
    --compare PATH           another onboard (e.g. an earlier build), run alternately; its output
                             must be byte-identical too
    --cohort-tool PATH       onboard-cohort, for --io-floor (default: next to this program;
                             "none" to skip)
    --jobs J                 onboard's --jobs (default: the number of cores)
    --plans DIR              the plan library (default: $ONBOARD_PLANS, else Plans)
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
      "--templates", "--swift-mustache", "--batch", "--dir", "--onboard", "--compare",
      "--cohort-tool", "--jobs", "--plans":
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
  if let sizes = options["--batch"] {
    try benchBatch(sizes: sizes, options: options, runs: runs, keep: flags.contains("--keep"))
    return
  }
  guard generateMB > 0 || options["--file"] != nil || templates > 0 else {
    throw BenchError("give --generate-mb N, --file PATH, --templates N or --batch N\n\n\(usage)")
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

/// `--batch`: the options checked, the programs found, then `BatchBench`.
func benchBatch(sizes text: String, options: [String: String], runs: Int, keep: Bool) throws {
  let sizes = text.split(separator: ",").compactMap { Int($0) }
  guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }),
    sizes.count == text.split(separator: ",").count
  else { throw BenchError("--batch \(text): hire counts such as 1000 or 1000,10000") }
  let here = (executablePath() as NSString).deletingLastPathComponent
  let onboard = options["--onboard"] ?? (here as NSString).appendingPathComponent("onboard")
  guard FileManager.default.isExecutableFile(atPath: onboard) else {
    throw BenchError(
      "\(onboard): no onboard here; build it (swift build -c release --product onboard) or give --onboard"
    )
  }
  if let compare = options["--compare"], !FileManager.default.isExecutableFile(atPath: compare) {
    throw BenchError("--compare \(compare): not an executable")
  }
  var cohortTool: String? =
    options["--cohort-tool"] ?? (here as NSString).appendingPathComponent("onboard-cohort")
  if cohortTool == "none" || !FileManager.default.isExecutableFile(atPath: cohortTool ?? "") {
    if let given = options["--cohort-tool"], given != "none" {
      throw BenchError("--cohort-tool \(given): not an executable")
    }
    cohortTool = nil
  }
  let jobs = options["--jobs"].flatMap { Int($0) } ?? ProcessInfo.processInfo.activeProcessorCount
  let plans = options["--plans"] ?? ProcessInfo.processInfo.environment["ONBOARD_PLANS"] ?? "Plans"
  let bench = BatchBench(
    sizes: sizes, directory: options["--dir"] ?? "/dev/shm/onboard-bench", runs: runs,
    onboard: onboard, compare: options["--compare"], cohortTool: cohortTool, plans: plans,
    jobs: max(1, jobs), keep: keep)
  try bench.run()
}

/// This program's own path (/proc/self/exe on Linux, else argv[0]).
func executablePath() -> String {
  if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
    return path
  }
  return Bundle.main.executablePath ?? CommandLine.arguments[0]
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
