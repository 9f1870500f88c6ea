/// The plain-text part of an email body: headings in capitals, lists with `-`, tables in aligned
/// columns, one blank line between blocks.
///
/// Written as UTF-8 bytes into one buffer. The rules that count or trim characters (table
/// widths, a value's line breaks) are kept per `Character`: on bytes only where the bytes cannot
/// mean anything else (ASCII without CR), through the `String` otherwise.
enum EmailMarkdownText {
  static func render(_ blocks: [EmailMarkdown.Block], cache: EmailInline.Cache = .init()) -> String
  {
    var writer = Writer(cache: cache)
    for (index, block) in blocks.enumerated() {
      if index > 0 { writer.out.append(contentsOf: [0x0A, 0x0A]) }
      writer.firstLine = true
      writer.block(block)
    }
    guard !writer.out.isEmpty else { return "" }
    writer.out.append(0x0A)
    return String(decoding: writer.out, as: UTF8.self)
  }

  /// The lines of the blocks into one buffer.
  struct Writer {
    var out: [UInt8] = []
    let cache: EmailInline.Cache
    /// No line of the current top-level block is written yet (lines are joined by LF).
    var firstLine = true
    /// The list items the next line is inside, outermost first: each one's marker, and whether
    /// its first line (which gets the marker; the others get as many spaces) is still to come.
    var items: [(marker: [UInt8], pending: Bool)] = []

    init(cache: EmailInline.Cache) {
      self.cache = cache
      out.reserveCapacity(4096)
    }

    /// Starts a line with its list prefixes; returns where the line starts.
    mutating func startLine() -> Int {
      if !firstLine { out.append(0x0A) }
      firstLine = false
      let start = out.count
      for index in items.indices {
        if items[index].pending {
          out.append(contentsOf: items[index].marker)
          items[index].pending = false
        } else {
          out.append(contentsOf: repeatElement(0x20, count: items[index].marker.count))
        }
      }
      return start
    }

    /// Ends the line from `start`: a value's own line breaks continue at its indentation.
    mutating func endLine(from start: Int) {
      guard EmailMarkdownText.mayHoldLineBreak(out[start...]) else { return }
      let line = String(decoding: out[start...], as: UTF8.self)
      out.removeSubrange(start...)
      out.append(contentsOf: EmailMarkdownText.continued(line).utf8)
    }

    mutating func inline(_ text: String) {
      EmailInline.appendPlainText(cache.parse(text), to: &out)
    }

    mutating func block(_ block: EmailMarkdown.Block) {
      switch block {
      case .paragraph(let lines), .note(let lines):
        for line in lines {
          let start = startLine()
          inline(line)
          endLine(from: start)
        }
      case .heading(_, let text):
        let start = startLine()
        var plain: [UInt8] = []
        EmailInline.appendPlainText(cache.parse(text), to: &plain)
        out.append(contentsOf: String(decoding: plain, as: UTF8.self).uppercased().utf8)
        endLine(from: start)
      case .list(let ordered, let items):
        for (number, item) in items.enumerated() {
          // Blocks inside one item (a nested list) follow each other without blank lines.
          self.items.append((ordered ? Array("\(number + 1). ".utf8) : [0x2D, 0x20], true))
          for block in item { self.block(block) }
          self.items.removeLast()
        }
      case .table(let header, let rows):
        table((header.map { [$0] } ?? []) + rows)
      }
    }

    /// The rows in aligned columns: each cell but a row's last padded to its column's width in
    /// characters, two spaces between columns.
    mutating func table(_ rows: [[String]]) {
      var cells: [UInt8] = []
      var placed: [[(range: Range<Int>, width: Int)]] = []
      var widths: [Int] = []
      placed.reserveCapacity(rows.count)
      for row in rows {
        var cellsOfRow: [(range: Range<Int>, width: Int)] = []
        cellsOfRow.reserveCapacity(row.count)
        for (column, cell) in row.enumerated() {
          let start = cells.count
          EmailInline.appendPlainText(cache.parse(cell), to: &cells)
          let width = EmailMarkdownText.characterCount(cells[start...])
          cellsOfRow.append((start..<cells.count, width))
          if column == widths.count { widths.append(0) }
          widths[column] = max(widths[column], width)
        }
        placed.append(cellsOfRow)
      }
      for row in placed {
        let start = startLine()
        for (column, cell) in row.enumerated() {
          if column > 0 { out.append(contentsOf: [0x20, 0x20]) }
          out.append(contentsOf: cells[cell.range])
          if column != row.count - 1 {
            out.append(contentsOf: repeatElement(0x20, count: widths[column] - cell.width))
          }
        }
        endLine(from: start)
      }
    }
  }

  /// The number of characters of UTF-8 `bytes`: the byte count for ASCII without CR (where each
  /// byte is a character), the `String`'s count otherwise.
  static func characterCount(_ bytes: ArraySlice<UInt8>) -> Int {
    if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return bytes.count }
    return String(decoding: bytes, as: UTF8.self).count
  }

  /// A line whose value had line breaks as U+2028: each part after the first on a line of its
  /// own, at the line's indentation (leading spaces and a list marker's width).
  static func continued(_ line: String) -> String {
    let parts = line.split(separator: EmailMarkdown.lineBreak, omittingEmptySubsequences: false)
    let indent = String(repeating: " ", count: line.prefix { $0 == " " }.count + listIndent(line))
    return parts.enumerated().map { $0 == 0 ? String($1) : indent + $1 }.joined(separator: "\n")
  }

  /// False when the line's UTF-8 has no U+2028 (E2 80 A8).
  static func mayHoldLineBreak(_ line: String) -> Bool { mayHoldLineBreak(line.utf8) }

  /// False when `bytes` have no U+2028 (E2 80 A8).
  static func mayHoldLineBreak(_ bytes: some Sequence<UInt8>) -> Bool {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in bytes {
      if byte == 0xA8 && previous == (0xE2, 0x80) { return true }
      previous = (previous.1, byte)
    }
    return false
  }

  static func listIndent(_ line: String) -> Int {
    let body = line.drop { $0 == " " }
    if body.hasPrefix("- ") { return 2 }
    let digits = body.prefix { $0.isASCII && $0.isNumber }
    return !digits.isEmpty && body.dropFirst(digits.count).hasPrefix(". ") ? digits.count + 2 : 0
  }
}

/// The HTML part of an email body: the same blocks with inline styles mail programs keep.
///
/// Written as UTF-8 bytes into one buffer; a list item's content is trimmed of leading spaces
/// per `Character`, as before (on bytes where the next byte is ASCII).
enum EmailMarkdownHTML {
  static let wrapper =
    "<div style=\"font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2933; max-width: 600px;\">"
  static let cell = "padding: 4px 16px 4px 0; vertical-align: top; text-align: left;"

  static func render(_ blocks: [EmailMarkdown.Block], cache: EmailInline.Cache = .init()) -> String
  {
    var writer = Writer(cache: cache)
    writer.out.append(contentsOf: wrapper.utf8)
    for block in blocks {
      writer.out.append(0x0A)
      writer.block(block, indent: 2)
    }
    writer.out.append(contentsOf: "\n</div>\n".utf8)
    return String(decoding: writer.out, as: UTF8.self)
  }

  /// The markup of the blocks into one buffer.
  struct Writer {
    var out: [UInt8] = []
    let cache: EmailInline.Cache

    init(cache: EmailInline.Cache) {
      self.cache = cache
      out.reserveCapacity(8192)
    }

    mutating func spaces(_ count: Int) { out.append(contentsOf: repeatElement(0x20, count: count)) }

    mutating func append(_ text: String) { out.append(contentsOf: text.utf8) }

    /// Appends markup written in the source: its bytes are copied, no `String` is read.
    mutating func literal(_ text: StaticString) {
      text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    mutating func inline(_ text: String) {
      EmailInline.appendHTML(cache.parse(text), to: &out)
    }

    /// Lines joined by `<br>` and a line break at `indent`.
    mutating func lines(_ lines: [String], indent: Int) {
      for (index, line) in lines.enumerated() {
        if index > 0 {
          literal("<br>\n")
          spaces(indent)
        }
        inline(line)
      }
    }

    /// One block at `indent` spaces; `indented: false` leaves out its first line's indentation.
    mutating func block(
      _ block: EmailMarkdown.Block, indent: Int, tight: Bool = false, indented: Bool = true
    ) {
      if indented { spaces(indent) }
      switch block {
      case .paragraph(let lines):
        if !tight { literal("<p>") }
        self.lines(lines, indent: indent)
        if !tight { literal("</p>") }
      case .note(let lines):
        literal(
          "<p style=\"background-color: #fff8e1; border-left: 4px solid #f5a623; padding: 8px 12px;\">"
        )
        self.lines(lines, indent: indent)
        literal("</p>")
      case .heading(let level, let text):
        let size = [20, 17, 15][level - 1]
        append("<h\(level + 1) style=\"font-size: \(size)px; ")
        literal("margin: 20px 0 4px 0; color: #0b4f6c;\">")
        inline(text)
        append("</h\(level + 1)>")
      case .list(let ordered, let items):
        let tag = ordered ? "ol" : "ul"
        append("<\(tag) style=\"margin-top: 0;\">")
        for item in items {
          literal("\n")
          spaces(indent)
          literal("  <li>")
          let start = out.count
          for (index, block) in item.enumerated() {
            if index > 0 { literal("\n") }
            self.block(block, indent: indent + 4, tight: index == 0, indented: index > 0)
          }
          if !item.isEmpty { trimLeadingSpace(from: start, indent: indent + 4) }
          if item.count == 1, case .paragraph = item[0] {
            literal("</li>")
          } else {
            literal("\n")
            spaces(indent)
            literal("  </li>")
          }
        }
        literal("\n")
        spaces(indent)
        append("</\(tag)>")
      case .table(let header, let rows):
        literal("<table style=\"border-collapse: collapse; margin: 4px 0 12px 0;\">")
        if let header { row(header, tag: "th", indent: indent) }
        for cells in rows { row(cells, tag: "td", indent: indent) }
        literal("\n")
        spaces(indent)
        literal("</table>")
      }
    }

    mutating func row(_ cells: [String], tag: String, indent: Int) {
      literal("\n")
      spaces(indent)
      literal("  <tr>")
      for text in cells {
        append("<\(tag) style=\"\(EmailMarkdownHTML.cell)\">")
        inline(text)
        append("</\(tag)>")
      }
      literal("</tr>")
    }

    /// The item's content from `start`, written without its first `indent` spaces, as the
    /// content with them would be after `trimmingLeadingSpace()`: that drops exactly those
    /// spaces when an ASCII byte other than a space or tab follows (a character boundary).
    mutating func trimLeadingSpace(from start: Int, indent: Int) {
      if start < out.count, out[start] < 0x80, out[start] != 0x20, out[start] != 0x09 { return }
      let content =
        String(repeating: " ", count: indent) + String(decoding: out[start...], as: UTF8.self)
      out.removeSubrange(start...)
      out.append(contentsOf: content.trimmingLeadingSpace().utf8)
    }
  }
}
