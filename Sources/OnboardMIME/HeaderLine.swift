/// Builds one header field from space-separated tokens, folding before a token (CRLF + space)
/// when the line would pass 78 characters. A single token longer than a line is never split, so
/// callers keep tokens short; the writer's tokens stay far below the 998-octet hard limit.
struct HeaderLine {
  /// The preferred maximum line length of RFC 5322, without the CRLF.
  static let width = 78

  /// The field so far: the folded lines with their CRLF, then the current line.
  private var bytes: [UInt8]
  /// Where the current line starts in `bytes`.
  private var lineStart = 0
  private var hasToken = false

  /// Starts the field `name:`.
  init(name: String) {
    bytes = []
    bytes.reserveCapacity(96)
    bytes.append(contentsOf: name.utf8)
    bytes.append(UInt8(ascii: ":"))
  }

  /// The room left on the current line for a token after its separating space.
  var remaining: Int { Self.width - (bytes.count - lineStart) - 1 }

  /// Appends a space and `token`, folding first if the token would not fit. Empty tokens (from
  /// runs of spaces) are never preceded by a fold, so no line is only whitespace.
  mutating func append(_ token: String) {
    append(utf8: token.utf8)
  }

  /// `append` of a token's UTF-8 bytes.
  mutating func append(utf8 token: some Collection<UInt8>) {
    if hasToken && !token.isEmpty && token.count > remaining {
      bytes.append(0x0D)
      bytes.append(0x0A)
      lineStart = bytes.count
    }
    bytes.append(0x20)
    bytes.append(contentsOf: token)
    hasToken = true
  }

  /// Appends `text` directly after the previous token, without a space or a fold (e.g. `,` or `;`).
  mutating func glue(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// The field with CRLF line ends, including the final CRLF.
  var rendered: String { String(decoding: renderedBytes, as: UTF8.self) }

  /// `rendered` as bytes.
  var renderedBytes: [UInt8] {
    var out = bytes
    out.append(0x0D)
    out.append(0x0A)
    return out
  }

  /// Renders an unstructured value (Subject, extra headers): sanitised, then plain words or
  /// RFC 2047 encoded words.
  static func unstructured(name: String, value: String) -> String {
    String(decoding: unstructuredBytes(name: name, value: value), as: UTF8.self)
  }

  /// `unstructured` as bytes.
  static func unstructuredBytes(name: String, value: String) -> [UInt8] {
    var copy = value  // shares the storage; `withUTF8` needs a variable
    if let bytes = copy.withUTF8({ plainUnstructuredBytes(name: name, $0) }) { return bytes }
    return unstructuredBytesByRule(name: name, value: value)
  }

  /// `unstructuredBytes` in one pass for the everyday value, or nil: printable ASCII without `=?`
  /// and without a word over 60 bytes, where sanitising only trims spaces and the words are the
  /// bytes between single spaces.
  static func plainUnstructuredBytes(name: String, _ bytes: UnsafeBufferPointer<UInt8>)
    -> [UInt8]?
  {
    let count = bytes.count
    var run = 0
    for index in 0..<count {
      let byte = bytes[index]
      guard byte >= 0x20 && byte < 0x7F else { return nil }
      if byte == UInt8(ascii: "="), index + 1 < count, bytes[index + 1] == UInt8(ascii: "?") {
        return nil
      }
      if byte == 0x20 {
        run = 0
      } else {
        run += 1
        if run > 60 { return nil }
      }
    }
    var start = 0
    var end = count
    while start < end, bytes[start] == 0x20 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 { end -= 1 }
    var line = HeaderLine(name: name)
    var wordStart = start
    for index in start..<end where bytes[index] == 0x20 {
      line.append(utf8: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]))
      wordStart = index + 1
    }
    line.append(utf8: UnsafeBufferPointer(rebasing: bytes[wordStart..<end]))
    return line.renderedBytes
  }

  /// The definition of `unstructuredBytes`: sanitise, then plain words or encoded words.
  static func unstructuredBytesByRule(name: String, value: String) -> [UInt8] {
    var line = HeaderLine(name: name)
    let text = HeaderText.sanitized(value, collapsingSpaces: false)
    if HeaderText.needsEncodedWords(text) {
      for word in EncodedWord.words(for: text, firstMax: line.remaining) {
        line.append(word)
      }
    } else if text.isEmpty {
      line.append("")
    } else {
      // Printable ASCII here (`needsEncodedWords` said so): its words are its bytes between spaces.
      for word in text.utf8.split(separator: 0x20, omittingEmptySubsequences: false) {
        line.append(utf8: word)
      }
    }
    return line.renderedBytes
  }

  /// Renders a value made of tokens separated by `;` (Content-Type and friends).
  static func parameterized(name: String, tokens: [String]) -> String {
    var line = HeaderLine(name: name)
    for (index, token) in tokens.enumerated() {
      line.append(token)
      if index < tokens.count - 1 { line.glue(";") }
    }
    return line.rendered
  }
}
