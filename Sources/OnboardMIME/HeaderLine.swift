/// Builds one header field from space-separated tokens, folding before a token (CRLF + space)
/// when the line would pass 78 characters. A single token longer than a line is never split, so
/// callers keep tokens short; the writer's tokens stay far below the 998-octet hard limit.
struct HeaderLine {
  /// The preferred maximum line length of RFC 5322, without the CRLF.
  static let width = 78

  private var lines: [String] = []
  private var current: String
  private var hasToken = false

  /// Starts the field `name:`.
  init(name: String) {
    current = name + ":"
  }

  /// The room left on the current line for a token after its separating space.
  var remaining: Int { Self.width - current.utf8.count - 1 }

  /// Appends a space and `token`, folding first if the token would not fit. Empty tokens (from
  /// runs of spaces) are never preceded by a fold, so no line is only whitespace.
  mutating func append(_ token: String) {
    if hasToken && !token.isEmpty && token.utf8.count > remaining {
      lines.append(current)
      current = ""
    }
    current += " " + token
    hasToken = true
  }

  /// Appends `text` directly after the previous token, without a space or a fold (e.g. `,` or `;`).
  mutating func glue(_ text: String) {
    current += text
  }

  /// The field with CRLF line ends, including the final CRLF.
  var rendered: String {
    (lines + [current]).map { $0 + "\r\n" }.joined()
  }

  /// Renders an unstructured value (Subject, extra headers): sanitised, then plain words or
  /// RFC 2047 encoded words.
  static func unstructured(name: String, value: String) -> String {
    var line = HeaderLine(name: name)
    let text = HeaderText.sanitized(value, collapsingSpaces: false)
    if HeaderText.needsEncodedWords(text) {
      for word in EncodedWord.words(for: text, firstMax: line.remaining) {
        line.append(word)
      }
    } else if text.isEmpty {
      line.append("")
    } else {
      for word in text.split(separator: " ", omittingEmptySubsequences: false) {
        line.append(String(word))
      }
    }
    return line.rendered
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
