import Foundation
import OnboardKit

/// The evidence of a cohort, grouped by roster chunk: imported once, streamed from the exports, and
/// spooled to one file per chunk, so that planning a chunk needs only that chunk's evidence in
/// memory. The first chunk (planned first) is kept in memory rather than written and read back, so
/// a cohort that fits in one chunk never touches the disk and memory holds at most two chunks'
/// evidence (the first one and the one being planned).
final class EvidenceSpool: @unchecked Sendable {
  let chunkOf: [String: Int]
  let chunkCount: Int
  let directory: String?
  /// The first spool write that failed: the run must stop rather than plan without evidence.
  private(set) var failure: String?
  private let lock = NSLock()
  private var buffers: [Int: [UInt8]] = [:]
  /// The first chunk's evidence (every chunk's when there is no spool folder), in import order.
  private var memory: [Evidence] = []
  private var handles: [Int: FileHandle] = [:]
  /// The chunks whose evidence went to a file (a chunk without one has no evidence).
  private var spooled: Set<Int> = []
  /// Evidence of people not on the roster: counted, a few named.
  var strangerCount: Int { strangerHashes.count }
  private(set) var strangers: Set<String> = []
  /// Each stranger's email once, as a 64-bit hash (8 bytes a candidate, where a `Set<String>`
  /// of a million candidates not hired took about 100 MB): counted by the set of names alone,
  /// every email after the fifth was counted again for each of its records.
  private var strangerHashes: Set<UInt64> = []
  /// Skipped records of strangers by file, counted as `skipStrangers` counts them (one per email
  /// and file), so that `plan` and `analyze` give one count; `strangerFileHashes` holds each
  /// email-and-file pair once, hashed.
  private(set) var strangerRecords: [String: Int] = [:]
  private var strangerFileHashes: Set<UInt64> = []
  var strangerRecordCount: Int { strangerRecords.values.reduce(0, +) }
  /// The email-and-file pairs of `failedHires` seen (a few hires).
  private var failedHirePairs: Set<String> = []

  /// The emails (lower-cased) of hires whose roster row failed, and how many of their records
  /// came: not used, and not a candidate's who was not hired either.
  let failedHires: Set<String>
  /// Hires of the roster that `--hire` left out: their evidence is not needed, nor a stranger's.
  let unselected: Set<String>
  /// How many records of `unselected` hires came (counted, not used).
  private(set) var unselectedRecords = 0
  private(set) var failedHireRecords: [String: Int] = [:]
  var failedHireRecordCount: Int { failedHireRecords.values.reduce(0, +) }

  init(
    chunkOf: [String: Int], chunkCount: Int, directory: String?, failedHires: Set<String> = [],
    unselected: Set<String> = []
  ) {
    self.unselected = unselected
    self.chunkOf = chunkOf
    self.chunkCount = chunkCount
    self.directory = directory
    self.failedHires = failedHires
  }

  func add(_ evidence: Evidence) {
    lock.lock()
    defer { lock.unlock() }
    guard let chunk = chunkOf[evidence.hireKey] else {
      if unselected.contains(evidence.hireKey) {
        unselectedRecords += 1
        return
      }
      if failedHires.contains(evidence.hireKey) {
        if failedHirePairs.insert(evidence.hireKey + "\u{1F}" + evidence.origin.file).inserted {
          failedHireRecords[evidence.hireKey, default: 0] += 1
        }
        return
      }
      // FNV-1a: two emails share a hash with a chance of about n² / 2⁶⁵ for n strangers.
      if strangerHashes.insert(fnv1a64(evidence.hireKey)).inserted, strangers.count < 5 {
        strangers.insert(evidence.hireKey)
      }
      if strangerFileHashes.insert(fnv1a64(evidence.hireKey + "\u{1F}" + evidence.origin.file))
        .inserted
      {
        strangerRecords[evidence.origin.file, default: 0] += 1
      }
      return
    }
    guard directory != nil, chunk > 0 else {
      memory.append(evidence)
      return
    }
    evidence.appendRecord(to: &buffers[chunk, default: []])
    buffers[chunk, default: []].append(0x0A)
    if (buffers[chunk]?.count ?? 0) > 1 << 18 { flush(chunk) }
  }

  private func flush(_ chunk: Int) {
    guard let directory, let bytes = buffers[chunk], !bytes.isEmpty else { return }
    let handle: FileHandle
    if let open = handles[chunk] {
      handle = open
    } else {
      let path = (directory as NSString).appendingPathComponent("evidence-\(chunk).tsv")
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        failure = failure ?? "cannot create \(path)"
        return
      }
      guard let opened = FileHandle(forWritingAtPath: path) else {
        failure = failure ?? "cannot open \(path)"
        return
      }
      handles[chunk] = opened
      spooled.insert(chunk)
      handle = opened
    }
    do { try handle.write(contentsOf: bytes) } catch {
      failure = failure ?? "cannot write the spool (disk full?): \(error.localizedDescription)"
    }
    buffers[chunk]?.removeAll(keepingCapacity: true)
  }

  /// Writes what is buffered and closes the files.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    for chunk in buffers.keys.sorted() { flush(chunk) }
    for handle in handles.values { try? handle.close() }
    handles = [:]
  }

  /// The evidence of one chunk, grouped by hire (each hire's in spool order). The records are
  /// decoded by `jobs` workers, each a contiguous part of the file, merged in file order.
  ///
  /// Throws when the chunk's file is gone or a record in it does not decode (the spool is the
  /// run's own file, so only something outside the run can do that): planning on must not
  /// leave evidence out in silence.
  func evidence(ofChunk chunk: Int, jobs: Int = 1) throws(SpoolError) -> [String: [Evidence]] {
    guard let directory, chunk > 0 else { return Dictionary(grouping: memory, by: \.hireKey) }
    let path = (directory as NSString).appendingPathComponent("evidence-\(chunk).tsv")
    guard let data = FileManager.default.contents(atPath: path) else {
      guard !spooled.contains(chunk) else {
        throw SpoolError("cannot read \(path), the evidence of roster chunk \(chunk + 1)")
      }
      return [:]
    }
    let lines = spoolLines(data)
    let parts = max(1, min(jobs, lines.count / 128))
    let decoded = ResultBox<(evidence: [Evidence], badRecord: Int?)>(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let range = (lines.count * part / parts)..<(lines.count * (part + 1) / parts)
      var evidence: [Evidence] = []
      evidence.reserveCapacity(range.count)
      for index in range {
        guard let item = Evidence(record: lines[index]) else {
          decoded.set(part, (evidence, index + 1))
          return
        }
        evidence.append(item)
      }
      decoded.set(part, (evidence, nil))
    }
    var result: [String: [Evidence]] = [:]
    for part in decoded.values {
      if let bad = part.badRecord {
        throw SpoolError(
          "\(path): record \(bad) of \(lines.count) does not decode; the spool is damaged")
      }
      for evidence in part.evidence { result[evidence.hireKey, default: []].append(evidence) }
    }
    return result
  }
}

/// The evidence spool could not be read back: the run stops rather than plan without it.
struct SpoolError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// The lines of a spool file, split at line feeds by bytes (a record escapes its own line
/// breaks, so each line feed ends one; splitting by `Character` gives the same lines, slowly).
func spoolLines(_ data: Data) -> [Substring] {
  let text = String(decoding: data, as: UTF8.self)
  return text.utf8.split(separator: 0x0A).map { Substring($0) }
}
