import Foundation
import OnboardKit

/// The batch side of the benchmark: a generated cohort (`CohortGenerator`, seed 42, the same as
/// `onboard-cohort --hires N`) planned by the release `onboard batch` as a child process, against
/// the I/O floor timed in the same run, in paired alternating runs: `cp -r` of the cohort's inputs
/// and of an earlier run's output tree (the same bytes into the same number of files), and
/// `onboard-cohort --io-floor` on the same trees when that program is found. Prints each run,
/// the medians of wall and CPU time, the ratio against the floor, issue #16's goal line and
/// whether every run's output tree is byte-identical.
struct BatchBench {
  /// The cohort sizes (several sizes also give the growth between consecutive ones).
  var sizes: [Int]
  /// The folder under which each size's cohort, outputs and floor copies are made.
  var directory: String
  var runs: Int
  var onboard: String
  /// Another `onboard` (e.g. an earlier build) run in the same alternation, for before → after
  /// figures under the same load; its output must be byte-identical too.
  var compare: String?
  /// `onboard-cohort`, for its `--io-floor`; nil: only `cp -r`.
  var cohortTool: String?
  var plans: String
  var jobs: Int
  var today = "2026-11-29"
  var keep = false

  /// Wall and CPU seconds of one timed child run.
  struct Timing {
    var wall: Double
    var cpu: Double
  }

  /// The medians of one size, for the growth lines.
  struct SizeResult {
    var hires: Int
    var batch: Timing
    var floor: Timing
  }

  func run() throws {
    say(
      "batch: onboard \(onboard), --jobs \(jobs), --today \(today), plans \(plans), \(runs) paired runs"
    )
    if let compare { say("compare: \(compare) (run alternately, its output compared too)") }
    say("load average before: \(loadAverage())")
    var results: [SizeResult] = []
    for hires in sizes {
      results.append(try bench(hires: hires))
      say("")
    }
    for (small, large) in zip(results, results.dropFirst()) {
      let factor = Double(large.hires) / Double(small.hires)
      let wall = large.batch.wall / small.batch.wall
      let cpu = large.batch.cpu / small.batch.cpu
      let limit = factor * 1.1
      say(
        "growth \(small.hires) → \(large.hires) hires (×\(fixed(factor, 0))): wall ×\(fixed(wall, 2)), CPU ×\(fixed(cpu, 2)); "
          + "floor ×\(fixed(large.floor.wall / small.floor.wall, 2))")
      say(
        "goal (issue #16): ×\(fixed(factor, 0)) hires grows ≤ ×\(fixed(limit, 0)) (wall): "
          + (wall <= limit ? "met" : "NOT met"))
    }
    say("load average after: \(loadAverage())")
  }

  func bench(hires: Int) throws -> SizeResult {
    let root = (directory as NSString).appendingPathComponent("batch-\(hires)")
    let inputs = root + "/in"
    try? FileManager.default.removeItem(atPath: root)
    try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
    defer { if !keep { try? FileManager.default.removeItem(atPath: root) } }
    try generate(hires: hires, into: inputs)
    say("cohort: \(hires) hires (seed 42) in \(inputs)")

    // Run 0 (not timed): the output tree the floor copies, and the reference for identity.
    let reference = root + "/out-0"
    _ = try batch(onboard, inputs: inputs, out: reference)
    let tree = try TreeDigest(root: reference)
    say(
      "output: \(tree.files) files, \(fixed(Double(tree.bytes) / 1e6, 1)) MB; digest \(tree.hex)")

    var batches: [Timing] = []
    var compared: [Timing] = []
    var floors: [Timing] = []
    var ioFloors: [Timing] = []
    var identical = true
    for number in 1...runs {
      let out = root + "/out-\(number)"
      let timing = try batch(onboard, inputs: inputs, out: out)
      let digest = try TreeDigest(root: out)
      identical = identical && digest == tree
      try? FileManager.default.removeItem(atPath: out)
      batches.append(timing)
      var line =
        "run \(number): batch \(fixed(timing.wall, 2)) s wall, \(fixed(timing.cpu, 2)) s CPU"
        + (digest == tree ? "" : " (output DIFFERS: \(digest.hex))")

      if let compare {
        let other = root + "/compare-\(number)"
        let timing = try batch(compare, inputs: inputs, out: other)
        let digest = try TreeDigest(root: other)
        identical = identical && digest == tree
        try? FileManager.default.removeItem(atPath: other)
        compared.append(timing)
        line +=
          "; compare \(fixed(timing.wall, 2)) s wall, \(fixed(timing.cpu, 2)) s CPU"
          + (digest == tree ? "" : " (output DIFFERS: \(digest.hex))")
      }

      let copy = root + "/floor-\(number)"
      try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
      let floor = try timed("/bin/cp", ["-r", inputs, reference, copy])
      try? FileManager.default.removeItem(atPath: copy)
      floors.append(floor)
      line += "; cp -r \(fixed(floor.wall, 2)) s wall, \(fixed(floor.cpu, 2)) s CPU"

      if let cohortTool {
        let into = root + "/io-floor-\(number)"
        let floor = try timed(
          cohortTool, ["--io-floor", "--inputs", inputs, "--outputs", reference, "--into", into])
        try? FileManager.default.removeItem(atPath: into)
        ioFloors.append(floor)
        line += "; --io-floor \(fixed(floor.wall, 2)) s wall, \(fixed(floor.cpu, 2)) s CPU"
      }
      say(line)
    }

    let batch = Timing(wall: median(batches.map(\.wall)), cpu: median(batches.map(\.cpu)))
    let floor = Timing(wall: median(floors.map(\.wall)), cpu: median(floors.map(\.cpu)))
    say(
      "median: batch \(fixed(batch.wall, 2)) s wall, \(fixed(batch.cpu, 2)) s CPU "
        + "(\(fixed(batch.cpu / Double(hires) * 1000, 2)) ms CPU per hire, CPU/wall \(fixed(batch.cpu / batch.wall, 2)) on \(jobs) jobs); "
        + "floor (cp -r) \(fixed(floor.wall, 2)) s wall, \(fixed(floor.cpu, 2)) s CPU")
    if !ioFloors.isEmpty {
      let wall = median(ioFloors.map(\.wall))
      say(
        "onboard-cohort --io-floor: \(fixed(wall, 2)) s wall, \(fixed(median(ioFloors.map(\.cpu)), 2)) s CPU: "
          + "\(fixed(wall / floor.wall, 2))× cp -r")
    }
    if !compared.isEmpty {
      let wall = median(compared.map(\.wall))
      let cpu = median(compared.map(\.cpu))
      say(
        "compare: \(fixed(wall, 2)) s wall, \(fixed(cpu, 2)) s CPU; this onboard is "
          + "\(fixed(wall / batch.wall, 2))× faster (wall), \(fixed(cpu / batch.cpu, 2))× (CPU)")
    }
    let ratio = batch.wall / floor.wall
    say(
      "batch / floor: \(fixed(ratio, 2))× (wall), \(fixed(batch.cpu / max(floor.cpu, 1e-9), 1))× (CPU)"
    )
    say(
      "goal (issue #16): a \(hires)-hire batch ≤ 3× the floor (wall, memory file system): "
        + (ratio <= 3 ? "met" : "NOT met") + onMemoryNote())
    say(
      "outputs: "
        + (identical
          ? "byte-identical in every run (\(tree.files) files, digest \(tree.hex))"
          : "NOT byte-identical (see the runs above)"))
    return SizeResult(hires: hires, batch: batch, floor: floor)
  }

  /// " (DIR is not a memory file system)" unless the folder's mount (the longest mount point of
  /// /proc/mounts that contains it) is a tmpfs.
  func onMemoryNote() -> String {
    guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else {
      return ""
    }
    let path = URL(fileURLWithPath: directory).standardizedFileURL.path
    var best = (point: "", type: "")
    for line in mounts.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count > 2 else { continue }
      let point = String(fields[1])
      let inside = point == "/" || path == point || path.hasPrefix(point + "/")
      if inside, point.count > best.point.count { best = (point, String(fields[2])) }
    }
    return best.type == "tmpfs"
      ? "" : " (\(directory) is on \(best.type), not a memory file system)"
  }

  /// Writes roster.csv, testgorilla.csv and interviews.csv, as `onboard-cohort --hires N` does.
  func generate(hires: Int, into folder: String) throws {
    var handles: [String: FileHandle] = [:]
    for name in ["roster", "testgorilla", "interviews"] {
      let path = (folder as NSString).appendingPathComponent("\(name).csv")
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        throw BenchError("cannot create \(path)")
      }
      handles[name] = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }
    CohortGenerator(seed: 42, hires: hires).write { file, text in
      handles[file]?.write(Data(text.utf8))
    }
    for handle in handles.values { try handle.close() }
  }

  func batch(_ program: String, inputs: String, out: String) throws -> Timing {
    try timed(
      program,
      [
        "batch", "--roster", inputs + "/roster.csv", "--evidence", inputs + "/testgorilla.csv",
        inputs + "/interviews.csv", "--out", out, "--today", today, "--plans", plans,
        "--jobs", String(jobs), "--quiet",
      ])
  }

  /// Runs a program to its end (standard output and error discarded), timing it.
  func timed(_ program: String, _ arguments: [String]) throws -> Timing {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let clock = ContinuousClock()
    let cpuBefore = CPUTime.ofChildren()
    let start = clock.now
    try process.run()
    process.waitUntilExit()
    let wall = start.duration(to: clock.now).seconds
    let cpu = CPUTime.ofChildren() - cpuBefore
    // `onboard batch` exits 1 when a hire failed; the generated cohort has none.
    guard process.terminationStatus == 0 else {
      throw BenchError(
        "\(program) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
    }
    return Timing(wall: wall, cpu: cpu)
  }

  /// The 1-minute load average (`/proc/loadavg`).
  func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
    return text.split(separator: " ").prefix(3).joined(separator: " ")
  }
}

/// A digest of a folder tree: every regular file's relative path and bytes, in sorted order
/// (64-bit FNV-1a), with the number of files and bytes. Two trees with the same digest hold the
/// same files with the same contents (up to a hash collision).
struct TreeDigest: Equatable {
  var files = 0
  var bytes = 0
  var value: UInt64 = 0xcbf2_9ce4_8422_2325

  init(root: String) throws {
    guard let walker = FileManager.default.enumerator(atPath: root) else {
      throw BenchError("cannot read \(root)")
    }
    var paths: [String] = []
    while let path = walker.nextObject() as? String {
      if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular { paths.append(path) }
    }
    for path in paths.sorted() {
      guard let data = FileManager.default.contents(atPath: root + "/" + path) else {
        throw BenchError("cannot read \(root)/\(path)")
      }
      add(Array(path.utf8))
      add([0])
      data.withUnsafeBytes { add($0) }
      files += 1
      bytes += data.count
    }
  }

  mutating func add(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }
  }

  mutating func add(_ buffer: UnsafeRawBufferPointer) {
    var hash = value
    for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    value = hash
  }

  var hex: String { String(value, radix: 16) }
}

/// Prints a line at once (unbuffered, also into a file or a pipe), so that a long batch run shows
/// each run as it ends.
func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
