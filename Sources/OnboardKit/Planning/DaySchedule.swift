/// The busy minutes of each day of a plan while it is being built; finds free slots.
struct DaySchedule {
  let calendar: WorkCalendar
  /// Each day's busy intervals, sorted by start (kept sorted as they are reserved, so that a
  /// search neither copies nor sorts them).
  private(set) var busy: [CalendarDate: [Range<Int>]] = [:]
  /// The calendar's daily breaks, sorted by start.
  private let breaks: [Range<Int>]

  init(calendar: WorkCalendar) {
    self.calendar = calendar
    breaks = calendar.dailyBreaks.sorted { $0.lowerBound < $1.lowerBound }
  }

  /// The earliest start ≥ `notBefore` on `date` where `minutes` fit inside working hours without
  /// touching a busy interval or the lunch break; nil when there is none.
  func freeSlot(on date: CalendarDate, minutes: Int, notBefore: Int) -> Int? {
    let dayStart = calendar.dayStart.minutes
    let dayEnd = calendar.dayEnd.minutes
    var candidate = max(notBefore, dayStart)
    // The day's intervals and the breaks, merged by start. (Intervals with the same start may
    // come in any order: each only raises the candidate to its end, or stops the search.)
    let day = busy[date] ?? []
    var i = 0
    var j = 0
    while i < day.count || j < breaks.count {
      let interval: Range<Int>
      if j == breaks.count || (i < day.count && day[i].lowerBound <= breaks[j].lowerBound) {
        interval = day[i]
        i += 1
      } else {
        interval = breaks[j]
        j += 1
      }
      if candidate + minutes <= interval.lowerBound { break }
      if interval.upperBound > candidate { candidate = interval.upperBound }
    }
    return candidate + minutes <= dayEnd ? candidate : nil
  }

  /// The latest start ≥ `notBefore` on `date` where `minutes` fit and end by the end of the day
  /// (for an item meant for the end of a day that ends earlier than its usual time).
  func latestFreeSlot(on date: CalendarDate, minutes: Int, notBefore: Int) -> Int? {
    var candidate = calendar.dayEnd.minutes - minutes
    let day = busy[date] ?? []
    while candidate >= max(notBefore, calendar.dayStart.minutes) {
      let range = candidate..<(candidate + minutes)
      // The earliest start of the intervals it clashes with.
      var clash: Int? = nil
      for interval in day where interval.overlaps(range) {
        clash = min(clash ?? interval.lowerBound, interval.lowerBound)
      }
      for interval in breaks where interval.overlaps(range) {
        clash = min(clash ?? interval.lowerBound, interval.lowerBound)
      }
      guard let clash else { return candidate }
      candidate = clash - minutes
    }
    return nil
  }

  mutating func reserve(on date: CalendarDate, start: Int, minutes: Int) {
    let interval = start..<(start + minutes)
    var day = busy.removeValue(forKey: date) ?? []
    // After the intervals that start at or before it (binary search).
    var low = 0
    var high = day.count
    while low < high {
      let middle = (low + high) / 2
      if day[middle].lowerBound <= start { low = middle + 1 } else { high = middle }
    }
    day.insert(interval, at: low)
    busy[date] = day
  }

  mutating func release(on date: CalendarDate, start: Int, minutes: Int) {
    guard let index = busy[date]?.firstIndex(of: start..<(start + minutes)) else { return }
    busy[date]?.remove(at: index)
  }
}
