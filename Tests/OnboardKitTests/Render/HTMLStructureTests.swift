import Testing

@testable import OnboardKit

/// Checks every page must pass: HTML5 shell, one h1, heading order, table headers with a scope,
/// well-nested markup.
enum HTMLStructure {
  static func problems(_ html: String) -> [String] {
    var problems: [String] = []
    if !html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">") {
      problems.append("no doctype, lang and charset first")
    }
    let head = HTMLProbe.slice(html, from: "<head>", to: "</head>")
    if HTMLProbe.count("<title>", in: head) != 1 { problems.append("not one <title> in <head>") }
    let levels = HTMLProbe.headingLevels(html)
    if levels.filter({ $0 == 1 }).count != 1 { problems.append("not exactly one h1") }
    if levels.first != 1 { problems.append("the first heading is not the h1") }
    for (previous, next) in zip(levels, levels.dropFirst()) where next > previous + 1 {
      problems.append("heading h\(previous) followed by h\(next)")
    }
    for tag in HTMLProbe.tags(html) where tag.name == "th" && !tag.closing {
      let scopes = ["col", "row", "colgroup", "rowgroup"].map { " scope=\"\($0)\"" }
      if !scopes.contains(where: tag.raw.contains) {
        problems.append("th without scope: \(tag.raw)")
      }
    }
    let ids = HTMLProbe.attributeValues("id", in: html)
    if Set(ids).count != ids.count { problems.append("duplicate ids") }
    for href in HTMLProbe.attributeValues("href", in: html) where href.hasPrefix("#") {
      if !ids.contains(String(href.dropFirst())) { problems.append("dangling link \(href)") }
    }
    return problems + HTMLProbe.nestingProblems(html)
  }
}

@Suite struct HTMLStructureTests {
  @Test func planPageIsWellFormedHTML5() {
    let html = HTMLPlan.render(PlanFixture.plan(), emails: PlanFixture.emails)
    #expect(HTMLStructure.problems(html) == [])
    #expect(
      html.contains(
        "<h1><bdi>Ada Lovelace</bdi> <span class=\"role\"><bdi>Backend Developer</bdi></span></h1>")
    )
    #expect(html.hasSuffix("</html>\n"))
  }

  @Test func planPageHasEverySection() {
    let html = HTMLPlan.render(PlanFixture.plan(), emails: PlanFixture.emails)
    for id in ["gaps", "gap-table", "calendar", "week-1", "weeks", "months", "training", "emails"] {
      #expect(html.contains("<section id=\"\(id)\""), "\(id)")
    }
    #expect(HTMLProbe.count("<svg class=\"gap-chart\"", in: html) == 1)
    #expect(HTMLProbe.count("<table class=\"calendar\"", in: html) == 1)
    #expect(HTMLProbe.count("<table class=\"reasons stack\"", in: html) == 1)
    // The evidence of each skill, collapsible, open where it needs attention.
    #expect(HTMLProbe.count("<details id=\"ev-", in: html) == 3)
    #expect(html.contains("<details id=\"ev-sql\" class=\"evidence\" open>"))
    #expect(html.contains("<details id=\"ev-git\" class=\"evidence\">"))
    #expect(html.contains("<div id=\"ev-security\" class=\"evidence empty\">"))
    #expect(html.contains("Welcome, Ada!"))
  }

  @Test func headerShowsTheMovedStart() {
    // Sat 2 Jan 2027 is not a working day: the plan starts on Monday.
    let plan = PlanFixture.plan(hire: PlanFixture.hire(start: "2027-01-02"))
    let html = HTMLPlan.render(plan)
    #expect(plan.startMovedReason != nil)
    #expect(
      html.contains(
        "<dt>Requested start</dt><dd>Saturday, 2 January 2027 <span class=\"tag\">moved</span>"))
    #expect(html.contains("<dd><time datetime=\"2027-01-04\">Monday, 4 January 2027</time></dd>"))
    #expect(HTMLStructure.problems(html) == [])
  }

  @Test func trainingReasonsNameTheGapAndTheEvidence() {
    let plan = PlanFixture.plan()
    let html = HTMLPlan.render(plan)
    let reasons = HTMLProbe.slice(html, from: "<section id=\"training\"", to: "</section>")
    let training = plan.items.filter { $0.kind == .training || $0.kind == .verification }
    #expect(training.count >= 3)
    for item in training {
      #expect(reasons.contains(htmlEscaped(item.title)), "\(item.id)")
      #expect(reasons.contains(htmlEscaped(item.reason ?? "missing")), "\(item.id)")
    }
    #expect(reasons.contains("Critical gap in Databases &amp; SQL"))
  }

  @Test func planWithoutTrainingSaysSo() {
    var plan = PlanFixture.plan()
    plan.items.removeAll { $0.kind == .training || $0.kind == .verification }
    let html = HTMLPlan.render(plan)
    #expect(html.contains("No training was needed"))
    #expect(!html.contains("<table class=\"reasons"))
  }

  @Test func unscheduledTopicsAreListed() {
    var plan = PlanFixture.plan()
    plan.unscheduled = [
      UnscheduledTopic(topicID: "t", title: "Kafka <deep dive>", skillID: "sql", reason: "too long")
    ]
    let html = HTMLPlan.render(plan)
    #expect(html.contains("<li><strong>Kafka &lt;deep dive&gt;</strong>: too long</li>"))
    #expect(HTMLStructure.problems(html) == [])
  }

  @Test func renderingIsDeterministic() {
    let plan = PlanFixture.plan()
    #expect(
      HTMLPlan.render(plan, emails: PlanFixture.emails)
        == HTMLPlan.render(plan, emails: PlanFixture.emails))
  }
}
