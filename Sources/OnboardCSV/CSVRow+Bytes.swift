extension CSVRow {
  /// Calls `body` with the row's fields as UTF-8 bytes, for code that compares and parses cells
  /// without making a `String` of each; nil (and `body` is not called) when the row was read by
  /// the reference parser (a record the fast scanner refused), whose fields are only `String`s:
  /// use ``subscript(_:)`` then.
  ///
  /// The view is valid only inside `body`.
  @inlinable
  public func withFieldBytes<Result>(_ body: (CSVFieldBytes) throws -> Result) rethrows -> Result? {
    guard decoded == nil else { return nil }
    return try bytes.withUnsafeBufferPointer { buffer in
      try ends.withUnsafeBufferPointer { ends in
        try body(
          CSVFieldBytes(
            buffer: buffer, ends: ends, start: start, count: fieldCount, line: line,
            singleLine: singleLine))
      }
    }
  }

  /// A copy of the row that keeps only its own bytes, not the reader's whole window: for a row
  /// kept for later while the reader goes on (the window would otherwise stay alive).
  public func detached() -> CSVRow {
    guard decoded == nil, fieldCount > 0 else { return self }
    let end = ends[fieldCount - 1]
    return CSVRow(
      bytes: Array(bytes[start..<end]), ends: ends[0..<fieldCount].map { $0 - start },
      count: fieldCount, start: 0, line: line, singleLine: singleLine)
  }
}

/// A row's fields as byte ranges over the reader's window (see ``CSVRow/withFieldBytes(_:)``).
public struct CSVFieldBytes {
  @usableFromInline let buffer: UnsafeBufferPointer<UInt8>
  @usableFromInline let ends: UnsafeBufferPointer<Int>
  @usableFromInline let start: Int
  /// The number of fields.
  public let count: Int
  /// 1-based line where the record starts.
  public let line: Int
  /// Whether the record is known to hold no line break (see ``CSVRow``).
  @usableFromInline let singleLine: Bool

  @usableFromInline
  init(
    buffer: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>, start: Int, count: Int,
    line: Int, singleLine: Bool = false
  ) {
    self.buffer = buffer
    self.ends = ends
    self.start = start
    self.count = count
    self.line = line
    self.singleLine = singleLine
  }

  /// Index in the window of the field's first byte (its opening quote if quoted).
  @inlinable
  func rawStart(_ index: Int) -> Int { index == 0 ? start : ends[index &- 1] &+ 1 }

  /// The value's bytes (without the quotes of a quoted field), or nil when the field still holds
  /// doubled quotes (`""`) or the row is shorter: read those through `CSVRow`'s subscript.
  @inlinable @inline(__always)
  public func value(at index: Int) -> UnsafeBufferPointer<UInt8>? {
    guard index >= 0 && index < count else { return nil }
    var lower = rawStart(index)
    var upper = ends[index]
    if lower < upper && buffer[lower] == UInt8(ascii: "\"") {
      lower &+= 1
      upper &-= 1
      var cursor = lower
      while cursor < upper {
        if buffer[cursor] == UInt8(ascii: "\"") { return nil }
        cursor &+= 1
      }
    }
    return UnsafeBufferPointer(rebasing: buffer[lower..<upper])
  }

  /// Whether the value at `index` is empty (`""` counts as empty); true when the row is shorter.
  @inlinable
  public func isEmpty(at index: Int) -> Bool {
    guard index >= 0 && index < count else { return true }
    let length = ends[index] &- rawStart(index)
    return length == 0 || (length == 2 && buffer[rawStart(index)] == UInt8(ascii: "\""))
  }

  /// Where the fields at `indices` (increasing) start, found in one walk over the row, into
  /// `positions` (emptied first; its storage is reused): the same as ``CSVRow/position(at:)``
  /// for each, and the row's start for an index past the row's end.
  ///
  /// After the first field, when the bytes up to the last field's start are plain (ASCII, no
  /// control byte: see ``PositionCursor/isPlain(_:from:to:)``), as in most rows, each column is
  /// the first one plus the distance, without walking.
  public func positions(of indices: [Int], into positions: inout [(line: Int, column: Int)]) {
    if positions.count != indices.count {
      positions = Array(repeating: (0, 0), count: indices.count)
    }
    if singleLine {
      singleLinePositions(of: indices, into: &positions)
      return
    }
    walkedPositions(of: indices, into: &positions)
  }

  /// ``positions(of:into:)`` of a record without a line break (``singleLine``): every field is on
  /// `line`, its column one more than the scalars before it, that is the bytes before it less
  /// their continuation bytes (10xxxxxx), counted eight at a time; past the first field, when
  /// the bytes up to the last field's start are ASCII, as in most rows, each column is the first
  /// one plus the distance, without counting.
  func singleLinePositions(of indices: [Int], into positions: inout [(line: Int, column: Int)]) {
    guard let base = buffer.baseAddress else {
      walkedPositions(of: indices, into: &positions)
      return
    }
    let last = indices.last { $0 >= 0 && $0 < count }.map(rawStart)
    var cursor = start
    var column = 1
    // The bytes from `cursor` up to `asciiEnd` are known ASCII.
    var asciiEnd = start
    var first = true
    positions.withUnsafeMutableBufferPointer { positions in
      for slot in 0..<indices.count {
        let index = indices[slot]
        guard index >= 0 && index < count else {
          positions[slot] = (line, 1)
          continue
        }
        let target = rawStart(index)
        precondition(target >= cursor, "fields must be asked for in increasing order")
        column &+= target &- cursor
        if target > asciiEnd {
          column &-= Self.continuationBytes(base, from: cursor, to: target)
        }
        cursor = target
        if first {
          first = false
          if let last, Self.isASCII(base, from: target, to: last) { asciiEnd = last }
        }
        positions[slot] = (line, column)
      }
    }
  }

  /// The continuation bytes (10xxxxxx) in `base[from..<to]`, eight bytes at a time.
  @inline(__always)
  static func continuationBytes(_ base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
    var index = from
    var total = 0
    while index &+ 8 <= end {
      let word = Words.load(base + index)
      // The high bit of each byte whose top bits are 10, moved to the byte's low bit, then all
      // eight summed by a multiply (the top byte of the product).
      let marks = (word & ~(word &<< 1) & Words.high) &>> 7
      total &+= Int(truncatingIfNeeded: (marks &* Words.ones) &>> 56)
      index &+= 8
    }
    while index < end {
      if base[index] & 0xC0 == 0x80 { total &+= 1 }
      index &+= 1
    }
    return total
  }

  /// Whether `base[from..<to]` is ASCII, eight bytes at a time.
  @inline(__always)
  static func isASCII(_ base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Bool {
    var index = from
    var seen: UInt64 = 0
    while index &+ 8 <= end {
      seen |= Words.load(base + index)
      index &+= 8
    }
    while index < end {
      seen |= UInt64(base[index])
      index &+= 1
    }
    return seen & Words.high == 0
  }

  /// ``positions(of:into:)`` by walking the row with a ``PositionCursor`` (any record).
  func walkedPositions(of indices: [Int], into positions: inout [(line: Int, column: Int)]) {
    let last = indices.last { $0 >= 0 && $0 < count }.map(rawStart)
    var cursor = PositionCursor(line: line, at: start)
    var plain = false
    positions.withUnsafeMutableBufferPointer { positions in
      for slot in 0..<indices.count {
        let index = indices[slot]
        guard index >= 0 && index < count else {
          positions[slot] = (line, 1)
          continue
        }
        let target = rawStart(index)
        precondition(target >= cursor.index, "fields must be asked for in increasing order")
        if plain {
          cursor.skipPlain(to: target)
        } else {
          cursor.advance(through: buffer, to: target)
          if let last { plain = PositionCursor.isPlain(buffer, from: target, to: last) }
        }
        positions[slot] = (cursor.line, cursor.column)
      }
    }
  }

  /// Where the field at `index` starts (its opening quote if quoted), as an offset that only
  /// ``columnBase(from:to:)`` gives a meaning to.
  @inlinable
  public func startOffset(at index: Int) -> Int { rawStart(index) }

  /// A number that gives the column of every field from `first` to `last` (valid indices,
  /// increasing) as `base + startOffset(at: index)`, all on `line`; nil unless the row is known
  /// to hold no line break and its bytes from the first field's start to the last one's are
  /// ASCII (then each column is the first one's plus the distance). The same columns as
  /// ``CSVRow/position(at:)``.
  public func columnBase(from first: Int, to last: Int) -> Int? {
    guard singleLine, first >= 0, first <= last, last < count, let base = buffer.baseAddress
    else { return nil }
    let from = rawStart(first)
    guard Self.isASCII(base, from: from, to: rawStart(last)) else { return nil }
    return 1 &+ (from &- start) &- Self.continuationBytes(base, from: start, to: from) &- from
  }

  /// A walker that finds fields' lines and columns in one pass over the row (see
  /// ``CSVFieldPositions``).
  public func positions() -> CSVFieldPositions {
    CSVFieldPositions(fields: self, cursor: PositionCursor(line: line, at: start))
  }
}

/// Lines and columns of a row's fields, found walking forward: ask for fields in increasing order
/// and the whole row is walked at most once (``CSVRow/position(at:)`` walks from the row's start
/// for each field). The same positions as ``CSVRow/position(at:)``.
public struct CSVFieldPositions {
  let fields: CSVFieldBytes
  var cursor: PositionCursor

  /// Where the field at `index` starts (its opening quote if quoted), or nil when the row is
  /// shorter. `index` must not be below one asked for before.
  public mutating func position(at index: Int) -> (line: Int, column: Int)? {
    guard index >= 0 && index < fields.count else { return nil }
    let target = fields.rawStart(index)
    precondition(target >= cursor.index, "fields must be asked for in increasing order")
    cursor.advance(through: fields.buffer, to: target)
    return (cursor.line, cursor.column)
  }
}
