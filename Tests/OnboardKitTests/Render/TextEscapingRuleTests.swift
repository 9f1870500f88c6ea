import Testing

@testable import OnboardKit

/// Untrusted text in Markdown outputs (gap tables, plans) stays data: every character that could
/// start markup or end a table cell is escaped, and a line break cannot start a new row.
@Suite struct TextEscapingRuleTests {
  @Test func markupCharactersAreBackslashEscaped() {
    for character in ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "{", "}", "~"] {
      #expect(markdownEscaped("a\(character)b") == "a\\\(character)b", "\(character)")
    }
    #expect(markdownEscaped("SQL | Git") == "SQL \\| Git")
  }

  @Test func lineBreaksBecomeSpaces() {
    #expect(markdownEscaped("one\ntwo\r\nthree\rfour\u{2028}five") == "one two three four five")
    #expect(markdownEscaped("plain text, 100% (ok).") == "plain text, 100% (ok).")
  }
}
