import Testing

@testable import OnboardKit

@Suite struct CalendarViewTests {
  /// The column weekdays of the rendered table's header.
  func headerDays(_ html: String) -> [String] {
    HTMLProbe.attributeValues(
      "data-weekday", in: HTMLProbe.slice(html, from: "<thead>", to: "</thead>"))
  }

  func cellDates(_ html: String) -> [CalendarDate] {
    HTMLProbe.attributeValues("data-date", in: html).map(PlanFixture.date)
  }

  /// The markup of one day's cell.
  func cell(_ html: String, _ iso: String) -> String {
    HTMLProbe.slice(html, from: "data-date=\"\(iso)\"", to: "</td>")
  }

  @Test func mondayToFridayHireHasFiveColumnsAndWeeksAsRows() {
    let plan = PlanFixture.plan()
    let html = CalendarView.render(plan)
    #expect(headerDays(html) == ["Mon", "Tue", "Wed", "Thu", "Fri"])
    // Mon 4 Jan to day 30 (Tue 2 Feb): five calendar weeks of five days.
    let dates = cellDates(html)
    #expect(dates.count == 25)
    #expect(dates.first == PlanFixture.date("2027-01-04"))
    #expect(dates.last == PlanFixture.date("2027-02-05"))
    #expect(HTMLProbe.count("<th scope=\"row\" class=\"week-col\">", in: html) == 5)
    #expect(dates.allSatisfy { $0.weekday != .saturday && $0.weekday != .sunday })
  }

  @Test func sundayToThursdayHireReadsFromSunday() {
    let hire = PlanFixture.hire(
      start: "2027-01-03", workDays: [.sunday, .monday, .tuesday, .wednesday, .thursday])
    let plan = PlanFixture.plan(hire: hire, closure: "2027-01-05")
    #expect(plan.start == PlanFixture.date("2027-01-03"))
    let html = CalendarView.render(plan)
    #expect(headerDays(html) == ["Sun", "Mon", "Tue", "Wed", "Thu"])
    let dates = cellDates(html)
    #expect(dates.first == PlanFixture.date("2027-01-03"))
    #expect(dates.allSatisfy { $0.weekday != .friday && $0.weekday != .saturday })
    // Each row is one Sun–Thu week, in date order.
    #expect(dates == dates.sorted())
    #expect(
      Array(dates.prefix(5).map(\.weekday)) == [.sunday, .monday, .tuesday, .wednesday, .thursday])
    #expect(cell(html, "2027-01-03").contains("First day"))
  }

  @Test func partTimeMondayToWednesdayHireHasThreeColumns() {
    let hire = PlanFixture.hire(
      workDays: [.wednesday, .monday, .tuesday], employment: .partTime, hours: 4)
    let plan = PlanFixture.plan(hire: hire)
    let html = CalendarView.render(plan)
    #expect(headerDays(html) == ["Mon", "Tue", "Wed"])
    let dates = cellDates(html)
    #expect(dates.count == 15)
    #expect(Set(dates.map(\.weekday)) == [.monday, .tuesday, .wednesday])
    // Every item of the first month that falls on a working day is shown on its day.
    for item in plan.items where item.date >= plan.start && item.date <= plan.start.adding(days: 29)
    {
      #expect(cell(html, item.date.iso).contains(htmlEscaped(item.title)), "\(item.id)")
    }
  }

  @Test func closedDaysAreMarkedWithTheClosureName() {
    var names = PlanFixture.Names()
    names.closure = "Heilige Drei Könige"
    let plan = PlanFixture.plan(names)
    let html = CalendarView.render(plan)
    let closed = cell(html, "2027-01-06")
    #expect(closed.hasPrefix("data-date=\"2027-01-06\""))
    #expect(html.contains("<td class=\"day closed\" data-date=\"2027-01-06\">"))
    #expect(closed.contains("<span class=\"tag\">Closed</span> Heilige Drei Könige"))
    #expect(!closed.contains("<li"))
    #expect(HTMLProbe.count(" closed\"", in: html) == 1)
  }

  @Test func itemsShowTimeTitleAndKindLabel() {
    let plan = PlanFixture.plan()
    let html = CalendarView.render(plan)
    let training = plan.items.filter {
      $0.kind == .training && $0.date <= plan.start.adding(days: 29)
    }
    #expect(!training.isEmpty)
    for item in training {
      #expect(
        cell(html, item.date.iso).contains(
          "<li class=\"item kind-training\"><span class=\"time\">\(item.start)</span> "
            + "<span class=\"kind\">training</span> <span class=\"title\">\(item.title)</span>"))
    }
    let firstDay = cell(html, "2027-01-04")
    #expect(firstDay.contains("<span class=\"kind\">meeting</span> <span class=\"title\">Welcome"))
    // The 30-day review is day 30 and in the table; the 90-day review only in the list.
    #expect(cell(html, "2027-02-02").contains("<span class=\"kind\">milestone</span>"))
    let milestones = HTMLProbe.slice(html, from: "<ul class=\"milestones\">", to: "</ul>")
    #expect(milestones.contains("30-day review"))
    #expect(milestones.contains("90-day review"))
  }

  @Test func daysOutsideTheFirstMonthAreDimmedAndEmpty() {
    let plan = PlanFixture.plan()
    let html = CalendarView.render(plan)
    // Fri 5 Feb is day 33: in the last row, after the month.
    let after = cell(html, "2027-02-05")
    #expect(html.contains("<td class=\"day outside\" data-date=\"2027-02-05\">"))
    #expect(after.contains("after the first month"))
    #expect(!after.contains("<li"))
  }

  @Test func columnOrderStartsAfterTheLongestRunOfDaysOff() {
    func columns(_ days: [Weekday]) -> [Weekday] {
      CalendarView.columns(
        for: WorkCalendar(
          timeZone: "UTC", workDays: days, dayStart: LocalTime(minutes: 540),
          dayEnd: LocalTime(minutes: 1020), lunchStart: nil, lunchMinutes: 0, closures: [:]))
    }
    #expect(columns([.monday, .wednesday, .friday]) == [.monday, .wednesday, .friday])
    #expect(columns([.sunday, .friday, .saturday]) == [.friday, .saturday, .sunday])
    #expect(columns(Weekday.allCases) == Weekday.allCases)
    #expect(
      columns([.thursday, .sunday, .monday, .tuesday, .wednesday])
        == [.sunday, .monday, .tuesday, .wednesday, .thursday])
    #expect(columns([]) == [])
  }
}
