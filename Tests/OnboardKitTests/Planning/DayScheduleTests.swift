import OnboardTestSupport
import Testing

@testable import OnboardKit

/// `DaySchedule` (each day kept sorted, searched without copies) against the definition it
/// replaced — the day's intervals and the breaks copied and sorted at every search — on many
/// generated sequences of reservations, releases and searches.
@Suite struct DayScheduleTests {
  /// The schedule as first written.
  struct Reference {
    let calendar: WorkCalendar
    var busy: [CalendarDate: [Range<Int>]] = [:]

    func freeSlot(on date: CalendarDate, minutes: Int, notBefore: Int) -> Int? {
      let taken = ((busy[date] ?? []) + calendar.dailyBreaks).sorted {
        $0.lowerBound < $1.lowerBound
      }
      var candidate = max(notBefore, calendar.dayStart.minutes)
      for interval in taken {
        if candidate + minutes <= interval.lowerBound { break }
        if interval.upperBound > candidate { candidate = interval.upperBound }
      }
      return candidate + minutes <= calendar.dayEnd.minutes ? candidate : nil
    }

    func latestFreeSlot(on date: CalendarDate, minutes: Int, notBefore: Int) -> Int? {
      var candidate = calendar.dayEnd.minutes - minutes
      let taken = (busy[date] ?? []) + calendar.dailyBreaks
      while candidate >= max(notBefore, calendar.dayStart.minutes) {
        let range = candidate..<(candidate + minutes)
        guard
          let clash = taken.filter({ $0.overlaps(range) }).min(by: {
            $0.lowerBound < $1.lowerBound
          })
        else { return candidate }
        candidate = clash.lowerBound - minutes
      }
      return nil
    }
  }

  @Test func searchesAnswerAsTheDefinition() {
    var numbers = SeededNumbers(seed: 21)
    func next(_ bound: Int) -> Int { numbers.next(bound) }
    let origin = CalendarDate(year: 2027, month: 1, day: 4) ?? CalendarDate(dayNumber: 0)
    var searches = 0
    var found = 0
    for _ in 0..<400 {
      let lunch = next(3) == 0 ? nil : LocalTime(minutes: 660 + 30 * next(4))
      let calendar = WorkCalendar(
        timeZone: "UTC", workDays: Weekday.allCases,
        dayStart: LocalTime(minutes: 420 + 30 * next(5)),
        dayEnd: LocalTime(minutes: 900 + 30 * next(8)), lunchStart: lunch,
        lunchMinutes: lunch == nil ? 0 : 30 + 30 * next(2), closures: [:])
      var schedule = DaySchedule(calendar: calendar)
      var reference = Reference(calendar: calendar)
      var reserved: [(CalendarDate, Int, Int)] = []
      for _ in 0..<120 {
        let date = origin.adding(days: next(4))
        let minutes = 15 * (1 + next(8))
        let start = 420 + 15 * next(50)
        switch next(5) {
        case 0, 1:
          schedule.reserve(on: date, start: start, minutes: minutes)
          reference.busy[date, default: []].append(start..<(start + minutes))
          reserved.append((date, start, minutes))
        case 2 where !reserved.isEmpty:
          let (day, at, length) = reserved.remove(at: next(reserved.count))
          schedule.release(on: day, start: at, minutes: length)
          if let index = reference.busy[day]?.firstIndex(of: at..<(at + length)) {
            reference.busy[day]?.remove(at: index)
          }
        default:
          let notBefore = next(2) == 0 ? 0 : start
          let a = schedule.freeSlot(on: date, minutes: minutes, notBefore: notBefore)
          #expect(a == reference.freeSlot(on: date, minutes: minutes, notBefore: notBefore))
          let b = schedule.latestFreeSlot(on: date, minutes: minutes, notBefore: notBefore)
          #expect(b == reference.latestFreeSlot(on: date, minutes: minutes, notBefore: notBefore))
          searches += 1
          if a != nil { found += 1 }
        }
      }
    }
    #expect(searches > 10_000)
    #expect(found > searches / 10 && found < searches * 9 / 10)
  }
}
