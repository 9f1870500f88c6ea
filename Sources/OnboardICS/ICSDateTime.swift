/// A wall-clock date and time (to the second) with no zone attached; the zone is said elsewhere.
public struct ICSDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The calendar date.
  public var date: ICSDate
  /// The hour, 0...23.
  public var hour: Int
  /// The minute, 0...59.
  public var minute: Int
  /// The second, 0...59 (leap seconds are not representable in calendars that import ICS).
  public var second: Int

  /// Creates a date-time from its components; `isValid` checks them.
  public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) {
    self.date = ICSDate(year: year, month: month, day: day)
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// Creates a date-time on `date` at the given time of day.
  public init(date: ICSDate, hour: Int, minute: Int, second: Int = 0) {
    self.date = date
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// `YYYYMMDDTHHMMSS`, the RFC 5545 DATE-TIME form without the UTC `Z`.
  public var description: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(15)
    append(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `description`'s bytes, without a temporary string: in one block when every part
  /// fits its width (a year of 0...9999, the rest 0...99), part by part otherwise.
  func append(to bytes: inout [UInt8]) {
    let year = date.year
    let month = date.month
    let day = date.day
    guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day),
      (0...99).contains(hour), (0...99).contains(minute), (0...99).contains(second)
    else {
      date.append(to: &bytes)
      bytes.append(UInt8(ascii: "T"))
      appendPadded(hour, 2, to: &bytes)
      appendPadded(minute, 2, to: &bytes)
      appendPadded(second, 2, to: &bytes)
      return
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 15) { digits in
      func two(_ value: Int, at index: Int) {
        digits[index] = 0x30 &+ UInt8(truncatingIfNeeded: value / 10)
        digits[index + 1] = 0x30 &+ UInt8(truncatingIfNeeded: value % 10)
      }
      two(year / 100, at: 0)
      two(year % 100, at: 2)
      two(month, at: 4)
      two(day, at: 6)
      digits[8] = UInt8(ascii: "T")
      two(hour, at: 9)
      two(minute, at: 11)
      two(second, at: 13)
      bytes.append(contentsOf: UnsafeBufferPointer(digits))
    }
  }

  /// Whether the date is valid and the time is within 00:00:00...23:59:59.
  public var isValid: Bool {
    date.isValid && (0...23).contains(hour) && (0...59).contains(minute)
      && (0...59).contains(second)
  }

  /// The date-time `seconds` later, as wall-clock arithmetic (no zone involved).
  public func adding(seconds: Int) -> ICSDateTime {
    ICSDateTime(secondsSince1970: secondsSince1970 + seconds)
  }

  /// Seconds since 1970-01-01T00:00:00 of this wall-clock reading, as if it were UTC.
  var secondsSince1970: Int {
    date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
  }

  /// The wall-clock reading `seconds` after 1970-01-01T00:00:00.
  init(secondsSince1970 seconds: Int) {
    let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
    let rest = seconds - days * 86_400
    self.init(
      date: CivilCalendar.date(fromDayNumber: days), hour: rest / 3600,
      minute: (rest % 3600) / 60, second: rest % 60)
  }

  /// Orders wall-clock readings chronologically (as if in the same zone).
  public static func < (lhs: ICSDateTime, rhs: ICSDateTime) -> Bool {
    lhs.secondsSince1970 < rhs.secondsSince1970
  }
}
