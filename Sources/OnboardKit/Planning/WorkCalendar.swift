/// One hire's working calendar: weekdays, hours, holidays and shutdown days.
public struct WorkCalendar: Hashable, Sendable, Codable {
  /// IANA time zone of every time in the plan.
  public var timeZone: String
  public var workDays: [Weekday]
  public var dayStart: LocalTime
  public var dayEnd: LocalTime
  public var lunchStart: LocalTime?
  public var lunchMinutes: Int
  /// Non-working dates with their names ("Christmas Day", "Company shutdown").
  public var closures: [CalendarDate: String]
  /// The company's working weekdays: pre-boarding (before day 1) is HR's and IT's work, done on
  /// the company's days even when the hire works fewer.
  public var companyWorkDays: [Weekday]

  public init(
    timeZone: String, workDays: [Weekday], dayStart: LocalTime, dayEnd: LocalTime,
    lunchStart: LocalTime?, lunchMinutes: Int, closures: [CalendarDate: String],
    companyWorkDays: [Weekday]? = nil
  ) {
    self.companyWorkDays = (companyWorkDays ?? workDays).sorted()
    self.timeZone = timeZone
    self.workDays = workDays.sorted()
    self.dayStart = dayStart
    self.dayEnd = dayEnd
    self.lunchStart = lunchStart
    self.lunchMinutes = lunchMinutes
    self.closures = closures
  }

  /// The calendar of a hire: company defaults, their own days and hours, and the holidays of their
  /// location plus company-wide ones. A part-time day ends `hoursPerDay` (plus lunch) after it starts.
  public init(hire: Hire, settings: PlanSettings, holidays: [Holiday]) {
    let hours = hire.hoursPerDay ?? settings.hoursPerDay
    var lunch = settings.lunchStart
    var lunchMinutes = settings.lunchMinutes
    var end = settings.dayStart.minutes + Int((hours * 60).rounded())
    if let start = lunch, start.minutes < end {
      end += lunchMinutes
    } else {
      lunch = nil
      lunchMinutes = 0
    }
    end = min(end, settings.dayEnd.minutes, 24 * 60 - 1)
    let closures = Holiday.closures(at: hire.location, in: holidays)
    self.init(
      timeZone: hire.timeZone, workDays: hire.workDays ?? settings.workDays,
      dayStart: settings.dayStart, dayEnd: LocalTime(minutes: end), lunchStart: lunch,
      lunchMinutes: lunchMinutes, closures: closures, companyWorkDays: settings.workDays)
  }

  /// Whether people work on this date.
  public func isWorkingDay(_ date: CalendarDate) -> Bool {
    workDays.contains(date.weekday) && closures[date] == nil
  }

  /// Whether the company works on this date (for pre-boarding, before the hire's first day).
  public func isCompanyWorkingDay(_ date: CalendarDate) -> Bool {
    companyWorkDays.contains(date.weekday) && closures[date] == nil
  }

  /// Why a date is not a working day ("a Saturday", "New Year's Day"), or nil; the callers name
  /// the date, so the weekday is not repeated.
  public func closureReason(_ date: CalendarDate) -> String? {
    if let name = closures[date] { return name }
    if !workDays.contains(date.weekday) { return "a \(date.weekday.name)" }
    return nil
  }

  /// The first working day on or after `date` (searches up to two years ahead).
  public func workingDay(onOrAfter date: CalendarDate) -> CalendarDate? {
    (0..<730).lazy.map { date.adding(days: $0) }.first(where: isWorkingDay)
  }

  /// The last working day on or before `date`.
  public func workingDay(onOrBefore date: CalendarDate) -> CalendarDate? {
    (0..<730).lazy.map { date.adding(days: -$0) }.first(where: isWorkingDay)
  }

  /// The working days in `first...last`.
  public func workingDays(from first: CalendarDate, through last: CalendarDate) -> [CalendarDate] {
    Self.days(from: first, through: last, on: workDays, closures: closures)
  }

  /// The company's working days in `first...last` (the days `isCompanyWorkingDay` accepts).
  func companyWorkingDays(from first: CalendarDate, through last: CalendarDate) -> [CalendarDate] {
    Self.days(from: first, through: last, on: companyWorkDays, closures: closures)
  }

  /// The dates in `first...last` on one of `weekdays` and not closed: the weekday counted along
  /// from the first date (not worked out again for every date), a closure looked up only on such
  /// a weekday.
  static func days(
    from first: CalendarDate, through last: CalendarDate, on weekdays: [Weekday],
    closures: [CalendarDate: String]
  ) -> [CalendarDate] {
    guard first <= last else { return [] }
    var works = [Bool](repeating: false, count: 7)
    for day in weekdays { works[day.index] = true }
    var result: [CalendarDate] = []
    result.reserveCapacity((first.days(to: last) + 1) * weekdays.count / 7 + 1)
    var index = first.weekday.index
    for number in first.dayNumber...last.dayNumber {
      if works[index] {
        let date = CalendarDate(dayNumber: number)
        if closures.isEmpty || closures[date] == nil { result.append(date) }
      }
      index = index == 6 ? 0 : index + 1
    }
    return result
  }

  /// Busy intervals every working day has (the lunch break), as minute ranges.
  var dailyBreaks: [Range<Int>] {
    guard let lunchStart, lunchMinutes > 0 else { return [] }
    return [lunchStart.minutes..<(lunchStart.minutes + lunchMinutes)]
  }
}
