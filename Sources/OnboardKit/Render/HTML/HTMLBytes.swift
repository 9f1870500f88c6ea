/// The UTF-8 bytes of HTML or SVG markup being built: one growing buffer instead of a `String` per
/// fragment. A string literal is markup as it is; `\(text)` of a `String` appends it unescaped (it
/// must already be markup, as with `String` interpolation before); `\(h: text)` appends it
/// HTML-escaped and `\(bdi: text)` escaped inside `<bdi>`, with the byte-table escape, so the
/// output is byte for byte what `h(_:)` and `bdi(_:)` give.
///
/// Literals are `StaticString`s, so each piece of a literal is one copy from the binary; numbers,
/// dates and times of day are written as digits straight into the buffer (`\(short: date)` is
/// `date.shortText`, `\(time)` of a `LocalTime` is its description).
struct HTMLBytes: ExpressibleByStringInterpolation, CustomStringConvertible, Sendable {
  typealias StringLiteralType = StaticString

  var buffer: ByteBuffer

  /// The room a fragment starts with: most fragments are a few hundred bytes, and growing one
  /// (a new block and a copy) costs more than the unused room.
  static let fragmentCapacity = 512

  init() { buffer = ByteBuffer() }

  /// A literal, with room to grow (most literals start a fragment that more is appended to).
  init(stringLiteral value: StaticString) {
    let count = value.utf8CodeUnitCount
    buffer = ByteBuffer(capacity: count == 0 ? 0 : max(count, Self.fragmentCapacity))
    buffer.append(value)
  }

  /// Markup already in a string, as it is.
  init(markup: String) {
    buffer = ByteBuffer()
    buffer.append(markup)
  }

  init(stringInterpolation: Interpolation) { buffer = stringInterpolation.buffer }

  /// An empty buffer with room for `capacity` bytes (a whole page's worth, so it grows rarely).
  init(capacity: Int) { buffer = ByteBuffer(capacity: capacity) }

  /// Appends `text` HTML-escaped (the same bytes as `h(text)`).
  mutating func append(h text: String) { buffer.append(html: text) }

  /// Appends markup as it is.
  mutating func append(_ markup: String) { buffer.append(markup) }

  /// Appends a literal as it is.
  mutating func append(_ markup: StaticString) { buffer.append(markup) }

  /// The bytes (one copy).
  var bytes: [UInt8] { buffer.array }

  /// How many bytes there are.
  var count: Int { buffer.count }

  /// The markup as a string.
  var string: String { buffer.string }

  /// The markup itself, so that a `String` literal interpolating markup bytes gets the markup.
  var description: String { string }

  /// Builds an interpolated literal straight into bytes.
  struct Interpolation: StringInterpolationProtocol {
    typealias StringLiteralType = StaticString

    var buffer: ByteBuffer

    init(literalCapacity: Int, interpolationCount: Int) {
      buffer = ByteBuffer(
        capacity: max(HTMLBytes.fragmentCapacity, literalCapacity + interpolationCount * 32))
    }

    @inline(__always)
    mutating func appendLiteral(_ literal: StaticString) { buffer.append(literal) }

    /// Markup, unescaped.
    mutating func appendInterpolation(_ markup: String) { buffer.append(markup) }

    /// Markup built the same way.
    mutating func appendInterpolation(_ markup: HTMLBytes) { buffer.append(markup.buffer) }

    /// A number in decimal, as `String` interpolation writes it.
    mutating func appendInterpolation(_ value: Int) { buffer.append(integer: value) }

    /// A time of day as its description writes it ("09:30").
    mutating func appendInterpolation(_ time: LocalTime) { buffer.append(time: time) }

    /// A date as `date.shortText` ("Mon 11 Jan").
    mutating func appendInterpolation(short date: CalendarDate) { buffer.append(short: date) }

    /// A date as `date.longText` ("Monday, 11 January 2027").
    mutating func appendInterpolation(long date: CalendarDate) { buffer.append(long: date) }

    /// A date as `date.iso` ("2027-01-11").
    mutating func appendInterpolation(iso date: CalendarDate) { buffer.append(iso: date) }

    /// A number as `formatNumber(value)` writes it (a coordinate, a level).
    mutating func appendInterpolation(n value: Double) { buffer.append(number: value) }

    /// A number as `formatNumber(value, decimals: decimals)` writes it.
    mutating func appendInterpolation(n value: Double, decimals: Int) {
      buffer.append(number: value, decimals: decimals)
    }

    /// Any other value by its description, as `String` interpolation writes it.
    mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
      buffer.append(value.description)
    }

    /// Text, HTML-escaped (the same bytes as `h(text)`).
    mutating func appendInterpolation(h text: String) { buffer.append(html: text) }

    /// Text escaped once for several places (a label in an attribute and in a `<title>`).
    mutating func appendInterpolation(escaped markup: HTMLBytes) { buffer.append(markup.buffer) }

    /// A status badge: the same bytes as `HTMLStatus.badge(status, words: words)`.
    mutating func appendInterpolation(badge status: SkillStatus, words: String? = nil) {
      HTMLStatus.appendBadge(status, words: words, to: &buffer)
    }

    /// Text, escaped and isolated (the same bytes as `bdi(text)`).
    mutating func appendInterpolation(bdi text: String) {
      buffer.append("<bdi>")
      buffer.append(html: text)
      buffer.append("</bdi>")
    }
  }

  static func += (lhs: inout HTMLBytes, rhs: HTMLBytes) { lhs.buffer.append(rhs.buffer) }

  static func += (lhs: inout HTMLBytes, rhs: String) { lhs.buffer.append(rhs) }

  static func + (lhs: consuming HTMLBytes, rhs: String) -> HTMLBytes {
    lhs.buffer.append(rhs)
    return lhs
  }

  static func + (lhs: consuming HTMLBytes, rhs: HTMLBytes) -> HTMLBytes {
    lhs.buffer.append(rhs.buffer)
    return lhs
  }
}

extension Sequence<HTMLBytes> {
  /// The fragments one after another.
  func joined() -> HTMLBytes {
    var result = HTMLBytes()
    for fragment in self { result.buffer.append(fragment.buffer) }
    return result
  }
}

extension [UInt8] {
  /// Appends a string's UTF-8 bytes in one copy from its storage. (`append(contentsOf:
  /// text.utf8)` goes through the generic sequence path, a few instructions per byte.)
  @inline(__always)
  mutating func appendUTF8(_ text: String) {
    var text = text  // shares the storage; `withUTF8` needs a variable
    text.withUTF8 { append(contentsOf: $0) }
  }
}
