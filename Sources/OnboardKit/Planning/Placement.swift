/// The times an item of one hire's plan may take, checked against the hire's day and other items,
/// the attendees' working days and hours in their own zones, and their bookings for other hires.
struct Placement {
  /// A person and a time for an item, with the minutes of it that fall outside the person's hours.
  struct Choice {
    var person: TeamMember
    /// The person's key (`person.key`).
    var key: String
    var date: CalendarDate
    var start: LocalTime
    var outside: Int
    /// No time was free for the person: the item stays where it was, over another booking.
    var clashes = false
  }

  let zone: String
  let calendar: WorkCalendar
  let firstDay: CalendarDate
  /// The first day a meeting may move to: the first day, or the re-plan date (the days before
  /// it are kept as they were).
  let earliestDay: CalendarDate
  private(set) var items: [PlanItem]
  /// How many working days after its planned day a meeting may move to fit its attendees.
  static let dayWindow = 2
  static let step = 15

  /// Activity id → the activity ids it comes after, and the reverse (schedule.csv's
  /// `depends_on`), for activities with one occurrence.
  let after: [String: [String]]
  let before: [String: [String]]
  /// The positions in `items` of the activities named in `after` and `before` (positions do not
  /// change: `update` replaces an item in place).
  let positions: [String: Int]

  init(plan: OnboardingPlan) {
    zone = plan.calendar.timeZone
    calendar = plan.calendar
    firstDay = plan.start
    earliestDay = max(plan.start, plan.replannedFrom ?? plan.start)
    items = plan.items
    after = plan.dependsOn
    var before: [String: [String]] = [:]
    for (id, deps) in plan.dependsOn { for dep in deps { before[dep, default: []].append(id) } }
    self.before = before
    var positions: [String: Int] = [:]
    if !plan.dependsOn.isEmpty {
      let named = Set(plan.dependsOn.keys).union(plan.dependsOn.values.joined())
      for (index, item) in plan.items.enumerated() where named.contains(item.id) {
        if positions[item.id] == nil { positions[item.id] = index }
      }
    }
    self.positions = positions
  }

  /// Whether a time keeps the item after the items it depends on and before those that depend
  /// on it (single activities only: a recurring one has no one item to compare with).
  func keepsOrder(_ item: PlanItem, _ date: CalendarDate, _ start: Int) -> Bool {
    guard positions[item.id] != nil else { return true }
    let end = start + item.durationMinutes
    for dep in after[item.id] ?? [] {
      if let index = positions[dep],
        (date, start) < (
          items[index].date, items[index].start.minutes + items[index].durationMinutes
        )
      {
        return false
      }
    }
    for dependant in before[item.id] ?? [] {
      if let index = positions[dependant],
        (items[index].date, items[index].start.minutes) < (date, end)
      {
        return false
      }
    }
    return true
  }

  mutating func update(_ item: PlanItem, at index: Int) { items[index] = item }

  /// The item's interval in UTC minutes.
  func interval(_ item: PlanItem) -> Range<Int> {
    interval(item.date, item.start, item.durationMinutes)
  }

  func interval(_ date: CalendarDate, _ start: LocalTime, _ minutes: Int) -> Range<Int> {
    let begin = ZoneClock.instant(date, start, in: zone)
    return begin..<(begin + max(minutes, 1))
  }

  /// The item's time as the person reads it: `22:30–23:30 Sun 10 Jan`.
  func local(_ item: PlanItem, for person: TeamMember) -> String {
    let range = interval(item)
    let start = ZoneClock.local(range.lowerBound, in: person.timeZone)
    let end = ZoneClock.local(range.upperBound, in: person.timeZone)
    return "\(start.time)–\(end.time) \(start.date.shortText)"
  }

  /// Minutes of an interval outside the person's working hours (all of it on a day off).
  static func outside(_ range: Range<Int>, for person: TeamMember) -> Int {
    let start = ZoneClock.local(range.lowerBound, in: person.timeZone)
    guard person.works(on: start.date) else { return range.count }
    let begin = start.time.minutes
    let end = begin + range.count
    let before = max(0, min(end, person.dayStart.minutes) - begin)
    let after = max(0, end - max(begin, person.dayEnd.minutes))
    return min(range.count, before + after)
  }

  /// How bad a time is for a person: minutes outside their hours first, then how far it lies from
  /// their working window (a day off counts as a whole day away).
  static func badness(_ range: Range<Int>, for person: TeamMember) -> Int {
    let outside = outside(range, for: person)
    guard outside > 0 else { return 0 }
    let start = ZoneClock.local(range.lowerBound, in: person.timeZone)
    var distance = 24 * 60
    if person.works(on: start.date) {
      let begin = start.time.minutes
      let end = begin + range.count
      distance = max(0, person.dayStart.minutes - begin) + max(0, end - person.dayEnd.minutes)
    }
    return outside * 10_000 + distance
  }

  /// The positions of the check-ins whose people are not named yet. Until then a check-in holds
  /// the end of its day instead of its own time: a meeting moved to fit its people may take the
  /// check-in's time but not the day's last minutes, and when its turn comes the check-in moves
  /// after the day's other items (an HR meeting moved to 16:45 had come after the "End-of-day
  /// check-in" at 16:30).
  var pendingCheckIns: Set<Int> = []

  /// Whether the hire is free at this time (other items and lunch), the item itself excluded.
  func hireIsFree(_ date: CalendarDate, _ start: Int, _ minutes: Int, except id: String) -> Bool {
    let end = start + minutes
    if let lunch = calendar.lunchStart, calendar.lunchMinutes > 0,
      start < lunch.minutes + calendar.lunchMinutes, lunch.minutes < end
    {
      return false
    }
    // The date and times first: the id (a string) is compared only for an item that overlaps.
    for index in items.indices {
      let other = items[index]
      guard other.date == date, other.durationMinutes > 0, other.id != id else { continue }
      var (otherStart, otherEnd) = (other.start.minutes, other.end.minutes)
      if pendingCheckIns.contains(index) {
        // Held at the end of the day (see `pendingCheckIns`).
        otherEnd = max(calendar.dayEnd.minutes, otherEnd)
        otherStart = otherEnd - other.durationMinutes
      }
      if otherStart < end && start < otherEnd { return false }
    }
    return true
  }

  /// When the hire's other items of the check-in's day end, if that is after the check-in
  /// starts (it no longer ends the day); nil otherwise.
  func dayEndsAfter(_ checkIn: PlanItem) -> Int? {
    var last: Int? = nil
    for index in items.indices where !pendingCheckIns.contains(index) {
      let other = items[index]
      guard other.date == checkIn.date, other.durationMinutes > 0, other.id != checkIn.id,
        other.kind != .checkIn
      else { continue }
      last = max(last ?? 0, other.end.minutes)
    }
    return last.flatMap { $0 > checkIn.start.minutes ? $0 : nil }
  }

  /// The candidate dates and start times for an item: its own first, then the same day nearest
  /// first, then the next working days (meetings from day 1 on, not fixed by an override or a
  /// cohort's shared workshop).
  func slots(for item: PlanItem) -> [(CalendarDate, LocalTime)] {
    var result: [(CalendarDate, LocalTime)] = []
    forEachSlot(for: item) { date, start in
      result.append((date, start))
      return true
    }
    return result
  }

  /// Visits the candidates of `slots(for:)` in the same order, one at a time, until `visit`
  /// returns false: the hire's free times of a later day are only checked when every earlier
  /// candidate has been tried (most items take their first).
  ///
  /// A check-in whose day now ends later (a meeting moved after it) tries the times after the
  /// day's last item first; its own time counts only when the hire is still free then.
  /// How many days before its own a pre-boarding item may move to find its person at work.
  static let preboardingDaysBack = 4

  func forEachSlot(for item: PlanItem, _ visit: (CalendarDate, LocalTime) -> Bool) {
    let dayEnd = item.kind == .checkIn && item.override == nil ? dayEndsAfter(item) : nil
    let ownTimeIsFree =
      item.kind != .checkIn
      || hireIsFree(item.date, item.start.minutes, item.durationMinutes, except: item.id)
    if dayEnd == nil && ownTimeIsFree {
      guard visit(item.date, item.start) else { return }
    }
    if item.date < firstDay && item.override == nil {
      // Pre-boarding work is done by HR or IT alone: any time of that day in their hours, else
      // of one of the days before it (their holiday or weekend: QA14 F6 had it at 00:00 on
      // Christmas Day), never later, since day 1 counts on it.
      let times = stride(from: 0, through: 24 * 60 - item.durationMinutes, by: Self.step)
        .sorted { abs($0 - item.start.minutes) < abs($1 - item.start.minutes) }
      for back in 0...Self.preboardingDaysBack {
        let date = item.date.adding(days: -back)
        for time in times where back > 0 || time != item.start.minutes {
          if !visit(date, LocalTime(minutes: time)) { return }
        }
      }
      return
    }
    let movable =
      item.override == nil && item.date >= firstDay
      && !OwnerAssignment.isSharedWorkshop(item)
    guard movable else { return }
    var dates = [item.date]
    var next = item.date
    // Other meetings may move a few working days later; a review only when no time of its own
    // day suits anyone (day 30 is day 30, unless that is the manager's Sunday or holiday).
    let window = Self.dayWindow
    let week = StaffLedger.week(of: item.date)
    // A day's check-in stays on its day too (QA13 F9: a part-timer's Wednesday check-in had
    // gone to Thursday, beside Thursday's own).
    for _ in 0..<(item.kind == .checkIn ? 0 : window * 3) where dates.count <= window {
      next = next.adding(days: 1)
      // Within the same week, so the weekly onboarding hours checked for it still hold.
      if calendar.isWorkingDay(next), StaffLedger.week(of: next) == week {
        dates.append(next)
      }
    }
    // Then the earlier working days of the same week (a part-timer's week that ends on the
    // attendees' Sunday still has their shared Monday), never before the first day or the
    // re-plan date.
    // A day's check-in belongs to its day: never moved to an earlier one (QA12 F8: day 3's
    // "End-of-day check-in" had gone to noon of day 2).
    var earlier = item.date
    for _ in 0..<(item.kind == .checkIn ? 0 : 7) {
      earlier = earlier.adding(days: -1)
      guard earlier >= earliestDay, StaffLedger.week(of: earlier) == week else { break }
      if calendar.isWorkingDay(earlier) { dates.append(earlier) }
    }
    let last = calendar.dayEnd.minutes - item.durationMinutes
    for date in dates {
      var times = stride(from: calendar.dayStart.minutes, through: last, by: Self.step).filter {
        date != item.date || $0 != item.start.minutes || dayEnd != nil
      }
      if date == item.date {
        if let after = dayEnd {
          // A check-in: after the day's last item first, then as late as the day allows.
          times.sort {
            ($0 >= after ? 0 : 1, $0 >= after ? $0 : -$0) < (
              $1 >= after ? 0 : 1, $1 >= after ? $1 : -$1
            )
          }
        } else {
          times.sort { abs($0 - item.start.minutes) < abs($1 - item.start.minutes) }
        }
      }
      for time in times
      where hireIsFree(date, time, item.durationMinutes, except: item.id)
        && keepsOrder(item, date, time)
      {
        guard visit(date, LocalTime(minutes: time)) else { return }
      }
    }
  }

  /// The first time and person (in candidate order) inside everyone's hours and free; else the
  /// least bad: the fewest minutes outside the person's hours, on the item's own day.
  func best(for item: PlanItem, among people: [TeamMember], ledger: StaffLedger) -> Choice {
    best(for: item, among: people, keys: people.map(\.key), ledger: ledger)
  }

  /// `best(for:among:ledger:)` with the people's keys made already (`keys[i]` is `people[i].key`).
  func best(for item: PlanItem, among people: [TeamMember], keys: [String], ledger: StaffLedger)
    -> Choice
  {
    var leastBad: (choice: Choice, badness: Int)? = nil
    var fits: Choice? = nil
    var firstFree: (CalendarDate, LocalTime)? = nil
    forEachSlot(for: item) { date, start in
      if firstFree == nil { firstFree = (date, start) }
      let range = interval(date, start, item.durationMinutes)
      for (person, key) in zip(people, keys) where ledger.isFree(key, range) {
        let outside = Self.outside(range, for: person)
        if outside == 0 {
          fits = Choice(person: person, key: key, date: date, start: start, outside: 0)
          return false
        }
        let badness = Self.badness(range, for: person)
        // A check-in that fits nobody's hours keeps its place at the end of the hire's day,
        // the first time visited (QA13 F9: "nearer" the buddy's hours had put the "End-of-day
        // check-in" at 09:45, the whole day still ahead, and still outside them).
        let better = item.kind == .checkIn ? leastBad == nil : leastBad.map { badness < $0.badness }
        if date == item.date, better ?? true {
          leastBad = (
            Choice(person: person, key: key, date: date, start: start, outside: outside), badness
          )
        }
      }
      return true
    }
    if let fits { return fits }
    if let leastBad { return leastBad.choice }
    // A check-in whose own time a moved meeting took: the first time free for the hire, over
    // the person's other booking (never over the hire's own meeting).
    if item.kind == .checkIn, let (date, start) = firstFree,
      !hireIsFree(item.date, item.start.minutes, item.durationMinutes, except: item.id)
    {
      let range = interval(date, start, item.durationMinutes)
      return Choice(
        person: people[0], key: keys[0], date: date, start: start,
        outside: Self.outside(range, for: people[0]), clashes: !ledger.isFree(keys[0], range))
    }
    return Choice(
      person: people[0], key: keys[0], date: item.date, start: item.start,
      outside: Self.outside(interval(item), for: people[0]),
      clashes: !ledger.isFree(keys[0], interval(item)))
  }
}
