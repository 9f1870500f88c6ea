import Foundation
import OnboardCSV
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The plan documents' byte paths against the `String` code they replaced, on generated text full
/// of what the escapers and the visible-text check care about (``ByteEscapingTests/pieces``:
/// HTML and Markdown specials, C0/C1 and bidirectional controls, combining marks, emoji, CJK)
/// and long runs of it.
@Suite struct DocumentBytesTests {
  static let pieces =
    ByteEscapingTests.pieces + [
      String(repeating: "long text ", count: 40), "\u{2067}", "\u{200E}", "\u{200F}", "\u{FE0E}",
      "⚡\u{FE0E}", "<script>", "&amp;", "\u{C2}", "\u{D8}", "\u{E2}", "\u{061B}", "\u{2029}x",
    ]

  static func generated(seed: UInt64, count: Int = 4_000, _ check: (String) -> Void) {
    GeneratedText.forEach(pieces: pieces, seed: seed, count: count, check)
  }

  // MARK: - The visible-text check on bytes

  @Test func visibleDocumentOnBytesMatchesTheStringPath() {
    var kept = 0
    var total = 0
    Self.generated(seed: 31, count: 20_000) { text in
      let bytes = Array(text.utf8)
      let expected = Array(visibleDocument(text).utf8)
      #expect(visibleDocument(bytes: bytes) == expected, "\(text.debugDescription)")
      // The scan says "unchanged" only where the String path changes nothing.
      if !VisibleBytes.mayNeedChange(bytes) {
        #expect(expected == bytes, "\(text.debugDescription)")
        kept += 1
      }
      total += 1
    }
    // The fast answer is a common one, not a rarely taken branch.
    #expect(kept * 4 > total)
  }

  /// Every scalar the check looks for (and its neighbours), at every offset of an eight-byte
  /// word and across the end of one, alone and in long printable text.
  @Test func everyChangedScalarIsFoundAtEveryOffset() {
    let scalars: [UInt32] =
      Array(0...0x20) + [0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0x61B, 0x61C, 0x61D]
      + Array(0x2029...0x202F) + Array(0x2065...0x206A) + [0x2028, 0x200E, 0xFEFF, 0x1F680]
    for value in scalars {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for before in 0..<17 {
        for after in [0, 1, 2, 7, 9] {
          let text =
            String(repeating: "a", count: before) + String(Character(scalar))
            + String(repeating: "b", count: after)
          let expected = Array(visibleDocument(text).utf8)
          #expect(visibleDocument(bytes: Array(text.utf8)) == expected, "\(value) at \(before)")
          #expect(
            VisibleBytes.mayNeedChange(Array(text.utf8)) == (expected != Array(text.utf8)),
            "\(value) at \(before)")
        }
      }
    }
  }

  /// Two bytes the word test treats specially (the kept controls TAB, LF and CR beside the
  /// changed ones, DEL, the edges of printable ASCII) in one eight-byte word, at every pair of
  /// offsets: one must never hide or stand in for the other.
  @Test func keptAndChangedControlsShareAWord() {
    let bytes: [UInt8] = [
      0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x7E, 0x7F,
    ]
    var kept = 0
    for first in bytes {
      for second in bytes {
        for (a, b) in [(0, 1), (0, 7), (3, 4), (6, 7), (2, 5)] {
          var word = Array("abcdefgh".utf8)
          word[a] = first
          word[b] = second
          let text = String(decoding: word + Array("ijklmnop".utf8), as: UTF8.self)
          let changed = Array(visibleDocument(text).utf8) != Array(text.utf8)
          #expect(
            VisibleBytes.mayNeedChange(Array(text.utf8)) == changed,
            "\(first), \(second) at \(a), \(b)")
          if !changed { kept += 1 }
        }
      }
    }
    // TAB, LF, CR, space and tilde in any pair are kept.
    #expect(kept == 5 * 5 * 5)
  }

  @Test func wholePagesGiveTheSameBytesEitherWay() {
    for names in Self.names(seed: 5, count: 12) {
      let plan = PlanFixture.plan(names)
      let html = HTMLPlan.render(plan, emails: PlanFixture.emails)
      let bytes = HTMLPlan.renderBytes(plan, emails: PlanFixture.emails)
      #expect(Array(html.utf8) == bytes)
      #expect(visibleDocument(bytes: bytes) == Array(visibleDocument(html).utf8))
      let markdown = MarkdownPlan.render(plan, emails: PlanFixture.emails)
      let markdownBytes = MarkdownPlan.renderBytes(plan, emails: PlanFixture.emails)
      #expect(Array(markdown.utf8) == markdownBytes)
      #expect(visibleDocument(bytes: markdownBytes) == Array(visibleDocument(markdown).utf8))
    }
  }

  // MARK: - HTML pieces written straight into bytes

  /// Plans whose names, skill, closure and note are generated text.
  static func names(seed: UInt64, count: Int) -> [PlanFixture.Names] {
    var texts: [String] = []
    GeneratedText.forEach(pieces: pieces, seed: seed, count: count * 9) { text in
      if !text.isEmpty { texts.append(text) }
    }
    texts = Array(texts.suffix(count * 9))
    return (0..<count).map { index in
      let t = Array(texts[(index * 9)..<(index * 9 + 9)])
      var names = PlanFixture.Names()
      names.firstName = t[0]
      names.lastName = t[1]
      names.role = t[2]
      names.location = t[3]
      names.manager = t[4]
      names.buddy = t[5]
      names.skillSQL = t[6]
      names.closure = t[7]
      names.note = t[8]
      return names
    }
  }

  @Test func chartLabelsBadgesAndOwnersMatchTheirStringDefinitions() {
    for names in Self.names(seed: 6, count: 12) + [HTMLEscapingTests.hostile] {
      let plan = PlanFixture.plan(names)
      for a in plan.report.assessments {
        #expect(
          GapChartSVG.escapedDescription(a).string == h(GapChartSVG.description(a)),
          "\(a.skill.name.debugDescription)")
      }
      for item in plan.items {
        let who: HTMLBytes = "\(who: item)"
        #expect(who.string == h(HTMLPlan.who(item)))
      }
    }
    Self.generated(seed: 7, count: 2_000) { text in
      for status in SkillStatus.allCases {
        let badge: HTMLBytes = "\(badge: status, words: text)"
        #expect(badge.string == HTMLStatus.badge(status, words: text), "\(text.debugDescription)")
        let plain: HTMLBytes = "\(badge: status)"
        #expect(plain.string == HTMLStatus.badge(status))
      }
      var item = PlanFixture.plan().items[0]
      item.owner = text
      item.ownerName = text.isEmpty ? nil : text + "é"
      let who: HTMLBytes = "\(who: item)"
      #expect(who.string == h(HTMLPlan.who(item)), "\(text.debugDescription)")
    }
  }

  // MARK: - Tasks

  /// Generated tasks: titles, names and owners from the pieces, some owners shared.
  static func tasks(seed: UInt64) -> [OnboardingTask] {
    var texts: [String] = []
    GeneratedText.forEach(pieces: pieces, seed: seed, count: 600) { texts.append($0) }
    texts = Array(texts.suffix(600))
    return (0..<100).map { index in
      let t = Array(texts[(index * 6)..<(index * 6 + 6)])
      return OnboardingTask(
        id: "onb-\(index)-\(t[0])", hireKey: t[1], hireName: t[2], itemID: "item-\(index)",
        title: t[3], ownerRole: ["manager", "buddy", t[4]][index % 3],
        ownerName: index % 4 == 0 ? nil : t[5 - index % 2],
        ownerEmail: index % 5 == 0 ? nil : t[4], due: CalendarDate(dayNumber: 20_000 + index))
    }
  }

  /// The task list as it was written before the byte path: a dictionary of owners' tasks and a
  /// `String`.
  static func referenceTaskList(_ tasks: [OnboardingTask]) -> String {
    guard !tasks.isEmpty else { return "" }
    var owners: [String] = []
    var byOwner: [String: [OnboardingTask]] = [:]
    for task in tasks {
      let key = task.ownerText
      if byOwner[key] == nil { owners.append(key) }
      byOwner[key, default: []].append(task)
    }
    var text = "\n## Tasks by owner\n\n"
    text += "Tick a box when it is done; `onboard progress --tasks` reads the ids back.\n"
    for owner in owners {
      text += "\n### \(markdownEscaped(owner))\n\n"
      for task in byOwner[owner] ?? [] {
        text +=
          "- [ ] \(markdownEscaped(task.title)) (due \(task.due.shortText) \(task.due.year)) `\(task.id)`\n"
      }
    }
    return text
  }

  /// The task rows as they were written before the byte path: the `String` writer.
  static func referenceTaskRows(_ tasks: [OnboardingTask]) -> String {
    var text = ""
    let writer = CSVWriter()
    for task in tasks {
      var description = ["Task ID: \(task.id)", "For: \(task.hireName) <\(task.hireKey)>"]
      description.append("Owner: \(task.ownerText)")
      writer.append(
        [
          task.title, description.joined(separator: "\n"), task.hireName, task.ownerEmail ?? "",
          "", "", Self.usDateByInterpolation(task.due),
        ], to: &text)
    }
    return text
  }

  /// The Due Date as the String code wrote it before the byte path.
  static func usDateByInterpolation(_ date: CalendarDate) -> String {
    let c = date.components
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(two(c.month))/\(two(c.day))/\(c.year)"
  }

  @Test func usDateBytesMatchTheStringCode() {
    // Years of one to five digits, before year 1 and around every month's end.
    let days =
      [-800_000, -1, 0, 1, 31, 59, 365, 10_956, 20_000, 2_932_896, 3_000_000]
      + Array(stride(from: -720_000, to: 3_000_000, by: 9_973))
    for day in days {
      let date = CalendarDate(dayNumber: day)
      var bytes: [UInt8] = []
      TaskCSV.appendUSDate(date, to: &bytes)
      #expect(bytes == Array(Self.usDateByInterpolation(date).utf8), "day \(day)")
      #expect(TaskCSV.usDate(date) == Self.usDateByInterpolation(date), "day \(day)")
    }
  }

  @Test(arguments: [UInt64(1), 2, 3, 4])
  func taskListAndRowsMatchTheStringCode(seed: UInt64) {
    let tasks = Self.tasks(seed: seed)
    for count in [0, 1, 7, tasks.count] {
      let some = Array(tasks.prefix(count))
      #expect(TaskListMarkdown.render(some) == Self.referenceTaskList(some))
      #expect(Array(TaskListMarkdown.renderBytes(some)) == Array(Self.referenceTaskList(some).utf8))
      #expect(Array(TaskCSV.rows(some).utf8) == Array(Self.referenceTaskRows(some).utf8))
      #expect(
        TaskCSV.visibleRows(some) == Array(visibleDocument(Self.referenceTaskRows(some)).utf8))
    }
  }
}
