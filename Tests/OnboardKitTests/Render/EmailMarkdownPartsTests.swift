import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The byte writers of the text and HTML parts against copies of the `String` code they
/// replaced, on generated bodies: blocks (lists nested by two spaces, tables, notes, headings)
/// made of pieces that make bytes and characters differ (combining marks after spaces and
/// markers, CRLF, tabs, carried line breaks, emoji, canonically equal spellings). Outputs are
/// compared byte for byte (`String`'s `==` would take canonically equal text for equal).
@Suite struct EmailMarkdownPartsTests {
  static let pieces: [String] = [
    "a", "h", "Zoë", "7", "12", " ", "  ", "\t", "\r", "\n", "\n", "\n\n", "\r\n", "\u{A0}",
    "\u{2028}", "- ", "* ", "1. ", "10. ", "# ", "## ", "### ", "#### ", "> ", ">", "| ", " | ",
    "|", "|---|---|", "\n|---|", ":-", "*", "**", "`", "[", "](", ")", "<", ">", "&", "\"", "'",
    "\\", "https://x.example/a", "<a@b.example>", "[x](https://y.example)", "[](z)", "[ w](q)",
    "[a@b.example](mailto:a@b.example)", "[e\u{301}](https://e\u{301})",
    "[\u{E9}](https://e\u{301})", "mailto:", ".", ":", "-", "\u{0301}", "\u{200D}", "\u{0600}",
    "\u{1FEF}", "é", "e\u{301}", "日本", "👩🏽‍💻", "🇩🇪", "Siobhán",
    EmailMarkdown.escape("a\nb"), EmailMarkdown.escape("- x\r\n2. y"), EmailMarkdown.escape("|"),
  ]

  static func generated(seed: UInt64, _ check: (String) -> Void) {
    GeneratedText.forEach(pieces: pieces, seed: seed, count: 30_000, maximumPieces: 16, check)
  }

  static func blocks(_ source: String) -> [EmailMarkdown.Block] {
    EmailMarkdown.parse(EmailMarkdown.lines(source))
  }

  @Test func textPartMatchesTheStringRenderer() {
    Self.generated(seed: 21) { source in
      let blocks = Self.blocks(source)
      let text = EmailMarkdownText.render(blocks)
      #expect(text.utf8.elementsEqual(Reference.text(blocks).utf8), "\(source.debugDescription)")
    }
  }

  @Test func htmlPartMatchesTheStringRenderer() {
    Self.generated(seed: 22) { source in
      let blocks = Self.blocks(source)
      let html = EmailMarkdownHTML.render(blocks)
      #expect(html.utf8.elementsEqual(Reference.html(blocks).utf8), "\(source.debugDescription)")
    }
  }

  @Test func inlineWritersMatchTheStringFunctions() {
    Self.generated(seed: 23) { line in
      let nodes = EmailInline.parse(line)
      var text: [UInt8] = []
      EmailInline.appendPlainText(nodes, to: &text)
      #expect(text.elementsEqual(Reference.plainText(nodes).utf8), "\(line.debugDescription)")
      var html: [UInt8] = []
      EmailInline.appendHTML(nodes, to: &html)
      #expect(html.elementsEqual(Reference.html(nodes).utf8), "\(line.debugDescription)")
    }
  }

  @Test func characterCountMatchesTheStringCount() {
    Self.generated(seed: 24) { text in
      #expect(EmailMarkdownText.characterCount(Array(text.utf8)[...]) == text.count)
    }
  }

  @Test func edgeCasesOfTrimmingAndWidths() {
    for source in [
      "- [ x](q)", "- \u{301}x", "- \tx", "1. [](q)\n  - y", "| e\u{301} | b |\n| \u{E9} | c |",
      "| a\r\nb | c |\n| d | e |", "- a\u{2028}b\n  - c\u{2028}d",
    ] {
      let blocks = Self.blocks(source)
      #expect(EmailMarkdownText.render(blocks).utf8.elementsEqual(Reference.text(blocks).utf8))
      #expect(EmailMarkdownHTML.render(blocks).utf8.elementsEqual(Reference.html(blocks).utf8))
    }
  }

  /// The renderers as they were, building `String`s.
  enum Reference {
    static func text(_ blocks: [EmailMarkdown.Block]) -> String {
      let text = blocks.map { block in
        lines(block).flatMap { line -> [String] in
          guard EmailMarkdownText.mayHoldLineBreak(line) else { return [line] }
          let parts = line.split(
            separator: EmailMarkdown.lineBreak, omittingEmptySubsequences: false)
          let indent = String(
            repeating: " ",
            count: line.prefix { $0 == " " }.count + (EmailMarkdownText.listIndent(line)))
          return parts.enumerated().map { $0 == 0 ? String($1) : indent + $1 }
        }.joined(separator: "\n")
      }.joined(separator: "\n\n")
      return text.isEmpty ? "" : text + "\n"
    }

    static func lines(_ block: EmailMarkdown.Block) -> [String] {
      switch block {
      case .paragraph(let lines), .note(let lines):
        return lines.map { plainText(EmailInline.parse($0)) }
      case .heading(_, let text):
        return [plainText(EmailInline.parse(text)).uppercased()]
      case .list(let ordered, let items):
        var out: [String] = []
        for (number, item) in items.enumerated() {
          let marker = ordered ? "\(number + 1). " : "- "
          let body = item.flatMap { lines($0) }
          for (index, line) in body.enumerated() {
            out.append((index == 0 ? marker : String(repeating: " ", count: marker.count)) + line)
          }
        }
        return out
      case .table(let header, let rows):
        let all = (header.map { [$0] } ?? []) + rows
        let cells = all.map { $0.map { plainText(EmailInline.parse($0)) } }
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

    static func html(_ blocks: [EmailMarkdown.Block]) -> String {
      ([EmailMarkdownHTML.wrapper] + blocks.map { html($0, indent: "  ") } + ["</div>"]).joined(
        separator: "\n") + "\n"
    }

    static func inline(_ text: String) -> String { html(EmailInline.parse(text)) }

    static func html(_ block: EmailMarkdown.Block, indent: String, tight: Bool = false) -> String {
      let cell = EmailMarkdownHTML.cell
      switch block {
      case .paragraph(let lines):
        let body = lines.map { inline($0) }.joined(separator: "<br>\n\(indent)")
        return tight ? indent + body : "\(indent)<p>\(body)</p>"
      case .note(let lines):
        return
          "\(indent)<p style=\"background-color: #fff8e1; border-left: 4px solid #f5a623; padding: 8px 12px;\">"
          + lines.map { inline($0) }.joined(separator: "<br>\n\(indent)") + "</p>"
      case .heading(let level, let text):
        let size = [20, 17, 15][level - 1]
        return
          "\(indent)<h\(level + 1) style=\"font-size: \(size)px; margin: 20px 0 4px 0; color: #0b4f6c;\">\(inline(text))</h\(level + 1)>"
      case .list(let ordered, let items):
        let tag = ordered ? "ol" : "ul"
        var out = ["\(indent)<\(tag) style=\"margin-top: 0;\">"]
        for item in items {
          let parts = item.enumerated().map { index, block in
            html(block, indent: indent + "    ", tight: index == 0)
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
              + header.map { "<th style=\"\(cell)\">\(inline($0))</th>" }.joined() + "</tr>")
        }
        for row in rows {
          out.append(
            "\(indent)  <tr>" + row.map { "<td style=\"\(cell)\">\(inline($0))</td>" }.joined()
              + "</tr>")
        }
        out.append("\(indent)</table>")
        return out.joined(separator: "\n")
      }
    }

    static func plainText(_ nodes: [EmailInline]) -> String {
      nodes.map { node in
        switch node {
        case .text(let text), .code(let text): return text
        case .strong(let inner), .emphasis(let inner): return plainText(inner)
        case .link(let inner, let url):
          let label = plainText(inner)
          let shown = url.hasPrefix("mailto:") ? String(url.dropFirst("mailto:".count)) : url
          return label == shown || label.isEmpty ? shown : "\(label) (\(shown))"
        }
      }.joined()
    }

    static func html(_ nodes: [EmailInline], insideLink: Bool = false) -> String {
      nodes.map { node in
        switch node {
        case .text(let text):
          return UTF8Escaping.htmlWithBreaks(text)
            ?? htmlEscaped(text).replacingOccurrences(
              of: String(EmailMarkdown.lineBreak), with: "<br>")
        case .code(let text): return "<code>\(htmlEscaped(text))</code>"
        case .strong(let inner): return "<strong>\(html(inner, insideLink: insideLink))</strong>"
        case .emphasis(let inner): return "<em>\(html(inner, insideLink: insideLink))</em>"
        case .link(let inner, let url):
          let label = html(inner, insideLink: true)
          guard !insideLink else { return label }
          guard EmailInline.isWebAddress(url) || url.hasPrefix("mailto:") else {
            return "\(label) (\(htmlEscaped(url)))"
          }
          return "<a href=\"\(htmlEscaped(url))\" style=\"color: #0b4f6c;\">\(label)</a>"
        }
      }.joined()
    }
  }
}
