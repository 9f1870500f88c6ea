/// The fast path of the reader: finds one record's field boundaries in a window of bytes without
/// copying or decoding anything, eight bytes at a time.
///
/// It only says "this record is well formed, and here it ends" (`record`), "the window ends
/// before the record does" (`needMore`), or "something here is wrong" (`problem`). On a problem
/// the reader re-reads the record with the byte-by-byte reference parser, which finds the exact
/// error and position; the scanner's job is never to explain, only to be right about validity.
struct CSVScanner {
  /// What one scan found.
  enum Outcome: Equatable {
    /// A well-formed record (valid UTF-8 included) ending just before `next`, the first byte of
    /// whatever follows its line break; `lineBreaks` counts the breaks it spans, the final one
    /// included (0 when it ends at the end of the input).
    case record(next: Int, lineBreaks: Int)
    /// The window ends before the record does.
    case needMore
    /// The record has more fields than `ends` has room for.
    case needRoom
    /// Malformed: a stray or unterminated quote, text after a closing quote, or invalid UTF-8.
    case problem
  }

  let delimiter: UInt8
  let allowsQuotesInUnquotedFields: Bool

  private let delimiters: UInt64

  init(delimiter: UInt8, allowsQuotesInUnquotedFields: Bool) {
    self.delimiter = delimiter
    self.allowsQuotesInUnquotedFields = allowsQuotesInUnquotedFields
    self.delimiters = Words.broadcast(delimiter)
  }

  /// The special bytes (`"`, the delimiter, CR, LF) of the last word ``nextSpecial`` loaded: a
  /// record's fields are short, so the next field's search mostly starts in the same word, and
  /// takes its next special byte from here instead of loading and testing the word again.
  struct LastWord {
    /// Where the word starts (`Int.min` before any).
    var at = Int.min
    /// The high bit of each special byte of the word.
    var hits: UInt64 = 0
  }

  /// The high bit of each `"`, delimiter, CR or LF byte of `word`.
  @inline(__always)
  private func specials(_ word: UInt64) -> UInt64 {
    Words.zeroBytes(word ^ Words.quotes) | Words.zeroBytes(word ^ delimiters)
      | Words.lineBreaks(word)
  }

  /// The high bit of each `"`, delimiter, CR or LF byte of `word`, and perhaps of other bytes:
  /// any other byte below 0x0E, and a byte just above a special one that a subtraction's borrow
  /// reached (the classic "has a zero byte" test, cheaper than ``specials(_:)``'s exact one). The
  /// lowest bit is exact; every other one must be checked against its byte.
  @inline(__always)
  private func roughSpecials(_ word: UInt64) -> UInt64 {
    let quotes = word ^ Words.quotes
    let ends = word ^ delimiters
    return
      ((quotes &- Words.ones) & ~quotes | (ends &- Words.ones) & ~ends
      | (word &- Words.ones &* 0x0E) & ~word) & Words.high
  }

  /// Index of the first `"`, delimiter, CR or LF in `bytes[from..<end]`, or `end`. ORs every byte
  /// it looked at into `seen` (so `seen & 0x80` tells whether any was non-ASCII). `last` is the
  /// last word loaded (in the same window, with the same `end`), reused when `from` is in it.
  @inline(__always)
  private func nextSpecial(
    _ bytes: UnsafePointer<UInt8>, from: Int, end: Int, seen: inout UInt64, last: inout LastWord
  ) -> Int {
    var index = from
    let offset = from &- last.at
    if offset >= 0 && offset < 8 {
      // The word's bytes before `from` are masked off; those from `from` on were tested (and
      // seen) when it was loaded.
      let hits = last.hits & (~(0 as UInt64) &<< UInt64(offset &* 8))
      if hits != 0 { return last.at &+ hits.trailingZeroBitCount &>> 3 }
      index = last.at &+ 8
    }
    while index &+ 8 <= end {
      let word = Words.load(bytes + index)
      seen |= word
      let hits = specials(word)
      last = LastWord(at: index, hits: hits)
      if hits != 0 { return index &+ hits.trailingZeroBitCount &>> 3 }
      index &+= 8
    }
    while index < end {
      let byte = bytes[index]
      seen |= UInt64(byte)
      if byte == CSVByte.quote || byte == delimiter || byte == CSVByte.cr || byte == CSVByte.lf {
        return index
      }
      index &+= 1
    }
    return end
  }

  /// Scans the record starting at `start` (not a line break) in `bytes[..<end]`, writing the
  /// index just past each field (its delimiter, line break or the input's end) to `ends` and
  /// their number to `count`. `atEnd`: `end` is the end of the whole input, not only the window.
  func scan(
    _ bytes: UnsafePointer<UInt8>, start: Int, end: Int, atEnd: Bool,
    ends: UnsafeMutableBufferPointer<Int>, count: inout Int
  ) -> Outcome {
    count = 0
    var seen: UInt64 = 0
    var last = LastWord()
    var lineBreaks = 0
    var field = start
    while true {
      // Fields found word by word from the special bytes' bits (one bit per field, and two more
      // for a quoted one). Anything else (a quote inside a field, a doubled quote or a line break
      // in a quoted field) and the last few bytes of the window end this loop at the start of
      // the field they are in, which the field-by-field reading below then reads; after that
      // field, this loop again.
      var word = field
      var quoted = false
      words: while word &+ 8 <= end {
        let loaded = Words.load(bytes + word)
        seen |= loaded
        var hits = roughSpecials(loaded)
        while hits != 0 {
          let index = word &+ hits.trailingZeroBitCount &>> 3
          let byte = bytes[index]
          if quoted {
            // Inside quotes a delimiter is data; a quote closes them when a delimiter or a line
            // break follows (whose bit is the next one).
            if byte == CSVByte.quote {
              let after = index &+ 1
              guard after < end else { break words }
              let next = bytes[after]
              guard next == delimiter || next == CSVByte.cr || next == CSVByte.lf else {
                break words
              }
              quoted = false
            } else if byte != delimiter {
              break words
            }
            hits &= hits &- 1
            continue
          }
          if byte == CSVByte.quote {
            guard index == field else { break words }
            quoted = true
            hits &= hits &- 1
            continue
          }
          if byte == delimiter {
            guard count < ends.count else { return .needRoom }
            ends[count] = index
            count &+= 1
            field = index &+ 1
            hits &= hits &- 1
            continue
          }
          guard byte == CSVByte.cr || byte == CSVByte.lf else {
            // Another control byte, or a byte above a special one (see `roughSpecials`).
            hits &= hits &- 1
            continue
          }
          // A line break ends the record.
          guard count < ends.count else { return .needRoom }
          ends[count] = index
          count &+= 1
          return lineBreak(
            bytes, byte, at: index, start: start, end: end, atEnd: atEnd, lineBreaks: lineBreaks,
            seen: seen)
        }
        word &+= 8
      }
      var index: Int
      if field < end && bytes[field] == CSVByte.quote {
        // Quoted: up to the closing quote; delimiters and line breaks inside are data.
        index = field &+ 1
        while true {
          index = nextSpecial(bytes, from: index, end: end, seen: &seen, last: &last)
          guard index < end else { return atEnd ? .problem : .needMore }
          let byte = bytes[index]
          if byte == CSVByte.quote {
            guard index &+ 1 < end else {
              guard atEnd else { return .needMore }
              index &+= 1
              break
            }
            if bytes[index &+ 1] == CSVByte.quote {
              index &+= 2
              continue
            }
            index &+= 1
            let after = bytes[index]
            guard after == delimiter || after == CSVByte.cr || after == CSVByte.lf else {
              return .problem
            }
            break
          }
          if byte == CSVByte.cr {
            guard index &+ 1 < end || atEnd else { return .needMore }
            lineBreaks &+= 1
            index &+= index &+ 1 < end && bytes[index &+ 1] == CSVByte.lf ? 2 : 1
          } else {
            if byte == CSVByte.lf { lineBreaks &+= 1 }
            index &+= 1
          }
        }
      } else {
        index = field
        while true {
          index = nextSpecial(bytes, from: index, end: end, seen: &seen, last: &last)
          guard index < end, bytes[index] == CSVByte.quote else { break }
          guard allowsQuotesInUnquotedFields else { return .problem }
          index &+= 1
        }
        if index == end && !atEnd { return .needMore }
      }
      // `index` is at the field's delimiter, line break or the end of the input.
      guard count < ends.count else { return .needRoom }
      ends[count] = index
      count &+= 1
      if index == end {
        return finish(bytes, start: start, end: end, next: end, lineBreaks: lineBreaks, seen: seen)
      }
      let byte = bytes[index]
      if byte == delimiter {
        field = index &+ 1
        continue
      }
      return lineBreak(
        bytes, byte, at: index, start: start, end: end, atEnd: atEnd, lineBreaks: lineBreaks,
        seen: seen)
    }
  }

  /// The outcome of a record whose last field ends at the line break `byte` (CR or LF) at
  /// `index`: the record goes on after it (and a CR's LF), unless the window ends between a CR
  /// and what may be its LF.
  @inline(__always)
  private func lineBreak(
    _ bytes: UnsafePointer<UInt8>, _ byte: UInt8, at index: Int, start: Int, end: Int,
    atEnd: Bool, lineBreaks: Int, seen: UInt64
  ) -> Outcome {
    var next = index &+ 1
    if byte == CSVByte.cr {
      if next == end && !atEnd { return .needMore }
      if next < end && bytes[next] == CSVByte.lf { next &+= 1 }
    }
    return finish(
      bytes, start: start, end: index, next: next, lineBreaks: lineBreaks &+ 1, seen: seen)
  }

  /// The record's outcome once its structure is known: valid UTF-8 or a problem.
  @inline(__always)
  private func finish(
    _ bytes: UnsafePointer<UInt8>, start: Int, end: Int, next: Int, lineBreaks: Int, seen: UInt64
  ) -> Outcome {
    if seen & Words.high != 0 && !UTF8Check.isValid(bytes, from: start, to: end) {
      return .problem
    }
    return .record(next: next, lineBreaks: lineBreaks)
  }
}

/// UTF-8 validity as the reference parser checks it (Unicode Table 3-7: no overlongs, no
/// surrogates, nothing above U+10FFFF), eight ASCII bytes at a time.
enum UTF8Check {
  /// Whether `bytes[from..<to]` is valid UTF-8.
  static func isValid(_ bytes: UnsafePointer<UInt8>, from: Int, to end: Int) -> Bool {
    var index = from
    while index < end {
      while index &+ 8 <= end, Words.load(bytes + index) & Words.high == 0 {
        index &+= 8
      }
      guard index < end else { return true }
      let lead = bytes[index]
      if lead < 0x80 {
        index &+= 1
        continue
      }
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      let count: Int
      switch lead {
      case 0xC2...0xDF: count = 1
      case 0xE0: (count, low) = (2, 0xA0)
      case 0xE1...0xEC, 0xEE...0xEF: count = 2
      case 0xED: (count, high) = (2, 0x9F)
      case 0xF0: (count, low) = (3, 0x90)
      case 0xF1...0xF3: count = 3
      case 0xF4: (count, high) = (3, 0x8F)
      default: return false
      }
      guard index &+ count < end else { return false }
      let second = bytes[index &+ 1]
      guard second >= low && second <= high else { return false }
      var offset = 2
      while offset <= count {
        guard bytes[index &+ offset] & 0xC0 == 0x80 else { return false }
        offset &+= 1
      }
      index &+= count &+ 1
    }
    return true
  }
}

/// Eight bytes at a time in a `UInt64` ("SIMD within a register"), little-endian byte order.
enum Words {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  /// The high bit of every byte: `word & high != 0` when a byte is not ASCII.
  static let high: UInt64 = 0x8080_8080_8080_8080
  static let quotes = broadcast(CSVByte.quote)
  static let crs = broadcast(CSVByte.cr)
  static let lfs = broadcast(CSVByte.lf)

  /// `byte` in all eight bytes.
  @inline(__always)
  static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

  /// The eight bytes at `pointer`, the first in the lowest bits.
  @inline(__always)
  static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
  }

  /// The high bit of every byte of `word` that is zero, and no other bit (exact, no carries).
  @inline(__always)
  static func zeroBytes(_ word: UInt64) -> UInt64 {
    ~(((word & low7) &+ low7) | word | low7)
  }

  /// The high bit of every CR or LF byte of `word`.
  @inline(__always)
  static func lineBreaks(_ word: UInt64) -> UInt64 {
    zeroBytes(word ^ crs) | zeroBytes(word ^ lfs)
  }
}
