/// The dated parts of the HTML plan: before day 1, week 1, weeks 2–4, months 2–3, the training's
/// reasons, what did not fit, and the emails.
extension HTMLPlan {
  static func preboarding(_ plan: OnboardingPlan) -> HTMLBytes {
    let items = plan.preboarding
    guard !items.isEmpty else { return "" }
    return "<section id=\"preboarding\" aria-labelledby=\"preboarding-h\">"
      + "<h2 id=\"preboarding-h\">Before day 1</h2>\(itemList(items))</section>"
  }

  static func weekOne(_ plan: OnboardingPlan) -> HTMLBytes {
    var html: HTMLBytes =
      "<section id=\"week-1\" class=\"page\" aria-labelledby=\"week-1-h\">"
      + "<h2 id=\"week-1-h\">Week 1, day by day</h2>"
    for (index, day) in plan.weekOne.enumerated() {
      html +=
        "<div class=\"day-block\"><h3>Day \(index + 1): <time datetime=\"\(iso: day.date)\">"
        + "\(long: day.date)</time></h3>"
      if day.items.isEmpty {
        html += "<p>Regular work with the team.</p></div>"
        continue
      }
      html +=
        "<div class=\"scroll\"><table class=\"schedule stack\"><thead><tr><th scope=\"col\">Time</th>"
        + "<th scope=\"col\">What</th><th scope=\"col\">Who</th><th scope=\"col\">Why</th></tr>"
        + "</thead><tbody>"
      for item in day.items {
        html +=
          "<tr class=\"kind-\(item.kind.rawValue)\"><td class=\"time\">\(item.start)–\(item.end)</td>"
          + "<th scope=\"row\"><span class=\"kind\">\(CalendarView.kindLabel(item.kind))</span> "
          + "\(h: item.title)\(note(item))</th><td>\(who: item)</td>"
          + "<td>\(h: item.reason ?? MarkdownPlan.agendaText(item.agenda))</td></tr>"
      }
      html += "</tbody></table></div></div>"
    }
    return html + "</section>"
  }

  static func weeks(_ plan: OnboardingPlan) -> HTMLBytes {
    var html: HTMLBytes =
      "<section id=\"weeks\" class=\"page\" aria-labelledby=\"weeks-h\">"
      + "<h2 id=\"weeks-h\">Weeks 2–4, week by week</h2>"
    for (title, range) in plan.weekSections {
      html += "<h3>\(h: title)</h3>"
      let items = plan.items(in: range)
      html += items.isEmpty ? "<p>Regular work with the team.</p>" : itemList(items)
    }
    return html + "</section>"
  }

  static func months(_ plan: OnboardingPlan) -> HTMLBytes {
    var html: HTMLBytes =
      "<section id=\"months\" aria-labelledby=\"months-h\">"
      + "<h2 id=\"months-h\">Months 2–3, month by month</h2>"
    for number in 2...3 {
      let range = plan.month(number)
      let items = plan.items(in: range)
      html +=
        "<h3>Month \(number): \(short: range.lowerBound) – \(short: range.upperBound)</h3>"
      for milestone in items where milestone.kind == .milestone {
        html +=
          "<div class=\"milestone\"><p><span class=\"tag\">milestone</span> "
          + "<strong>\(h: milestone.title)</strong>, \(long: milestone.date) \(milestone.start) "
          + "(\(who: milestone))</p>"
        if !milestone.agenda.isEmpty {
          html += "<ul>"
          for point in milestone.agenda { html += "<li>\(h: point)</li>" }
          html += "</ul>"
        }
        html += "</div>"
      }
      let goals = plan.goals(due: number * 30)
      if !goals.isEmpty {
        html += "<p>Goals for day \(number * 30):</p><ul>"
        for goal in goals { html += "<li>\(h: goal.outcome)</li>" }
        html += "</ul>"
      }
      let sessions = items.filter { MarkdownPlan.sessionKinds.contains($0.kind) }
      if !sessions.isEmpty { html += "<p>Sessions and practice:</p>\(itemList(sessions))" }
      let deliverables = items.filter { $0.kind == .deliverable }
      if !deliverables.isEmpty { html += "<p>Deliverables:</p>\(itemList(deliverables))" }
      let others = items.filter(MarkdownPlan.otherKinds(of:))
      if !others.isEmpty { html += "<p>Also planned:</p>\(itemList(others))" }
      let recurring = items.filter { $0.kind == .meeting || $0.kind == .checkIn }
      if !recurring.isEmpty {
        let titles = Set(recurring.map(\.title)).sorted().map(h).joined(separator: ", ")
        html += "<p>Recurring: \(titles) (\(plural(recurring.count, "session")))</p>"
      }
      if items.isEmpty { html += "<p>Regular work with the team.</p>" }
    }
    return html + "</section>"
  }

  static func trainingReasons(_ plan: OnboardingPlan) -> HTMLBytes {
    let items = plan.items.filter { $0.kind == .training || $0.kind == .verification }
    var html: HTMLBytes =
      "<section id=\"training\" class=\"page\" aria-labelledby=\"training-h\">"
      + "<h2 id=\"training-h\">Why this training</h2>"
    guard !items.isEmpty else {
      return html
        + "<p>No training was needed: no required skill is below its target.</p></section>"
    }
    html +=
      "<p>Each session answers a gap (or checks a level nobody measured); the reason names the "
      + "evidence.</p><div class=\"scroll\"><table class=\"reasons stack\"><thead><tr>"
      + "<th scope=\"col\">When</th><th scope=\"col\">Session</th><th scope=\"col\">Skill</th>"
      + "<th scope=\"col\">Why</th><th scope=\"col\">Resource</th></tr></thead><tbody>"
    for item in items {
      // The session: its kind and title, then its format, length and owner (the same bytes as
      // the escaped `[format, "N min", who].joined(separator: " · ")`).
      html +=
        "<tr class=\"kind-\(item.kind.rawValue)\"><td class=\"time\">\(short: item.date) "
        + "\(item.start)</td><th scope=\"row\"><span class=\"kind\">"
        + "\(CalendarView.kindLabel(item.kind))</span> \(h: item.title)<br><span class=\"muted\">"
      if let format = item.format { html += "\(h: format) · " }
      html += "\(item.durationMinutes) min · \(who: item)</span>\(note(item))</th><td>"
      if let skill = item.skillID.flatMap({ plan.report.assessment(of: $0) }) {
        html += "\(bdi: skill.skill.name) \(badge: skill.status)"
      } else {
        html += "–"
      }
      html +=
        "</td><td>\(h: item.reason ?? "–")</td>"
        + "<td>\(item.resource.map(HTMLLink.resource) ?? "–")</td></tr>"
    }
    return html + "</tbody></table></div></section>"
  }

  static func unscheduled(_ plan: OnboardingPlan) -> HTMLBytes {
    guard !plan.unscheduled.isEmpty else { return "" }
    return "<section id=\"unscheduled\" aria-labelledby=\"unscheduled-h\">"
      + "<h2 id=\"unscheduled-h\">Not scheduled</h2><p>Topics the plan wanted but could not fit "
      + "before day 90:</p><ul>"
      + plan.unscheduled.map { "<li><strong>\(h: $0.title)</strong>: \(h: $0.reason)</li>" }
      .joined() + "</ul></section>"
  }

  static func emailList(_ emails: [EmailSummary]) -> HTMLBytes {
    guard !emails.isEmpty else { return "" }
    var html: HTMLBytes =
      "<section id=\"emails\" aria-labelledby=\"emails-h\"><h2 id=\"emails-h\">Emails</h2>"
      + "<div class=\"scroll\"><table class=\"emails stack\"><thead><tr><th scope=\"col\">Sent</th>"
      + "<th scope=\"col\">Subject</th><th scope=\"col\">To</th><th scope=\"col\">File</th>"
      + "</tr></thead><tbody>"
    for email in emails {
      html +=
        "<tr><td class=\"time\">\(short: email.date) \(email.time)</td>"
        + "<th scope=\"row\">\(h: email.subject)</th>"
        + "<td>"
      for (index, to) in email.to.enumerated() {
        if index > 0 { html += ", " }
        html += "\(bdi: to)"
      }
      html += "</td><td><code>\(h: email.file)</code></td></tr>"
    }
    return html + "</tbody></table></div></section>"
  }

  /// A list of dated items: "Mon 11 Jan 09:00 [training] Title (90 min, buddy): reason".
  static func itemList(_ items: [PlanItem]) -> HTMLBytes {
    var html: HTMLBytes = "<ul class=\"item-list\">"
    for item in items {
      html +=
        "<li class=\"kind-\(item.kind.rawValue)\"><span class=\"time\">\(short: item.date) "
        + "\(item.start)</span> <span class=\"kind\">\(CalendarView.kindLabel(item.kind))</span> "
        + "<strong>\(h: item.title)</strong> (\(item.durationMinutes) min, \(who: item))"
      if let reason = item.reason { html += ": \(h: reason)" }
      if let note = item.note { html += " <em class=\"moved\">(\(h: note))</em>" }
      html += "</li>"
    }
    return html + "</ul>"
  }

  /// The kind of an item as a styled word.
  static func kind(_ item: PlanItem) -> HTMLBytes {
    "<span class=\"kind\">\(CalendarView.kindLabel(item.kind))</span>"
  }

  /// The planner's note on an item (why it moved), or nothing.
  static func note(_ item: PlanItem) -> HTMLBytes {
    item.note.map { " <em class=\"moved\">(\(h: $0))</em>" } ?? ""
  }
}

extension HTMLBytes.Interpolation {
  /// Who an item is with, escaped: the same bytes as `h(HTMLPlan.who(item))`.
  mutating func appendInterpolation(who item: PlanItem) {
    if item.owner == "hire" {
      appendLiteral("on your own")
    } else if let name = item.ownerName {
      appendInterpolation(h: name)
      appendLiteral(" (")
      appendInterpolation(h: item.owner)
      appendLiteral(")")
    } else {
      appendInterpolation(h: item.owner)
    }
  }
}
