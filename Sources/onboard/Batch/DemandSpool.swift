import Foundation
import OnboardKit

/// A cohort's workshop demands, spooled to one file per topic so that grouping holds one topic's
/// demands at a time. A cohort of one chunk keeps them in memory.
final class DemandSpool: @unchecked Sendable {
  let directory: String?
  /// The first spool write that failed: the run must stop rather than plan without evidence.
  private(set) var failure: String?
  private var buffers: [String: String] = [:]
  private var memory: [String: [WorkshopDemand]] = [:]
  private var handles: [String: FileHandle] = [:]
  private var files: [String: String] = [:]

  init(directory: String?) { self.directory = directory }

  /// The topics seen, sorted (the order grouping must follow to be the same on every run).
  var topics: [String] { (directory == nil ? Array(memory.keys) : Array(files.keys)).sorted() }

  func add(_ demand: WorkshopDemand) {
    guard directory != nil else {
      memory[demand.topicID, default: []].append(demand)
      return
    }
    buffers[demand.topicID, default: ""] += demand.record + "\n"
    if (buffers[demand.topicID]?.utf8.count ?? 0) > 1 << 18 { flush(demand.topicID) }
  }

  private func flush(_ topic: String) {
    guard let directory, let text = buffers[topic], !text.isEmpty else { return }
    if handles[topic] == nil {
      let path = (directory as NSString).appendingPathComponent("demand-\(files.count).tsv")
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        failure = failure ?? "cannot create \(path)"
        return
      }
      files[topic] = path
      handles[topic] = FileHandle(forWritingAtPath: path)
    }
    do { try handles[topic]?.write(contentsOf: Data(text.utf8)) } catch {
      failure = failure ?? "cannot write the spool (disk full?): \(error.localizedDescription)"
    }
    buffers[topic] = ""
  }

  func finish() {
    for topic in buffers.keys.sorted() { flush(topic) }
    for handle in handles.values { try? handle.close() }
    handles = [:]
  }

  /// One topic's demands; a spool file that is missing or holds a line that is no demand stops
  /// the run (planning without some demands would group workshops in silence without them).
  func demands(of topic: String) throws(SpoolError) -> [WorkshopDemand] {
    guard directory != nil else { return memory[topic] ?? [] }
    guard let path = files[topic] else { return [] }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SpoolError("cannot read \(path), the workshop demands of topic \(topic)")
    }
    let lines = spoolLines(data)
    var demands: [WorkshopDemand] = []
    demands.reserveCapacity(lines.count)
    for (index, line) in lines.enumerated() {
      guard let demand = WorkshopDemand(record: line) else {
        throw SpoolError(
          "\(path): record \(index + 1) of \(lines.count) does not decode; the spool is damaged")
      }
      demands.append(demand)
    }
    return demands
  }
}
