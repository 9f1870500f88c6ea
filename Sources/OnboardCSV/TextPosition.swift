/// Where the reader is (1-based line and Unicode-scalar column) and whether the bytes so far are
/// valid UTF-8 (Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
struct TextPosition {
  /// 1-based line of the next byte.
  var line = 1
  /// 1-based column of the next scalar on `line`.
  var column = 1

  /// Continuation bytes still expected by the current multi-byte sequence.
  private var pending = 0
  /// Allowed range of the next continuation byte (narrower right after E0, ED, F0, F4).
  private var low: UInt8 = 0x80
  private var high: UInt8 = 0xBF
  /// Where the current multi-byte sequence started, for error messages.
  private var sequenceLine = 0
  private var sequenceColumn = 0
  private var sequenceByte: UInt8 = 0

  /// Accounts for one consumed byte: advances the column and checks UTF-8.
  @inline(__always)
  mutating func consume(_ byte: UInt8) throws(CSVError) {
    if pending == 0 && byte < 0x80 {
      column += 1
    } else {
      try consumeNonASCII(byte)
    }
  }

  /// Whether the bytes so far end on a whole scalar (so plain ASCII may follow).
  var isAtScalarBoundary: Bool { pending == 0 }

  /// Accounts for a consumed line break (CR, LF, or CRLF counted once).
  @inline(__always)
  mutating func newLine() throws(CSVError) {
    if pending > 0 { throw sequenceError() }
    line += 1
    column = 1
  }

  /// Checks that the input did not stop in the middle of a multi-byte sequence.
  func finish() throws(CSVError) {
    if pending > 0 { throw sequenceError() }
  }

  private mutating func consumeNonASCII(_ byte: UInt8) throws(CSVError) {
    if pending > 0 {
      guard byte >= low && byte <= high else { throw sequenceError() }
      pending -= 1
      low = 0x80
      high = 0xBF
      return
    }
    sequenceLine = line
    sequenceColumn = column
    sequenceByte = byte
    switch byte {
    case 0xC2...0xDF: pending = 1
    case 0xE0: (pending, low) = (2, 0xA0)
    case 0xE1...0xEC, 0xEE...0xEF: pending = 2
    case 0xED: (pending, high) = (2, 0x9F)
    case 0xF0: (pending, low) = (3, 0x90)
    case 0xF1...0xF3: pending = 3
    case 0xF4: (pending, high) = (3, 0x8F)
    default: throw sequenceError()
    }
    column += 1
  }

  private func sequenceError() -> CSVError {
    CSVError(.invalidUTF8(byte: sequenceByte), line: sequenceLine, column: sequenceColumn)
  }
}
