/// The small Markdown subset email bodies are written in, rendered to a plain-text part and an
/// HTML part from the same source so the two cannot drift.
///
/// Blocks (separated by blank lines): paragraphs, where every line break is kept (signatures,
/// addresses); `#`/`##`/`###` headings; `- ` or `* ` bullet lists and `1. ` numbered lists, with
/// items nested by indenting them two spaces; `> ` notes; tables of `| cell | cell |` rows (a
/// `|---|---|` row under the first makes it the header). Inline: `**bold**`, `*emphasis*`,
/// `` `code` ``, `[label](https://…)`, `<https://…>`, `<name@example.com>`, bare `https://…`
/// addresses, and `\` before a punctuation character to keep it literal. Anything else is text.
/// Values from the plan are inserted with `escape(_:)`, so a name never becomes markup.
public enum EmailMarkdown {
  /// A parsed block.
  indirect enum Block: Equatable {
    case paragraph([String])
    case heading(Int, String)
    case list(ordered: Bool, items: [[Block]])
    case note([String])
    case table(header: [String]?, rows: [[String]])
  }

  /// The text and HTML parts of one body.
  public static func render(_ source: String) -> (text: String, html: String) {
    var copy = source  // shares the storage; `withUTF8` needs a variable
    if let (text, html) = copy.withUTF8({ EmailMarkdownBytes.render($0) }) {
      return (String(decoding: text, as: UTF8.self), String(decoding: html, as: UTF8.self))
    }
    return render(byReference: source)
  }

  /// `render` of the UTF-8 bytes of a body (as the Mustache renderer writes them), giving the
  /// parts' UTF-8 bytes.
  static func renderUTF8(_ source: [UInt8]) -> (text: [UInt8], html: [UInt8]) {
    if let parts = source.withUnsafeBufferPointer({ EmailMarkdownBytes.render($0) }) {
      return parts
    }
    let (text, html) = render(byReference: String(decoding: source, as: UTF8.self))
    return (Array(text.utf8), Array(html.utf8))
  }

  /// `render` on `Character`s: the path every body that does not qualify for
  /// `EmailMarkdownBytes` takes, and the reference its tests compare it with.
  static func render(byReference source: String) -> (text: String, html: String) {
    let blocks = parse(lines(source))
    // The text and the HTML part share one parse of each line.
    let cache = EmailInline.Cache()
    let text = EmailMarkdownText.render(blocks, cache: cache)
    cache.replay()
    let html = EmailMarkdownHTML.render(blocks, cache: cache)
    return (text, html)
  }

  /// The source split at `\n` characters (a CRLF is one character, so it does not split). On
  /// bytes when there is no CR: a LF byte is then always a character of its own.
  static func lines(_ source: String) -> [String] {
    var copy = source  // shares the storage; `withUTF8` needs a variable
    let split = copy.withUTF8 { bytes -> [String]? in
      guard !bytes.contains(0x0D) else { return nil }
      var lines: [String] = []
      var start = 0
      for index in bytes.indices where bytes[index] == 0x0A {
        lines.append(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        start = index + 1
      }
      lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
      return lines
    }
    return split
      ?? source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// How a line break inside an inserted value is carried through block parsing.
  static let lineBreak: Character = "\u{2028}"

  /// Escapes a value so that it reads as literal text: markup characters get a backslash, and a
  /// line that would start a list, heading, note or numbered item gets one before its marker.
  public static func escape(_ value: String) -> String {
    UTF8Escaping.emailMarkdown(value) ?? escapeByCharacter(value)
  }

  /// Appends `escape(value)`'s UTF-8 bytes to `output`: straight from the byte path when it
  /// decides, through the `String` of the character path when it does not.
  static func escape(_ value: String, into output: inout [UInt8]) {
    if !UTF8Escaping.emailMarkdown(value, into: &output) {
      output.append(contentsOf: escapeByCharacter(value).utf8)
    }
  }

  /// The definition of `escape(_:)`, character by character (the byte path's fallback).
  static func escapeByCharacter(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.utf8.count + 8)
    var atLineStart = true
    var digits = false
    for character in value {
      // A line break inside a value stays inside its block (a list item, a table cell).
      if character.isNewline {
        out.append(lineBreak)
        atLineStart = true
        digits = false
        continue
      }
      if atLineStart, "-+#>".contains(character) {
        out.append("\\")
      } else if "\\*[]<>|`:".contains(character) {
        out.append("\\")
      } else if digits, character == "." || character == ")" {
        out.append("\\")
      }
      digits = (atLineStart || digits) && character.isASCII && character.isNumber
      atLineStart = character == "\n"
      out.append(character)
    }
    return out
  }

  // MARK: Blocks

  static func parse(_ lines: [String]) -> [Block] {
    var blocks: [Block] = []
    var index = 0
    // Only when every byte is a space or a tab is every character one (a character holding any
    // other byte is neither).
    func isBlank(_ line: String) -> Bool { line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    while index < lines.count {
      let line = lines[index]
      if isBlank(line) {
        index += 1
        continue
      }
      if let heading = heading(line) {
        blocks.append(heading)
        index += 1
      } else if listMarker(line) != nil {
        let (block, next) = parseList(lines, from: index)
        blocks.append(block)
        index = next
      } else if line.hasASCIIPrefix(">") {
        var noteLines: [String] = []
        while index < lines.count, lines[index].hasASCIIPrefix(">") {
          noteLines.append(String(lines[index].dropFirst()).trimmingLeadingSpace())
          index += 1
        }
        blocks.append(.note(noteLines))
      } else if line.trimmingLeadingSpace().hasASCIIPrefix("|") {
        var rows: [[String]] = []
        var header: [String]? = nil
        while index < lines.count, lines[index].trimmingLeadingSpace().hasASCIIPrefix("|") {
          let cells = tableCells(lines[index])
          if rows.count == 1, header == nil, cells.allSatisfy(isSeparatorCell) {
            header = rows.removeFirst()
          } else {
            rows.append(cells)
          }
          index += 1
        }
        blocks.append(.table(header: header, rows: rows))
      } else {
        var paragraph: [String] = []
        while index < lines.count, !isBlank(lines[index]), heading(lines[index]) == nil,
          listMarker(lines[index]) == nil || paragraph.isEmpty, !lines[index].hasASCIIPrefix(">"),
          !lines[index].trimmingLeadingSpace().hasASCIIPrefix("|")
        {
          paragraph.append(lines[index].trimmingLeadingSpace())
          index += 1
        }
        blocks.append(.paragraph(paragraph))
      }
    }
    return blocks
  }

  static func heading(_ line: String) -> Block? {
    // The first character is `#` only if the first byte is.
    guard line.utf8.first == UInt8(ascii: "#") else { return nil }
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    return .heading(hashes, String(line.dropFirst(hashes + 1)).trimmingLeadingSpace())
  }

  /// The marker's kind and the item's text, for `- x`, `* x` and `12. x` at the line's start.
  static func listMarker(_ line: String) -> (ordered: Bool, text: String)? {
    // Each marker's first character is an ASCII byte: `-`, `*` or a digit.
    guard let first = line.utf8.first,
      first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || (0x30...0x39).contains(first)
    else { return nil }
    if line.hasASCIIPrefix("- ") || line.hasASCIIPrefix("* ") {
      return (false, String(line.dropFirst(2)))
    }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count <= 9, line.dropFirst(digits.count).hasPrefix(". ") {
      return (true, String(line.dropFirst(digits.count + 2)))
    }
    return nil
  }

  /// A list from `start`: its items, each with the lines indented under it parsed as blocks.
  static func parseList(_ lines: [String], from start: Int) -> (Block, Int) {
    guard let first = listMarker(lines[start]) else { return (.paragraph([]), start + 1) }
    var items: [[Block]] = []
    var index = start
    while index < lines.count, let marker = listMarker(lines[index]),
      marker.ordered == first.ordered
    {
      var body = [marker.text]
      index += 1
      while index < lines.count, lines[index].hasASCIIPrefix("  ") {
        body.append(String(lines[index].dropFirst(2)))
        index += 1
      }
      items.append(parse(body))
    }
    return (.list(ordered: first.ordered, items: items), index)
  }

  /// The cells of a `| a | b |` row; `\|` stays inside its cell.
  static func tableCells(_ line: String) -> [String] {
    var copy = line  // shares the storage; `withUTF8` needs a variable
    return copy.withUTF8 { tableCells(bytes: $0) } ?? tableCellsByCharacter(line)
  }

  /// `tableCells` on the row's UTF-8, or nil when a character that matters (a leading space or
  /// tab, `|`, `\\` and the character after it) might not be the byte alone, or there is a CR.
  static func tableCells(bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    let count = bytes.count
    // An ASCII byte between ASCII bytes is a character of its own (only non-ASCII scalars
    // extend or prepend to a cluster; CR is left to the character path).
    func alone(_ index: Int) -> Bool {
      (index == 0 || bytes[index - 1] < 0x80) && (index + 1 == count || bytes[index + 1] < 0x80)
    }
    func text(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).trimmingSpaces()
    }
    var index = 0
    while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 {
      guard alone(index) else { return nil }
      index += 1
    }
    if index < count, bytes[index] == UInt8(ascii: "|") {
      guard alone(index) else { return nil }
      index += 1
    }
    var cells: [String] = []
    var start = index
    while index < count {
      let byte = bytes[index]
      if byte == 0x0D { return nil }
      if byte == UInt8(ascii: "\\") {
        guard alone(index) else { return nil }
        // The escaped character, kept in the cell, must be one byte too.
        if index + 1 < count {
          guard bytes[index + 1] != 0x0D, index + 2 == count || bytes[index + 2] < 0x80 else {
            return nil
          }
          index += 2
        } else {
          index += 1
        }
      } else if byte == UInt8(ascii: "|") {
        guard alone(index) else { return nil }
        cells.append(text(start..<index))
        index += 1
        start = index
      } else {
        index += 1
      }
    }
    let last = text(start..<count)
    if !last.isEmpty { cells.append(last) }
    return cells
  }

  /// The definition of `tableCells`, character by character (the byte path's fallback).
  static func tableCellsByCharacter(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    var row = line.trimmingLeadingSpace()
    if row.hasPrefix("|") { row.removeFirst() }
    for character in row {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        current.append(character)
        escaped = true
      } else if character == "|" {
        cells.append(current.trimmingSpaces())
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.trimmingSpaces().isEmpty { cells.append(current.trimmingSpaces()) }
    return cells
  }

  static func isSeparatorCell(_ cell: String) -> Bool {
    !cell.isEmpty && cell.allSatisfy { $0 == "-" || $0 == ":" } && cell.contains("-")
  }
}

extension String {
  /// `hasPrefix(prefix)` for a prefix of ASCII characters none of which has a canonically equal
  /// non-ASCII form (`>`, `|`, `-`, `*`, space; not `;`, `` ` `` or `K`) and no CR. Decided on
  /// the bytes unless the byte after the prefix is non-ASCII, which might join the prefix's last
  /// character to a larger one: then `hasPrefix` decides.
  func hasASCIIPrefix(_ prefix: StaticString) -> Bool {
    let result = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      prefix.withUTF8Buffer { head -> Bool? in
        guard bytes.count >= head.count else { return false }
        for index in 0..<head.count where bytes[index] != head[index] { return false }
        if bytes.count > head.count, bytes[head.count] >= 0x80 { return nil }
        return true
      }
    }
    switch result {
    case .some(.some(let decided)): return decided
    default: return hasPrefix(prefix.description)
    }
  }

  /// The string without its leading space and tab characters.
  func trimmingLeadingSpace() -> String {
    // A first byte other than a space or a tab starts a character that is neither.
    guard let first = utf8.first, first == 0x20 || first == 0x09 else { return self }
    return String(drop { $0 == " " || $0 == "\t" })
  }
}
