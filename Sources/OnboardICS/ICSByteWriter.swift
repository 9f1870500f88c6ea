/// A growable byte buffer written through a pointer: what a calendar is rendered into.
///
/// `Array<UInt8>` pays a uniqueness check, a capacity check and an out-of-line generic copy for
/// every append, which for the many small appends of a content line cost more than the bytes
/// themselves; here an append is a capacity compare and a store (or a `memcpy`).
///
/// Surprising: the struct holds the pointer, and a class (`Storage`) owns the memory and frees it.
/// A copy of a writer therefore shares the memory with the original, so a writer is never copied
/// while both are written to: it lives in one variable and is passed `inout`. `bytes` is the
/// copying way out.
struct ICSByteWriter {
  /// Owns one allocation; frees it when the last writer using it goes.
  private final class Storage {
    let base: UnsafeMutablePointer<UInt8>

    init(capacity: Int) {
      base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
  }

  private var storage: Storage
  /// `storage.base`, kept here so that appends touch no class.
  private var base: UnsafeMutablePointer<UInt8>
  /// The bytes written so far.
  private(set) var count = 0
  /// The bytes `base` has room for.
  private var capacity: Int

  /// An empty writer with room for `capacity` bytes before it first grows.
  init(capacity: Int = 256) {
    let capacity = max(16, capacity)
    storage = Storage(capacity: capacity)
    base = storage.base
    self.capacity = capacity
  }

  /// A writer holding `bytes`.
  init(_ bytes: [UInt8]) {
    self.init(capacity: bytes.count)
    append(contentsOf: bytes)
  }

  /// A copy of the bytes written.
  var bytes: [UInt8] {
    [UInt8](UnsafeBufferPointer(start: base, count: count))
  }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if extra > capacity &- count { grow(to: count + extra) }
  }

  /// Moves the bytes to an allocation of at least `needed` bytes (twice the old one, at least).
  @inline(never)
  private mutating func grow(to needed: Int) {
    let newCapacity = max(needed, capacity * 2)
    let newStorage = Storage(capacity: newCapacity)
    newStorage.base.initialize(from: base, count: count)
    storage = newStorage
    base = newStorage.base
    capacity = newCapacity
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    base[count] = byte
    count &+= 1
  }

  /// Appends CR LF.
  @inline(__always)
  mutating func appendCRLF() {
    reserve(2)
    base[count] = 0x0D
    base[count &+ 1] = 0x0A
    count &+= 2
  }

  /// Appends the bytes of a buffer.
  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    let length = bytes.count
    guard length > 0, let source = bytes.baseAddress else { return }
    reserve(length)
    (base + count).initialize(from: source, count: length)
    count &+= length
  }

  /// Appends the bytes of an array.
  @inline(__always)
  mutating func append(contentsOf bytes: [UInt8]) {
    let length = bytes.count
    guard length > 0 else { return }
    reserve(length)
    let target = base + count
    bytes.withUnsafeBufferPointer { source in
      if let start = source.baseAddress { target.initialize(from: start, count: length) }
    }
    count &+= length
  }

  /// Appends the UTF-8 bytes of a literal.
  @inline(__always)
  mutating func append(literal text: StaticString) {
    if text.hasPointerRepresentation {
      append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    } else {
      append(contentsOf: text.withUTF8Buffer { Array($0) })
    }
  }

  /// Appends the UTF-8 bytes of `text`.
  @inline(__always)
  mutating func append(utf8 text: String) {
    var text = text  // shares the storage; `withUTF8` needs a variable
    let length = text.utf8.count
    guard length > 0 else { return }
    reserve(length)
    let target = base + count
    text.withUTF8 { source in
      if let start = source.baseAddress { target.initialize(from: start, count: length) }
    }
    count &+= length
  }

  /// The byte at `index` (`0..<count`).
  subscript(index: Int) -> UInt8 {
    get {
      precondition(index >= 0 && index < count)
      return base[index]
    }
    set {
      precondition(index >= 0 && index < count)
      base[index] = newValue
    }
  }

  /// Drops the bytes from `newCount` on.
  mutating func truncate(to newCount: Int) {
    precondition(newCount >= 0 && newCount <= count)
    count = newCount
  }

  /// Calls `body` with the bytes written so far.
  func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result)
    rethrows -> Result
  {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// Ends the content line written from `start` on: its CRLF, and the folds when it is longer
  /// than `ICSContentLines.maximumOctets`, made in place (the same breaks as
  /// `ICSContentLines.fold(_:into:)`: as many octets as fit, cut back to the start of the UTF-8
  /// sequence that does not).
  @inline(__always)
  mutating func finishLine(from start: Int) {
    let length = count &- start
    if length <= ICSContentLines.maximumOctets {
      appendCRLF()
    } else {
      fold(from: start)
    }
  }

  /// `finishLine(from:)` of a line longer than 75 octets.
  @inline(never)
  private mutating func fold(from start: Int) {
    let maximum = ICSContentLines.maximumOctets
    let length = count - start
    // Each physical line after the first holds 74 octets at least but for a cut-back character
    // (3 at most), so 71 octets a fold is a safe bound on the folds.
    let limit = length / (maximum - 4) + 2
    reserve(3 * limit + 2)
    withUnsafeTemporaryAllocation(of: Int.self, capacity: limit) { breaks in
      let line = base + start
      // Where each physical line after the first begins, relative to `start`.
      var folds = 0
      var chunkStart = 0
      var room = maximum
      while true {
        var end = min(chunkStart + room, length)
        while end < length, line[end] & 0xC0 == 0x80 { end -= 1 }
        guard end < length else { break }
        breaks[folds] = end
        folds += 1
        chunkStart = end
        room = maximum - 1
      }
      // Each chunk moved up, the last first, with CRLF SPACE before it; CRLF at the end.
      line[length + 3 * folds] = 0x0D
      line[length + 3 * folds + 1] = 0x0A
      var chunkEnd = length
      for index in stride(from: folds - 1, through: 0, by: -1) {
        let chunkStart = breaks[index]
        let shift = 3 * (index + 1)
        (line + chunkStart + shift).update(from: line + chunkStart, count: chunkEnd - chunkStart)
        line[chunkStart + shift - 3] = 0x0D
        line[chunkStart + shift - 2] = 0x0A
        line[chunkStart + shift - 1] = 0x20
        chunkEnd = chunkStart
      }
      count = start + length + 3 * folds + 2
    }
  }

  /// Appends `pad(value, width)` (width at most 4): the digits written directly for 0...9999.
  @inline(__always)
  mutating func appendPadded(_ value: Int, _ width: Int) {
    guard value >= 0 && value < 10_000 && width <= 4 else {
      append(utf8: pad(value, width))
      return
    }
    let digits = max(width, value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4)
    reserve(4)
    if digits >= 4 {
      base[count] = 0x30 &+ UInt8(truncatingIfNeeded: value / 1000)
      count &+= 1
    }
    if digits >= 3 {
      base[count] = 0x30 &+ UInt8(truncatingIfNeeded: value / 100 % 10)
      count &+= 1
    }
    if digits >= 2 {
      base[count] = 0x30 &+ UInt8(truncatingIfNeeded: value / 10 % 10)
      count &+= 1
    }
    base[count] = 0x30 &+ UInt8(truncatingIfNeeded: value % 10)
    count &+= 1
  }

  /// Appends two digits of `value` (0...99).
  @inline(__always)
  mutating func appendTwoDigits(_ value: Int) {
    reserve(2)
    base[count] = 0x30 &+ UInt8(truncatingIfNeeded: value / 10)
    base[count &+ 1] = 0x30 &+ UInt8(truncatingIfNeeded: value % 10)
    count &+= 2
  }
}
