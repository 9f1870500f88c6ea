import Foundation

/// The notes an import makes about many single rows (a TestGorilla row scored as percentiles, an
/// anti-cheating No, a candidate not Completed), kept as a few bytes each, their text made only
/// when read: a 5-million-row export makes some 300,000 of them, about 60 MiB as `Diagnostic`s
/// and `SkippedRecord`s, about 12 MiB here.
///
/// Each note is the row's file, line and column, the email as written (and the status, or which
/// anti-cheating columns said No), and where it stands among the result's other diagnostics or
/// skipped records (`insertion`: how many of those came before it), so that
/// ``EvidenceImportResult/diagnostics`` and ``EvidenceImportResult/skipped`` list everything in
/// the order it was found, with the same text as before.
struct RowNoteLog: Sendable {
  enum Kind: UInt8, Sendable {
    /// `email: scores are percentiles ...`, a note at the `Scoring metric` cell.
    case percentile = 1
    /// `email: Integrity: Webcam enabled: No`, a warning at the `Email` cell.
    case integrity = 2
    /// `email: status `Invited`, not Completed ...`, a skipped record at the `Status` cell.
    case unfinished = 3

    /// Whether the note is a skipped record (else a diagnostic).
    var isSkip: Bool { self == .unfinished }
  }

  /// One note read back.
  struct Entry {
    var kind: Kind
    var file: String
    var line: Int
    var column: Int
    var insertion: Int
    var email: String
    /// The status (unfinished), or the anti-cheating columns that said No (integrity).
    var status: String
    var flagged: [String]
  }

  /// The notes' bytes, in chunks of about 1 MiB (so that no large buffer is copied as it grows);
  /// beyond two chunks the older ones go to a temporary file (``SpilledChunks``), so memory stays
  /// flat however many rows have notes.
  private var chunks: [[UInt8]] = []
  /// The first `spilledCount` chunks of `spilled` are this log's first chunks.
  private var spilled: SpilledChunks?
  private var spilledCount = 0
  private static let chunksInMemory = 2
  /// Files and anti-cheating column names, by number.
  private var files: [String] = []
  private var columnLists: [[String]] = []
  private(set) var count = 0
  private(set) var skipCount = 0
  private static let chunkSize = 1 << 20

  var isEmpty: Bool { count == 0 }

  /// The number of a file (added once).
  mutating func file(_ path: String) -> Int {
    if let index = files.lastIndex(of: path) { return index }
    files.append(path)
    return files.count - 1
  }

  /// The number of a list of anti-cheating column names (added once).
  mutating func columns(_ names: [String]) -> Int {
    if let index = columnLists.lastIndex(of: names) { return index }
    columnLists.append(names)
    return columnLists.count - 1
  }

  /// Adds a note. `flags` is a bit per anti-cheating column of list `columns` (integrity notes).
  mutating func append(
    _ kind: Kind, file: Int, line: Int, column: Int, insertion: Int,
    email: UnsafeBufferPointer<UInt8>, status: UnsafeBufferPointer<UInt8>? = nil,
    columns: Int = 0, flags: UInt64 = 0
  ) {
    if chunks.isEmpty || chunks[chunks.count - 1].count > Self.chunkSize {
      if chunks.count >= Self.chunksInMemory { spillFirstChunk() }
      chunks.append([])
      chunks[chunks.count - 1].reserveCapacity(Self.chunkSize + 1024)
    }
    let last = chunks.count - 1
    chunks[last].append(kind.rawValue)
    Self.appendNumber(file, to: &chunks[last])
    Self.appendNumber(line, to: &chunks[last])
    Self.appendNumber(column, to: &chunks[last])
    Self.appendNumber(insertion, to: &chunks[last])
    Self.appendNumber(email.count, to: &chunks[last])
    chunks[last].append(contentsOf: email)
    if kind == .unfinished {
      Self.appendNumber(status?.count ?? 0, to: &chunks[last])
      if let status { chunks[last].append(contentsOf: status) }
    }
    if kind == .integrity {
      Self.appendNumber(columns, to: &chunks[last])
      Self.appendNumber(Int(truncatingIfNeeded: flags), to: &chunks[last])
    }
    count += 1
    if kind.isSkip { skipCount += 1 }
  }

  /// Adds another log's notes; their insertion points move by `diagnostics` and `skipped`, the
  /// counts of diagnostics and skipped records this log's result had before.
  mutating func append(_ other: RowNoteLog, diagnostics: Int, skipped: Int) {
    other.visit { entry in
      var copy = entry
      copy.insertion += entry.kind.isSkip ? skipped : diagnostics
      add(copy)
    }
  }

  /// Adds a note read back from a log.
  mutating func add(_ entry: Entry) {
    let fileNumber = file(entry.file)
    var email = Array(entry.email.utf8)
    var status = Array(entry.status.utf8)
    var flags: UInt64 = 0
    var list = 0
    if entry.kind == .integrity {
      list = columns(entry.flagged)
      flags = entry.flagged.isEmpty ? 0 : (1 << UInt64(entry.flagged.count)) - 1
    }
    email.withUnsafeMutableBufferPointer { email in
      status.withUnsafeMutableBufferPointer { status in
        append(
          entry.kind, file: fileNumber, line: entry.line, column: entry.column,
          insertion: entry.insertion, email: UnsafeBufferPointer(email),
          status: UnsafeBufferPointer(status), columns: list, flags: flags)
      }
    }
  }

  /// Writes the oldest chunk in memory to the temporary file (a file of its own when the current
  /// one is shared with a copy of this log); keeps it in memory when the file cannot be written.
  private mutating func spillFirstChunk() {
    if spilled == nil || !isKnownUniquelyReferenced(&spilled) || spilled?.count != spilledCount {
      guard let fresh = SpilledChunks() else { return }
      for index in 0..<spilledCount {
        guard let chunk = spilled?.read(index), fresh.write(chunk) else { return }
      }
      spilled = fresh
    }
    guard let spilled, spilled.write(chunks[0]) else { return }
    spilledCount += 1
    chunks.removeFirst()
  }

  /// Every note, in the order added.
  func visit(_ body: (Entry) -> Void) {
    for index in 0..<spilledCount {
      // Our own temporary file: reading it back cannot fail short of a broken disk, and notes
      // are never dropped in silence.
      guard let chunk = spilled?.read(index) else {
        preconditionFailure("the import's notes could not be read back from their temporary file")
      }
      Self.visit(chunk, files: files, columnLists: columnLists, body)
    }
    for chunk in chunks { Self.visit(chunk, files: files, columnLists: columnLists, body) }
  }

  private static func visit(
    _ chunk: [UInt8], files: [String], columnLists: [[String]], _ body: (Entry) -> Void
  ) {
    var index = 0
    func number() -> Int {
      var value = 0
      var shift = 0
      while true {
        let byte = chunk[index]
        index += 1
        value |= Int(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
    }
    func text(_ length: Int) -> String {
      defer { index += length }
      return String(decoding: chunk[index..<index + length], as: UTF8.self)
    }
    while index < chunk.count {
      guard let kind = Kind(rawValue: chunk[index]) else { return }
      index += 1
      let file = files[number()]
      let line = number()
      let column = number()
      let insertion = number()
      let email = text(number())
      var entry = Entry(
        kind: kind, file: file, line: line, column: column, insertion: insertion, email: email,
        status: "", flagged: [])
      if kind == .unfinished { entry.status = text(number()) }
      if kind == .integrity {
        let names = columnLists[number()]
        let flags = UInt64(truncatingIfNeeded: number())
        entry.flagged = names.indices.filter { $0 < 64 && flags & (1 << UInt64($0)) != 0 }.map {
          names[$0]
        }
      }
      body(entry)
    }
  }

  /// The skipped records of one hire: those whose email, lower-cased, is `hireKey` (compared as
  /// bytes, ASCII case folded; the log keeps only ASCII emails, see `TestGorillaImport`).
  func forEachSkip(hireKey: String, _ body: (Entry) -> Void) {
    guard skipCount > 0 else { return }
    let key = Array(hireKey.utf8)
    visit { entry in
      guard entry.kind.isSkip, entry.email.utf8.count == key.count,
        zip(entry.email.utf8, key).allSatisfy({ CellBytes.lowercased($0) == $1 })
      else { return }
      body(entry)
    }
  }

  /// Drops the notes of one sort (diagnostics, or skipped records).
  mutating func removeAll(skips: Bool) {
    guard skips ? skipCount > 0 : count > skipCount else { return }
    var kept = RowNoteLog()
    visit { entry in if entry.kind.isSkip != skips { kept.add(entry) } }
    self = kept
  }

  /// Moves the diagnostics' insertion points after some of the result's stored diagnostics were
  /// removed: `removedBefore(i)` is how many of those before position `i` went.
  mutating func shiftDiagnostics(_ removedBefore: (Int) -> Int) {
    var moved = RowNoteLog()
    visit { entry in
      var copy = entry
      if !entry.kind.isSkip { copy.insertion -= removedBefore(entry.insertion) }
      moved.add(copy)
    }
    self = moved
  }

  private static func appendNumber(_ value: Int, to bytes: inout [UInt8]) {
    var rest = UInt(bitPattern: value)
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }
}

/// Chunks of a ``RowNoteLog`` in a temporary file, read back when the notes are. The file is
/// removed as soon as it is open, so it never outlives the process (nor this value).
final class SpilledChunks: @unchecked Sendable {
  // Changed only while one log holds it (`isKnownUniquelyReferenced`); reads use pread(2).
  private let descriptor: Int32
  private var offsets: [Int] = [0]

  init?() {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "onboard-notes-\(getpid())-\(UUID().uuidString)"
    ).path
    descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else { return nil }
    unlink(path)
  }

  deinit { close(descriptor) }

  /// The number of chunks written.
  var count: Int { offsets.count - 1 }

  /// Appends a chunk; false when it could not be written whole.
  func write(_ chunk: [UInt8]) -> Bool {
    let start = offsets[offsets.count - 1]
    let written = chunk.withUnsafeBytes { bytes in
      pwrite(descriptor, bytes.baseAddress, bytes.count, off_t(start))
    }
    guard written == chunk.count else { return false }
    offsets.append(start + chunk.count)
    return true
  }

  /// The chunk at `index`, or nil when it cannot be read.
  func read(_ index: Int) -> [UInt8]? {
    let length = offsets[index + 1] - offsets[index]
    var chunk = [UInt8](repeating: 0, count: length)
    let read = chunk.withUnsafeMutableBytes { bytes in
      pread(descriptor, bytes.baseAddress, length, off_t(offsets[index]))
    }
    return read == length ? chunk : nil
  }
}
