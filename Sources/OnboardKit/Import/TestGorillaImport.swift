import Foundation
import OnboardCSV

/// TestGorilla's candidate export (assessment results downloaded as CSV): one row per candidate,
/// one column per test, as TestGorilla's help centre documents it: `First name, Last name, Email,
/// Source, Invitation date, Completion date, Status, Stage, Scoring metric, Average score`,
/// qualifying questions, the test columns, the anti-cheating Yes/No columns and `Your rating`.
///
/// Honours `Scoring metric`: with `Percentile` the numbers are ranks among candidates, recorded as
/// ranks and never as proficiency; `Raw score` (formerly `Percentage`) is percent correct. Only
/// `Completed` candidates are imported; others are skipped and reported. `Completion date` (older
/// exports: `Last activity`) dates the evidence. Anti-cheating Yes/No columns become integrity
/// notes on the candidate's evidence. `Your rating` (the hiring team's stars), qualifying
/// questions and right-to-work questions carry no skill evidence: skipped with a note. Columns
/// that carry no number (personality tests such as DISC) are skipped with a note; a column no
/// skill names that carries scores is a warning (rule 1) and the row's other tests import.
/// Older headers (`Invited on`, `Last activity`, `Percentage`) are still read.
enum TestGorillaImport {
  static let metaColumns: Set<String> = [
    "first name", "last name", "name", "email", "invited on", "invitation date", "last activity",
    "status", "stage", "hiring stage", "scoring metric", "average score", "rating", "phone",
    "country", "source", "tags", "assessment", "assessment name", "job role", "custom questions",
    "candidate id", "id", "completed on", "date completed", "completion date",
  ]
  /// Columns known to carry no skill evidence, skipped with a note saying why.
  static func knownNonSkill(_ key: String) -> String? {
    if key == "your rating" || key == "rating" || key == "star rating" {
      return "the hiring team's star rating, not skill evidence"
    }
    if key.hasPrefix("qualifying question") { return "a qualifying question, not skill evidence" }
    if ["right to work", "work permit", "authorized to work", "authorised to work", "visa"]
      .contains(
        where: key.contains)
    {
      return "a right-to-work question, not skill evidence"
    }
    return nil
  }
  static let integrityMarkers = [
    "full-screen", "full screen", "mouse", "webcam", "anti-cheating", "copy-paste", "copy paste",
    "ip address", "location",
  ]

  /// Reads the rows, handing each evidence to `each`; the result has the notes and row errors.
  ///
  /// The common row (a Completed candidate with an ASCII email) is read from its cells' bytes:
  /// columns found once per file, statuses, metrics, integrity answers, dates and scores compared
  /// and parsed without a `String` per cell, positions found in one walk over the row. Any other
  /// row, and any cell the byte functions cannot decide, goes the general way
  /// (``referenceRow(_:_:check:each:)``), so the result is the same as
  /// ``referenceParse(_:skills:each:)``'s (tested on generated and fuzzed exports).
  ///
  /// The duplicate check keeps 44-bit fingerprints of the emails (``FingerprintSet``), not the
  /// emails: memory stays at a few bytes per candidate. A row whose fingerprint was seen may
  /// repeat an earlier email, or (rarely: about n² / 2⁴⁵ for n candidates) merely share its
  /// fingerprint; such a row waits, unread, until the end of the file. Then the rows are read
  /// again from the top, the waiting rows' emails compared exactly with the earlier rows' (which
  /// also gives the line of each email's first Completed row), and each waiting row is refused as
  /// a duplicate, with today's message, or imported. So a duplicate is never missed nor invented,
  /// and its error is in the result before the import returns; only a row that merely shared a
  /// fingerprint hands on its evidence and notes after the file's other rows.
  /// `fingerprint` maps the email hash first (tests force collisions with it).
  static func parse(
    _ table: inout TableReader, skills: SkillIndex, fingerprint: (UInt64) -> UInt64 = { $0 },
    each: (Evidence) -> Void
  ) throws(InputErrors) -> EvidenceImportResult {
    var count = 0
    return try parse(&table, skills: skills, fingerprint: fingerprint, count: &count, each: each)
  }

  /// ``parse(_:skills:fingerprint:each:)``, adding the number of evidence handed on to `count`
  /// (so that a caller who counts them needs no closure of its own around `each`).
  static func parse(
    _ table: inout TableReader, skills: SkillIndex, fingerprint: (UInt64) -> UInt64 = { $0 },
    count: inout Int, each: (Evidence) -> Void
  ) throws(InputErrors) -> EvidenceImportResult {
    var result = EvidenceImportResult()
    let layout = try Self.layout(table, skills: skills, result: &result)
    var context = RowContext(layout: layout, table: table, skills: skills, result: result)
    var template = context.makeTemplate()
    var seen = FingerprintSet()
    var waiting: [(row: CSVRow, key: String)] = []
    do {
      while let cells = try table.nextCells() {
        let outcome =
          cells.withFieldBytes { fields in
            fastRow(fields, cells, layout, &context, &template, &seen, fingerprint, each)
          } ?? .general
        switch outcome {
        case .done: continue
        case .undecided(let key):
          waiting.append((cells.detached(), key))
          continue
        case .general: break
        }
        var undecidedKey: String?
        let done = referenceRow(
          table.row(cells), &context,
          check: { key, _ in
            if seen.insert(fingerprint(emailHash(key))) { return .first }
            undecidedKey = key
            return .undecided
          }, each: each)
        if !done, let key = undecidedKey { waiting.append((cells.detached(), key)) }
      }
    } catch {
      throw InputErrors([error])
    }
    if !waiting.isEmpty {
      try confirm(waiting, &context, fingerprint: fingerprint, each: each)
    }
    count += context.handedOn
    return context.result
  }

  /// What the fast path did with a row.
  enum FastOutcome {
    /// The row is read and recorded.
    case done
    /// Its email's fingerprint was seen: the row waits (nothing recorded).
    case undecided(key: String)
    /// The row needs the general path (nothing recorded).
    case general
  }

  /// What a row is, from its bytes, when that is certain.
  enum FastKind {
    /// A Completed row of a plausible ASCII email (trimmed), with the header's cell count.
    case candidate(email: UnsafeBufferPointer<UInt8>)
    /// The same but not Completed: the trimmed ASCII status.
    case unfinished(email: UnsafeBufferPointer<UInt8>, status: UnsafeBufferPointer<UInt8>)
    /// Anything else: the general path decides.
    case general
  }

  /// ``referenceKind(_:)`` from the row's bytes for the common rows (the row has the header's
  /// cell count and a non-empty email, so it is not blank).
  @inline(__always)
  static func fastKind(_ fields: CSVFieldBytes, _ layout: Layout) -> FastKind {
    guard fields.count == layout.cellCount,
      let emailCell = fields.value(at: layout.email),
      let email = CellBytes.trimmed(emailCell, newlines: true), !email.isEmpty,
      // (A plausible email is ASCII: its atoms and labels are.)
      CellBytes.isPlausibleEmail(email),
      let statusCell = fields.value(at: layout.status),
      let status = CellBytes.trimmed(statusCell, newlines: true), CellBytes.isASCII(status)
    else { return .general }
    return CellBytes.equalsLowercased(status, "completed")
      ? .candidate(email: email) : .unfinished(email: email, status: status)
  }

  /// The trimmed email of a row that is for sure a Completed candidate; nil when it is not or
  /// the general path must say.
  static func fastCandidate(_ fields: CSVFieldBytes, _ layout: Layout) -> UnsafeBufferPointer<
    UInt8
  >? {
    if case .candidate(let email) = fastKind(fields, layout) { return email }
    return nil
  }

  /// Reads a row from its bytes, as ``referenceRow(_:_:check:each:)`` would; `.general` (before
  /// anything is recorded) for a row it cannot decide.
  ///
  /// `template` is the file's evidence being made (``RowContext/makeTemplate()``): the row's and
  /// each score's parts are set in it and it is handed on as it is. (An `inout` parameter, not a
  /// property of `context`: handed on from a property, it was copied for every score, its strings
  /// retained and released.)
  static func fastRow(
    _ fields: CSVFieldBytes, _ cells: CSVRow, _ layout: Layout, _ context: inout RowContext,
    _ template: inout Evidence, _ seen: inout FingerprintSet, _ fingerprint: (UInt64) -> UInt64,
    _ each: (Evidence) -> Void
  ) -> FastOutcome {
    let emailBytes: UnsafeBufferPointer<UInt8>
    switch fastKind(fields, layout) {
    case .general: return .general
    case .unfinished(let email, let status):
      let position = cells.position(at: layout.status) ?? (cells.line, 1)
      context.result.rowNotes.append(
        .unfinished, file: context.fileNumber, line: position.line, column: position.column,
        insertion: context.result.storedSkipped.count, email: email, status: status)
      return .done
    case .candidate(let email): emailBytes = email
    }
    let (key, hash) = keyAndHash(emailBytes)
    guard seen.insert(fingerprint(hash)) else { return .undecided(key: key) }
    // Messages only: the email as written, the row with its column names.
    func email() -> String {
      CellBytes.hasUppercase(emailBytes) ? String(decoding: emailBytes, as: UTF8.self) : key
    }
    func row() -> TableRow { context.table.row(cells) }
    func ascii(_ index: Int, newlines: Bool) -> UnsafeBufferPointer<UInt8>? {
      guard let cell = fields.value(at: index),
        let bytes = CellBytes.trimmed(cell, newlines: newlines), CellBytes.isASCII(bytes)
      else { return nil }
      return bytes
    }
    var percentile = false
    if let index = layout.metric {
      let known: Bool?
      if let bytes = ascii(index, newlines: true) {
        known = fastPercentile(bytes)
      } else {
        known = Self.percentile(metric: cells[index]?.trimmingSpacesAndNewlines() ?? "")
      }
      guard let known else {
        context.result.fail(key, metricError(row()))
        return .done
      }
      percentile = known
    }
    if percentile, let index = layout.metric {
      let position = cells.position(at: index) ?? (cells.line, 1)
      context.result.rowNotes.append(
        .percentile, file: context.fileNumber, line: position.line, column: position.column,
        insertion: context.result.storedDiagnostics.count, email: emailBytes)
    }
    var flagged: [String] = []
    var flags: UInt64 = 0
    // By index, the name taken only when flagged: a copy of a column's tuple retains its name.
    let integrityIndices = layout.integrityIndices
    for number in integrityIndices.indices {
      let index = integrityIndices[number]
      let no: Bool
      if let bytes = ascii(index, newlines: false) {
        no = CellBytes.equalsLowercased(bytes, "no")
      } else {
        no = (cells[index]?.trimmingSpaces().lowercased() ?? "") == "no"
      }
      if no {
        flagged.append(layout.integrityColumns[number].name)
        if number < 64 { flags |= 1 << UInt64(number) }
      }
    }
    let integrity = flagged.isEmpty ? nil : integrityNote(flagged)
    if integrity != nil {
      let position = cells.position(at: layout.email) ?? (cells.line, 1)
      if layout.integrityColumns.count <= 64 {
        context.result.rowNotes.append(
          .integrity, file: context.fileNumber, line: position.line, column: position.column,
          insertion: context.result.storedDiagnostics.count, email: emailBytes,
          columns: context.integrityList, flags: flags)
      } else {
        context.result.storedDiagnostics.append(
          Diagnostic(.warning, row().location("Email"), "\(email()): \(integrity ?? "")"))
      }
    }
    var date: CalendarDate?
    for index in layout.dates {
      if let bytes = ascii(index, newlines: true), case .date(let found) = CellBytes.date(bytes) {
        date = found
        if found == nil, !bytes.isEmpty {  // the shape of a date, not a real day (2026-02-30)
          let text = cells[index]?.trimmingSpacesAndNewlines() ?? ""
          context.result.storedDiagnostics.append(
            unreadableDateWarning(row(), at: index, text: text, email: email()))
        }
      } else {
        let text = cells[index]?.trimmingSpacesAndNewlines() ?? ""
        date = EvidenceImport.date(text)
        if date == nil, !text.isEmpty {
          context.result.storedDiagnostics.append(
            unreadableDateWarning(row(), at: index, text: text, email: email()))
        }
      }
      if date != nil { break }
    }
    // The row's part of ``evidenceTemplate(key:percentile:date:integrity:path:)`` (the file,
    // source and assessor are the context's already).
    template.hireKey = key
    template.scale = percentile ? .percentile : .percent
    template.date = date
    template.note = integrity
    // Columns as the first test's plus the distance, when the row allows (see
    // `CSVFieldBytes.columnBase(from:to:)`); else all found in one walk.
    let testIndices = layout.testIndices
    let slots = layout.slots
    let slotSkills = slots.skills
    let slotNames = slots.names
    let slotHasSkill = slots.hasSkill
    let base =
      testIndices.isEmpty
      ? nil : fields.columnBase(from: testIndices[0], to: testIndices[testIndices.count - 1])
    if base == nil { fields.positions(of: testIndices, into: &context.positions) }
    // The columns by slot, their names and skills from arrays of their own: a copy of a
    // column's tuple retains its strings.
    let cache = layout.cells
    for slot in testIndices.indices {
      let index = testIndices[slot]
      // The cell's text is in the cache's slot `cached`, or (not cached) in the template already.
      var cached = -1
      let number: Double?
      if let cell = fields.value(at: index), let bytes = CellBytes.trimmed(cell, newlines: false) {
        if bytes.isEmpty { continue }
        // A cell of a column no skill names that starts with a letter (a personality test's
        // answer) has no number: once its column is noted there is nothing to record.
        if !slotHasSkill[slot], CellBytes.isLetter(bytes[0]), context.wasReported(index) {
          continue
        }
        let read = { (bytes: UnsafeBufferPointer<UInt8>) -> (text: String, number: Double?) in
          let text = String(decoding: bytes, as: UTF8.self)
          return (
            text, EvidenceImport.plainNumber(utf8: bytes) ?? EvidenceImport.generalNumber(text)
          )
        }
        if let found = cache.slot(bytes, read: read) {
          cached = found
          number = cache.numbers[found]
        } else {
          let value = read(bytes)
          template.rawValue = value.text
          number = value.number
        }
      } else {
        let raw = cells[index]?.trimmingSpaces() ?? ""
        if raw.isEmpty { continue }
        number = EvidenceImport.number(raw)
        template.rawValue = raw
      }
      let position =
        base.map { (line: fields.line, column: $0 &+ fields.startOffset(at: index)) }
        ?? context.positions[slot]
      // A score of a known skill: the template becomes its evidence, as ``testCell`` makes it.
      // Its skill and name (and a cached text) are swapped in from their storage and back out
      // after (see `SlotStrings`, `ShortCellCache`): moved, not retained and released.
      if let value = number, value >= 0, value <= 100, slotHasSkill[slot] {
        swap(&template.skillID, &slotSkills[slot])
        swap(&template.instrument, &slotNames[slot])
        if cached >= 0 { swap(&template.rawValue, &cache.texts[cached]) }
        template.proficiency = percentile ? nil : Proficiency(fraction: value / 100)
        template.percentileRank = percentile ? value : nil
        template.origin.line = position.line
        template.origin.column = position.column
        context.handedOn &+= 1
        each(template)
        if cached >= 0 { swap(&template.rawValue, &cache.texts[cached]) }
        swap(&template.skillID, &slotSkills[slot])
        swap(&template.instrument, &slotNames[slot])
        continue
      }
      let raw = cached >= 0 ? cache.texts[cached] : template.rawValue
      // Any other cell gives no evidence: the general reading records why.
      rejectCell(
        raw, number: number, column: layout.testColumns[slot], line: position.line,
        column: position.column, hireKey: key, file: context.table.path, &context)
    }
    return .done
  }

  /// ``percentile(metric:)`` of a trimmed ASCII value.
  static func fastPercentile(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    if bytes.isEmpty || CellBytes.equalsLowercased(bytes, "percentage")
      || CellBytes.equalsLowercased(bytes, "raw score") || CellBytes.equalsLowercased(bytes, "raw")
      || CellBytes.equalsLowercased(bytes, "percent")
      || CellBytes.equalsLowercased(bytes, "% correct")
      || CellBytes.equalsLowercased(bytes, "percentage correct")
    {
      return false
    }
    return CellBytes.equalsLowercased(bytes, "percentile") ? true : nil
  }

  /// Decides the rows that waited: reads the file again from its first row up to the last
  /// waiting one, notes the first Completed row of each waiting email (compared exactly), then
  /// reads each waiting row as a duplicate of that line or, when it is that line, as a first row.
  static func confirm(
    _ waiting: [(row: CSVRow, key: String)], _ context: inout RowContext,
    fingerprint: (UInt64) -> UInt64, each: (Evidence) -> Void
  ) throws(InputErrors) {
    let keys = Set(waiting.map(\.key))
    let hashes = Set(keys.map { fingerprint(emailHash($0)) })
    var firstLines: [String: Int] = [:]
    var replay = context.table
    let last = waiting[waiting.count - 1].row.line
    do {
      while let cells = try replay.nextCells(), cells.line <= last {
        let key: String
        if let fast = cells.withFieldBytes({ fields in
          fastCandidate(fields, context.layout).map(CellBytes.lowercasedString)
        }), let fast {
          key = fast
        } else if case .candidate(let general, _) = referenceKind(replay.row(cells)) {
          key = general
        } else {
          continue
        }
        guard firstLines[key] == nil, hashes.contains(fingerprint(emailHash(key))),
          keys.contains(key)
        else { continue }
        firstLines[key] = cells.line
      }
    } catch {
      throw InputErrors([error])
    }
    for item in waiting {
      let first = firstLines[item.key] ?? item.row.line
      let decision: Repeat = first < item.row.line ? .duplicate(firstLine: first) : .first
      _ = referenceRow(
        context.table.row(item.row), &context, check: { _, _ in decision }, each: each)
    }
    // A waiting row's errors were recorded after later rows' errors of the same email: put each
    // such email's errors back in file order (a hire's errors are in file order otherwise).
    for key in keys {
      guard let errors = context.result.rowErrors[key], errors.count > 1 else { continue }
      context.result.rowErrors[key] = errors.enumerated().sorted {
        ($0.element.location.line ?? 0, $0.element.location.column ?? 0, $0.offset) < (
          $1.element.location.line ?? 0, $1.element.location.column ?? 0, $1.offset
        )
      }.map(\.element)
    }
  }
}

extension TestGorillaImport {
  /// A stable 64-bit hash of a lower-cased email (FNV-1a, then a MurmurHash3 finaliser), the same
  /// in every run, so that the same file always gives the same result. The duplicate check keeps
  /// 44 of its bits (``FingerprintSet``) and confirms every repeat on the emails themselves.
  static func emailHash(_ key: String) -> UInt64 { emailHash(utf8: key.utf8) }

  /// ``emailHash(_:)`` of a key given as its UTF-8 bytes.
  static func emailHash<Bytes: Sequence<UInt8>>(utf8 bytes: Bytes) -> UInt64 {
    var hash = hashStart
    for byte in bytes { hash = hashStep(hash, byte) }
    return hashEnd(hash)
  }

  /// The key of ASCII email bytes (``CellBytes/lowercasedString(_:)``) and its
  /// ``emailHash(_:)``, in one pass over the bytes: lower-cased eight at a time
  /// (``CellBytes/lowercased(word:)``), hashed byte by byte.
  static func keyAndHash(_ bytes: UnsafeBufferPointer<UInt8>) -> (key: String, hash: UInt64) {
    var hash = hashStart
    let count = bytes.count
    let key = String(unsafeUninitializedCapacity: count) { buffer in
      guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return 0 }
      var index = 0
      while index &+ 8 <= count {
        var word = CellBytes.lowercased(
          word: UInt64(
            littleEndian: UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)))
        UnsafeMutableRawPointer(target + index).storeBytes(of: word.littleEndian, as: UInt64.self)
        for _ in 0..<8 {
          hash = hashStep(hash, UInt8(truncatingIfNeeded: word))
          word &>>= 8
        }
        index &+= 8
      }
      while index < count {
        let byte = CellBytes.lowercased(source[index])
        target[index] = byte
        hash = hashStep(hash, byte)
        index &+= 1
      }
      return count
    }
    return (key, hashEnd(hash))
  }

  private static let hashStart: UInt64 = 0xCBF2_9CE4_8422_2325

  @inline(__always)
  private static func hashStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }

  @inline(__always)
  private static func hashEnd(_ start: UInt64) -> UInt64 {
    var hash = start
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash = hash &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 33)
  }
}
