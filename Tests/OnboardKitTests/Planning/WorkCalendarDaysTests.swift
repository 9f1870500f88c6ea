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
}
