/// The first month of a plan (calendar days 1–30) as a table: weeks as rows, the hire's working
/// days as columns, closed days marked with the holiday's name, each day's items with their time,
/// title and kind (a word and a style), then the 30/60/90-day milestones.
public enum CalendarView {
  /// The table and the milestone list, as HTML.
  public static func render(_ plan: OnboardingPlan) -> String {
    var html = HTMLBytes()
    append(plan, to: &html)
    return html.string
  }

  /// Appends the table and the milestone list to a page being built.
  static func append(_ plan: OnboardingPlan, to html: inout HTMLBytes) {
    let columns = columns(for: plan.calendar)
    guard let first = columns.first else {
      html += "<p>The hire's calendar has no working days.</p>"
      return
    }
    let last = plan.start.adding(days: 29)
    let rowStart =
      (0..<7).lazy.map { plan.start.adding(days: -$0) }
      .first { $0.weekday == first } ?? plan.start
    html +=
      "<table class=\"calendar\"><caption>First month: \(long: plan.start) to "
      + "\(long: last). Columns are the hire's working days.</caption><thead><tr>"
      + "<th scope=\"col\" class=\"week-col\">Week</th>"
    for day in columns {
      html += "<th scope=\"col\" data-weekday=\"\(day.rawValue)\">\(day.name)</th>"
    }
    html += "</tr></thead><tbody>"
    // The items of each of the 30 days, in plan order: one pass over the plan, not one per cell.
    var byDay = [[Int]](repeating: [], count: 30)
    for (index, item) in plan.items.enumerated() {
      let offset = plan.start.days(to: item.date)
      if offset >= 0 && offset < 30 { byDay[offset].append(index) }
    }
    var weekStart = rowStart
    while weekStart <= last {
      let weekEnd = weekStart.adding(days: 6)
      html +=
        "<tr><th scope=\"row\" class=\"week-col\">\(short: weekStart)<br>"
        + "<span class=\"muted\">to \(short: weekEnd)</span></th>"
      for day in columns {
        let offset = (day.index - weekStart.weekday.index + 7) % 7
        cell(plan, date: weekStart.adding(days: offset), last: last, byDay: byDay, to: &html)
      }
      html += "</tr>"
      weekStart = weekStart.adding(days: 7)
    }
    html += "</tbody></table>"
    milestones(plan, to: &html)
  }

  /// The working weekdays in the order the hire's week reads: starting after the longest run of
  /// days off (Mon–Fri starts on Monday, Sun–Thu on Sunday, Mon/Wed/Fri on Monday).
  public static func columns(for calendar: WorkCalendar) -> [Weekday] {
    let days = Set(calendar.workDays)
    guard !days.isEmpty else { return [] }
    guard days.count < 7 else { return Weekday.allCases }
    let all = Weekday.allCases
    var best = (start: 0, run: -1)
    for (index, day) in all.enumerated() where days.contains(day) {
      var run = 0
      while !days.contains(all[(index - run - 1 + 14) % 7]) { run += 1 }
      if run > best.run { best = (index, run) }
    }
    return (0..<7).map { all[(best.start + $0) % 7] }.filter(days.contains)
  }

  /// One day's cell; `byDay` holds the indices of the items of each day from the start.
  private static func cell(
    _ plan: OnboardingPlan, date: CalendarDate, last: CalendarDate, byDay: [[Int]],
    to html: inout HTMLBytes
  ) {
    let outside = date < plan.start || date > last
    let closure = plan.calendar.closures[date]
    html += "<td class=\"day"
    if outside { html += " outside" }
    if closure != nil { html += " closed" }
    if date == plan.start { html += " first-day" }
    html += "\" data-date=\"\(iso: date)\"><div class=\"date\">\(short: date)"
    if date == plan.start {
      html += " <span class=\"tag\">First day</span>"
    } else if outside {
      html +=
        " <span class=\"visually-hidden\">(\(date < plan.start ? "before the start" : "after the first month"))</span>"
    }
    html += "</div>"
    if let closure {
      html += "<p class=\"closure\"><span class=\"tag\">Closed</span> \(h: closure)</p>"
    }
    let indices = outside ? [] : byDay[plan.start.days(to: date)]
    if !indices.isEmpty {
      html += "<ul class=\"items\">"
      for index in indices {
        let item = plan.items[index]
        html +=
          "<li class=\"item kind-\(item.kind.rawValue)\"><span class=\"time\">\(item.start)</span> "
          + "<span class=\"kind\">\(kindLabel(item.kind))</span> "
          + "<span class=\"title\">\(h: item.title)</span></li>"
      }
      html += "</ul>"
    }
    html += "</td>"
  }

  /// The word a calendar entry carries for its kind.
  static func kindLabel(_ kind: PlanItem.Kind) -> String {
    switch kind {
    case .activity: "activity"
    case .meeting: "meeting"
    case .checkIn: "check-in"
    case .milestone: "milestone"
    case .training: "training"
    case .verification: "skill check"
    case .deliverable: "deliverable"
    case .practice: "practice"
    case .followUp: "follow-up"
    }
  }

  private static func milestones(_ plan: OnboardingPlan, to html: inout HTMLBytes) {
    var first = true
    for item in plan.items where item.kind == .milestone {
      if first {
        html += "<h3 id=\"milestones\">Milestones</h3><ul class=\"milestones\">"
        first = false
      }
      html +=
        "<li><strong>\(h: item.title)</strong>: <time datetime=\"\(iso: item.date)\">"
        + "\(long: item.date)</time>, \(item.start)–\(item.end), \(h: HTMLPlan.who(item))</li>"
    }
    if !first { html += "</ul>" }
  }
}
