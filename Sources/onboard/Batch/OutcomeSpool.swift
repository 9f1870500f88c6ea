import Foundation
import OnboardKit

/// What every hire gives the files written at a run's end — the events of people's calendars and
/// the rows of tasks.csv — spooled chunk by chunk to the run's work folder, so that memory holds one
/// chunk's worth, not the roster's. A run without a work folder (one chunk) keeps them in memory.
///
/// Events go to one of `bucketCount` files by the person's calendar file name, so that each
/// calendar is made from one file, its events in roster order (the order the run gave them).
final class OutcomeSpool {
  let directory: String?
  let bucketCount: Int
  /// The first spool write that failed: the run must stop rather than write calendars short.
  private(set) var failure: String?
  private var eventBuffers: [[UInt8]]
  private var bucketOf: [String: Int] = [:]
  private var taskBuffer: [UInt8]
  private var taskFileMade = false

  init(directory: String?, bucketCount: Int) {
    self.directory = directory
    self.bucketCount = directory == nil ? 1 : max(1, bucketCount)
    eventBuffers = Array(repeating: [], count: self.bucketCount)
    taskBuffer = Array(visibleDocument(TaskCSV.file([])).utf8)
  }

  /// One hire's events and tasks.csv rows (already made visible), in roster order.
  func add(events: [PersonEvent], taskRows: [UInt8]) {
    for event in events {
      let bucket: Int
      if let known = bucketOf[event.personKey] {
        bucket = known
      } else {
        // By file name: two keys with the same file name are written in the same order as before.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fileSafeName(event.personKey).utf8 {
          hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        bucket = Int(hash % UInt64(bucketCount))
        bucketOf[event.personKey] = bucket
      }
      event.write(to: &eventBuffers[bucket])
    }
    taskBuffer.append(contentsOf: taskRows)
  }

  /// Writes what is buffered to the work folder (at the end of each chunk).
  func flush() {
    guard directory != nil else { return }
    for bucket in eventBuffers.indices where !eventBuffers[bucket].isEmpty {
      append(eventBuffers[bucket], to: eventPath(bucket))
      eventBuffers[bucket] = []
    }
    if !taskBuffer.isEmpty {
      append(taskBuffer, to: taskPath)
      taskBuffer = []
    }
  }

  /// The events of one bucket, in the order they were added.
  func events(ofBucket bucket: Int) -> [PersonEvent] {
    let bytes: [UInt8]
    if directory == nil {
      bytes = eventBuffers[bucket]
    } else {
      guard let data = FileManager.default.contents(atPath: eventPath(bucket)) else { return [] }
      bytes = Array(data)
    }
    var events: [PersonEvent] = []
    var offset = 0
    while offset < bytes.count, let event = PersonEvent.read(from: bytes, at: &offset) {
      events.append(event)
    }
    if offset < bytes.count {
      failure = failure ?? "cannot read the calendar spool of bucket \(bucket)"
    }
    return events
  }

  /// Puts tasks.csv into `out`: renamed from the spool (the same file system), or written from
  /// memory.
  func moveTasks(into out: String) throws(InputError) {
    guard directory != nil else {
      return try FileSystem.write([OutputFile(path: "tasks.csv", data: Data(taskBuffer))], in: out)
    }
    flush()
    let path = (out as NSString).appendingPathComponent("tasks.csv")
    if !taskFileMade { append([], to: taskPath) }
    if let failure { throw InputError(SourceLocation(file: path), failure) }
    guard rename(taskPath, path) == 0 else {
      throw InputError(
        SourceLocation(file: path),
        "cannot move the new file into place: \(String(cString: strerror(errno)))")
    }
  }

  private var taskPath: String {
    ((directory ?? "") as NSString).appendingPathComponent("tasks.csv")
  }

  private func eventPath(_ bucket: Int) -> String {
    ((directory ?? "") as NSString).appendingPathComponent("events-\(bucket).bin")
  }

  private func append(_ bytes: [UInt8], to path: String) {
    if path == taskPath, !taskFileMade {
      // Made like the run's other files (FileManager's mode), then appended to.
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        failure = failure ?? "cannot create \(path)"
        return
      }
      taskFileMade = true
    }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    guard descriptor >= 0 else {
      failure = failure ?? "cannot open \(path): \(String(cString: strerror(errno)))"
      return
    }
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress! + written, bytes.count - written)
      }
      guard count > 0 else {
        failure =
          failure ?? "cannot write the spool (disk full?): \(String(cString: strerror(errno)))"
        return
      }
      written += count
    }
  }
}
