import Foundation
import OnboardCSV

/// The TestGorilla import's general path, on `String`s: what every row means, written plainly.
/// The fast path (``TestGorillaImport/parse(_:skills:fingerprint:each:)``) gives the same result
/// from the cells' bytes for the common rows and hands every other row to ``referenceRow``;
/// ``referenceParse(_:skills:each:)`` reads a whole file this way, for the tests that compare
/// the two.
extension TestGorillaImport {
  /// The columns of one export, found once from its header. A class: the fast path reads it for
  /// every row, and a copy of a struct of arrays retained each of them.
  /// The header's columns as the import reads them. Constants (a class of `let`s): the fast path
  /// reads them for every row, and a class's `var` is checked for exclusive access at each read.
  final class Layout {
    let testColumns: [(index: Int, name: String, skill: String?)]
    let testIndices: [Int]
    /// The test columns' names and skills, by slot (the fast path reads them without copying
    /// the columns' tuples).
    let testNames: [String]
    let testSkills: [String?]
    let integrityColumns: [(index: Int, name: String)]
    /// The anti-cheating columns' indices.
    let integrityIndices: [Int]
    let email: Int
    let status: Int
    let metric: Int?
    /// The date columns present, in the order they are tried.
    let dates: [Int]
    let cellCount: Int
    /// The fast path's storage: the test columns' strings it swaps into its evidence, and the
    /// scores read recently. (Here, in a class the fast path is handed, rather than in the
    /// `inout` context: read from the context they were retained and released for every row.)
    let slots: SlotStrings
    let cells = ShortCellCache()

    init(
      testColumns: [(index: Int, name: String, skill: String?)],
      integrityColumns: [(index: Int, name: String)], email: Int, status: Int, metric: Int?,
      dates: [Int], cellCount: Int
    ) {
      self.testColumns = testColumns
      testIndices = testColumns.map(\.index)
      testNames = testColumns.map(\.name)
      testSkills = testColumns.map(\.skill)
      self.integrityColumns = integrityColumns
      integrityIndices = integrityColumns.map(\.index)
      self.email = email
      self.status = status
      self.metric = metric
      self.dates = dates
      self.cellCount = cellCount
      slots = SlotStrings(names: testNames, skills: testSkills)
    }
  }

  /// The fast path's own copies of the test columns' names and skill ids (`""` for a column no
  /// skill names), by slot, in storage that it swaps into the evidence it hands on and back out
  /// after: a swap moves a string, where an assignment retains the new one and releases the old
  /// one, for each of an export's millions of scores. Between two swaps every slot holds its
  /// column's strings again.
  final class SlotStrings {
    let names: UnsafeMutablePointer<String>
    let skills: UnsafeMutablePointer<String>
    /// Whether the column at each slot names a skill.
    let hasSkill: UnsafeMutablePointer<Bool>
    let count: Int

    init(names: [String], skills: [String?]) {
      count = min(names.count, skills.count)
      self.names = UnsafeMutablePointer<String>.allocate(capacity: count)
      self.skills = UnsafeMutablePointer<String>.allocate(capacity: count)
      hasSkill = UnsafeMutablePointer<Bool>.allocate(capacity: count)
      for slot in 0..<count {
        (self.names + slot).initialize(to: names[slot])
        (self.skills + slot).initialize(to: skills[slot] ?? "")
        (hasSkill + slot).initialize(to: skills[slot] != nil)
      }
    }

    deinit {
      names.deinitialize(count: count)
      skills.deinitialize(count: count)
      names.deallocate()
      skills.deallocate()
      hasSkill.deallocate()
    }
  }

  static let dateColumns = ["Completion date", "Completed on", "Date completed", "Last activity"]

  /// Checks the header and sorts its columns; notes the columns skipped.
  static func layout(
    _ table: TableReader, skills: SkillIndex, result: inout EvidenceImportResult
  ) throws(InputErrors) -> Layout {
    do {
      try table.require(["First name", "Email", "Status"])
    } catch {
      throw InputErrors([error])
    }
    var testColumns: [(index: Int, name: String, skill: String?)] = []
    var integrityColumns: [(index: Int, name: String)] = []
    for (index, name) in table.header.enumerated() {
      let key = TableReader.key(name)
      if let reason = knownNonSkill(key) {
        result.noteOnce(
          table.headerLocation(at: index), "column `\(name)` is \(reason); skipped")
        continue
      }
      if metaColumns.contains(key) || EvidenceImport.demographicColumns.contains(key) || key.isEmpty
      {
        continue
      }
      if integrityMarkers.contains(where: { key.contains($0) }) {
        integrityColumns.append((index, name))
      } else {
        testColumns.append((index, name, skills.skillID(for: name)))
      }
    }
    return Layout(
      testColumns: testColumns, integrityColumns: integrityColumns,
      email: table.index(of: "Email") ?? 0, status: table.index(of: "Status") ?? 0,
      metric: table.index(of: "Scoring metric"),
      dates: dateColumns.compactMap { table.index(of: $0) }, cellCount: table.header.count)
  }

  /// What a row is before anything is recorded for it.
  enum RowKind {
    case blank
    /// More or fewer cells than the header.
    case ragged(key: String)
    case badEmail(email: String)
    case unfinished(key: String, email: String, status: String)
    /// A Completed row of a plausible email: checked for a repeat, then imported.
    case candidate(key: String, email: String)
  }

  /// What the duplicate check says of a Completed row.
  enum Repeat {
    /// The email's first Completed row.
    case first
    /// The email had a Completed row at this line.
    case duplicate(firstLine: Int)
    /// Perhaps a repeat: the row waits until the end of the file, where it is confirmed.
    case undecided
  }

  static func referenceKind(_ row: TableRow) -> RowKind {
    if row.isBlank { return .blank }
    let email = row.value("Email")
    let key = email.lowercased()
    if row.cellCountError() != nil { return .ragged(key: key) }
    guard isPlausibleEmail(email) else { return .badEmail(email: email) }
    let status = row.value("Status")
    guard status.lowercased() == "completed" else {
      return .unfinished(key: key, email: email, status: status)
    }
    return .candidate(key: key, email: email)
  }

  /// What is read from a row's cells, and what is changed as it is read.
  struct RowContext {
    let layout: Layout
    let table: TableReader
    let skills: SkillIndex
    var result: EvidenceImportResult
    /// Test columns already reported as unknown or unscored (once per column), by index.
    var reportedUnknown: [Bool] = []
    /// The test cells' positions in the row being read (the fast path's).
    var positions: [(line: Int, column: Int)] = []
    /// Whether the column at `index` was reported already.
    func wasReported(_ index: Int) -> Bool {
      index < reportedUnknown.count && reportedUnknown[index]
    }
    /// Whether this is the first report of the column at `index` (and marks it reported).
    mutating func firstReport(of index: Int) -> Bool {
      if index >= reportedUnknown.count {
        reportedUnknown += repeatElement(false, count: index + 1 - reportedUnknown.count)
      }
      if reportedUnknown[index] { return false }
      reportedUnknown[index] = true
      return true
    }

    /// The evidence handed on so far.
    var handedOn = 0
    /// The file's and the anti-cheating columns' numbers in the result's row notes.
    var fileNumber = 0
    var integrityList = 0

    init(layout: Layout, table: TableReader, skills: SkillIndex, result: EvidenceImportResult) {
      self.layout = layout
      self.table = table
      self.skills = skills
      self.result = result
      fileNumber = self.result.rowNotes.file(table.path)
      integrityList = self.result.rowNotes.columns(layout.integrityColumns.map(\.name))
    }
    /// The fast path's evidence: what all the file's evidence share is set here, the rest by
    /// ``TestGorillaImport/fastRow(_:_:_:_:_:_:_:_:)`` per row and per score.
    func makeTemplate() -> Evidence {
      TestGorillaImport.evidenceTemplate(
        key: "", percentile: false, date: nil, integrity: nil, path: table.path)
    }
  }

  /// Reads one row the general way. `check` is the duplicate check of a Completed row; the
  /// result is false only when it said ``Repeat/undecided`` (nothing was recorded then).
  static func referenceRow(
    _ row: TableRow, _ context: inout RowContext, check: (String, Int) -> Repeat,
    each: (Evidence) -> Void
  ) -> Bool {
    let key: String
    let email: String
    switch referenceKind(row) {
    case .blank: return true
    case .ragged(let rowKey):
      if let ragged = row.cellCountError() { context.result.fail(rowKey, ragged) }
      return true
    case .badEmail(let text):
      context.result.skipEmail(text, row.location("Email"), what: "the row")
      return true
    case .unfinished(let rowKey, let text, let status):
      context.result.skip(
        .unfinished, row.location("Status"), hireKey: rowKey,
        unfinishedMessage(text, status: status))
      return true
    case .candidate(let rowKey, let text):
      key = rowKey
      email = text
    }
    switch check(key, row.line) {
    case .undecided: return false
    case .duplicate(let first):
      context.result.fail(key, duplicateError(row, email: email, firstLine: first))
      return true
    case .first: break
    }
    guard let percentile = percentile(metric: row.value("Scoring metric")) else {
      context.result.fail(key, metricError(row))
      return true
    }
    if percentile { context.result.storedDiagnostics.append(percentileNote(row, email: email)) }
    let flags = context.layout.integrityColumns.compactMap { column -> String? in
      let value = row.cell(at: column.index)?.trimmingSpaces().lowercased() ?? ""
      return value == "no" ? column.name : nil
    }
    let integrity = integrityNote(flags)
    if let integrity {
      context.result.storedDiagnostics.append(
        Diagnostic(.warning, row.location("Email"), "\(email): \(integrity)", hireKey: key))
    }
    var date: CalendarDate?
    for index in context.layout.dates {
      let text = row.cell(at: index)?.trimmingSpacesAndNewlines() ?? ""
      if text.isEmpty { continue }
      date = EvidenceImport.date(text)
      if date != nil { break }
      context.result.storedDiagnostics.append(
        unreadableDateWarning(row, at: index, text: text, email: email))
    }
    var template = evidenceTemplate(
      key: key, percentile: percentile, date: date, integrity: integrity, path: row.path)
    for column in context.layout.testColumns {
      let raw = row.cell(at: column.index)?.trimmingSpaces() ?? ""
      if raw.isEmpty { continue }
      let location = row.location(at: column.index)
      if testCell(
        raw, number: EvidenceImport.number(raw), column: column, line: location.line ?? 0,
        column: location.column ?? 0, &template, &context)
      {
        context.handedOn += 1
        each(template)
      }
    }
    return true
  }

  /// A row's evidence before its test: what every test of the row shares. ``testCell`` fills in
  /// the rest, so that each evidence is not built (and its strings retained) from scratch.
  static func evidenceTemplate(
    key: String, percentile: Bool, date: CalendarDate?, integrity: String?, path: String
  ) -> Evidence {
    Evidence(
      hireKey: key, skillID: "", source: .test, instrument: "", rawValue: "",
      scale: percentile ? .percentile : .percent, proficiency: nil, percentileRank: nil,
      assessor: "TestGorilla", date: date, note: integrity,
      origin: SourceLocation(file: path, line: 0, column: 0))
  }

  /// One non-empty test cell of an imported row (both paths): true when `template` (the row's
  /// ``evidenceTemplate(key:percentile:date:integrity:path:)``) now is the cell's evidence, for
  /// the caller to hand on; false when the cell gave none (and why is recorded).
  ///
  /// The caller hands the template on itself, from its own variable: handed on from here, through
  /// the `inout`, it was copied first (every string in it retained and released, for each of the
  /// export's millions of scores).
  @inline(__always)
  static func testCell(
    _ raw: String, number: Double?, column: (index: Int, name: String, skill: String?),
    line: Int, column position: Int, _ template: inout Evidence, _ context: inout RowContext
  ) -> Bool {
    guard let value = number, let skillID = column.skill, (0...100).contains(value) else {
      rejectCell(
        raw, number: number, column: column, line: line, column: position,
        hireKey: template.hireKey, file: template.origin.file, &context)
      return false
    }
    template.skillID = skillID
    template.instrument = column.name
    template.rawValue = raw
    template.proficiency = template.scale.proficiency(of: value)
    template.percentileRank = template.scale == .percentile ? value : nil
    template.origin.line = line
    template.origin.column = position
    return true
  }

  /// Records why a non-empty test cell gives no evidence (no number, no skill, or a number out of
  /// 0 to 100), as ``testCell`` does for it: the cell's hire and file are all it needs of the
  /// row's template.
  static func rejectCell(
    _ raw: String, number: Double?, column: (index: Int, name: String, skill: String?),
    line: Int, column position: Int, hireKey: String, file: String,
    _ context: inout RowContext
  ) {
    func location() -> SourceLocation {
      SourceLocation(file: file, line: line, column: position)
    }
    guard let value = number else {
      if column.skill == nil {
        if context.firstReport(of: column.index) {
          context.result.storedDiagnostics.append(
            Diagnostic(
              .note, location(),
              "column `\(column.name)` has no score (e.g. `\(raw)`); a personality test or other non-scored column, skipped"
            ))
        }
      } else {
        context.result.fail(
          hireKey,
          InputError(
            location(),
            "test `\(column.name)`: found `\(raw)`; expected a score from 0 to 100 (a `%` sign and a decimal comma are fine)"
          ))
      }
      return
    }
    guard column.skill != nil else {
      let first = context.firstReport(of: column.index)
      context.result.unknown(
        column.name, at: context.table.headerLocation(at: column.index),
        hireKey: hireKey, skills: context.skills, what: "test", warn: first)
      return
    }
    if !(0...100).contains(value) {
      context.result.fail(
        hireKey,
        InputError(
          location(), "test `\(column.name)`: found `\(raw)`; expected a score from 0 to 100"))
    }
  }

  /// Whether a `Scoring metric` value means percentiles; nil when it is no known metric.
  static func percentile(metric: String) -> Bool? {
    switch metric.lowercased() {
    case "", "raw score", "raw", "percentage", "percent", "% correct", "percentage correct":
      false
    case "percentile": true
    default: nil
    }
  }

  static func metricError(_ row: TableRow) -> InputError {
    row.error(
      "Scoring metric",
      "found `\(row.value("Scoring metric"))`; expected Percentile or Raw score (formerly Percentage)"
    )
  }

  static func duplicateError(_ row: TableRow, email: String, firstLine: Int) -> InputError {
    row.error(
      "Email",
      "`\(email)` already has a completed row at line \(firstLine); expected one row per candidate "
        + "(a retake? delete the earlier row, or give the attempts as separate exports: of "
        + "attempts in different files, the latest counts)")
  }

  /// A date cell that is not a date as TestGorilla writes it (`2026-10-07`, with or without a
  /// time): said at the cell rather than the result left undated in silence. `05/10/2026` could
  /// be 5 October or 10 May, so it is not guessed; the scores are imported all the same.
  static func unreadableDateWarning(_ row: TableRow, at index: Int, text: String, email: String)
    -> Diagnostic
  {
    let column = row.header.indices.contains(index) ? row.header[index] : "date"
    return Diagnostic(
      .warning, row.location(at: index),
      "\(email): column `\(column.trimmingSpaces())`: found `\(text)`; expected the date as "
        + "YYYY-MM-DD (TestGorilla's format, a time may follow); the results are imported without "
        + "this date")
  }

  static func percentileNote(_ row: TableRow, email: String) -> Diagnostic {
    Diagnostic(
      .note, row.location("Scoring metric"), percentileMessage(email), hireKey: email.lowercased())
  }

  static func percentileMessage(_ email: String) -> String {
    "\(email): scores are percentiles (ranks among candidates), recorded as ranks, not as levels"
  }

  static func unfinishedMessage(_ email: String, status: String) -> String {
    "\(email): status `\(status)`, not Completed; the row is not imported"
  }

  /// A row note of the fast path, as the diagnostic the general path makes.
  static func diagnostic(_ entry: RowNoteLog.Entry) -> Diagnostic {
    let location = SourceLocation(file: entry.file, line: entry.line, column: entry.column)
    if entry.kind == .integrity {
      return Diagnostic(
        .warning, location, "\(entry.email): \(integrityNote(entry.flagged) ?? "")",
        hireKey: entry.email.lowercased())
    }
    return Diagnostic(
      .note, location, percentileMessage(entry.email), hireKey: entry.email.lowercased())
  }

  /// A row note of the fast path, as the skipped record the general path makes.
  static func skippedRecord(_ entry: RowNoteLog.Entry) -> SkippedRecord {
    SkippedRecord(
      .unfinished, SourceLocation(file: entry.file, line: entry.line, column: entry.column),
      hireKey: entry.email.lowercased(), unfinishedMessage(entry.email, status: entry.status))
  }

  /// "Integrity: Webcam enabled: No; ..." for the anti-cheating columns that say No; nil for none.
  static func integrityNote(_ flagged: [String]) -> String? {
    flagged.isEmpty ? nil : "Integrity: " + flagged.map { "\($0): No" }.joined(separator: "; ")
  }

  /// The whole file the general way, with an exact duplicate check (the emails themselves): the
  /// specification the fast path is tested against.
  static func referenceParse(
    _ table: inout TableReader, skills: SkillIndex, each: (Evidence) -> Void
  ) throws(InputErrors) -> EvidenceImportResult {
    var result = EvidenceImportResult()
    let layout = try Self.layout(table, skills: skills, result: &result)
    var context = RowContext(layout: layout, table: table, skills: skills, result: result)
    var firstLines: [String: Int] = [:]
    do {
      while let row = try table.next() {
        _ = referenceRow(
          row, &context,
          check: { key, line in
            if let first = firstLines[key] { return .duplicate(firstLine: first) }
            firstLines[key] = line
            return .first
          }, each: each)
      }
    } catch {
      throw InputErrors([error])
    }
    return context.result
  }
}
