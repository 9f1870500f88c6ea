import Foundation
import OnboardCSV
import OnboardKit

/// The CSV side of the benchmark, all on one file: Python 3's `csv` module as the baseline, the
/// reader without and with a `String` per cell, and the streaming TestGorilla import.
struct CSVBench {
  let path: String
  let size: Int
  /// python3, or nil to skip the baseline.
  let python: String?

  /// Python's own CPU time for the loop is used (not its interpreter's start-up), which favours
  /// Python slightly: `csv.reader` over the file opened as UTF-8 text, every row built.
  static let pythonScript = """
    import csv, sys, time
    start = time.process_time()
    records = fields = 0
    with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
        for row in csv.reader(f):
            records += 1
            fields += len(row)
    print(records, fields, time.process_time() - start)
    """

  func pythonParse() throws -> Measurement? {
    guard let python else { return nil }
    let clock = ContinuousClock()
    let start = clock.now
    let (output, childCPU) = try runChild(python, ["-c", Self.pythonScript, path])
    let wall = start.duration(to: clock.now).seconds
    let parts = output.split(whereSeparator: \.isWhitespace)
    guard parts.count == 3, let records = Int(parts[0]), let fields = Int(parts[1]),
      let loopCPU = Double(parts[2])
    else {
      throw BenchError("unexpected output from Python: \(output)")
    }
    _ = childCPU
    return Measurement(
      name: "Python 3 csv.reader", seconds: wall, cpuSeconds: loopCPU, bytes: size,
      items: [("records", records), ("fields", fields)], peakBytes: nil, peakIsPerPhase: true)
  }

  /// `CSVReader.nextRow()`: every record found and checked, no field decoded.
  func lazyReader() throws -> Measurement {
    try Measurement.run("CSVReader.nextRow (fields on demand)", bytes: size) {
      var reader = try CSVReader(contentsOf: URL(fileURLWithPath: path))
      var records = 0
      var fields = 0
      while let row = try reader.nextRow() {
        records += 1
        fields += row.count
      }
      return [("records", records), ("fields", fields)]
    }
  }

  /// `CSVReader.next()`: a `String` (and a position) for every cell, as Python builds.
  func stringReader() throws -> Measurement {
    try Measurement.run("CSVReader.next (a String per cell)", bytes: size) {
      var reader = try CSVReader(contentsOf: URL(fileURLWithPath: path))
      var records = 0
      var fields = 0
      while let record = try reader.next() {
        records += 1
        fields += record.count
      }
      return [("records", records), ("fields", fields)]
    }
  }

  /// `EvidenceImport.stream`: the TestGorilla import, evidence handed on, not kept. The consumer
  /// reads every evidence (a checksum of its key, skill, value, level and place), as a real one
  /// would, so that the import cannot leave anything unmade.
  func streamingImport(skills: SkillIndex) throws -> (Measurement, EvidenceImportResult) {
    var result = EvidenceImportResult()
    let measurement = try Measurement.run("TestGorilla import (streaming)", bytes: size) {
      var count = 0
      var checksum = 0
      result = try EvidenceImport.stream(
        reader: try CSVReader(contentsOf: URL(fileURLWithPath: path)), path: path, skills: skills
      ) { evidence in
        count += 1
        checksum &+= evidence.hireKey.utf8.count &+ evidence.skillID.utf8.count
        checksum &+= evidence.rawValue.utf8.count &+ (evidence.origin.line ?? 0)
        checksum &+= evidence.origin.column ?? 0
        checksum &+= Int((evidence.proficiency?.fraction ?? 0) * 1000)
      }
      return [("evidence", count), ("checksum", checksum)]
    }
    return (measurement, result)
  }

  /// `EvidenceImport.parse`: the whole file and all its evidence in memory.
  func inMemoryImport(skills: SkillIndex) throws -> Measurement {
    try Measurement.run("TestGorilla import (EvidenceImport.parse, in memory)", bytes: size) {
      let file = SourceFile(path: path, data: try Data(contentsOf: URL(fileURLWithPath: path)))
      let result = try EvidenceImport.parse(file, skills: skills)
      return [("evidence", result.evidence.count)]
    }
  }

  /// Runs the phases `runs` times, alternating (so a load change hits all of them alike), and
  /// prints each run, then the medians and the ratios against Python and the bare reader.
  func run(runs: Int, skills: SkillIndex) throws {
    var python: [Measurement] = []
    var lazy: [Measurement] = []
    var strings: [Measurement] = []
    var imports: [Measurement] = []
    for round in 1...runs {
      print("run \(round) of \(runs):")
      if let baseline = try pythonParse() {
        python.append(baseline)
        print("  " + baseline.report)
      }
      lazy.append(try lazyReader())
      print("  " + lazy[lazy.count - 1].report)
      strings.append(try stringReader())
      print("  " + strings[strings.count - 1].report)
      let (streamed, result) = try streamingImport(skills: skills)
      imports.append(streamed)
      print("  " + streamed.report)
      print(
        "    notes: \(result.diagnosticCount), skipped: \(result.skippedCount), "
          + "row errors: \(result.allErrors.count)")
    }
    let reader = median(lazy.map(\.cpuSeconds))
    let importCPU = median(imports.map(\.cpuSeconds))
    let peak = imports.compactMap(\.peakBytes).max().map { Double($0) / 1_048_576 }
    print("")
    print(
      "medians of \(runs) paired runs, CPU time (user + sys), \(fixed(Double(size) / 1e6, 1)) MB:")
    var lines: [(String, Double)] = []
    let pythonCPU = python.isEmpty ? nil : median(python.map(\.cpuSeconds))
    if let pythonCPU { lines.append(("Python 3 csv.reader", pythonCPU)) }
    lines.append(("CSVReader.nextRow (fields on demand)", reader))
    lines.append(("CSVReader.next (a String per cell)", median(strings.map(\.cpuSeconds))))
    lines.append(("TestGorilla import (streaming)", importCPU))
    for (name, cpu) in lines {
      var text = "  \(name.padding(toLength: 38, withPad: " ", startingAt: 0)) \(fixed(cpu, 3)) s"
      text += ", \(fixed(Double(size) / 1e6 / cpu, 1)) MB/s"
      if let pythonCPU { text += ", \(fixed(pythonCPU / cpu, 2))× Python" }
      print(text)
    }
    print("goals (issue #16):")
    if let pythonCPU {
      print(goal("reader ≥ 4× Python csv", pythonCPU / reader, at: 4, unit: "×"))
      print(goal("TestGorilla import ≥ 2× Python csv", pythonCPU / importCPU, at: 2, unit: "×"))
    } else {
      print("  reader and import against Python: skipped (no python3, or --no-python)")
    }
    print(goal("import within 2× of the bare reader", importCPU / reader, below: 2, unit: "×"))
    if let peak {
      print(goal("peak memory of the import under 64 MiB", peak, below: 64, unit: " MiB"))
    }
  }
}

/// One goal line: the figure, the bar and whether it is met.
func goal(_ name: String, _ value: Double, at least: Double, unit: String) -> String {
  "  \(name): \(fixed(value, 2))\(unit) — \(value >= least ? "met" : "NOT met")"
}

/// One goal line for a figure that must stay below a bar.
func goal(_ name: String, _ value: Double, below bar: Double, unit: String) -> String {
  "  \(name): \(fixed(value, 2))\(unit) — \(value < bar ? "met" : "NOT met")"
}
