import Foundation
import OnboardCSV
import Testing

@testable import OnboardKit

/// The TestGorilla import's byte path and fingerprint duplicate check give what the general path
/// (`TestGorillaImport.referenceParse`, `String`s and an exact email dictionary) gives.
@Suite struct TestGorillaFastPathTests {
  static let tests = ["Git", "SQL (Intermediate)", "Docker"]

  static func skills() -> SkillIndex {
    var index = SkillIndex()
    for (number, test) in tests.enumerated() { index.add(test, skillID: "skill-\(number)") }
    return index
  }

  /// A messy export: odd cells of every kind the import reads, quoted or not, three kinds of line
  /// break, repeated candidates (other case, other spacing), ragged and blank rows.
  static func export(seed: UInt64, rows: Int, unscored: Bool = true) -> String {
    var random = SeededGenerator(seed: seed)
    func pick(_ options: [String]) -> String {
      options[Int.random(in: 0..<options.count, using: &random)]
    }
    var header = [
      "First name", "Email", "Status", "Scoring metric", "Completion date", "Last activity",
    ]
    header += tests + ["Webcam enabled", "Full-screen mode always active"]
    if unscored { header += ["DISC", "Mystery test"] }
    let emails = [
      "ann@example.org", "Ann@Example.org", " ann@example.org ", "bob@example.org",
      "BOB@EXAMPLE.ORG", "zoë@example.org", "ann lee <ann@example.org>", "", "cat@example",
      "dan@example.org\t", "eve.adams@example.co.uk", "émile@example.org", "fay@exa_mple.org",
      "gus@example.org.", "\u{00A0}hal@example.org", "ivy@example.org\u{200B}",
    ]
    let statuses = [
      "Completed", "Completed", "Completed", "completed", " COMPLETED ", "Invited", "Complete",
      "Completed\u{00A0}", "Compl\u{00E9}ted", "\"Completed\"", "",
    ]
    let metrics = [
      "Percentage", "Percentage", "Percentile", "PERCENTILE", "Raw score", " raw ", "",
      "% correct", "bogus", "Percentage correct", "percent\u{00A0}", "Pércentile",
    ]
    let dates = [
      "2026-10-07", "2026-10-07T10:00:00Z", " 2026-11-01 ", "2026-02-30", "+202-01-01",
      "2026-1-07", "", "2026-10-07\u{0301}", "2026-10-0", "yesterday", "2026-12-24 09:00",
      "2026-10-07\r\n", "٢٠٢٦-١٠-٠٧",
    ]
    let scores = [
      "78", "78%", "78,5", "78.5", " 78.5 % ", "", "", "100", "0", "101", "-1", "abc", "1e3",
      "5.", ".5", "1234567890123456", "45,6%", "\u{00A0}50", "50\u{200B}", "1,2.3", "99.99",
    ]
    let integrity = ["Yes", "Yes", "No", "no ", "NO", "N\u{043E}", "", "\tNo", "Yes "]
    var text = header.joined(separator: ",") + "\r\n"
    func cell(_ value: String) -> String {
      let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      guard needsQuotes || Int.random(in: 0..<8, using: &random) == 0 else { return value }
      return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    for index in 0..<rows {
      let email =
        Int.random(in: 0..<4, using: &random) == 0
        ? pick(emails) : pick(["c", "C"]) + "\(index % 350)@example.org"
      var cells = [pick(["Ann", "Zoë", "\"Smith, Jr.\"", "O'Connor"]), email]
      cells += [pick(statuses), pick(metrics), pick(dates), pick(dates)]
      cells += tests.map { _ in pick(scores) }
      cells += [pick(integrity), pick(integrity)]
      if unscored {
        cells += [
          pick(["Dominance", "", "Steadiness", "Conscientiousness"]), pick(["", "40", "x"]),
        ]
      }
      switch Int.random(in: 0..<40, using: &random) {
      case 0: cells.removeLast()  // ragged: one cell short
      case 1: cells.append("extra")
      case 2: cells = cells.map { _ in "" }  // blank
      case 3: cells = cells.map { _ in " " }
      default: break
      }
      text += cells.map(cell).joined(separator: ",") + pick(["\r\n", "\n", "\r\n", "\r"])
    }
    return text
  }

  struct Outcome {
    var result: EvidenceImportResult
    var evidence: [Evidence]
  }

  static func fast(
    _ text: String, chunkSize: Int? = nil, fingerprint: @escaping (UInt64) -> UInt64 = { $0 }
  ) throws -> Outcome {
    var evidence: [Evidence] = []
    let reader: CSVReader
    if let chunkSize {
      let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "testgorilla-fast-\(UUID().uuidString).csv")
      try Data(text.utf8).write(to: url)
      defer { try? FileManager.default.removeItem(at: url) }
      reader = try CSVReader(contentsOf: url, chunkSize: chunkSize)
    } else {
      reader = CSVReader(string: text)
    }
    var table = try TableReader(path: "x.csv", reader: reader)
    let result = try TestGorillaImport.parse(
      &table, skills: skills(), fingerprint: fingerprint
    ) { evidence.append($0) }
    return Outcome(result: result, evidence: evidence)
  }

  static func reference(_ text: String) throws -> Outcome {
    var evidence: [Evidence] = []
    var table = try TableReader(path: "x.csv", text: text)
    let result = try TestGorillaImport.referenceParse(&table, skills: skills()) {
      evidence.append($0)
    }
    return Outcome(result: result, evidence: evidence)
  }

  static func expectSame(_ fast: Outcome, _ reference: Outcome, inOrder: Bool = true) {
    func sorted<T>(_ items: [T]) -> [String] { items.map { "\($0)" }.sorted() }
    if inOrder {
      #expect(fast.evidence == reference.evidence)
      #expect(fast.result.diagnostics == reference.result.diagnostics)
      #expect(fast.result.unknownNames == reference.result.unknownNames)
    } else {
      #expect(sorted(fast.evidence) == sorted(reference.evidence))
      #expect(sorted(fast.result.diagnostics) == sorted(reference.result.diagnostics))
      #expect(sorted(fast.result.unknownNames) == sorted(reference.result.unknownNames))
    }
    #expect(fast.result.rowErrors == reference.result.rowErrors)
    #expect(fast.result.skipped == reference.result.skipped)
  }

  @Test(arguments: 0..<12)
  func messyExportsGiveWhatTheGeneralPathGives(seed: Int) throws {
    let text = Self.export(seed: UInt64(seed), rows: 400)
    let reference = try Self.reference(text)
    // The export exercises what it should: duplicates, skips, notes, errors and evidence.
    let duplicates = reference.result.rowErrors.values.joined().filter {
      $0.message.contains("already has a completed row")
    }
    #expect(!duplicates.isEmpty)
    #expect(reference.result.skipped.count > 20)
    #expect(reference.evidence.count > 100)
    Self.expectSame(try Self.fast(text), reference)
    Self.expectSame(try Self.fast(text, chunkSize: 61), reference)
  }

  @Test(arguments: [UInt64(0), 0x3, 0xFFFF_FFFF])
  func forcedFingerprintCollisionsAreConfirmedExactly(mask: UInt64) throws {
    // With every hash masked, different emails share fingerprints: every row after the first few
    // waits and is decided at the end against the file itself. Nothing is refused that the exact
    // check accepts, nothing accepted that it refuses, and the messages name the same lines. Only
    // the order of the evidence and notes of rows that waited differs.
    let text = Self.export(seed: 99, rows: 300, unscored: false)
    let reference = try Self.reference(text)
    Self.expectSame(try Self.fast(text) { $0 & mask }, reference, inOrder: false)
    Self.expectSame(try Self.fast(text, chunkSize: 97) { $0 & mask }, reference, inOrder: false)
  }

  @Test func aRepeatedCandidateNamesTheFirstLineAndImportsOnce() throws {
    let text = """
      First name,Email,Status,Scoring metric,Git
      Ann,ann@example.org,Completed,Percentage,80
      Bob,bob@example.org,Completed,Percentage,70
      Ann,ANN@example.org,Completed,Percentage,90
      Ann,ann@example.org,Invited,Percentage,
      Ann,ann@example.org,Completed,Percentage,95

      """
    for mask in [UInt64.max, 0] {
      let outcome = try Self.fast(text) { $0 & mask }
      #expect(outcome.evidence.map(\.rawValue) == ["80", "70"])
      #expect(
        outcome.result.rowErrors["ann@example.org"]?.map(\.description) == [
          "x.csv:4:5: error: column `Email`: `ANN@example.org` already has a completed row at line 2; expected one row per candidate"
            + " (a retake? delete the earlier row, or give the attempts as separate exports: of attempts in different files, the latest counts)",
          "x.csv:6:5: error: column `Email`: `ann@example.org` already has a completed row at line 2; expected one row per candidate"
            + " (a retake? delete the earlier row, or give the attempts as separate exports: of attempts in different files, the latest counts)",
        ])
    }
  }

  @Test func commonRowsTakeTheBytePathAndOddOnesTheGeneralOne() throws {
    // So that the comparisons above compare two paths, not one with itself.
    let text = """
      First name,Email,Status,Scoring metric,Completion date,Git,Webcam enabled
      Ann,ann@example.org,Completed,Percentage,2026-10-07,"78,5",Yes
      Bob,Bob@Example.org,completed,Percentile,,80%,No
      Zoë,zoë@example.org,Completed,Percentage,2026-10-07,78,Yes
      Cat,cat@example.org,Invited,Percentage,2026-10-07,,Yes
      Dan,dan@example.org,Completed,Percentage,2026-10-07,78

      """
    var table = try TableReader(path: "x.csv", text: text)
    var result = EvidenceImportResult()
    let layout = try TestGorillaImport.layout(table, skills: Self.skills(), result: &result)
    var context = TestGorillaImport.RowContext(
      layout: layout, table: table, skills: Self.skills(), result: result)
    var template = context.makeTemplate()
    var seen = FingerprintSet()
    var outcomes: [String] = []
    var evidence = 0
    while let cells = try table.nextCells() {
      let outcome = cells.withFieldBytes { fields in
        TestGorillaImport.fastRow(fields, cells, layout, &context, &template, &seen, { $0 }) { _ in
          evidence += 1
        }
      }
      switch outcome {
      case .done: outcomes.append("bytes")
      case .general: outcomes.append("general")
      case .undecided: outcomes.append("undecided")
      case nil: outcomes.append("decoded")
      }
    }
    #expect(outcomes == ["bytes", "bytes", "general", "bytes", "general"])
    #expect(evidence == 2)
    #expect(context.result.diagnostics.count == 2, "a percentile note and an integrity warning")
  }

  @Test func rowNotesBeyondMemoryGoToAFileAndComeBackInOrder() {
    var log = RowNoteLog()
    let file = log.file("x.csv")
    let columns = log.columns(["Webcam enabled", "Mouse always in assessment window"])
    let count = 120_000  // about 6 MiB of notes: several chunks written out
    var email = Array("someone.with.a.long.address@example.org".utf8)
    var status = Array("Invited".utf8)
    email.withUnsafeMutableBufferPointer { email in
      for index in 0..<count {
        log.append(
          index % 3 == 0 ? .integrity : .percentile, file: file, line: index + 2, column: 7,
          insertion: index, email: UnsafeBufferPointer(email), columns: columns, flags: 2)
      }
    }
    // A copy goes on on its own: what one adds, the other does not see.
    var copy = log
    email.withUnsafeMutableBufferPointer { email in
      status.withUnsafeMutableBufferPointer { status in
        for index in 0..<50_000 {
          copy.append(
            .unfinished, file: file, line: count + 2 + index, column: 3, insertion: index,
            email: UnsafeBufferPointer(email), status: UnsafeBufferPointer(status))
        }
      }
    }
    var lines: [Int] = []
    var integrity = 0
    log.visit { entry in
      lines.append(entry.line)
      if entry.kind == .integrity {
        integrity += 1
        #expect(entry.flagged == ["Mouse always in assessment window"])
      }
      #expect(entry.email == "someone.with.a.long.address@example.org")
    }
    #expect(lines == Array(2..<(count + 2)))
    #expect(integrity == count / 3)
    var copied = 0
    var unfinished = 0
    copy.visit { entry in
      copied += 1
      if entry.kind == .unfinished {
        unfinished += 1
        #expect(entry.status == "Invited")
      }
    }
    #expect(copied == count + 50_000)
    #expect(unfinished == 50_000)
    #expect(log.count == count && copy.skipCount == 50_000)
  }

  @Test func fingerprintSetKeepsEveryFingerprintThroughGrowth() {
    var set = FingerprintSet()
    var random = SeededGenerator(seed: 7)
    var hashes: [UInt64] = []
    for _ in 0..<200_000 { hashes.append(UInt64.random(in: .min ... .max, using: &random)) }
    hashes = Array(Set(hashes))
    var allNew = true
    for hash in hashes where !set.insert(hash) { allNew = false }
    #expect(allNew)
    #expect(set.count == hashes.count)
    var allSeen = true
    for hash in hashes.prefix(5_000) where set.insert(hash) { allSeen = false }
    #expect(allSeen)
    // Different hashes with the same 44 bits (shard and low 32) are the same fingerprint: the set
    // says "maybe seen", and the import confirms.
    let first: UInt64 = 0xABC0_0000_1234_5678
    _ = set.insert(first)
    let sameFingerprint = set.insert(first ^ 0x000F_FFFF_0000_0000)
    #expect(!sameFingerprint)
    let otherShard = set.insert(first ^ 0x0010_0000_0000_0000)
    #expect(otherShard)
    // A low half of 0 is stored as 1.
    _ = set.insert(0x1230_0000_0000_0000)
    let zeroAsOne = set.insert(0x1230_0000_0000_0001)
    #expect(!zeroAsOne)
    // About 5 to 6 bytes a fingerprint at this size (the slots, not the arrays' headers).
    #expect(Double(set.slotBytes) / Double(set.count) < 7.5)
  }

  @Test func byteFunctionsAgreeWithTheStringFunctions() {
    var random = SeededGenerator(seed: 3)
    let alphabet = Array("aZ09.-_@+é \t\r\n%,\u{00A0}\u{200B}\u{0301}-:Txyzxyz")
    var plausible = 0
    for _ in 0..<30_000 {
      func part() -> String {
        String(
          (0..<Int.random(in: 0...7, using: &random)).map { _ in
            alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
          })
      }
      // Random text, or random text shaped like an address (some of them plausible).
      let text =
        Int.random(in: 0..<2, using: &random) == 0
        ? part() + part() : part() + "ab@c" + part() + ".de" + part()
      var bytes = Array(text.utf8)
      bytes.withUnsafeMutableBufferPointer { raw in
        let buffer = UnsafeBufferPointer(raw)
        #expect(CellBytes.isPlausibleEmail(buffer) == isPlausibleEmail(text), "\(text)")
        if isPlausibleEmail(text) { plausible += 1 }
        if let trimmed = CellBytes.trimmed(buffer, newlines: false) {
          #expect(String(decoding: trimmed, as: UTF8.self) == text.trimmingSpaces(), "\(text)")
        }
        if let trimmed = CellBytes.trimmed(buffer, newlines: true) {
          #expect(
            String(decoding: trimmed, as: UTF8.self) == text.trimmingSpacesAndNewlines(), "\(text)")
          if case .date(let date) = CellBytes.date(trimmed) {
            #expect(date == EvidenceImport.date(text.trimmingSpacesAndNewlines()), "\(text)")
          }
        }
      }
    }
    #expect(plausible > 50)
    for text in ["2026-10-07", "2026-02-29", "2028-02-29T10:00", "2026-13-01 x"] {
      var bytes = Array(text.utf8)
      bytes.withUnsafeMutableBufferPointer { raw in
        #expect(CellBytes.date(UnsafeBufferPointer(raw)) == .date(EvidenceImport.date(text)))
      }
    }
    for email in ["a@b.co", "x.y+z@sub.example.org", "a..b@c.de", "-a@b.c", "a@-b.c", "a@b"] {
      var bytes = Array(email.utf8)
      bytes.withUnsafeMutableBufferPointer { raw in
        #expect(CellBytes.isPlausibleEmail(UnsafeBufferPointer(raw)) == isPlausibleEmail(email))
      }
    }
  }

  /// The table-driven email check against the `String` one: every byte in every place (local
  /// part, host, next to dots, `@` and hyphens), and random addresses over all of printable ASCII.
  @Test func emailByteClassesAgreeWithTheStringCheck() {
    func check(_ bytes: [UInt8]) {
      var copy = bytes
      copy.withUnsafeMutableBufferPointer { raw in
        let text = String(decoding: raw, as: UTF8.self)
        // Only valid UTF-8 is compared: the `String` of other bytes is not the same text.
        guard Array(text.utf8) == bytes else { return }
        #expect(
          CellBytes.isPlausibleEmail(UnsafeBufferPointer(raw)) == isPlausibleEmail(text),
          "\(bytes)")
      }
    }
    for value in 0...255 {
      let byte = UInt8(value)
      for shape in ["?", "a?", "?a", "a?b", "a.?", "?.a"] {
        let part = Array(shape.utf8).map { $0 == UInt8(ascii: "?") ? byte : $0 }
        check(part + Array("@example.org".utf8))
        check(Array("ann@".utf8) + part + Array(".org".utf8))
        check(Array("ann@example.".utf8) + part)
      }
    }
    var random = SeededGenerator(seed: 29)
    let alphabet = (0x20...0x7E).map { UInt8($0) } + Array("@@...--aZ9".utf8)
    for _ in 0..<20_000 {
      var bytes = (0..<Int.random(in: 0...12, using: &random)).map { _ in
        alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
      }
      if Int.random(in: 0..<2, using: &random) == 0 {
        bytes.insert(contentsOf: Array("x@y".utf8), at: bytes.count / 2)
        bytes += Array(".io".utf8)
      }
      check(bytes)
    }
  }
}
