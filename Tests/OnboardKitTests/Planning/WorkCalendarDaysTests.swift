import OnboardTestSupport
import Testing

@testable import OnboardKit

/// `WorkCalendar.workingDays` (the weekday counted along) against its definition, every date
/// filtered by `isWorkingDay`, on generated calendars; the timeline's days against theirs.
@Suite struct WorkCalendarDaysTests {
  @Test func workingDaysAreTheDatesThatAreWorkingDays() {
    var numbers = SeededNumbers(seed: 3)
    func next(_ bound: Int) -> Int { numbers.next(bound) }
    let origin = CalendarDate(year: 2026, month: 12, day: 1) ?? CalendarDate(dayNumber: 0)
    for round in 0..<2_000 {
      let days = Weekday.allCases.filter { _ in next(3) != 0 }
      var closures: [CalendarDate: String] = [:]
      for _ in 0..<(round % 4 == 0 ? 0 : next(30)) {
        closures[origin.adding(days: next(200) - 50)] = "closed"
      }
      let calendar = WorkCalendar(
        timeZone: "Europe/Berlin", workDays: days, dayStart: LocalTime(minutes: 540),
        dayEnd: LocalTime(minutes: 1020), lunchStart: nil, lunchMinutes: 0, closures: closures,
        companyWorkDays: Weekday.allCases.filter { _ in next(4) != 0 })
      let first = origin.adding(days: next(100) - 50)
      let last = first.adding(days: next(60) - 5)
      let all = first <= last ? (0...first.days(to: last)).map { first.adding(days: $0) } : []
      #expect(
        calendar.workingDays(from: first, through: last) == all.filter(calendar.isWorkingDay),
        "round \(round)")
      #expect(
        calendar.companyWorkingDays(from: first, through: last)
          == all.filter(calendar.isCompanyWorkingDay), "round \(round)")
      let timeline = Timeline(calendar: calendar, start: first)
      #expect(
        timeline.backwardDays
          == (1...120).map { first.adding(days: -$0) }.filter(calendar.isCompanyWorkingDay))
      #expect(
        timeline.forwardDays
          == (0...400).map { first.adding(days: $0) }.filter(calendar.isWorkingDay))
    }
  }

  /// `week 1 end` is the last working day of the seven days from the start, unless holidays
  /// leave that week fewer than three working days: then the end of the hire's first week's
  /// worth of working days (workday 5; 3 for a three-day week). A start on Thursday 24 December
  /// (Berlin: 25–26 December, a shutdown to 31 December, 1 January) had its first-week
  /// retrospective on day 1.
  @Test func weekOneEndsAfterAWeeksWorthOfWorkWhenHolidaysTakeIt() throws {
    func date(_ month: Int, _ day: Int, _ year: Int = 2026) throws -> CalendarDate {
      try #require(CalendarDate(year: year, month: month, day: day))
    }
    let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
    func calendar(_ days: [Weekday] = weekdays, closed: [CalendarDate]) -> WorkCalendar {
      WorkCalendar(
        timeZone: "Europe/Berlin", workDays: days, dayStart: LocalTime(minutes: 540),
        dayEnd: LocalTime(minutes: 1020), lunchStart: nil, lunchMinutes: 0,
        closures: Dictionary(closed.map { ($0, "closed") }, uniquingKeysWith: { a, _ in a }))
    }
    let holidays =
      try [date(12, 25), date(12, 28), date(12, 29), date(12, 30), date(12, 31)]
      + [date(1, 1, 2027)]
    let end = WhenRule.week(1, atEnd: true)
    // The holiday start: day 1, then 4–7 January.
    let short = Timeline(calendar: calendar(closed: holidays), start: try date(12, 24))
    #expect(short.firstWeekIsShort)
    #expect(short.dates(for: end) == [try date(1, 7, 2027)])
    #expect(short.dates(for: .week(2, atEnd: true)) == [try date(1, 6, 2027)], "week 2 as before")
    // A three-day week: workday 3.
    let partTime = Timeline(
      calendar: calendar([.monday, .wednesday, .friday], closed: holidays), start: try date(12, 23))
    #expect(partTime.dates(for: end) == [try date(1, 6, 2027)])
    // Unchanged: a Monday start, a Thursday start without holidays, one holiday in week 1.
    let monday = Timeline(calendar: calendar(closed: []), start: try date(12, 7))
    #expect(monday.dates(for: end) == [try date(12, 11)])
    let thursday = Timeline(calendar: calendar(closed: []), start: try date(12, 3))
    #expect(thursday.dates(for: end) == [try date(12, 9)])
    let oneHoliday = Timeline(calendar: calendar(closed: [try date(12, 9)]), start: try date(12, 7))
    #expect(!oneHoliday.firstWeekIsShort)
    #expect(oneHoliday.dates(for: end) == [try date(12, 11)])
  }
}
