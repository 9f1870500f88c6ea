/// A calendar date (year, month, day) without a time, as written in an iCalendar DATE value.
public struct ICSDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year, 1...9999.
  public var year: Int
  /// The month, 1...12.
  public var month: Int
  /// The day of the month, 1...28/29/30/31.
  public var day: Int

  /// Creates a date from its components; `validate()` checks them when rendering.
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// `YYYYMMDD`, the RFC 5545 DATE form.
  public var description: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(8)
    append(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `description`'s bytes, without a temporary string.
  func append(to bytes: inout [UInt8]) {
    var out = ICSByteWriter(capacity: 16)
    append(to: &out)
    out.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
  }

  /// Appends `description`'s bytes to a writer.
  @inline(__always)
  func append(to out: inout ICSByteWriter) {
    out.appendPadded(year, 4)
    out.appendPadded(month, 2)
    out.appendPadded(day, 2)
  }

  /// Whether the components name a real day of the proleptic Gregorian calendar.
  public var isValid: Bool {
    (1...9999).contains(year) && (1...12).contains(month)
      && (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
  }

  /// The date `count` days later (or earlier, when negative).
  public func adding(days count: Int) -> ICSDate {
    CivilCalendar.date(fromDayNumber: dayNumber + count)
  }

  /// Days since 1970-01-01 (negative before).
  var dayNumber: Int {
    CivilCalendar.dayNumber(year: year, month: month, day: day)
  }

  /// Orders dates chronologically.
  public static func < (lhs: ICSDate, rhs: ICSDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}

/// Appends `pad(value, width)` (width at most 4): the digits written directly for 0...9999.
func appendPadded(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
  var out = ICSByteWriter(capacity: 16)
  out.appendPadded(value, width)
  out.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
}

/// Zero-pads a non-negative integer to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return digits.count >= width
    ? digits : String(repeating: "0", count: width - digits.count) + digits
}
