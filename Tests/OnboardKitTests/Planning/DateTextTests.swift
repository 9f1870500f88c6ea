import Testing

@testable import OnboardKit

/// The ISO, long and short dates and the clock time written byte by byte are the texts of their
/// definitions, for every day of four centuries and every minute of a long day.
@Suite struct DateTextTests {
  @Test func isoDatesAreThePaddedNumbers() {
    var day = CalendarDate(year: 1900, month: 1, day: 1)!
    let last = CalendarDate(year: 2300, month: 12, day: 31)!
    var checked = 0
    while day <= last {
      let c = day.components
      #expect(day.iso == "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))")
      let month = CalendarDate.monthNames[c.month - 1]
      #expect(day.longText == "\(day.weekday.name), \(c.day) \(month) \(c.year)")
      #expect(day.shortText == "\(day.weekday.shortName) \(c.day) \(month.prefix(3))")
      day = day.adding(days: 1)
      checked += 1
    }
    #expect(checked > 146_000)
    #expect(CalendarDate(year: 7, month: 3, day: 9)?.iso == "0007-03-09")
  }

  @Test func clockTimesAreThePaddedNumbers() {
    for minutes in -90...(100 * 60 + 30) {
      let time = LocalTime(minutes: minutes)
      #expect(time.description == "\(pad(time.hour, 2)):\(pad(time.minute, 2))")
    }
    #expect(LocalTime(minutes: 9 * 60 + 5).description == "09:05")
  }
}
