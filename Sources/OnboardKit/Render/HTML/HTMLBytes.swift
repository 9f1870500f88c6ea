import OnboardMustache

/// The UTF-8 bytes of HTML or SVG markup being built: one growing buffer instead of a `String` per
/// fragment. A string literal is markup as it is; `\(text)` of a `String` appends it unescaped (it
/// must already be markup, as with `String` interpolation before); `\(h: text)` appends it
/// HTML-escaped and `\(bdi: text)` escaped inside `<bdi>`, with the byte-table escape, so the
/// output is byte for byte what `h(_:)` and `bdi(_:)` give.
struct HTMLBytes: ExpressibleByStringInterpolation, CustomStringConvertible, Sendable {
  var bytes: [UInt8]

  init() { bytes = [] }

  init(stringLiteral value: String) {
    bytes = []
    bytes.appendUTF8(value)
  }

  init(stringInterpolation: Interpolation) { bytes = stringInterpolation.bytes }

  /// An empty buffer with room for `capacity` bytes (a whole page's worth, so it grows rarely).
  init(capacity: Int) {
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  /// Appends `text` HTML-escaped (the same bytes as `h(text)`).
  mutating func append(h text: String) { MustacheEscaping.html.escape(text, into: &bytes) }

  /// Appends markup as it is.
  mutating func append(_ markup: String) { bytes.appendUTF8(markup) }

  /// The markup as a string.
  var string: String { String(decoding: bytes, as: UTF8.self) }

  /// The markup itself, so that a `String` literal interpolating markup bytes gets the markup.
  var description: String { string }

  /// Builds an interpolated literal straight into bytes.
  struct Interpolation: StringInterpolationProtocol {
    var bytes: [UInt8]

    init(literalCapacity: Int, interpolationCount: Int) {
      bytes = []
      bytes.reserveCapacity(literalCapacity + interpolationCount * 16)
    }

    mutating func appendLiteral(_ literal: String) { bytes.appendUTF8(literal) }

    /// Markup, unescaped.
    mutating func appendInterpolation(_ markup: String) { bytes.appendUTF8(markup) }

    /// Markup built the same way.
    mutating func appendInterpolation(_ markup: HTMLBytes) {
      bytes.append(contentsOf: markup.bytes)
    }

    /// A number in decimal, as `String` interpolation writes it.
    mutating func appendInterpolation(_ value: Int) {
      NumberText.append(integer: value, to: &bytes)
    }

    /// A number as `formatNumber(value)` writes it (a coordinate, a level).
    mutating func appendInterpolation(n value: Double) { NumberText.append(value, to: &bytes) }

    /// A number as `formatNumber(value, decimals: decimals)` writes it.
    mutating func appendInterpolation(n value: Double, decimals: Int) {
      NumberText.append(value, decimals: decimals, to: &bytes)
    }

    /// Any other value by its description, as `String` interpolation writes it.
    mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
      bytes.appendUTF8(value.description)
    }

    /// Text, HTML-escaped (the same bytes as `h(text)`).
    mutating func appendInterpolation(h text: String) {
      MustacheEscaping.html.escape(text, into: &bytes)
    }

    /// Text escaped once for several places (a label in an attribute and in a `<title>`).
    mutating func appendInterpolation(escaped markup: HTMLBytes) {
      bytes.append(contentsOf: markup.bytes)
    }

    /// A status badge: the same bytes as `HTMLStatus.badge(status, words: words)`.
    mutating func appendInterpolation(badge status: SkillStatus, words: String? = nil) {
      HTMLStatus.appendBadge(status, words: words, to: &bytes)
    }

    /// Text, escaped and isolated (the same bytes as `bdi(text)`).
    mutating func appendInterpolation(bdi text: String) {
      bytes.appendUTF8("<bdi>")
      MustacheEscaping.html.escape(text, into: &bytes)
      bytes.appendUTF8("</bdi>")
    }
  }

  static func += (lhs: inout HTMLBytes, rhs: HTMLBytes) { lhs.bytes.append(contentsOf: rhs.bytes) }

  static func += (lhs: inout HTMLBytes, rhs: String) { lhs.bytes.appendUTF8(rhs) }

  static func + (lhs: consuming HTMLBytes, rhs: String) -> HTMLBytes {
    lhs.bytes.appendUTF8(rhs)
    return lhs
  }

  static func + (lhs: consuming HTMLBytes, rhs: HTMLBytes) -> HTMLBytes {
    lhs.bytes.append(contentsOf: rhs.bytes)
    return lhs
  }
}

extension Sequence<HTMLBytes> {
  /// The fragments one after another.
  func joined() -> HTMLBytes {
    var result = HTMLBytes()
    for fragment in self { result.bytes.append(contentsOf: fragment.bytes) }
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
