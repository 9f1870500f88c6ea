// onboard-bench: how fast, and in how much memory, Onboard reads a large TestGorilla export.
// Not a test: run it by hand, in release mode (see README.md, Development).
import Foundation
import OnboardCSV
import OnboardKit

let usage = """
  USAGE: onboard-bench [--generate-mb N] [--file PATH] [--seed S] [--in-memory-max-mb M] [--keep]

  Generates (with --generate-mb) a TestGorilla candidate export of N MB (10^6 bytes) from a fixed
  seed, then times reading it: the streaming CSV reader alone, the streaming TestGorilla import
  (EvidenceImport.stream over CSVReader(contentsOf:)), and, for files up to M MB (default 256),
  EvidenceImport.parse with the whole file in memory. Prints MB/s, items/s and peak memory (VmHWM).

    --generate-mb N        write an N MB export first (to --file, or /tmp/onboard-bench-N.csv)
    --file PATH            the export to read (or to write with --generate-mb)
    --seed S               the generator's seed (default 2026)
    --in-memory-max-mb M   largest file to also import all in memory (default 256)
    --keep                 keep a generated file that would otherwise be deleted (the default path)
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
  var keep = false
  var index = 0
  while index < arguments.count {
    let argument = arguments[index]
    switch argument {
    case "-h", "--help":
      print(usage)
      return
    case "--keep": keep = true
    case "--generate-mb", "--file", "--seed", "--in-memory-max-mb":
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
  guard generateMB > 0 || options["--file"] != nil else {
    throw BenchError("give --generate-mb N or --file PATH\n\n\(usage)")
  }
  let path = options["--file"] ?? "/tmp/onboard-bench-\(generateMB).csv"
  let url = URL(fileURLWithPath: path)

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
    if generateMB > 0 && options["--file"] == nil && !keep {
      try? FileManager.default.removeItem(atPath: path)
    }
  }
  let attributes = try FileManager.default.attributesOfItem(atPath: path)
  let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
  let skills = skillIndex()

  let csv = try Measurement.run("CSV reader (streaming)", bytes: size) {
    var reader = try CSVReader(contentsOf: url)
    var records = 0
    var fields = 0
    while let record = try reader.next() {
      records += 1
      fields += record.count
    }
    return [("records", records), ("fields", fields)]
  }
  print(csv.report)

  var streamed = EvidenceImportResult()
  let stream = try Measurement.run("TestGorilla import (streaming)", bytes: size) {
    var count = 0
    streamed = try EvidenceImport.stream(
      reader: try CSVReader(contentsOf: url), path: path, skills: skills
    ) { _ in count += 1 }
    return [("evidence", count)]
  }
  print(stream.report)
  print("  notes: \(streamed.diagnostics.count), row errors: \(streamed.allErrors.count)")

  if size <= inMemoryMax * 1_000_000 {
    let parsed = try Measurement.run(
      "TestGorilla import (EvidenceImport.parse, in memory)", bytes: size
    ) {
      let file = SourceFile(path: path, data: try Data(contentsOf: url))
      let result = try EvidenceImport.parse(file, skills: skills)
      return [("evidence", result.evidence.count)]
    }
    print(parsed.report)
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
