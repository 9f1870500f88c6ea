import Foundation

/// Wall-clock time and peak resident memory of one phase of the benchmark.
struct Measurement {
  var name: String
  var seconds: Double
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
    let start = clock.now
    let items = try body()
    let elapsed = start.duration(to: clock.now)
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Measurement(
      name: name, seconds: seconds, bytes: bytes, items: items, peakBytes: Memory.peak(),
      peakIsPerPhase: reset)
  }

  /// One line per phase: time, MB/s, items per second, peak memory.
  var report: String {
    let megabytes = Double(bytes) / 1e6
    var text = "\(name): \(fixed(seconds, 2)) s, \(fixed(megabytes / seconds, 1)) MB/s"
    for item in items {
      text += ", \(item.count) \(item.label) (\(fixed(Double(item.count) / seconds / 1e3, 0)) k/s)"
    }
    if let peakBytes {
      text += ", peak RSS \(fixed(Double(peakBytes) / 1_048_576, 1)) MiB"
      if !peakIsPerPhase { text += " (since start)" }
    }
    return text
  }
}

func fixed(_ value: Double, _ decimals: Int) -> String {
  String(format: "%.\(decimals)f", value)
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
