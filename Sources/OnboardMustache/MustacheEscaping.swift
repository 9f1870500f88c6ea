/// How interpolation tags (`{{name}}`) escape values; `{{{name}}}` and `{{& name}}` never do.
public enum MustacheEscaping: Sendable {
  /// HTML escaping: `&`, `<`, `>`, `"` as the spec requires, plus `'` as `&#39;` so values are
  /// also safe inside single-quoted attributes (the spec neither requires nor forbids it).
  case html
  /// No escaping, for plain-text output such as text email bodies.
  case none
  /// A custom escaping function.
  case custom(@Sendable (String) -> String)

  /// Escapes one interpolated value.
  public func escape(_ text: String) -> String {
    switch self {
    case .html: return Self.escapeHTML(text)
    case .none: return text
    case .custom(let function): return function(text)
    }
  }

  /// Appends the escaped value's UTF-8 bytes to `output`.
  public func escape(_ text: String, into output: inout [UInt8]) {
    switch self {
    case .html: Self.appendHTML(text, to: &output)
    case .none: output.append(contentsOf: text.utf8)
    case .custom(let function): output.append(contentsOf: function(text).utf8)
    }
  }

  /// HTML-escapes `text` straight into `output`, a byte at a time with a table.
  static func appendHTML(_ text: String, to output: inout [UInt8]) {
    let utf8 = text.utf8
    guard let first = utf8.firstIndex(where: isHTMLSpecial) else {
      output.append(contentsOf: utf8)
      return
    }
    output.append(contentsOf: utf8[..<first])
    for byte in utf8[first...] {
      switch byte {
      case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
      default: output.append(byte)
      }
    }
  }

  static func escapeHTML(_ text: String) -> String {
    // The five characters are ASCII, so the UTF-8 bytes can be scanned and copied as they are.
    let utf8 = text.utf8
    guard let first = utf8.firstIndex(where: isHTMLSpecial) else { return text }
    var result: [UInt8] = []
    result.reserveCapacity(utf8.count + 16)
    result.append(contentsOf: utf8[..<first])
    for byte in utf8[first...] {
      switch byte {
      case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
      default: result.append(byte)
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// `&`, `<`, `>`, `"` or `'`: a bit mask over the bytes below 0x40.
  @inline(__always)
  static func isHTMLSpecial(_ byte: UInt8) -> Bool {
    let mask: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27
    return byte < 0x40 && (mask >> UInt64(byte)) & 1 != 0
  }
}
