import Foundation

/// A progress bar on stderr when it is a terminal: hires done, rate and time left. Silent
/// otherwise, and with --quiet.
final class ProgressReporter: @unchecked Sendable {
  private let total: Int
  private let label: String
  private let enabled: Bool
  private let started = Date()
  private let lock = NSLock()
  private var done = 0
  private var lastDraw = Date.distantPast

  init(total: Int, label: String, enabled: Bool) {
    self.total = total
    self.label = label
    self.enabled = enabled && total > 0
  }

  func advance(by count: Int = 1) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    done += count
    let now = Date()
    guard now.timeIntervalSince(lastDraw) > 0.2 || done == total else { return }
    lastDraw = now
    let elapsed = max(now.timeIntervalSince(started), 0.001)
    let rate = Double(done) / elapsed
    let left = rate > 0 ? Double(total - done) / rate : 0
    let width = 30
    let filled = min(width, total > 0 ? done * width / total : width)
    let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
    let line = String(
      format: "\r%@ [%@] %d/%d hires · %.0f/s · %@ left ", label, bar, done, total, rate,
      Self.duration(left))
    FileHandle.standardError.write(Data(line.utf8))
  }

  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }

  static func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return s >= 3600
      ? "\(s / 3600)h \(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m \(s % 60)s" : "\(s)s"
  }
}
