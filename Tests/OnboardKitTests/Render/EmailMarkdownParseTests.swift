import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The block parser's byte shortcuts (blank lines, heading and list-marker rejects, leading-space
/// trimming, table cells) against copies of the `Character` code they replaced, on generated
/// bodies. Blocks are compared by their debug descriptions, which keep every scalar, so text that
/// is only canonically equal counts as different.
@Suite struct EmailMarkdownParseTests {
  static func generated(seed: UInt64, _ check: (String) -> Void) {
    GeneratedText.forEach(
      pieces: EmailMarkdownPartsTests.pieces + ["\u{0600}|", "|\u{301}", "\\\u{301}", "\\|", "\\"],
      seed: seed, count: 30_000, maximumPieces: 16, check)
  }

  static func same(_ a: [EmailMarkdown.Block], _ b: [EmailMarkdown.Block]) -> Bool {
    String(reflecting: a).utf8.elementsEqual(String(reflecting: b).utf8)
  }

  @Test func blocksMatchTheCharacterParser() {
    Self.generated(seed: 31) { source in
      let lines = EmailMarkdown.lines(source)
      #expect(
        Self.same(EmailMarkdown.parse(lines), Reference.parse(lines)), "\(source.debugDescription)")
    }
  }

  @Test func tableCellsAndTrimmingMatchTheCharacterCode() {
    var onBytes = 0
    var total = 0
    Self.generated(seed: 32) { line in
      let expected = Reference.tableCells(line)
      #expect(
        String(reflecting: EmailMarkdown.tableCells(line)).utf8.elementsEqual(
          String(reflecting: expected).utf8), "\(line.debugDescription)")
      var copy = line
      if let cells = copy.withUTF8({ EmailMarkdown.tableCells(bytes: $0) }) {
        #expect(String(reflecting: cells).utf8.elementsEqual(String(reflecting: expected).utf8))
        onBytes += 1
      }
      total += 1
      #expect(
        line.trimmingLeadingSpace().utf8.elementsEqual(
          Reference.trimmingLeadingSpace(line).utf8), "\(line.debugDescription)")
    }
    // The byte path is the common one.
    #expect(onBytes * 2 > total)
  }

  @Test func linesMatchTheCharacterSplit() {
    Self.generated(seed: 33) { source in
      #expect(
        String(reflecting: EmailMarkdown.lines(source)).utf8.elementsEqual(
          String(
            reflecting: source.split(separator: "\n", omittingEmptySubsequences: false).map(
              String.init)
          ).utf8), "\(source.debugDescription)")
    }
  }

  /// The block parser as it was, on `Character`s.
  enum Reference {
    typealias Block = EmailMarkdown.Block

    static func trimmingLeadingSpace(_ text: String) -> String {
      String(text.drop { $0 == " " || $0 == "\t" })
    }

    static func parse(_ lines: [String]) -> [Block] {
      var blocks: [Block] = []
      var index = 0
      func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }
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
        } else if line.hasPrefix(">") {
          var noteLines: [String] = []
          while index < lines.count, lines[index].hasPrefix(">") {
            noteLines.append(trimmingLeadingSpace(String(lines[index].dropFirst())))
            index += 1
          }
          blocks.append(.note(noteLines))
        } else if trimmingLeadingSpace(line).hasPrefix("|") {
          var rows: [[String]] = []
          var header: [String]? = nil
          while index < lines.count, trimmingLeadingSpace(lines[index]).hasPrefix("|") {
            let cells = tableCells(lines[index])
            if rows.count == 1, header == nil, cells.allSatisfy(EmailMarkdown.isSeparatorCell) {
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
            listMarker(lines[index]) == nil || paragraph.isEmpty, !lines[index].hasPrefix(">"),
            !trimmingLeadingSpace(lines[index]).hasPrefix("|")
          {
            paragraph.append(trimmingLeadingSpace(lines[index]))
            index += 1
          }
          blocks.append(.paragraph(paragraph))
        }
      }
      return blocks
    }

    static func heading(_ line: String) -> Block? {
      let hashes = line.prefix { $0 == "#" }.count
      guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
      return .heading(hashes, trimmingLeadingSpace(String(line.dropFirst(hashes + 1))))
    }

    static func listMarker(_ line: String) -> (ordered: Bool, text: String)? {
      if line.hasPrefix("- ") || line.hasPrefix("* ") {
        return (false, String(line.dropFirst(2)))
      }
      let digits = line.prefix { $0.isASCII && $0.isNumber }
      if !digits.isEmpty, digits.count <= 9, line.dropFirst(digits.count).hasPrefix(". ") {
        return (true, String(line.dropFirst(digits.count + 2)))
      }
      return nil
    }

    static func parseList(_ lines: [String], from start: Int) -> (Block, Int) {
      guard let first = listMarker(lines[start]) else { return (.paragraph([]), start + 1) }
      var items: [[Block]] = []
      var index = start
      while index < lines.count, let marker = listMarker(lines[index]),
        marker.ordered == first.ordered
      {
        var body = [marker.text]
        index += 1
        while index < lines.count, lines[index].hasPrefix("  ") {
          body.append(String(lines[index].dropFirst(2)))
          index += 1
        }
        items.append(parse(body))
      }
      return (.list(ordered: first.ordered, items: items), index)
    }

    static func tableCells(_ line: String) -> [String] {
      var cells: [String] = []
      var current = ""
      var escaped = false
      var row = trimmingLeadingSpace(line)
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
  }
}
