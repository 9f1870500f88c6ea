import Testing

@testable import OnboardKit

@Suite struct HTMLLinkTests {
  @Test func onlyHTTPHTTPSAndMailtoBecomeLinks() {
    #expect(
      HTMLLink.externalHref("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2")
    #expect(HTMLLink.externalHref("HTTP://example.org") == "HTTP://example.org")
    #expect(HTMLLink.externalHref("mailto:ada@example.org") == "mailto:ada@example.org")
    for unsafe in [
      "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:x",
      "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "file:///etc/passwd",
      "https://example.org/a b", "https://example.org/\"onmouseover=x", "http:example.org",
      "https://", "Internal wiki: Service template", "//example.org/x", "", "mailto:",
    ] {
      #expect(HTMLLink.externalHref(unsafe) == nil, "\(unsafe)")
    }
  }

  @Test func relativeLinksStayInsideTheirFolder() {
    #expect(HTMLLink.relativeHref(folder: "ada", file: "plan.html") == "ada/plan.html")
    #expect(HTMLLink.relativeHref(folder: "../etc", file: "plan.html") == "..%2Fetc/plan.html")
    #expect(
      HTMLLink.relativeHref(folder: "javascript:alert(1)", file: "plan.html")
        == "javascript%3Aalert%281%29/plan.html")
    #expect(HTMLLink.relativeHref(folder: "a\" b", file: "plan.html") == "a%22%20b/plan.html")
    #expect(HTMLLink.relativeHref(folder: "zoë", file: "plan.html") == "zo%C3%AB/plan.html")
    #expect(HTMLLink.relativeHref(folder: "..", file: "plan.html") == nil)
    #expect(HTMLLink.relativeHref(folder: "", file: "plan.html") == nil)
  }

  @Test func planLinksTrainingResourcesButNeverScripts() {
    let html = HTMLPlan.render(PlanFixture.plan(), emails: PlanFixture.emails)
    #expect(
      html.contains(
        "<a href=\"https://example.org/sql?a=1&amp;b=2\" rel=\"noopener noreferrer\">"))
    // The risky resource is shown as text, never as a link.
    #expect(html.contains("<td>javascript:alert(1)</td>"))
    #expect(!html.lowercased().contains("href=\"javascript"))
  }

  @Test func everyHrefIsAnAllowedSchemeAFragmentOrARelativePath() {
    let plan = PlanFixture.plan()
    let pages = [
      HTMLPlan.render(plan, emails: PlanFixture.emails),
      HTMLIndex.render(entries: [
        HTMLIndex.Entry(
          name: "Ada", role: plan.role.title, start: plan.start, folder: "javascript:x",
          report: plan.report)
      ]),
    ]
    for html in pages {
      let hrefs = HTMLProbe.attributeValues("href", in: html)
      #expect(!hrefs.isEmpty)
      for href in hrefs {
        let lower = href.lowercased()
        let allowed =
          lower.hasPrefix("#") || lower.hasPrefix("https://") || lower.hasPrefix("http://")
          || lower.hasPrefix("mailto:") || (!lower.contains(":") && !lower.hasPrefix("/"))
        #expect(allowed, "\(href)")
      }
    }
  }

  @Test func pagesLoadNothingFromAnywhere() {
    let plan = PlanFixture.plan()
    for html in [
      HTMLPlan.render(plan, emails: PlanFixture.emails),
      HTMLIndex.render(entries: [HTMLIndex.Entry(name: "Ada", folder: "ada", report: plan.report)]),
    ] {
      let tags = HTMLProbe.tags(html)
      #expect(!tags.contains { $0.raw.contains(" src=") || $0.raw.contains(" srcset=") })
      #expect(!tags.contains { ["link", "script", "iframe", "object", "embed"].contains($0.name) })
      let css = HTMLProbe.slice(html, from: "<style>", to: "</style>")
      #expect(!css.isEmpty)
      #expect(!css.contains("@import") && !css.contains("@font-face"))
      // url(...) only ever points at an in-document pattern.
      #expect(html.firstMatch(of: #/url\(\s*['"]?[^#'"\s]/#) == nil)
      #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none';"))
      // The only http(s) text is in <a href> links to training resources.
      let external = HTMLProbe.count("://", in: html)
      let links = HTMLProbe.attributeValues("href", in: html).filter { $0.hasPrefix("http") }
      #expect(external == links.count * 2, "every http URL is one link and its text")
    }
  }
}
