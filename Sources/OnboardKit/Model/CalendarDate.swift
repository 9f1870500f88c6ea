import Foundation

/// A date on the calendar (no time, no zone), as written in rosters: `2026-12-07`.
///
/// Stored as a day number so that arithmetic and weekdays are exact and independent of the
/// machine's time zone; the hire's zone matters only for times of day (see `LocalTime`).
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
  /// Days since 1970-01-01.
  public let dayNumber: Int

  public init(dayNumber: Int) { self.dayNumber = dayNumber }

  /// Creates a date from its components; nil when the components are not a real date. Years
  /// are limited to ±1,000,000 (beyond, the day number's arithmetic would overflow; a calendar
  /// read from a file can hold any number).
  public init?(year: Int, month: Int, day: Int) {
    guard (-1_000_000...1_000_000).contains(year), (1...12).contains(month), day >= 1,
      day <= CalendarDate.daysIn(month: month, year: year)
    else { return nil }
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    self.dayNumber = era * 146097 + doe - 719468
  }

  /// Parses `YYYY-MM-DD`; nil for anything else.
  public init?(iso text: String) {
    // Ten ASCII bytes of digits and two dashes (nearly every date) are read as they are; anything
    // else takes the definition below.
    var copy = text  // shares the storage; `withUTF8` needs a variable
    let fields = copy.withUTF8 { b -> (Int, Int, Int)? in
      guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
      func number(_ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
          let digit = b[index] &- 0x30
          guard digit < 10 else { return nil }
          value = value * 10 + Int(digit)
        }
        return value
      }
      guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
      return (y, m, d)
    }
    if let (y, m, d) = fields {
      self.init(year: y, month: m, day: d)
      return
    }
    self.init(isoByCharacter: text)
  }

  /// The definition of `init?(iso:)`, by `Character`.
  init?(isoByCharacter text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Year, month and day.
  public var components: (year: Int, month: Int, day: Int) {
    let z = dayNumber + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  public var year: Int { components.year }
  public var month: Int { components.month }
  public var day: Int { components.day }

  /// The day of the week.
  public var weekday: Weekday {
    // 1970-01-01 was a Thursday.
    let index = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
    return Weekday.allCases[index]
  }

  public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

  /// Whole days from `self` to `other`.
  public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

  /// `YYYY-MM-DD`.
  public var iso: String {
    let c = components
    guard (0...9999).contains(c.year) else {
      return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }
    // Ten ASCII digits and dashes written in place (a small string: no allocation).
    return String(unsafeUninitializedCapacity: 10) { out in
      writeDigits(c.year, 4, into: out, at: 0)
      out[4] = UInt8(ascii: "-")
      writeDigits(c.month, 2, into: out, at: 5)
      out[7] = UInt8(ascii: "-")
      writeDigits(c.day, 2, into: out, at: 8)
      return 10
    }
  }

  public var description: String { iso }

  /// "Monday, 7 December 2026".
  public var longText: String {
    let c = components
    guard (0...9999).contains(c.year) else {
      return "\(weekday.name), \(c.day) \(CalendarDate.monthNames[c.month - 1]) \(c.year)"
    }
    // Written into one buffer of the longest text ("Wednesday, 30 September 2026": 28 bytes).
    return String(unsafeUninitializedCapacity: 32) { out in
      var at = Self.write(weekday.name.utf8, into: out, at: 0)
      at = Self.write(", ".utf8, into: out, at: at)
      at += Self.writeNumber(c.day, into: out, at: at)
      at = Self.write(" ".utf8, into: out, at: at)
      at = Self.write(CalendarDate.monthNames[c.month - 1].utf8, into: out, at: at)
      at = Self.write(" ".utf8, into: out, at: at)
      return at + Self.writeNumber(c.year, into: out, at: at)
    }
  }

  /// "Mon 7 Dec".
  public var shortText: String {
    let c = components
    return String(unsafeUninitializedCapacity: 16) { out in
      var at = Self.write(weekday.shortName.utf8, into: out, at: 0)
      at = Self.write(" ".utf8, into: out, at: at)
      at += Self.writeNumber(c.day, into: out, at: at)
      at = Self.write(" ".utf8, into: out, at: at)
      return Self.write(CalendarDate.monthNames[c.month - 1].utf8.prefix(3), into: out, at: at)
    }
  }

  /// Copies `bytes` to `out[at...]`; returns the index after them.
  private static func write(
    _ bytes: some Sequence<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, at: Int
  ) -> Int {
    var at = at
    for byte in bytes {
      out[at] = byte
      at += 1
    }
    return at
  }

  /// Writes `value` (0...9999) in decimal without leading zeros at `out[at...]`; returns the
  /// number of digits.
  private static func writeNumber(
    _ value: Int, into out: UnsafeMutableBufferPointer<UInt8>, at: Int
  ) -> Int {
    let digits = value >= 1000 ? 4 : value >= 100 ? 3 : value >= 10 ? 2 : 1
    writeDigits(value, digits, into: out, at: at)
    return digits
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    lhs.dayNumber < rhs.dayNumber
  }

  public static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CalendarDate(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD, found \(text)"))
    }
    self = date
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }
}

/// Writes the last `width` decimal digits of `value` (0 or more) at `out[at...]`.
@inline(__always)
func writeDigits(_ value: Int, _ width: Int, into out: UnsafeMutableBufferPointer<UInt8>, at: Int) {
  var rest = value
  for index in stride(from: at + width - 1, through: at, by: -1) {
    out[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
    rest /= 10
  }
}

func pad(_ value: Int, _ width: Int) -> String {
  let text = String(value)
  return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

/// A day of the week, Monday first (ISO 8601).
public enum Weekday: String, CaseIterable, Sendable, Codable, Comparable {
  case monday = "Mon"
  case tuesday = "Tue"
  case wednesday = "Wed"
  case thursday = "Thu"
  case friday = "Fri"
  case
    saturday = "Sat"
  case sunday = "Sun"

  /// Parses "Mon", "monday", "MON".
  public init?(text: String) {
    let key = text.trimmingCharacters(in: .whitespaces).lowercased()
    guard key.count >= 3,
      let match = Weekday.allCases.first(where: { $0.name.lowercased().hasPrefix(key) })
    else { return nil }
    self = match
  }

  public var name: String {
    switch self {
    case .monday: "Monday"
    case .tuesday: "Tuesday"
    case .wednesday: "Wednesday"
    case .thursday: "Thursday"
    case .friday: "Friday"
    case .saturday: "Saturday"
    case .sunday: "Sunday"
    }
  }

  public var shortName: String { rawValue }

  var index: Int { Weekday.allCases.firstIndex(of: self) ?? 0 }

  public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
}

/// A wall-clock time of day in minutes after midnight, e.g. 09:30 = 570.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
  public let minutes: Int

  public init(minutes: Int) { self.minutes = minutes }

  public init?(hour: Int, minute: Int) {
    guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
    minutes = hour * 60 + minute
  }

  /// Parses `HH:MM` (24-hour clock).
  public init?(text: String) {
    let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
    guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1])
    else { return nil }
    self.init(hour: h, minute: m)
  }

  public var hour: Int { minutes / 60 }
  public var minute: Int { minutes % 60 }
  public var description: String {
    let (hour, minute) = (hour, minute)
    guard (0..<100).contains(hour), (0..<60).contains(minute) else {
      return "\(pad(hour, 2)):\(pad(minute, 2))"
    }
    return String(unsafeUninitializedCapacity: 5) { out in
      writeDigits(hour, 2, into: out, at: 0)
      out[2] = UInt8(ascii: ":")
      writeDigits(minute, 2, into: out, at: 3)
      return 5
    }
  }

  public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minutes < rhs.minutes }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let time = LocalTime(text: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "expected HH:MM, found \(text)"))
    }
    self = time
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
