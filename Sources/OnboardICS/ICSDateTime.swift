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

  /// Appends `description`'s bytes, without a temporary string.
  func append(to bytes: inout [UInt8]) {
    var out = ICSByteWriter(capacity: 16)
    append(to: &out)
    out.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
  }

  /// Appends `description`'s bytes: two digits at a time when every part fits its width (a
  /// year of 0...9999, the rest 0...99), part by part (`appendPadded`) otherwise.
  @inline(__always)
  func append(to out: inout ICSByteWriter) {
    let year = date.year
    let month = date.month
    let day = date.day
    guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day),
      (0...99).contains(hour), (0...99).contains(minute), (0...99).contains(second)
    else {
      date.append(to: &out)
      out.append(UInt8(ascii: "T"))
      out.appendPadded(hour, 2)
      out.appendPadded(minute, 2)
      out.appendPadded(second, 2)
      return
    }
    out.appendTwoDigits(year / 100)
    out.appendTwoDigits(year % 100)
    out.appendTwoDigits(month)
    out.appendTwoDigits(day)
    out.append(UInt8(ascii: "T"))
    out.appendTwoDigits(hour)
    out.appendTwoDigits(minute)
    out.appendTwoDigits(second)
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
