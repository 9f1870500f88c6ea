/// What the people of a run are already committed to, across every hire planned so far: their busy
/// times (as UTC minutes, so different zones compare), their onboarding minutes per week, whose
/// turn it is for each topic, and who runs each shared workshop.
public struct StaffLedger: Sendable, Hashable {
  /// Busy intervals by person key (lower-case email), in minutes since the Unix epoch.
  public private(set) var busy: [String: [Range<Int>]] = [:]
  /// Onboarding minutes by person key and week (the day number of the week's Monday).
  public private(set) var weekMinutes: [String: [Int: Int]] = [:]
  var turns: [String: Int] = [:]
  var sharedOwners: [String: String] = [:]

  public init() {}

  /// The Monday-based week of a date (the day number of its Monday).
  public static func week(of date: CalendarDate) -> Int {
    let n = date.dayNumber
    return n - ((n % 7) + 7 + 3) % 7
  }

  /// Whether the person is free for the whole interval.
  public func isFree(_ key: String, _ interval: Range<Int>) -> Bool {
    !(busy[key] ?? []).contains { $0.overlaps(interval) }
  }

  /// Minutes the person already gives to onboarding in the week of `date`.
  public func minutes(_ key: String, week: Int) -> Int { weekMinutes[key]?[week] ?? 0 }

  /// Records that the person attends the interval.
  public mutating func book(_ key: String, _ interval: Range<Int>, week: Int) {
    busy[key, default: []].append(interval)
    weekMinutes[key, default: [:]][week, default: 0] += interval.count
  }
}
