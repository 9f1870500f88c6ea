/// What the people of a run are already committed to, across every hire planned so far: their busy
/// times (as UTC minutes, so different zones compare), their onboarding minutes per week, whose
/// turn it is for each topic, and who runs each shared workshop.
///
/// Busy times are kept by person and UTC day (of their start), so that checking a time looks at
/// the few days it can overlap, not at every booking of the run: a trainer of a 100,000-hire
/// run has hundreds of thousands of bookings.
public struct StaffLedger: Sendable, Hashable {
  /// A busy interval and what it is (the hire and the item, for a plan's note on a clash; the
  /// plan's own strings, so booking allocates nothing for them).
  struct Booking: Sendable, Hashable {
    var interval: Range<Int>
    var hire: String
    var title: String
  }

  /// Bookings by person key (lower-case email) and UTC day of their start (minutes since the
  /// Unix epoch divided by 1440, rounded down), in booking order within a day.
  private var busyByDay: [String: [Int: [Booking]]] = [:]
  /// The longest busy interval booked (minutes): how many days back an overlap can start.
  private var longest = 0
  /// Onboarding minutes by person key and week (the day number of the week's Monday).
  public private(set) var weekMinutes: [String: [Int: Int]] = [:]
  var turns: [String: Int] = [:]
  var sharedOwners: [String: String] = [:]
  /// People of people.csv who are hires of the run themselves (an internal move, a trainer who
  /// starts now), by key: their requested start. They run no other hire's sessions while they
  /// are onboarding themselves (`isOnboarding`).
  public var newcomers: [String: CalendarDate] = [:]

  public init() {}

  /// Whether the person is a hire of the run who has not finished their own onboarding on
  /// `date`: before their requested start (they may not work here yet) and for 14 weeks after
  /// it (their 90 days, and a start moved past holidays by up to a week).
  public func isOnboarding(_ key: String, on date: CalendarDate) -> Bool {
    guard let start = newcomers[key] else { return false }
    return date < start.adding(days: 98)
  }

  /// Busy intervals by person key, in minutes since the Unix epoch (ordered by day).
  public var busy: [String: [Range<Int>]] {
    busyByDay.mapValues { days in days.keys.sorted().flatMap { (days[$0] ?? []).map(\.interval) } }
  }

  /// The Monday-based week of a date (the day number of its Monday).
  public static func week(of date: CalendarDate) -> Int {
    let n = date.dayNumber
    return n - ((n % 7) + 7 + 3) % 7
  }

  /// The UTC day of a minute since the Unix epoch (rounded down, also before 1970).
  static func day(_ minute: Int) -> Int {
    minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440)
  }

  /// Whether the person is free for the whole interval.
  public func isFree(_ key: String, _ interval: Range<Int>) -> Bool {
    booking(key, overlapping: interval) == nil
  }

  /// The first booking of the person that overlaps the interval, if any.
  func booking(_ key: String, overlapping interval: Range<Int>) -> Booking? {
    guard let days = busyByDay[key], !interval.isEmpty else { return nil }
    // A booking that overlaps starts before the interval ends and at most `longest` minutes
    // before it starts.
    let first = Self.day(interval.lowerBound - longest)
    let last = Self.day(interval.upperBound - 1)
    for day in first...last {
      if let list = days[day], let found = list.first(where: { $0.interval.overlaps(interval) }) {
        return found
      }
    }
    return nil
  }

  /// Minutes the person already gives to onboarding in the week of `date`.
  public func minutes(_ key: String, week: Int) -> Int { weekMinutes[key]?[week] ?? 0 }

  /// Takes back one booking of the person for exactly this interval (an item placed again).
  mutating func unbook(_ key: String, _ interval: Range<Int>, week: Int) {
    let day = Self.day(interval.lowerBound)
    guard let position = busyByDay[key]?[day]?.lastIndex(where: { $0.interval == interval })
    else { return }
    busyByDay[key]?[day]?.remove(at: position)
    weekMinutes[key, default: [:]][week, default: 0] -= interval.count
  }

  /// Records that the person attends the interval (`title` of `hire`'s plan).
  public mutating func book(
    _ key: String, _ interval: Range<Int>, week: Int, hire: String = "", title: String = ""
  ) {
    busyByDay[key, default: [:]][Self.day(interval.lowerBound), default: []].append(
      Booking(interval: interval, hire: hire, title: title))
    longest = max(longest, interval.count)
    weekMinutes[key, default: [:]][week, default: 0] += interval.count
  }
}
