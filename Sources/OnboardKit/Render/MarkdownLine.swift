/// One line of Markdown being built, as UTF-8 bytes: the `String` interpolation the documents
/// used, written straight into a buffer. A literal is copied as it is (it is a `StaticString`);
/// `\(text)` of a `String`, a number or any other value appends its text as interpolation into
/// a `String` would; `\(md: text)` appends `markdownEscaped(text)`, `\(n: value)`
/// `formatNumber(value)`, `\(short: date)` `date.shortText`, `\(long: date)` `date.longText`
/// and `\(time)` of a `LocalTime` its description, each without making a `String`.
struct MarkdownLine: ExpressibleByStringInterpolation {
  typealias StringLiteralType = StaticString

  var buffer: ByteBuffer

  init(stringLiteral value: StaticString) {
    buffer = ByteBuffer(capacity: value.utf8CodeUnitCount + 1)
    buffer.append(value)
  }

  init(stringInterpolation: Interpolation) { buffer = stringInterpolation.buffer }

  /// A line of text already in a string.
  init(text: String) {
    buffer = ByteBuffer()
    buffer.append(text)
  }

  /// The line as a string.
  var text: String { buffer.string }

  /// Builds an interpolated line straight into bytes.
  struct Interpolation: StringInterpolationProtocol {
    typealias StringLiteralType = StaticString

    var buffer: ByteBuffer

    init(literalCapacity: Int, interpolationCount: Int) {
      // Room for the line's end too, which the writer appends.
      buffer = ByteBuffer(capacity: max(128, literalCapacity + interpolationCount * 32 + 1))
    }

    @inline(__always)
    mutating func appendLiteral(_ literal: StaticString) { buffer.append(literal) }

    /// Text as it is.
    mutating func appendInterpolation(_ text: String) { buffer.append(text) }

    /// Text as it is.
    mutating func appendInterpolation(_ text: Substring) { buffer.append(String(text)) }

    /// A number in decimal, as `String` interpolation writes it.
    mutating func appendInterpolation(_ value: Int) { buffer.append(integer: value) }

    /// A time of day as its description writes it ("09:30").
    mutating func appendInterpolation(_ time: LocalTime) { buffer.append(time: time) }

    /// A line built the same way.
    mutating func appendInterpolation(_ line: MarkdownLine) { buffer.append(line.buffer) }

    /// Text, Markdown-escaped (the same bytes as `markdownEscaped(text)`).
    mutating func appendInterpolation(md text: String) { buffer.append(markdown: text) }

    /// A number as `formatNumber(value)` writes it.
    mutating func appendInterpolation(n value: Double) { buffer.append(number: value) }

    /// A number as `formatNumber(value, decimals: decimals)` writes it.
    mutating func appendInterpolation(n value: Double, decimals: Int) {
      buffer.append(number: value, decimals: decimals)
    }

    /// A date as `date.shortText` ("Mon 11 Jan").
    mutating func appendInterpolation(short date: CalendarDate) { buffer.append(short: date) }

    /// A date as `date.longText` ("Monday, 11 January 2027").
    mutating func appendInterpolation(long date: CalendarDate) { buffer.append(long: date) }

    /// Any other value by its description, as `String` interpolation writes it.
    mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
      buffer.append(value.description)
    }

    /// Any other value, as `String` interpolation writes it.
    mutating func appendInterpolation<T>(_ value: T) { buffer.append(String(describing: value)) }
  }

  static func + (lhs: consuming MarkdownLine, rhs: MarkdownLine) -> MarkdownLine {
    lhs.buffer.append(rhs.buffer)
    return lhs
  }

  static func + (lhs: consuming MarkdownLine, rhs: String) -> MarkdownLine {
    lhs.buffer.append(rhs)
    return lhs
  }

  static func += (lhs: inout MarkdownLine, rhs: MarkdownLine) { lhs.buffer.append(rhs.buffer) }

  static func += (lhs: inout MarkdownLine, rhs: String) { lhs.buffer.append(rhs) }
}

/// Collects lines with `\n` ends, as UTF-8 bytes (appending bytes is cheaper than appending to
/// a `String`).
struct MarkdownWriter {
  private(set) var buffer: ByteBuffer

  init() { buffer = ByteBuffer() }

  /// A writer with room for `capacity` bytes.
  init(capacity: Int) { buffer = ByteBuffer(capacity: capacity) }

  /// The bytes written (one copy).
  var bytes: [UInt8] { buffer.array }

  /// The lines as a string.
  var text: String { buffer.string }

  /// Appends a line and its end.
  mutating func line(_ line: MarkdownLine) {
    buffer.append(line.buffer)
    buffer.append(byte: 0x0A)
  }

  /// Appends a line of text already in a string, and its end.
  mutating func line(text: String) {
    buffer.append(text)
    buffer.append(byte: 0x0A)
  }

  /// Appends an empty line.
  ///
  /// Not inlined: Swift 6.3's multi-threaded whole-module build dropped the body of this one-line
  /// method while other files still called it (an undefined symbol at link time).
  @inline(never)
  mutating func blank() { buffer.append(byte: 0x0A) }
}
