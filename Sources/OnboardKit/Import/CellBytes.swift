/// Byte-level versions of what the importers do to a cell's `String` (trim, lower-case, compare),
/// for the fast paths. Each gives exactly the `String` function's answer or says it cannot (nil),
/// and the caller then uses the `String` function: only ASCII is decided here.
enum CellBytes {
  /// The bytes without leading and trailing ASCII white space: spaces and tabs, and with
  /// `newlines` also LF, VT, FF and CR, as `trimmingSpaces()` / `trimmingSpacesAndNewlines()` do
  /// for ASCII. Nil when a byte at either end (after trimming) is not ASCII: it might be a
  /// Unicode space, which only the `String` functions know.
  @inline(__always)
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, newlines: Bool) -> UnsafeBufferPointer<
    UInt8
  >? {
    // Most cells have nothing to trim: neither end is a space (all are 0x20 or below).
    if let first = bytes.first, let last = bytes.last, first > 0x20, last > 0x20 {
      return first < 0x80 && last < 0x80 ? bytes : nil
    }
    var lower = 0
    var upper = bytes.count
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || (newlines && byte >= 0x0A && byte <= 0x0D)
    }
    while lower < upper && isSpace(bytes[lower]) { lower += 1 }
    while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
    if lower < upper && (bytes[lower] >= 0x80 || bytes[upper - 1] >= 0x80) { return nil }
    return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
  }

  /// Whether every byte is ASCII.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      if bytes[index] >= 0x80 { return false }
      index += 1
    }
    return true
  }

  /// Whether ASCII `bytes`, lower-cased, are `lower` (itself lower case ASCII).
  static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: StaticString) -> Bool {
    guard bytes.count == lower.utf8CodeUnitCount else { return false }
    let expected = lower.utf8Start
    if bytes.count >= 8, let start = bytes.baseAddress {
      // Two words, the first and the last eight bytes (overlapping when fewer than 16).
      func word(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
      }
      let tail = bytes.count &- 8
      guard bytes.count <= 16 else {
        for index in 0..<bytes.count where lowercased(bytes[index]) != expected[index] {
          return false
        }
        return true
      }
      return lowercased(word: word(start)) == word(expected)
        && lowercased(word: word(start + tail)) == word(expected + tail)
    }
    for index in 0..<bytes.count where lowercased(bytes[index]) != expected[index] {
      return false
    }
    return true
  }

  /// Whether a byte is an ASCII letter.
  @inline(__always)
  static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  /// An ASCII byte lower-cased.
  @inline(__always)
  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }

  /// Eight bytes (the first in the lowest bits), each lower-cased as ``lowercased(_:)`` does:
  /// `A`…`Z` get the 0x20 bit, every other byte (non-ASCII ones too) stays as it is.
  @inline(__always)
  static func lowercased(word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let low7 = word & ~high
    // The high bit of each byte's low seven bits plus (0x80 - "A") is set when they are "A" or
    // more; plus (0x80 - "Z" - 1), when they are past "Z" (no carry leaves a byte: at most 0xBE).
    let atLeastA = low7 &+ ones &* 0x3F
    let pastZ = low7 &+ ones &* 0x25
    let upper = atLeastA & ~pastZ & ~word & high
    return word | (upper &>> 2)
  }

  /// The `String` of ASCII `bytes` lower-cased: what `String.lowercased()` gives for them.
  static func lowercasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { buffer in
      for index in 0..<bytes.count { buffer[index] = lowercased(bytes[index]) }
      return bytes.count
    }
  }

  /// Whether ASCII `bytes` hold an upper-case letter.
  static func hasUppercase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
  }

  /// ``isPlausibleEmail(_:)`` of text given as its UTF-8 bytes, without splitting it into arrays:
  /// one `@`, a local part of dot-separated atoms (at most 64 bytes), a host of at least two
  /// dot-separated labels of letters, digits and inner hyphens (at most 63 bytes each); at most
  /// 254 bytes in all. The same answer as `isPlausibleEmail` for every input (tested).
  static func isPlausibleEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count <= 254 else { return false }
    return emailClasses.withUnsafeBufferPointer { table in
      // The local part, up to the first `@`: atoms, one dot between two.
      var index = 0
      var afterDot = true
      while index < count {
        let kind = table[Int(bytes[index])]
        if kind & EmailClass.atom != 0 {
          afterDot = false
        } else if kind == EmailClass.dot {
          if afterDot { return false }
          afterDot = true
        } else if kind == EmailClass.at {
          break
        } else {
          return false
        }
        index += 1
      }
      let at = index
      guard at < count, at > 0, at <= 64, !afterDot else { return false }
      // The host: labels of host bytes (a second `@` is none), no hyphen at either end.
      var labels = 0
      var labelStart = at + 1
      index = at + 1
      while index <= count {
        if index == count || bytes[index] == UInt8(ascii: ".") {
          let length = index - labelStart
          guard length > 0, length <= 63, bytes[labelStart] != UInt8(ascii: "-"),
            bytes[index - 1] != UInt8(ascii: "-")
          else { return false }
          labels += 1
          labelStart = index + 1
        } else if table[Int(bytes[index])] & EmailClass.host == 0 {
          return false
        }
        index += 1
      }
      return labels >= 2
    }
  }

  /// The classes of bytes in ``isPlausibleEmail(_:)``: bits of ``emailClasses``' entries.
  enum EmailClass {
    /// A letter, digit or hyphen (also an atom byte).
    static let host: UInt8 = 1
    /// A byte of a local part's atom.
    static let atom: UInt8 = 2
    static let dot: UInt8 = 4
    static let at: UInt8 = 8
  }

  /// Each byte's ``EmailClass`` bits (``isHost(_:)``, ``isAtom(_:)``, `.` and `@`), so that the
  /// email check looks each byte up once.
  static let emailClasses: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
    let byte = UInt8(value)
    if byte == UInt8(ascii: ".") { return EmailClass.dot }
    if byte == UInt8(ascii: "@") { return EmailClass.at }
    return (isHost(byte) ? EmailClass.host : 0) | (isAtom(byte) ? EmailClass.atom : 0)
  }

  @inline(__always)
  static func isHost(_ byte: UInt8) -> Bool {
    let letter = byte | 0x20
    return (letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
  }

  @inline(__always)
  static func isAtom(_ byte: UInt8) -> Bool {
    if isHost(byte) { return true }
    switch byte {
    case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
      UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"),
      UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"),
      UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"),
      UInt8(ascii: "}"), UInt8(ascii: "~"):
      return true
    default: return false
    }
  }

  /// ``EvidenceImport/date(_:)`` of a cell's ASCII bytes, trimmed: `dddd-dd-dd` and then anything
  /// ASCII, as the general function reads it (its first ten characters). `.unknown` when the
  /// general function must decide (other shapes, non-ASCII after the date, a line break).
  static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> DateBytes {
    guard bytes.count >= 10 else { return bytes.isEmpty ? .date(nil) : .unknown }
    func digit(_ index: Int) -> Int? {
      let byte = bytes[index]
      return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        ? Int(byte - UInt8(ascii: "0")) : nil
    }
    guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
      bytes[4] == UInt8(ascii: "-"), let m0 = digit(5), let m1 = digit(6),
      bytes[7] == UInt8(ascii: "-"), let d0 = digit(8), let d1 = digit(9)
    else { return .unknown }
    // The tenth character is the digit alone unless a non-ASCII scalar (a combining mark)
    // follows it; a CR or LF after the date could pair with what follows.
    if bytes.count > 10 && (bytes[10] >= 0x80 || bytes[10] == 0x0A || bytes[10] == 0x0D) {
      return .unknown
    }
    return .date(
      CalendarDate(
        year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    )
  }

  /// What ``date(_:)`` found: a date (or none) for sure, or a shape left to the general function.
  enum DateBytes: Equatable {
    case date(CalendarDate?)
    case unknown
  }
}

/// The `String` and the number of recently read short cells (up to 15 bytes, the size of a
/// `String` without heap storage), so that a value thousands of candidates share ("78.5",
/// "80%") is decoded and parsed once: direct-mapped, 16,384 entries, a new value replacing the
/// one in its slot. Only a cache: every entry is what `read` computes for its bytes.
///
/// The texts are in storage of the cache's own (as `SlotStrings` keeps the columns' names), so
/// that the fast path can swap a slot's text into the evidence it hands on and back out after:
/// an assignment would retain the cached text and release the one it replaces, for each of an
/// export's millions of scores. Between two swaps every slot holds its own text again.
final class ShortCellCache {
  static let slots = 16_384
  private let keys: UnsafeMutablePointer<(UInt64, UInt64)>
  /// The slots' texts (see above: swapped out and back, never kept elsewhere).
  let texts: UnsafeMutablePointer<String>
  /// The slots' numbers.
  let numbers: UnsafeMutablePointer<Double?>

  init() {
    keys = .allocate(capacity: Self.slots)
    keys.initialize(repeating: (0, 0), count: Self.slots)
    texts = .allocate(capacity: Self.slots)
    texts.initialize(repeating: "", count: Self.slots)
    numbers = .allocate(capacity: Self.slots)
    numbers.initialize(repeating: nil, count: Self.slots)
  }

  deinit {
    keys.deinitialize(count: Self.slots)
    keys.deallocate()
    texts.deinitialize(count: Self.slots)
    texts.deallocate()
    numbers.deinitialize(count: Self.slots)
    numbers.deallocate()
  }

  /// The slot holding the cell's text and number (`read` called when they are not cached), or
  /// nil when the cell is too short or too long to cache.
  @inline(__always)
  func slot(
    _ bytes: UnsafeBufferPointer<UInt8>,
    read: (UnsafeBufferPointer<UInt8>) -> (text: String, number: Double?)
  ) -> Int? {
    guard bytes.count <= 15, bytes.count > 0 else { return nil }
    // The bytes and their count packed into 16 bytes (0 is no key: the count is never 0), the
    // first byte lowest.
    // (Shifted in byte by byte: a call to copy so few bytes costs more.)
    var low: UInt64 = 0
    var high = UInt64(bytes.count) << 56
    var index = 0
    while index < bytes.count && index < 8 {
      low |= UInt64(bytes[index]) &<< UInt64(index &* 8)
      index &+= 1
    }
    while index < bytes.count {
      high |= UInt64(bytes[index]) &<< UInt64((index &- 8) &* 8)
      index &+= 1
    }
    let slot = Int(
      truncatingIfNeeded: ((low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) >> 50)
    if keys[slot] == (low, high) { return slot }
    let value = read(bytes)
    keys[slot] = (low, high)
    texts[slot] = value.text
    numbers[slot] = value.number
    return slot
  }
}
