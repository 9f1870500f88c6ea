import Foundation
import OnboardCSV

/// A CSV file read row by row through its header: columns by name (case-insensitive), every value
/// with its file, line and column, and errors that say what was found and what was expected.
public struct TableReader {
  /// The file as the user named it.
  public let path: String
  /// Header names as written.
  public let header: [String]
  /// The header row's line.
  public let headerLine: Int
  /// The header row with its cells' positions.
  public let headerRecord: CSVRecord
  /// How many data rows (blank ones included) have been read so far.
  public private(set) var rowCount = 0
  private var reader: CSVReader
  private var columns: [String: Int]

  /// Opens a table from a CSV reader; reads the header row.
  public init(path: String, reader: CSVReader) throws(InputError) {
    self.path = path
    var reader = reader
    let first: CSVRecord?
    do { first = try reader.next() } catch { throw Self.inputError(error, path: path) }
    guard let first,
      !(first.count == 1 && first.values[0].trimmingCharacters(in: .whitespaces).isEmpty)
    else {
      throw InputError(
        SourceLocation(file: path, line: 1, column: 1), "the file is empty; expected a header row")
    }
    self.reader = reader
    header = first.values.map { $0.trimmingCharacters(in: .whitespaces) }
    headerLine = first.line
    headerRecord = first
    var columns: [String: Int] = [:]
    for (index, name) in header.enumerated() {
      let key = Self.key(name)
      guard let earlier = columns[key] else {
        columns[key] = index
        continue
      }
      // Which of the two holds the value would be a guess (headers match case-insensitively,
      // so `value` and `Value` are one column). Empty header cells (trailing commas) are not
      // columns anyone reads.
      guard key.isEmpty else {
        let field = first.field(at: index)
        throw InputError(
          SourceLocation(file: path, line: field?.line ?? first.line, column: field?.column ?? 1),
          "the \(ordinal(index + 1)) column, `\(name)`, has the name of the \(ordinal(earlier + 1)), "
            + "`\(header[earlier])` (names match ignoring case, spaces, `_` and `-`); expected each "
            + "column once: rename or remove one")
      }
    }
    self.columns = columns
  }

  /// Opens a table from CSV text.
  public init(path: String, text: String) throws(InputError) {
    try self.init(path: path, reader: CSVReader(string: text))
  }

  /// Opens a table from CSV bytes (UTF-8, BOM allowed); UTF-16 and UTF-32 are named as such.
  public init(path: String, data: Data) throws(InputError) {
    if let problem = TextEncodingCheck.problem(data, path: path) { throw problem }
    try self.init(path: path, reader: CSVReader(data: data))
  }

  /// Normalised column key: lower case, spaces, `_` and `-` folded.
  public static func key(_ name: String) -> String {
    // ASCII names (every lookup of a fixed column name) in one pass over the bytes.
    // Written straight into the string's storage: no heap at all for keys of up to 15 bytes.
    if name.utf8.allSatisfy({ $0 < 0x80 }) {
      return String(unsafeUninitializedCapacity: name.utf8.count) { bytes in
        var count = 0
        var pendingSpace = false
        for byte in name.utf8 {
          if byte == 0x20 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == 0x09
          {
            pendingSpace = count > 0
            continue
          }
          if pendingSpace {
            bytes[count] = 0x20
            count += 1
          }
          pendingSpace = false
          bytes[count] =
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
          count += 1
        }
        return count
      }
    }
    return name.lowercased().split(whereSeparator: {
      $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t"
    })
    .joined(separator: " ")
  }

  /// The header's columns that none of `known` (canonical names and their other spellings,
  /// compared as `key` compares them) names: one diagnostic for them all, at the first one,
  /// naming the column each may have meant, or nil when every column is read. A column that
  /// looks like a known one (`notes` for `note`, `workingdays` for `work_days`) makes it a
  /// warning; other columns (an HR system's department, cost centre) a note.
  public func unreadColumns(_ known: [String: [String]], what: String) -> Diagnostic? {
    var spellings: [String: String] = [:]
    for (name, others) in known {
      for spelling in [name] + others { spellings[Self.key(spelling), default: name] = name }
    }
    // The column each name is read from: its own, else the first other spelling the header has
    // (as ``accept(_:for:)`` chooses). Another spelling beside it is not read.
    var chosen: [String: Int] = [:]
    for (name, others) in known {
      for spelling in [name] + others {
        if let index = columns[Self.key(spelling)] {
          chosen[name] = index
          break
        }
      }
    }
    var unread: [(index: Int, text: String, meant: String?, instead: String?)] = []
    var shadowed = false
    for (index, cell) in header.enumerated() {
      let key = Self.key(cell)
      if let name = spellings[key], let read = chosen[name], read != index {
        let source =
          Self.key(header[read]) == Self.key(name)
          ? "the \(ordinal(read + 1)) column" : "`\(header[read])`, the \(ordinal(read + 1)) column"
        unread.append((index, cell, nil, "another name for `\(name)`, read from \(source)"))
        shadowed = true
        continue
      }
      guard !key.isEmpty, spellings[key] == nil else { continue }
      let squashed = key.replacingOccurrences(of: " ", with: "")
      let meant = spellings.keys.sorted().first { spelling in
        let other = spelling.replacingOccurrences(of: " ", with: "")
        return other == squashed || editDistance(other, squashed) <= 2
          || (squashed.count >= 4 && other.hasPrefix(squashed))
          || (other.count >= 4 && squashed.contains(other))
      }.flatMap { spellings[$0] }
      unread.append((index, cell, meant, nil))
    }
    guard let first = unread.first else { return nil }
    let likely = shadowed || unread.contains { $0.meant != nil }
    let list = unread.map { column in
      "`\(column.text)`" + (column.meant.map { " (did you mean `\($0)`?)" } ?? "")
        + (column.instead.map { " (\($0))" } ?? "")
    }
    return Diagnostic(
      likely ? .warning : .note, headerLocation(at: first.index),
      "\(unread.count == 1 ? "column" : "columns") \(list.joined(separator: ", ")) "
        + "\(unread.count == 1 ? "is" : "are") not read by the \(what) import; "
        + (unread.contains { $0.meant != nil }
          ? "rename a misspelled column to the name given, or its values are not used"
          : shadowed
            ? "keep one column for each name, or the other's values are not used"
            : unread.count == 1 ? "its values are not used" : "their values are not used"))
  }

  /// Where the header cell of the column at `index` is (file:line:column).
  public func headerLocation(at index: Int) -> SourceLocation {
    let field = headerRecord.field(at: index)
    return SourceLocation(file: path, line: field?.line ?? headerLine, column: field?.column ?? 1)
  }

  /// Lets other spellings of a column stand for it ("Email Address" for `email`): the first of
  /// `synonyms` the header has is used when the canonical name is absent. Returns the header's
  /// spelling that was taken, if any.
  @discardableResult
  public mutating func accept(_ synonyms: [String], for name: String) -> String? {
    guard columns[Self.key(name)] == nil else { return nil }
    for synonym in synonyms {
      if let index = columns[Self.key(synonym)] {
        columns[Self.key(name)] = index
        return header[index]
      }
    }
    return nil
  }

  /// Whether the header has a column.
  public func has(_ name: String) -> Bool { columns[Self.key(name)] != nil }

  /// The index of a column.
  public func index(of name: String) -> Int? { columns[Self.key(name)] }

  /// Fails unless every required column is present, naming the missing ones and what was found.
  public func require(_ names: [String]) throws(InputError) {
    let missing = names.filter { !has($0) }
    guard missing.isEmpty else {
      throw InputError(
        SourceLocation(file: path, line: headerLine, column: 1),
        "missing column\(missing.count > 1 ? "s" : "") \(missing.map { "`\($0)`" }.joined(separator: ", ")); "
          + "found \(header.map { "`\($0)`" }.joined(separator: ", "))")
    }
  }

  /// The next data row, or nil at the end.
  public mutating func next() throws(InputError) -> TableRow? {
    do {
      guard let cells = try reader.nextRow() else { return nil }
      rowCount += 1
      return TableRow(path: path, cells: cells, columns: columns, header: header)
    } catch {
      throw Self.inputError(error, path: path)
    }
  }

  /// The next data row's cells without the column lookup, or nil at the end (counted like
  /// ``next()``); ``row(_:)`` makes a `TableRow` of them when names are wanted.
  mutating func nextCells() throws(InputError) -> CSVRow? {
    do {
      guard let cells = try reader.nextRow() else { return nil }
      rowCount += 1
      return cells
    } catch {
      throw Self.inputError(error, path: path)
    }
  }

  /// The cells of a row read by ``nextCells()``, with this table's columns.
  func row(_ cells: CSVRow) -> TableRow {
    TableRow(path: path, cells: cells, columns: columns, header: header)
  }

  /// All remaining rows.
  public mutating func rows() throws(InputError) -> [TableRow] {
    var rows: [TableRow] = []
    while let row = try next() { rows.append(row) }
    return rows
  }

  static func inputError(_ error: CSVError, path: String) -> InputError {
    var message = error.message
    if case .invalidUTF8(let byte) = error.kind {
      message += TextEncodingCheck.legacyHint(byte: byte)
    }
    return InputError(
      SourceLocation(
        file: path, line: error.line > 0 ? error.line : nil,
        column: error.column > 0 ? error.column : nil),
      message)
  }
}

/// One data row of a `TableReader`: its cells are byte ranges over the file, each decoded only
/// when asked for (``value(_:)``, ``cell(at:)``).
public struct TableRow: Sendable {
  public let path: String
  /// The cells as read.
  public let cells: CSVRow
  let columns: [String: Int]
  let header: [String]

  /// Every cell decoded, with its position (decodes the whole row: prefer ``value(_:)``,
  /// ``cell(at:)`` and ``location(at:)``).
  public var record: CSVRecord { cells.record }

  /// The row's first line.
  public var line: Int { cells.line }

  /// The trimmed value of a column; "" when the column is absent or the row is short.
  public func value(_ name: String) -> String {
    guard let index = columns[TableReader.key(name)], let value = cells[index] else { return "" }
    return value.trimmingSpacesAndNewlines()
  }

  /// The cell at `index` as written (untrimmed), or nil when the row is shorter.
  public func cell(at index: Int) -> String? { cells[index] }

  /// Where a column's cell is (file:line:column), or the row's start when the cell is missing.
  public func location(_ name: String) -> SourceLocation {
    location(at: columns[TableReader.key(name)] ?? Int.max)
  }

  /// Where the cell at `index` is, or the row's start when the row is shorter.
  public func location(at index: Int) -> SourceLocation {
    let position = cells.position(at: index) ?? cells.position(at: 0)
    return SourceLocation(
      file: path, line: position?.line ?? cells.line, column: position?.column ?? 1)
  }

  /// An error about a column's cell: "column `Rating`: found `7`; expected ...". When the row
  /// is too short to have the cell, the message says so.
  public func error(_ name: String, _ message: String) -> InputError {
    var text = message
    if let index = columns[TableReader.key(name)], index >= cells.count {
      // "found ``" or "is empty" would hide that the row itself is short.
      for blank in ["found ``; ", "is empty; "] where text.hasPrefix(blank) {
        text.removeFirst(blank.count)
      }
      text = "missing: the row has \(cells.count) of the header's \(header.count) cells; " + text
    }
    return InputError(location(name), "column `\(columnName(name))`: " + text)
  }

  /// The header's spelling of a column.
  func columnName(_ name: String) -> String {
    columns[TableReader.key(name)].map { header[$0] } ?? name
  }

  /// A row error when the row has fewer or more cells than the header (a truncated file, an
  /// unquoted comma); nil when the counts match.
  public func cellCountError() -> InputError? {
    // The cells' count and line, not `record`'s: no need to decode the row for them.
    guard cells.count != header.count else { return nil }
    return InputError(
      SourceLocation(file: path, line: cells.line, column: 1),
      "the row has \(cells.count) cell\(cells.count == 1 ? "" : "s"), the header has \(header.count); "
        + "expected one cell per column (a truncated file, or a comma in a value without quotes?)")
  }

  /// Whether the row has more cells than the header: a `,` in a value without quotes, which
  /// shifts every later value into the wrong column.
  public var hasMoreCellsThanHeader: Bool { cells.count > header.count }

  /// Whether every cell is blank.
  public var isBlank: Bool {
    (0..<cells.count).allSatisfy { cells[$0]?.isBlankText ?? true }
  }

  /// A value split on `|`, trimmed, empties dropped.
  public func list(_ name: String) -> [String] {
    value(name).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }
}
