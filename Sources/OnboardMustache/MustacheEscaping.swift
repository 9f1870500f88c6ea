/// How interpolation tags (`{{name}}`) escape values; `{{{name}}}` and `{{& name}}` never do.
public enum MustacheEscaping: Sendable {
  /// HTML escaping: `&`, `<`, `>`, `"` as the spec requires, plus `'` as `&#39;` so values are
  /// also safe inside single-quoted attributes (the spec neither requires nor forbids it).
  case html
  /// No escaping, for plain-text output such as text email bodies.
  case none
  /// A custom escaping function.
  case custom(@Sendable (String) -> String)
  /// A custom escaping function that appends the escaped value's UTF-8 bytes to the output
  /// itself, so that no `String` is made per value.
  case customBytes(@Sendable (String, inout [UInt8]) -> Void)

  /// Escapes one interpolated value.
  public func escape(_ text: String) -> String {
    switch self {
    case .html: return Self.escapeHTML(text)
    case .none: return text
    case .custom(let function): return function(text)
    case .customBytes(let function):
      var bytes: [UInt8] = []
      function(text, &bytes)
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// Appends the escaped value's UTF-8 bytes to `output`.
  public func escape(_ text: String, into output: inout [UInt8]) {
    switch self {
    case .html: Self.appendHTML(text, to: &output)
    case .none: output.append(contentsOf: text.utf8)
    case .custom(let function): output.append(contentsOf: function(text).utf8)
    case .customBytes(let function): function(text, &output)
    }
  }

  /// HTML-escapes `text` straight into `output`: the UTF-8 bytes are scanned through a pointer
  /// and copied in runs between the special bytes (the five characters are ASCII, so no other
  /// byte of a multi-byte character can be one of them).
  static func appendHTML(_ text: String, to output: inout [UInt8]) {
    var text = text  // shares the storage; `withUTF8` needs a variable
    text.withUTF8 { appendHTML($0, to: &output) }
  }

  /// `appendHTML` on UTF-8 bytes.
  static func appendHTML(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    let count = bytes.count
    var start = 0
    var index = 0
    while index < count {
      let byte = bytes[index]
      if isHTMLSpecial(byte) {
        if start < index {
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        }
        appendEntity(byte, to: &output)
        start = index + 1
      }
      index += 1
    }
    if start < count {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
    }
  }

  /// The entity of one of the five special bytes, a byte at a time (no temporary array).
  private static func appendEntity(_ byte: UInt8, to output: inout [UInt8]) {
    let entity: StaticString
    switch byte {
    case UInt8(ascii: "&"): entity = "&amp;"
    case UInt8(ascii: "<"): entity = "&lt;"
    case UInt8(ascii: ">"): entity = "&gt;"
    case UInt8(ascii: "\""): entity = "&quot;"
    default: entity = "&#39;"
    }
    entity.withUTF8Buffer { output.append(contentsOf: $0) }
  }

  static func escapeHTML(_ text: String) -> String {
    var copy = text  // shares the storage; `withUTF8` needs a variable
    return copy.withUTF8 { bytes -> String in
      guard bytes.contains(where: isHTMLSpecial) else { return text }
      var result: [UInt8] = []
      result.reserveCapacity(bytes.count + 16)
      appendHTML(bytes, to: &result)
      return String(decoding: result, as: UTF8.self)
    }
  }

  /// `&`, `<`, `>`, `"` or `'`: a bit mask over the bytes below 0x40.
  @inline(__always)
  static func isHTMLSpecial(_ byte: UInt8) -> Bool {
    let mask: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27
    return byte < 0x40 && (mask >> UInt64(byte)) & 1 != 0
  }
}
