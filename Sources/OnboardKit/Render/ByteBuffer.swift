import Foundation

/// The counts at the head of a ``ByteStorage``.
struct ByteStorageHeader {
  var count: Int
  var capacity: Int
}

/// The heap block of a ``ByteBuffer``: its counts, then its bytes, in one allocation.
final class ByteStorage: ManagedBuffer<ByteStorageHeader, UInt8> {
  /// A block with room for `capacity` bytes, none used.
  static func make(capacity: Int) -> ByteStorage {
    let block = ByteStorage.create(minimumCapacity: capacity) { _ in
      ByteStorageHeader(count: 0, capacity: capacity)
    }
    return unsafeDowncast(block, to: ByteStorage.self)
  }

  /// The block every empty buffer starts with: never written (this reference keeps it from
  /// ever being uniquely held), so sharing it between threads is safe.
  nonisolated(unsafe) static let empty = make(capacity: 0)
}

/// A growable run of UTF-8 bytes for a document being built, with value semantics like
/// `[UInt8]` but appends that cost a capacity check and a copy: a static literal, a `String`'s
/// storage, escaped text, a number or a date are written straight into the free space. (Each
/// `Array.append(contentsOf:)` went through the generic sequence path, ~90 instructions, and
/// most appends of a page are a few bytes long.)
///
/// `@unchecked Sendable` for the reason `Array` is `Sendable`: a buffer writes only to storage no
/// other value holds (it copies first otherwise), so storage shared between threads is only read.
struct ByteBuffer: @unchecked Sendable {
  private var storage: ByteStorage

  /// An empty buffer (no allocation until the first append).
  init() { storage = ByteStorage.empty }

  /// An empty buffer with room for `capacity` bytes.
  init(capacity: Int) {
    storage = capacity > 0 ? ByteStorage.make(capacity: capacity) : ByteStorage.empty
  }

  /// How many bytes have been written.
  var count: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee.count } }

  var isEmpty: Bool { count == 0 }

  /// The bytes as an array (one copy).
  var array: [UInt8] {
    storage.withUnsafeMutablePointers { header, elements in
      Array(UnsafeBufferPointer(start: elements, count: header.pointee.count))
    }
  }

  /// The bytes as `Data`, this buffer's block handed over without a copy when no other buffer
  /// shares it (the data frees it when it goes; writing to the data writes to the block, which
  /// nothing else can see then); a shared block is copied.
  consuming func data() -> Data {
    guard count > 0 else { return Data() }
    guard isKnownUniquelyReferenced(&storage) else { return withBytes { Data($0) } }
    let block = storage
    return block.withUnsafeMutablePointers { header, elements in
      Data(
        bytesNoCopy: elements, count: header.pointee.count,
        deallocator: .custom { _, _ in withExtendedLifetime(block) {} })
    }
  }

  /// The bytes as a string (invalid UTF-8 repaired, as `String(decoding:as:)` does).
  var string: String {
    storage.withUnsafeMutablePointers { header, elements in
      String(
        decoding: UnsafeBufferPointer(start: elements, count: header.pointee.count), as: UTF8.self)
    }
  }

  /// Calls `body` with the bytes written so far.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try storage.withUnsafeMutablePointers { header, elements in
      try body(UnsafeBufferPointer(start: elements, count: header.pointee.count))
    }
  }

  // MARK: - Room

  /// Makes room for `extra` more bytes in storage only this buffer holds.
  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    // Through the pointer: `ManagedBuffer.header` is a class's stored property, so reading it
    // directly is a dynamic exclusivity check (`swift_beginAccess`), dearer than the append.
    let header = storage.withUnsafeMutablePointerToHeader { $0.pointee }
    if _slowPath(header.capacity &- header.count < extra || !isKnownUniquelyReferenced(&storage)) {
      grow(extra)
    }
  }

  /// Moves the bytes to a new block with room for `extra` more (at least twice the old room).
  @inline(never)
  private mutating func grow(_ extra: Int) {
    let old = storage
    let header = old.withUnsafeMutablePointerToHeader { $0.pointee }
    let count = header.count
    let block = ByteStorage.make(capacity: max(count + extra, header.capacity * 2, 256))
    old.withUnsafeMutablePointerToElements { source in
      block.withUnsafeMutablePointers { header, elements in
        elements.initialize(from: source, count: count)
        header.pointee.count = count
      }
    }
    storage = block
  }

  /// Reserves `limit` bytes, lets `body` write at most that many from the given pointer and
  /// returns how many it wrote, and counts them in.
  @inline(__always)
  mutating func write(limit: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
    reserve(limit)
    storage.withUnsafeMutablePointers { header, elements in
      header.pointee.count &+= body(elements + header.pointee.count)
    }
  }

  // MARK: - Appending

  /// Appends `count` bytes from `source`.
  @inline(__always)
  mutating func append(_ source: UnsafePointer<UInt8>, count: Int) {
    guard count > 0 else { return }
    reserve(count)
    storage.withUnsafeMutablePointers { header, elements in
      (elements + header.pointee.count).initialize(from: source, count: count)
      header.pointee.count &+= count
    }
  }

  /// Appends bytes.
  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    append(base, count: bytes.count)
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(byte: UInt8) {
    reserve(1)
    storage.withUnsafeMutablePointers { header, elements in
      elements[header.pointee.count] = byte
      header.pointee.count &+= 1
    }
  }

  /// Appends a literal's UTF-8 bytes.
  @inline(__always)
  mutating func append(_ literal: StaticString) {
    if literal.hasPointerRepresentation {
      append(literal.utf8Start, count: literal.utf8CodeUnitCount)
    } else {
      literal.withUTF8Buffer { append($0) }
    }
  }

  /// Appends a string's UTF-8 bytes in one copy from its storage.
  @inline(__always)
  mutating func append(_ text: String) {
    var text = text  // shares the storage; `withUTF8` needs a variable
    text.withUTF8 { append($0) }
  }

  /// Appends another buffer's bytes.
  @inline(__always)
  mutating func append(_ other: ByteBuffer) {
    other.withBytes { append($0) }
  }

  /// Appends an array's bytes.
  mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append($0) }
  }

  // MARK: - HTML

  /// Appends `text` HTML-escaped: the bytes of `MustacheEscaping.html.escape(text)` (`&`, `<`,
  /// `>`, `"` and `'` as entities; every other byte as it is).
  @inline(__always)
  mutating func append(html text: String) {
    var text = text  // shares the storage; `withUTF8` needs a variable
    text.withUTF8 { append(html: $0) }
  }

  /// `append(html:)` of UTF-8 bytes: the text as it is up to its first special byte, in one
  /// copy; then, into room for exactly the escaped rest, byte by byte.
  mutating func append(html bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    let count = bytes.count
    let first = ByteScan.first(
      in: base, count: count,
      mask: {
        ByteScan.equal($0, UInt8(ascii: "&")) | ByteScan.equal($0, UInt8(ascii: "<"))
          | ByteScan.equal($0, UInt8(ascii: ">")) | ByteScan.equal($0, UInt8(ascii: "\""))
          | ByteScan.equal($0, UInt8(ascii: "'"))
      }, matches: Self.isHTMLSpecial)
    guard first < count else {
      append(base, count: count)
      return
    }
    var extra = 0
    for index in first..<count where Self.isHTMLSpecial(base[index]) {
      extra += Self.entity(base[index]).utf8CodeUnitCount - 1
    }
    write(limit: count + extra) { out in
      out.initialize(from: base, count: first)
      var end = out + first
      for index in first..<count {
        let byte = base[index]
        guard Self.isHTMLSpecial(byte) else {
          end.pointee = byte
          end += 1
          continue
        }
        let entity = Self.entity(byte)
        end.initialize(from: entity.utf8Start, count: entity.utf8CodeUnitCount)
        end += entity.utf8CodeUnitCount
      }
      return end - out
    }
  }

  /// The entity of one of the five special bytes.
  @inline(__always)
  static func entity(_ byte: UInt8) -> StaticString {
    switch byte {
    case UInt8(ascii: "&"): "&amp;"
    case UInt8(ascii: "<"): "&lt;"
    case UInt8(ascii: ">"): "&gt;"
    case UInt8(ascii: "\""): "&quot;"
    default: "&#39;"
    }
  }

  /// `&`, `<`, `>`, `"` or `'`: a bit mask over the bytes below 0x40.
  @inline(__always)
  static func isHTMLSpecial(_ byte: UInt8) -> Bool {
    let mask: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27
    return byte < 0x40 && (mask >> UInt64(byte)) & 1 != 0
  }

  // MARK: - Markdown

  /// Appends `markdownEscaped(text)`'s bytes: the byte-table path written straight into the
  /// buffer, or where it cannot decide, the character path's string.
  mutating func append(markdown text: String) {
    var text = text  // shares the storage; `withUTF8` needs a variable
    let decided = text.withUTF8 { bytes -> Bool in
      guard let first = UTF8Escaping.firstMarkdownSpecial(bytes) else {
        append(bytes)
        return true
      }
      var decided = true
      write(limit: UTF8Escaping.markdownLimit(bytes.count)) { out in
        guard let count = UTF8Escaping.writeMarkdown(bytes, from: first, to: out) else {
          decided = false
          return 0
        }
        return count
      }
      return decided
    }
    if !decided { append(UTF8Escaping.markdownByCharacter(text)) }
  }

  // MARK: - Numbers and dates

  /// Appends `String(value)`'s bytes.
  @inline(__always)
  mutating func append(integer value: Int) {
    write(limit: NumberText.maxLength) { out in
      NumberText.write(
        (value, 0), into: UnsafeMutableBufferPointer(start: out, count: NumberText.maxLength))
    }
  }

  /// Appends `formatNumber(value, decimals:)`'s bytes.
  mutating func append(number value: Double, decimals: Int = 1) {
    guard let number = NumberText.decimal(value, decimals: decimals) else {
      append(formatNumberByFoundation(value, decimals: decimals))
      return
    }
    write(limit: NumberText.maxLength) { out in
      NumberText.write(
        number, into: UnsafeMutableBufferPointer(start: out, count: NumberText.maxLength))
    }
  }

  /// Appends `pad(value, width)`'s bytes: `String(value)` with zeros before it up to `width`
  /// characters (before a minus sign too, as `pad` does).
  mutating func append(padded value: Int, width: Int) {
    write(limit: NumberText.maxLength + max(0, width)) { out in
      let digits = NumberText.write(
        (value, 0), into: UnsafeMutableBufferPointer(start: out, count: NumberText.maxLength))
      let zeros = max(0, width - digits)
      guard zeros > 0 else { return digits }
      for index in stride(from: digits - 1, through: 0, by: -1) { out[zeros + index] = out[index] }
      out.update(repeating: UInt8(ascii: "0"), count: zeros)
      return zeros + digits
    }
  }

  /// Appends `date.iso`'s bytes ("2026-01-11").
  mutating func append(iso date: CalendarDate) {
    let c = date.components
    append(padded: c.year, width: 4)
    append(byte: UInt8(ascii: "-"))
    append(padded: c.month, width: 2)
    append(byte: UInt8(ascii: "-"))
    append(padded: c.day, width: 2)
  }

  /// Appends `date.longText`'s bytes ("Monday, 11 January 2027").
  mutating func append(long date: CalendarDate) {
    let c = date.components
    append(date.weekday.name)
    append(", ")
    append(integer: c.day)
    append(byte: UInt8(ascii: " "))
    append(CalendarDate.monthNames[c.month - 1])
    append(byte: UInt8(ascii: " "))
    append(integer: c.year)
  }

  /// Appends `date.shortText`'s bytes ("Mon 11 Jan").
  mutating func append(short date: CalendarDate) {
    let c = date.components
    append(date.weekday.rawValue)
    append(byte: UInt8(ascii: " "))
    append(integer: c.day)
    append(byte: UInt8(ascii: " "))
    append(Self.shortMonthNames[c.month - 1])
  }

  /// The first three letters of each month's name (each name is ASCII, so three bytes).
  private static let shortMonthNames: [StaticString] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// Appends `time.description`'s bytes ("09:30").
  mutating func append(time: LocalTime) {
    append(padded: time.hour, width: 2)
    append(byte: UInt8(ascii: ":"))
    append(padded: time.minute, width: 2)
  }
}
