import Testing

@testable import OnboardKit

/// The Markdown subset of email bodies: each construct in both parts, and values that stay text.
@Suite struct EmailMarkdownTests {
  func both(_ source: String) -> (text: String, html: String) { EmailMarkdown.render(source) }

  @Test func paragraphsKeepTheirLineBreaks() {
    let (text, html) = both("Hi Ada,\n\nSee you soon!\n\nThe team\nNorthwind")
    #expect(text == "Hi Ada,\n\nSee you soon!\n\nThe team\nNorthwind\n")
    #expect(html.contains("<p>Hi Ada,</p>"))
    #expect(html.contains("<p>The team<br>\n  Northwind</p>"))
  }

  @Test func headingsAreCapitalsInTextAndHeadingsInHTML() {
    let (text, html) = both("## Who to contact\n\nHR")
    #expect(text == "WHO TO CONTACT\n\nHR\n")
    #expect(html.contains(">Who to contact</h3>"))
  }

  @Test func listsNestAndFollowAParagraphWithoutABlankLine() {
    let (text, html) = both("Your week:\n- **Mon**\n  - 09:00 Welcome\n- Tue\n1. one\n2. two")
    #expect(text == "Your week:\n\n- Mon\n  - 09:00 Welcome\n- Tue\n\n1. one\n2. two\n")
    #expect(html.contains("<li><strong>Mon</strong>"))
    #expect(html.contains("<li>09:00 Welcome</li>"))
    #expect(html.contains("<ol"))
  }

  @Test func tablesAlignInTextAndBecomeTablesInHTML() {
    let (text, html) = both("| Date | What |\n|---|---|\n| Mon 4 Jan | Welcome |\n| Tue | Setup |")
    #expect(text == "Date       What\nMon 4 Jan  Welcome\nTue        Setup\n")
    #expect(html.contains("<th style"))
    #expect(html.components(separatedBy: "<tr>").count == 4)
  }

  @Test func linksShowTheirAddressInText() {
    let (text, html) = both(
      "[Handbook](https://example.com/h) or <ada@example.com>, https://x.example/a.")
    #expect(text == "Handbook (https://example.com/h) or ada@example.com, https://x.example/a.\n")
    #expect(html.contains("<a href=\"https://example.com/h\""))
    #expect(html.contains("<a href=\"mailto:ada@example.com\""))
    #expect(html.contains("<a href=\"https://x.example/a\""))
  }

  @Test func anAddressInAValueIsNeverLinkedButOneInTheTemplateIs() {
    let (text, html) = both(
      "Buddy: \(EmailMarkdown.escape("https://evil.example/x")), call: https://meet.example/a")
    #expect(text == "Buddy: https://evil.example/x, call: https://meet.example/a\n")
    #expect(!html.contains("href=\"https://evil"))
    #expect(html.contains("<a href=\"https://meet.example/a\""))
    let (_, nested) = both("[see https://a.example](https://b.example)")
    #expect(nested.components(separatedBy: "<a ").count == 2)
  }

  @Test func onlyWebAndMailLinksBecomeLinks() {
    let (_, html) = both("[click](javascript:alert(1))")
    #expect(!html.contains("href"))
  }

  @Test func escapedValuesStayText() {
    let value = "- **Eve** [x](https://evil.example) <b>|\n# 1. > hi"
    let (text, html) = both(
      "Name: " + EmailMarkdown.escape(value) + "\n\n| a | \(EmailMarkdown.escape("b|c")) |")
    #expect(text.hasPrefix("Name: - **Eve** [x](https://evil.example) <b>|\n# 1. > hi\n"))
    #expect(text.contains("a  b|c"))
    #expect(!html.contains("<strong>") && !html.contains("<b>") && html.contains("&lt;b&gt;"))
    #expect(!html.contains("<h") && !html.contains("<li>"))
  }

  @Test func timingFollowsTheSendHeader() throws {
    let cohort = try FixtureCohort()
    let plan = try cohort.output(for: cohort.hires[0]).plan
    func timing(_ text: String) -> String? {
      SendRule(text: text).map { EmailContext.timing($0, plan: plan) }
    }
    #expect(timing("workday -2 at 10:00") == "two working days before the start")
    #expect(timing("workday -1") == "the working day before the start")
    #expect(timing("workday 1") == "on the first day")
    #expect(timing("3 workdays before review-30") == "three working days before the 30-day review")
    #expect(timing("1 workdays before each training") == "the working day before each session")
  }
}
