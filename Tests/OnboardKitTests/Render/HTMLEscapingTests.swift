import Testing

@testable import OnboardKit

@Suite struct HTMLEscapingTests {
  static let script = "<script>alert(1)</script>"
  static let handler = "\" onmouseover=alert(2) x=\""
  static let rtl = "مريم العلي"
  static let emoji = "Zoë 🚀👩🏽‍💻"

  static var hostile: PlanFixture.Names {
    var names = PlanFixture.Names()
    names.firstName = script
    names.lastName = handler
    names.role = "Dev & Ops <img src=x onerror=alert(3)>"
    names.location = "Zürich & Co \(emoji)"
    names.manager = rtl
    names.buddy = "Tom & Jerry's 'buddy'"
    names.skillSQL = "SQL <b>&</b> \"quotes\""
    names.closure = "Holiday </td><script>alert(5)</script>"
    names.note = "<script>alert(4)</script> & more"
    return names
  }

  static let hostilePlan = PlanFixture.plan(hostile)
  static var hostileEmails: [EmailSummary] {
    [
      EmailSummary(
        date: PlanFixture.date("2026-12-28"), time: LocalTime(minutes: 540),
        subject: "Welcome \(script)", to: [handler, rtl], file: "emails/\"x\".eml")
    ]
  }

  static var pages: [(String, String)] {
    let plan = hostilePlan
    let entry = HTMLIndex.Entry(
      name: plan.hire.fullName, email: plan.hire.email, role: plan.role.title, start: plan.start,
      folder: "ada", report: plan.report)
    return [
      ("plan", HTMLPlan.render(plan, emails: hostileEmails)),
      (
        "index",
        HTMLIndex.render(entries: [
          entry, .failed(name: script, errors: ["roster.csv:3: \(handler)"]),
          .failed(name: rtl, errors: []),
        ])
      ),
    ]
  }

  @Test(arguments: pages.map(\.0))
  func hostileTextNeverAppearsRaw(page: String) throws {
    let html = try #require(Self.pages.first { $0.0 == page }?.1)
    for raw in [
      Self.script, "<script", "<img", "<b>", "</td><script", Self.handler, "\" onmouseover",
      "'buddy'",
    ] {
      #expect(!html.contains(raw), "\(page) contains \(raw)")
    }
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("&quot; onmouseover=alert(2) x=&quot;"))
    #expect(html.contains("<bdi>\(Self.rtl)</bdi>"))
    #expect(html.contains("&lt;b&gt;&amp;&lt;/b&gt; &quot;quotes&quot;"))
  }

  @Test(arguments: pages.map(\.0))
  func everyAmpersandStartsAnEntity(page: String) throws {
    let html = try #require(Self.pages.first { $0.0 == page }?.1)
    let entity = #/&(amp|lt|gt|quot|#39);/#
    var rest = html[...]
    while let index = rest.firstIndex(of: "&") {
      #expect(
        rest[index...].prefixMatch(of: entity) != nil, "bare & at \(rest[index...].prefix(30))")
      rest = rest[rest.index(after: index)...]
    }
  }

  @Test(arguments: pages.map(\.0))
  func noTagHasAnEventHandlerOrScript(page: String) throws {
    let html = try #require(Self.pages.first { $0.0 == page }?.1)
    for tag in HTMLProbe.tags(html) {
      #expect(tag.name != "script" && tag.name != "iframe" && tag.name != "img", "\(tag.raw)")
      let names = HTMLProbe.attributeNames(tag.raw)
      #expect(!names.contains { $0.lowercased().hasPrefix("on") }, "\(tag.raw)")
    }
    #expect(HTMLProbe.nestingProblems(html) == [])
  }

  @Test func attributeProbeSeesRealHandlersButNotEscapedText() {
    #expect(HTMLProbe.attributeNames("<a href=\"x\" onclick=alert(1)>") == ["href", "onclick"])
    #expect(HTMLProbe.attributeNames("<td title=\"&quot; onmouseover=x\">") == ["title"])
  }

  @Test func emojiAndRightToLeftTextSurviveIntact() {
    let html = HTMLPlan.render(Self.hostilePlan)
    #expect(html.contains("Zürich &amp; Co \(Self.emoji)"))
    #expect(html.contains(Self.rtl))
  }

  @Test func closureNameIsEscapedInTheCalendar() {
    let html = CalendarView.render(Self.hostilePlan)
    #expect(html.contains("Holiday &lt;/td&gt;&lt;script&gt;alert(5)&lt;/script&gt;"))
  }

  @Test func svgLabelsAreEscaped() {
    let svg = GapChartSVG.render(Self.hostilePlan.report)
    #expect(!svg.contains("<b>"))
    #expect(svg.contains("SQL &lt;b&gt;&amp;&lt;/b&gt; &quot;quotes&quot;"))
    #expect(HTMLProbe.nestingProblems(svg) == [])
  }
}
