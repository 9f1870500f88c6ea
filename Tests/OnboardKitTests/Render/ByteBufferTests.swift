import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// ``ByteBuffer``, ``HTMLBytes`` and ``MarkdownLine`` against the `String` code they replaced: the
/// escapers on generated hostile text (``DocumentBytesTests/pieces``: HTML and Markdown specials,
/// controls, bidirectional marks, combining marks, emoji, long runs), numbers, dates and times
/// of day against their `String` definitions, and the buffer's value semantics.
@Suite struct ByteBufferTests {
  @Test func htmlEscapeMatchesTheStringEscape() {
    DocumentBytesTests.generated(seed: 41, count: 6_000) { text in
      var buffer = ByteBuffer()
      buffer.append(html: text)
      #expect(buffer.array == Array(h(text).utf8), "\(text.debugDescription)")
      let markup: HTMLBytes = "<p title=\"\(h: text)\">\(bdi: text)</p>"
      #expect(markup.string == "<p title=\"\(h(text))\">\(bdi(text))</p>")
    }
  }

  @Test func markdownEscapeMatchesTheStringEscape() {
    DocumentBytesTests.generated(seed: 42, count: 6_000) { text in
      var buffer = ByteBuffer(capacity: 3)
      buffer.append("x")
      buffer.append(markdown: text)
      #expect(buffer.array == Array(("x" + markdownEscaped(text)).utf8), "\(text.debugDescription)")
      #expect(
        UTF8Escaping.markdown(text) ?? UTF8Escaping.markdownByCharacter(text)
          == UTF8Escaping.markdownByCharacter(text), "\(text.debugDescription)")
      let line: MarkdownLine = "- \(md: text) | \(text) |"
      #expect(line.text == "- \(markdownEscaped(text)) | \(text) |")
    }
  }

  @Test func numbersMatchTheirStringDefinitions() {
    var rng = SeededGenerator(seed: 43)
    var values: [Double] =
      PlanJSONWriterTests.numbers + [
        .nan, .infinity, -.infinity, 0.05, 0.15, 2.5, -2.5, 1e9, 1e300,
      ]
    for _ in 0..<4_000 {
      values.append(Double(rng.int(-100_000...100_000)) / 1_000)
      values.append(Double(bitPattern: rng.next()))
    }
    for value in values {
      for decimals in [0, 1, 2, 3, 7] {
        var buffer = ByteBuffer()
        buffer.append(number: value, decimals: decimals)
        #expect(buffer.string == formatNumber(value, decimals: decimals), "\(value) \(decimals)")
      }
      let markup: HTMLBytes = "\(n: value)"
      #expect(markup.string == formatNumber(value))
      let line: MarkdownLine = "\(n: value, decimals: 2)"
      #expect(line.text == formatNumber(value, decimals: 2))
    }
    for value in [0, 1, -1, 9, 10, 99, 100, -10, 12_345, Int.max, Int.min]
      + (0..<500).map({ _ in
        rng.int(-1_000_000...1_000_000)
      })
    {
      for width in [0, 1, 2, 4, 6] {
        var buffer = ByteBuffer()
        buffer.append(padded: value, width: width)
        #expect(buffer.string == pad(value, width), "\(value) \(width)")
      }
      var buffer = ByteBuffer()
      buffer.append(integer: value)
      #expect(buffer.string == String(value))
    }
  }

  @Test func datesAndTimesMatchTheirStringDefinitions() {
    // Years 0001 to 9999 and beyond, and before year 0 (where `pad` puts zeros before the sign).
    var days = Array(-800_000...(-799_000)) + Array(-1_000...1_000) + Array(20_000...22_000)
    days += [2_932_896, 2_932_897, 3_000_000, -719_528, -719_529, -1_000_000]
    for day in days {
      let date = CalendarDate(dayNumber: day)
      var buffer = ByteBuffer()
      buffer.append(iso: date)
      buffer.append("|")
      buffer.append(long: date)
      buffer.append("|")
      buffer.append(short: date)
      #expect(buffer.string == "\(date.iso)|\(date.longText)|\(date.shortText)", "\(day)")
      let markup: HTMLBytes = "\(iso: date) \(long: date) \(short: date)"
      #expect(markup.string == "\(date.iso) \(date.longText) \(date.shortText)")
      let line: MarkdownLine = "\(long: date) \(short: date)"
      #expect(line.text == "\(date.longText) \(date.shortText)")
    }
    for minutes in Array(-1_500...3_000) + [100_000, -100_000] {
      let time = LocalTime(minutes: minutes)
      let markup: HTMLBytes = "\(time)"
      #expect(markup.string == time.description, "\(minutes)")
      let line: MarkdownLine = "\(time)"
      #expect(line.text == time.description)
    }
  }

  @Test func aCopyKeepsItsBytesWhenTheOriginalGrows() {
    var first = ByteBuffer()
    first.append("abc")
    var second = first
    second.append("def")
    first.append("x")
    #expect(first.string == "abcx")
    #expect(second.string == "abcdef")
    var long = ByteBuffer(capacity: 1)
    for index in 0..<5_000 { long.append(integer: index) }
    #expect(long.string == (0..<5_000).map(String.init).joined())
    var appended = long
    appended.append(long)
    #expect(appended.count == 2 * long.count)
    let empty = ByteBuffer()
    #expect(empty.isEmpty && empty.array.isEmpty && empty.string.isEmpty)
    var fragment: HTMLBytes = "<b>"
    let kept = fragment
    fragment += "</b>"
    #expect(kept.string == "<b>" && fragment.string == "<b></b>")
  }

  /// `data()` hands a block only this buffer holds to the data (the file's bytes, no copy) and
  /// copies a shared one: a copy of the buffer taken before keeps its bytes whatever is done to
  /// the data, and the data outlives the buffer it came from.
  @Test func dataHandsOverAnUnsharedBlockAndCopiesASharedOne() {
    func made(_ text: String) -> ByteBuffer {
      var buffer = ByteBuffer(capacity: 4)
      buffer.append(text)
      return buffer
    }
    let text = String(repeating: "Zoë <b> ", count: 500)
    var alone = made(text).data()
    #expect(alone == Data(text.utf8))
    alone[0] = UInt8(ascii: "z")
    #expect(alone.prefix(3) == Data("zoë".utf8.prefix(3)))

    let original = made(text)
    let kept = original
    var shared = original.data()
    shared[0] = UInt8(ascii: "z")
    shared.append(contentsOf: [1, 2, 3])
    #expect(kept.string == text)
    #expect(shared.count == text.utf8.count + 3)

    #expect(ByteBuffer().data().isEmpty)
    #expect(ByteBuffer(capacity: 64).data().isEmpty)
  }

  /// `visibleDocument(buffer:)` gives the bytes `visibleDocument(bytes:)` gives, for text it keeps
  /// (the buffer's own block) and for text it changes.
  @Test func visibleDocumentOfABufferMatchesTheBytesVersion() {
    for text in ["plain page\n", "tab\tand CR\r\n", "bell \u{07} and RLO \u{202E}x", "", "é\u{85}"]
    {
      var buffer = ByteBuffer()
      buffer.append(text)
      #expect(visibleDocument(buffer: buffer) == Data(visibleDocument(bytes: Array(text.utf8))))
    }
  }
  /// The plan's Markdown pieces written straight into lines against their `String` functions.
  @Test func itemSummariesAndEvidenceLinesMatchTheirStringFunctions() {
    for names in DocumentBytesTests.names(seed: 44, count: 12) + [HTMLEscapingTests.hostile] {
      let plan = PlanFixture.plan(names)
      for var item in plan.items {
        let line: MarkdownLine = "\(summary: item)"
        #expect(line.text == MarkdownPlan.summary(item))
        item.note = names.note
        item.override = names.closure
        item.reason = names.skillSQL
        let changed: MarkdownLine = "\(summary: item)"
        #expect(changed.text == MarkdownPlan.summary(item))
      }
      for a in plan.report.assessments {
        for var e in a.evidence {
          let line: MarkdownLine = "\(evidence: e)"
          #expect(line.text == GapSummaryMarkdown.evidenceLine(e))
          e.note = names.note
          e.assessor = names.manager
          let changed: MarkdownLine = "\(evidence: e)"
          #expect(changed.text == GapSummaryMarkdown.evidenceLine(e))
        }
      }
    }
  }
}
