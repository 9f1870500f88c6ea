/// Splits template source into text, line breaks and tags, following set-delimiter tags.
struct Tokenizer {
  let scalars: [Unicode.Scalar]
  let templateName: String
  private var index = 0
  private var line = 1
  private var column = 1
  private var delimiters: Delimiters

  init(_ source: String, templateName: String, delimiters: Delimiters = .standard) {
    self.scalars = Array(source.unicodeScalars)
    self.templateName = templateName
    self.delimiters = delimiters
  }

  /// Reads every token of the source.
  mutating func tokenize() throws(MustacheError) -> [Token] {
    var tokens: [Token] = []
    var text = String.UnicodeScalarView()
    func flushText() {
      if !text.isEmpty {
        tokens.append(.text(String(text)))
        text = String.UnicodeScalarView()
      }
    }
    while index < scalars.count {
      if matches(delimiters.open, at: index) {
        flushText()
        tokens.append(.tag(try readTag()))
      } else if scalars[index] == "\n" {
        flushText()
        tokens.append(.newline("\n"))
        advance(1)
      } else if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
        flushText()
        tokens.append(.newline("\r\n"))
        advance(2)
      } else {
        text.append(scalars[index])
        advance(1)
      }
    }
    flushText()
    return tokens
  }

  private func matches(_ pattern: [Unicode.Scalar], at position: Int) -> Bool {
    guard position + pattern.count <= scalars.count else { return false }
    for (offset, scalar) in pattern.enumerated() where scalars[position + offset] != scalar {
      return false
    }
    return true
  }

  private func find(_ pattern: [Unicode.Scalar], from position: Int) -> Int? {
    var candidate = position
    while candidate + pattern.count <= scalars.count {
      if matches(pattern, at: candidate) { return candidate }
      candidate += 1
    }
    return nil
  }

  private mutating func advance(_ count: Int) {
    for _ in 0..<count where index < scalars.count {
      if scalars[index] == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += 1
    }
  }

  private func error(_ kind: MustacheError.Kind, line: Int, column: Int) -> MustacheError {
    MustacheError(kind, templateName: templateName, line: line, column: column)
  }

  private mutating func readTag() throws(MustacheError) -> Tag {
    let start = index
    let (tagLine, tagColumn) = (line, column)
    let inEffect = delimiters
    advance(delimiters.open.count)
    var kind = TagKind.variable
    var closing = delimiters.close
    if index < scalars.count {
      switch scalars[index] {
      case "#": kind = .section
      case "^": kind = .inverted
      case "/": kind = .end
      case "!": kind = .comment
      case ">": kind = .partial
      case "<": kind = .parent
      case "$": kind = .block
      case "&": kind = .unescaped
      case "=":
        kind = .setDelimiters
        closing = ["="] + closing
      case "{":
        kind = .unescaped
        closing = ["}"] + closing
      default: break
      }
      if kind != .variable { advance(1) }
    }
    /// The tag as written, up to `end` (or its line's end), for the message.
    func written(upTo end: Int) -> String {
      var stop = min(end, scalars.count, start + 60)
      if let newline = scalars[start..<stop].firstIndex(of: "\n") { stop = newline }
      return String(String.UnicodeScalarView(scalars[start..<stop]))
    }
    let closingText = String(String.UnicodeScalarView(closing))
    guard let contentEnd = find(closing, from: index) else {
      var failure = error(.unclosedTag, line: tagLine, column: tagColumn)
      failure.detail = "`\(written(upTo: scalars.count))` has no `\(closingText)`"
      throw failure
    }
    // A tag whose name would run into the next tag (`{{manager_name and ... {{buddy_name}}`):
    // its own `}}` is missing, which is said as such, not as an unknown name of both.
    if kind != .comment && kind != .setDelimiters,
      let next = find(inEffect.open, from: index), next < contentEnd
    {
      var failure = error(.unclosedTag, line: tagLine, column: tagColumn)
      failure.detail =
        "`\(written(upTo: next))` has no `\(closingText)` before the next "
        + "`\(String(String.UnicodeScalarView(inEffect.open)))`"
      throw failure
    }
    let content = String(String.UnicodeScalarView(scalars[index..<contentEnd]))
    advance(contentEnd - index + closing.count)
    var tag = Tag(
      kind: kind, name: "", line: tagLine, column: tagColumn, range: start..<index,
      delimiters: inEffect)
    switch kind {
    case .comment:
      break
    case .setDelimiters:
      let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        .map { String($0).trimmedTagContent }.filter { !$0.isEmpty }
      guard parts.count == 2, parts.allSatisfy({ !$0.contains("=") }) else {
        throw error(.invalidDelimiters(content: content), line: tagLine, column: tagColumn)
      }
      delimiters = Delimiters(
        open: Array(parts[0].unicodeScalars), close: Array(parts[1].unicodeScalars))
      tag.name = content.trimmedTagContent
    default:
      var name = content.trimmedTagContent
      if kind == .partial || kind == .parent || kind == .end, name.hasPrefix("*") {
        tag.isDynamic = true
        name = String(name.dropFirst()).trimmedTagContent
      }
      guard !name.isEmpty else { throw error(.emptyTag, line: tagLine, column: tagColumn) }
      tag.name = name
    }
    return tag
  }
}
