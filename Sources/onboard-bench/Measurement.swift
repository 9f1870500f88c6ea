import Foundation

/// Wall-clock time, CPU time and peak resident memory of one phase of the benchmark.
struct Measurement {
  var name: String
  var seconds: Double
  /// User + system CPU time of this process during the phase (or of the child that ran it).
  var cpuSeconds: Double
  var bytes: Int
  var items: [(label: String, count: Int)]
  /// Peak resident set (VmHWM) during the phase, in bytes; nil when /proc is unavailable.
  var peakBytes: Int?
  /// Whether the peak was reset at the phase's start (else it is the peak since the process started).
  var peakIsPerPhase: Bool

  /// Runs `body`, timing it and reading the peak memory around it.
  static func run(
    _ name: String, bytes: Int, _ body: () throws -> [(label: String, count: Int)]
  ) rethrows -> Measurement {
    let reset = Memory.resetPeak()
    let clock = ContinuousClock()
    let cpuStart = CPUTime.ofProcess()
    let start = clock.now
    let items = try body()
    let elapsed = start.duration(to: clock.now)
    let cpu = CPUTime.ofProcess() - cpuStart
    return Measurement(
      name: name, seconds: elapsed.seconds, cpuSeconds: cpu, bytes: bytes, items: items,
      peakBytes: Memory.peak(), peakIsPerPhase: reset)
  }

  /// One line per phase: CPU and wall time, MB/s (of CPU time), items per second, peak memory.
  var report: String {
    let megabytes = Double(bytes) / 1e6
    var text =
      "\(name): \(fixed(cpuSeconds, 3)) s CPU, \(fixed(seconds, 3)) s wall"
    if bytes > 0 { text += ", \(fixed(megabytes / max(cpuSeconds, 1e-9), 1)) MB/s" }
    for item in items {
      text += ", \(item.count) \(item.label)"
    }
    if let peakBytes {
      text += ", peak RSS \(fixed(Double(peakBytes) / 1_048_576, 1)) MiB"
      if !peakIsPerPhase { text += " (since start)" }
    }
    return text
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}

func fixed(_ value: Double, _ decimals: Int) -> String {
  String(format: "%.\(decimals)f", value)
}

/// The median of some numbers (the mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return 0 }
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// CPU time (user + system) from getrusage(2).
enum CPUTime {
  /// This process's CPU time so far, in seconds.
  static func ofProcess() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    return seconds(usage)
  }

  /// The CPU time of this process's waited-for children so far, in seconds.
  static func ofChildren() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    #else
      getrusage(RUSAGE_CHILDREN, &usage)
    #endif
    return seconds(usage)
  }

  private static func seconds(_ usage: rusage) -> Double {
    func value(_ time: timeval) -> Double {
      Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }
    return value(usage.ru_utime) + value(usage.ru_stime)
  }
}

/// The process's memory as Linux reports it in /proc/self.
enum Memory {
  /// VmHWM, the peak resident set size, in bytes.
  static func peak() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let digits = line.dropFirst(6).filter(\.isNumber)
      return Int(digits).map { $0 * 1024 }
    }
    return nil
  }

  /// Resets VmHWM to the current resident size (writing 5 to /proc/self/clear_refs, Linux 4.0+).
  static func resetPeak() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    do {
      try handle.write(contentsOf: Data("5".utf8))
      return true
    } catch {
      return false
    }
  }
}

/// Runs a program to its end, returning its standard output and the CPU time it used.
func runChild(_ executable: String, _ arguments: [String]) throws -> (output: String, cpu: Double) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  let before = CPUTime.ofChildren()
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let cpu = CPUTime.ofChildren() - before
  guard process.terminationStatus == 0 else {
    throw BenchError("\(executable) \(arguments.joined(separator: " ")) failed")
  }
  return (String(decoding: data, as: UTF8.self), cpu)
}

/// Finds a program on PATH, as a shell would.
func which(_ name: String) -> String? {
  if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  for folder in path.split(separator: ":") {
    let candidate = "\(folder)/\(name)"
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  return nil
}
