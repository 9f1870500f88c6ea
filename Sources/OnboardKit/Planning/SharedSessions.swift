/// One hire's need for a workshop topic, with the time they have around the date their own plan
/// gave it: the raw material for grouping a cohort into shared sessions.
public struct WorkshopDemand: Hashable, Sendable {
  /// A working day of the hire near the topic's date, with its fixed (not movable) busy times.
  public struct Day: Hashable, Sendable {
    public var date: CalendarDate
    public var dayStart: Int
    public var dayEnd: Int
    public var busy: [Range<Int>]
    /// The day's training cap (minutes).
    public var cap: Int
    /// The hire's offset from UTC that day (minutes, at the start of their working day): hires
    /// share a session only on a day their clocks agree, so that one wall-clock time is one
    /// instant for all of them (09:00 in Lisbon and 09:00 in Toronto are five hours apart).
    public var utcOffset: Int

    public init(
      date: CalendarDate, dayStart: Int, dayEnd: Int, busy: [Range<Int>], cap: Int,
      utcOffset: Int = 0
    ) {
      self.date = date
      self.dayStart = dayStart
      self.dayEnd = dayEnd
      self.busy = busy
      self.cap = cap
      self.utcOffset = utcOffset
    }
  }

  public var hireKey: String
  public var topicID: String
  public var minutes: Int
  public var capacity: Int
  /// Where the hire's own plan put the topic (after its prerequisites).
  public var date: CalendarDate
  /// The hire's working days from `date` to the end of that week.
  public var days: [Day]

  public init(
    hireKey: String, topicID: String, minutes: Int, capacity: Int, date: CalendarDate, days: [Day]
  ) {
    self.hireKey = hireKey
    self.topicID = topicID
    self.minutes = minutes
    self.capacity = capacity
    self.date = date
    self.days = days
  }
}

/// A workshop several hires of a cohort attend together, with one trainer.
public struct SharedSession: Hashable, Sendable, Codable {
  /// `topic@YYYY-MM-DD#n`, stable for the same cohort.
  public var id: String
  public var topicID: String
  public var date: CalendarDate
  public var start: LocalTime
  public var minutes: Int
  /// The attendees' emails (lower case), sorted.
  public var members: [String]
}

/// Groups a cohort's workshop demands into shared sessions: hires who need the same topic in the
/// same week, up to the topic's capacity, at a time that fits every attendee's calendar (inside
/// their working hours, clear of their fixed activities and lunch, under their training cap), on
/// a day all their clocks read the same (a session is one wall-clock time for every attendee).
public enum SharedSessionPlanner {
  /// The workshop topics of a hire's plan and the free time around each.
  public static func demands(
    plan: OnboardingPlan, catalog: [String: TrainingTopic], settings: PlanSettings
  ) -> [WorkshopDemand] {
    let timeline = plan.timeline
    let fixed = plan.items.filter { $0.kind != .training && $0.kind != .verification }
    var result: [WorkshopDemand] = []
    for item in plan.items where item.kind == .training {
      guard let id = item.topicID, let topic = catalog[id], topic.format == .workshop,
        let capacity = topic.capacity, capacity > 1
      else { continue }
      let days = (0..<7).map { item.date.adding(days: $0) }.filter(plan.calendar.isWorkingDay).map {
        date in
        WorkshopDemand.Day(
          date: date, dayStart: plan.calendar.dayStart.minutes,
          dayEnd: plan.calendar.dayEnd.minutes,
          busy: fixed.filter { $0.date == date }.map { $0.start.minutes..<$0.end.minutes }
            + plan.calendar.dailyBreaks,
          cap: settings.trainingCap(
            week: timeline.weekNumber(of: date), isFirstDay: date == plan.start),
          utcOffset: date.dayNumber * 1440 + plan.calendar.dayStart.minutes
            - ZoneClock.instant(date, plan.calendar.dayStart, in: plan.calendar.timeZone))
      }
      result.append(
        WorkshopDemand(
          hireKey: plan.hire.key, topicID: id, minutes: topic.durationMinutes, capacity: capacity,
          date: item.date, days: days))
    }
    return result
  }

  /// The shared sessions (only groups of two or more), in a stable order.
  public static func group(_ demands: [WorkshopDemand]) -> [SharedSession] {
    var grouper = SharedSessionGrouper()
    let byTopic = Dictionary(grouping: demands, by: \.topicID)
    return byTopic.keys.sorted().flatMap { grouper.group(topic: byTopic[$0] ?? []) }
  }

  /// The earliest date and start time every member can attend, on or after each one's own date.
  static func commonSlot(
    _ members: [WorkshopDemand], taken: [String: [CalendarDate: (busy: [Range<Int>], minutes: Int)]]
  ) -> (CalendarDate, Int)? {
    guard let first = members.first else { return nil }
    let earliest = members.map(\.date).max() ?? first.date
    let minutes = first.minutes
    let candidateDates = first.days.map(\.date).filter { $0 >= earliest }
    for date in candidateDates {
      var days: [(WorkshopDemand.Day, (busy: [Range<Int>], minutes: Int))] = []
      for member in members {
        guard let day = member.days.first(where: { $0.date == date }) else { break }
        days.append((day, taken[member.hireKey]?[date] ?? ([], 0)))
      }
      guard days.count == members.count,
        days.allSatisfy({ $0.1.minutes + minutes <= $0.0.cap }),
        days.allSatisfy({ $0.0.utcOffset == days[0].0.utcOffset })
      else { continue }
      let open = days.map(\.0.dayStart).max() ?? 0
      let close = days.map(\.0.dayEnd).min() ?? 0
      let busy = days.flatMap { $0.0.busy + $0.1.busy }.sorted { $0.lowerBound < $1.lowerBound }
      var start = open
      for interval in busy {
        if start + minutes <= interval.lowerBound { break }
        if interval.upperBound > start { start = interval.upperBound }
      }
      if start + minutes <= close { return (date, start) }
    }
    return nil
  }

  /// Trainer minutes saved: each session of n attendees replaces n individual sessions.
  public static func trainerMinutesSaved(_ sessions: [SharedSession]) -> Int {
    sessions.reduce(0) { $0 + ($1.members.count - 1) * $1.minutes }
  }
}

/// Groups a cohort's demands one topic at a time (so a large cohort's demands can be read topic by
/// topic), remembering what each hire's earlier sessions took from their days. Topics must be
/// given in a stable order (sorted by id) for the result to be the same on every run.
public struct SharedSessionGrouper: Sendable {
  /// Per hire and day: the busy times and training minutes of the sessions they already joined.
  private var taken: [String: [CalendarDate: (busy: [Range<Int>], minutes: Int)]] = [:]

  public init() {}

  /// The sessions of one topic's demands.
  public mutating func group(topic demands: [WorkshopDemand]) -> [SharedSession] {
    guard let topicID = demands.first?.topicID else { return [] }
    var sessions: [SharedSession] = []
    let sorted = demands.sorted { ($0.date, $0.hireKey) < ($1.date, $1.hireKey) }
    // Same week: the Monday of the date the hire's own plan chose.
    let byWeek = Dictionary(grouping: sorted) { $0.date.dayNumber - $0.date.weekday.index }
    for week in byWeek.keys.sorted() {
      let inWeek = byWeek[week] ?? []
      // The demands not grouped yet, in order, as a list linked by index: a member leaves it in
      // O(1), and a session stops looking once it is full (no later candidate could join).
      let end = inWeek.count
      var next = Array(1...max(1, end))
      var head = 0
      var pendingCount = end
      let largest = inWeek.map(\.capacity).max() ?? 0
      var number = 0
      while pendingCount >= 2 {
        var members: [WorkshopDemand] = [inWeek[head]]
        head = next[head]
        pendingCount -= 1
        var slot: (CalendarDate, Int)? = nil
        var previous: Int? = nil
        var node = head
        while node < end, members.count < largest {
          let candidate = inWeek[node]
          if members.count < candidate.capacity,
            let common = SharedSessionPlanner.commonSlot(members + [candidate], taken: taken)
          {
            members.append(candidate)
            slot = common
            if let previous { next[previous] = next[node] } else { head = next[node] }
            pendingCount -= 1
          } else {
            previous = node
          }
          node = next[node]
        }
        guard members.count >= 2, let (date, start) = slot else { continue }
        number += 1
        let minutes = members[0].minutes
        for member in members {
          var days = taken[member.hireKey] ?? [:]
          var day = days[date] ?? ([], 0)
          day.busy.append(start..<(start + minutes))
          day.minutes += minutes
          days[date] = day
          taken[member.hireKey] = days
        }
        sessions.append(
          SharedSession(
            id: "\(topicID)@\(date.iso)#\(number)", topicID: topicID, date: date,
            start: LocalTime(minutes: start), minutes: minutes,
            members: members.map(\.hireKey).sorted()))
      }
    }
    return sessions
  }
}
