/// The plain-text part of an email body: headings in capitals, lists with `-`, tables in aligned
/// columns, one blank line between blocks.
enum EmailMarkdownText {
  static func render(_ blocks: [EmailMarkdown.Block], cache: EmailInline.Cache = .init()) -> String
  {
    let text = blocks.map { block in
      lines(block, cache).flatMap { line -> [String] in
        // A value's own line breaks continue at the line's indentation. Most lines have none:
        // U+2028 is a character of its own, so its absence from the bytes settles it.
        guard EmailMarkdownText.mayHoldLineBreak(line) else { return [line] }
        let parts = line.split(separator: EmailMarkdown.lineBreak, omittingEmptySubsequences: false)
        let indent = String(
          repeating: " ", count: line.prefix { $0 == " " }.count + (listIndent(line)))
        return parts.enumerated().map { $0 == 0 ? String($1) : indent + $1 }
      }.joined(separator: "\n")
    }.joined(separator: "\n\n")
    return text.isEmpty ? "" : text + "\n"
  }

  /// False when the line's UTF-8 has no U+2028 (E2 80 A8).
  static func mayHoldLineBreak(_ line: String) -> Bool {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in line.utf8 {
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

  static func lines(_ block: EmailMarkdown.Block, _ cache: EmailInline.Cache) -> [String] {
    switch block {
    case .paragraph(let lines), .note(let lines):
      return lines.map { EmailInline.plainText(cache.parse($0)) }
    case .heading(_, let text):
      return [EmailInline.plainText(cache.parse(text)).uppercased()]
    case .list(let ordered, let items):
      var out: [String] = []
      for (number, item) in items.enumerated() {
        let marker = ordered ? "\(number + 1). " : "- "
        // Blocks inside one item (a nested list) follow each other without blank lines.
        let body = item.flatMap { lines($0, cache) }
        for (index, line) in body.enumerated() {
          out.append((index == 0 ? marker : String(repeating: " ", count: marker.count)) + line)
        }
      }
      return out
    case .table(let header, let rows):
      let all = (header.map { [$0] } ?? []) + rows
      let cells = all.map { $0.map { EmailInline.plainText(cache.parse($0)) } }
      let columns = cells.map(\.count).max() ?? 0
      let widths = (0..<columns).map { column in
        cells.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
      }
      return cells.map { row in
        row.enumerated().map { column, cell in
          column == row.count - 1
            ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
        }.joined(separator: "  ")
      }
    }
  }
}

/// The HTML part of an email body: the same blocks with inline styles mail programs keep.
enum EmailMarkdownHTML {
  static let wrapper =
    "<div style=\"font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2933; max-width: 600px;\">"
  static let cell = "padding: 4px 16px 4px 0; vertical-align: top; text-align: left;"

  static func render(_ blocks: [EmailMarkdown.Block], cache: EmailInline.Cache = .init()) -> String
  {
    ([wrapper] + blocks.map { html($0, indent: "  ", cache: cache) } + ["</div>"]).joined(
      separator: "\n") + "\n"
  }

  static func inline(_ text: String, _ cache: EmailInline.Cache) -> String {
    EmailInline.html(cache.parse(text))
  }

  static func html(
    _ block: EmailMarkdown.Block, indent: String, tight: Bool = false, cache: EmailInline.Cache
  ) -> String {
    switch block {
    case .paragraph(let lines):
      let body = lines.map { inline($0, cache) }.joined(separator: "<br>\n\(indent)")
      return tight ? indent + body : "\(indent)<p>\(body)</p>"
    case .note(let lines):
      return
        "\(indent)<p style=\"background-color: #fff8e1; border-left: 4px solid #f5a623; padding: 8px 12px;\">"
        + lines.map { inline($0, cache) }.joined(separator: "<br>\n\(indent)") + "</p>"
    case .heading(let level, let text):
      let size = [20, 17, 15][level - 1]
      return
        "\(indent)<h\(level + 1) style=\"font-size: \(size)px; margin: 20px 0 4px 0; color: #0b4f6c;\">\(inline(text, cache))</h\(level + 1)>"
    case .list(let ordered, let items):
      let tag = ordered ? "ol" : "ul"
      var out = ["\(indent)<\(tag) style=\"margin-top: 0;\">"]
      for item in items {
        let parts = item.enumerated().map { index, block in
          html(block, indent: indent + "    ", tight: index == 0, cache: cache)
        }
        if parts.count == 1, case .paragraph = item[0] {
          out.append("\(indent)  <li>\(parts[0].trimmingLeadingSpace())</li>")
        } else {
          out.append("\(indent)  <li>" + parts.joined(separator: "\n").trimmingLeadingSpace())
          out.append("\(indent)  </li>")
        }
      }
      out.append("\(indent)</\(tag)>")
      return out.joined(separator: "\n")
    case .table(let header, let rows):
      var out = ["\(indent)<table style=\"border-collapse: collapse; margin: 4px 0 12px 0;\">"]
      if let header {
        out.append(
          "\(indent)  <tr>"
            + header.map { "<th style=\"\(cell)\">\(inline($0, cache))</th>" }.joined()
            + "</tr>")
      }
      for row in rows {
        out.append(
          "\(indent)  <tr>" + row.map { "<td style=\"\(cell)\">\(inline($0, cache))</td>" }.joined()
            + "</tr>")
      }
      out.append("\(indent)</table>")
      return out.joined(separator: "\n")
    }
  }
}
