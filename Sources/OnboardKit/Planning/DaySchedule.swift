/// The busy minutes of each day of a plan while it is being built; finds free slots.
struct DaySchedule {
  let calendar: WorkCalendar
  private(set) var busy: [CalendarDate: [Range<Int>]] = [:]

  init(calendar: WorkCalendar) { self.calendar = calendar }

  /// The earliest start ≥ `notBefore` on `date` where `minutes` fit inside working hours without
  /// touching a busy interval or the lunch break; nil when there is none.
  func freeSlot(on date: CalendarDate, minutes: Int, notBefore: Int) -> Int? {
    let dayStart = calendar.dayStart.minutes
    let dayEnd = calendar.dayEnd.minutes
    let taken = ((busy[date] ?? []) + calendar.dailyBreaks).sorted { $0.lowerBound < $1.lowerBound }
    var candidate = max(notBefore, dayStart)
    for interval in taken {
      if candidate + minutes <= interval.lowerBound { break }
      if interval.upperBound > candidate { candidate = interval.upperBound }
    }
    return candidate + minutes <= dayEnd ? candidate : nil
  }

  /// The latest start ≥ `notBefore` on `date` where `minutes` fit and end by the end of the day
  /// (for an item meant for the end of a day that ends earlier than its usual time).
  func latestFreeSlot(on date: CalendarDate, minutes: Int, notBefore: Int) -> Int? {
    var candidate = calendar.dayEnd.minutes - minutes
    let taken = (busy[date] ?? []) + calendar.dailyBreaks
    while candidate >= max(notBefore, calendar.dayStart.minutes) {
      let range = candidate..<(candidate + minutes)
      guard
        let clash = taken.filter({ $0.overlaps(range) }).min(by: { $0.lowerBound < $1.lowerBound })
      else { return candidate }
      candidate = clash.lowerBound - minutes
    }
    return nil
  }

  mutating func reserve(on date: CalendarDate, start: Int, minutes: Int) {
    busy[date, default: []].append(start..<(start + minutes))
  }

  mutating func release(on date: CalendarDate, start: Int, minutes: Int) {
    guard let index = busy[date]?.firstIndex(of: start..<(start + minutes)) else { return }
    busy[date]?.remove(at: index)
  }
}
