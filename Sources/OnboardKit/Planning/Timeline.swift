/// Turns schedule rules (`workday 3`, `day 30`, `weeks 2-13 end`) into dates on a hire's calendar.
public struct Timeline: Sendable {
  public let calendar: WorkCalendar
  /// The first working day.
  public let start: CalendarDate
  /// Working days from the start, index 0 = workday 1.
  let forwardDays: [CalendarDate]
  /// Working days before the start, index 0 = workday -1.
  let backwardDays: [CalendarDate]

  public init(calendar: WorkCalendar, start: CalendarDate) {
    self.calendar = calendar
    self.start = start
    forwardDays = calendar.workingDays(from: start, through: start.adding(days: 400))
    // Before day 1 the company's days count (HR and IT prepare; the hire does not work yet).
    backwardDays = calendar.companyWorkingDays(
      from: start.adding(days: -120), through: start.adding(days: -1)
    ).reversed()
  }

  /// The dates a rule means for this hire (empty when out of range).
  public func dates(for rule: WhenRule) -> [CalendarDate] {
    switch rule {
    case .workday(let n):
      return workday(n).map { [$0] } ?? []
    case .workdays(let a, let b):
      return (a...b).compactMap(workday)
    case .day(let n):
      return calendar.workingDay(onOrAfter: start.adding(days: n - 1)).map { [$0] } ?? []
    case .week(let n, let atEnd):
      return weekDay(n, atEnd: atEnd).map { [$0] } ?? []
    case .weeks(let a, let b, let atEnd):
      // A week without a working day (a shutdown) is skipped, not moved into the next week.
      return (a...b).compactMap {
        workingDays(inWeek: $0).isEmpty ? nil : weekDay($0, atEnd: atEnd)
      }
    }
  }

  /// Workday N (1 = the first day; negative = before the start).
  public func workday(_ n: Int) -> CalendarDate? {
    let list = n > 0 ? forwardDays : backwardDays
    let index = abs(n) - 1
    return n != 0 && index < list.count ? list[index] : nil
  }

  /// The working day `n` working days before `date` (the company's days before day 1, the hire's
  /// from day 1 on).
  public func workdays(_ n: Int, before date: CalendarDate) -> CalendarDate {
    var day = date
    var remaining = n
    while remaining > 0 {
      day = day.adding(days: -1)
      if isPlanningDay(day) { remaining -= 1 }
    }
    return day
  }

  /// Whether items may go on a date: a company working day before day 1, a working day of the
  /// hire from day 1 on.
  public func isPlanningDay(_ date: CalendarDate) -> Bool {
    date < start ? calendar.isCompanyWorkingDay(date) : calendar.isWorkingDay(date)
  }

  /// The working-day number of a date (1 = the start), or nil before the start or when closed.
  public func workdayNumber(of date: CalendarDate) -> Int? {
    forwardDays.firstIndex(of: date).map { $0 + 1 }
  }

  /// The week number (1-based) a date falls in; week 1 = the seven days from the start.
  public func weekNumber(of date: CalendarDate) -> Int { start.days(to: date) / 7 + 1 }

  /// The working days of week N (the seven days from `start + 7(N-1)`).
  public func workingDays(inWeek week: Int) -> [CalendarDate] {
    let first = start.adding(days: 7 * (week - 1))
    return calendar.workingDays(from: first, through: first.adding(days: 6))
  }

  /// Whether week 1 is too short to be a working week (fewer than three working days: a start
  /// just before holidays or a company shutdown), so that its end is the end of the hire's first
  /// working week instead (``firstWorkingWeekEnd``).
  /// Whether week 1 has fewer than three working days, and fewer than a usual week of the hire's
  /// (a Tue/Thu part-timer's week of two days is her normal week, not a short one).
  public var firstWeekIsShort: Bool {
    workingDays(inWeek: 1).count < min(3, calendar.workDays.count)
  }

  /// The last of the hire's first week's worth of working days: workday 5 for five working days
  /// a week, 3 for three.
  public var firstWorkingWeekEnd: CalendarDate? { workday(max(1, calendar.workDays.count)) }

  private func weekDay(_ week: Int, atEnd: Bool) -> CalendarDate? {
    // The first week's end (a first-week retrospective) after a first week's worth of work: a
    // start on Thursday 24 December had it on day 1, the holidays taking the rest of week 1.
    if week == 1, atEnd, firstWeekIsShort, let end = firstWorkingWeekEnd { return end }
    let days = workingDays(inWeek: week)
    return (atEnd ? days.last : days.first)
      ?? calendar.workingDay(onOrAfter: start.adding(days: 7 * (week - 1)))
  }
}
