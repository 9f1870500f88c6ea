import Foundation

/// The `Date:` header value, e.g. `Mon, 07 Dec 2026 09:00:00 +0100`, computed without locale or clock.
public struct EmailDate: Sendable, Hashable {
  /// The RFC 5322 date-time text written after `Date: `.
  public let headerValue: String

  static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// Formats `date` as seen at a fixed offset from UTC (whole minutes, within ±23:59).
  ///
  /// Fractions of a second are dropped (rounded towards the past). Years outside 1900…9999 throw.
  public init(_ date: Date, utcOffsetSeconds: Int) throws(MIMEError) {
    guard utcOffsetSeconds % 60 == 0, abs(utcOffsetSeconds) < 24 * 3600 else {
      throw .invalidTimeZoneOffset(seconds: utcOffsetSeconds)
    }
    let instant = date.timeIntervalSince1970.rounded(.down)
    guard instant.isFinite, abs(instant) < 1e12 else {
      throw .invalidDate("\(date)", reason: "out of range")
    }
    let local = Int(instant) + utcOffsetSeconds
    let days = Self.floorDiv(local, 86_400)
    let secondOfDay = local - days * 86_400
    let (year, month, day) = Self.civil(fromDays: days)
    guard (1900...9999).contains(year) else {
      throw .invalidDate("\(date)", reason: "year \(year) is outside 1900…9999")
    }
    let weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday (index 4).
    let offsetMinutes = abs(utcOffsetSeconds) / 60
    let sign = utcOffsetSeconds < 0 ? "-" : "+"
    headerValue =
      "\(Self.dayNames[weekday]), \(Self.pad(day)) \(Self.monthNames[month - 1]) \(year) "
      + "\(Self.pad(secondOfDay / 3600)):\(Self.pad(secondOfDay / 60 % 60)):"
      + "\(Self.pad(secondOfDay % 60)) \(sign)\(Self.pad(offsetMinutes / 60))"
      + Self.pad(offsetMinutes % 60)
  }

  /// Formats `date` at the offset `timeZone` has at that instant (seconds of historic offsets dropped).
  public init(_ date: Date, timeZone: TimeZone) throws(MIMEError) {
    let seconds = timeZone.secondsFromGMT(for: date)
    try self.init(date, utcOffsetSeconds: seconds - seconds % 60)
  }

  /// Takes an already formatted RFC 5322 date-time after checking its shape (the weekday is not
  /// cross-checked against the date).
  public init(preformatted text: String) throws(MIMEError) {
    if let problem = Self.shapeProblem(text) { throw .invalidDate(text, reason: problem) }
    headerValue = text
  }

  /// Two-digit zero padding.
  private static func pad(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }

  /// Integer division rounding towards negative infinity.
  private static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
    value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
  }

  /// Proleptic Gregorian year, month, day of a count of days since 1970-01-01 (H. Hinnant).
  static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Why `text` is not `[Ddd, ]D Mon YYYY HH:MM[:SS] ±HHMM`, or nil when it is.
  private static func shapeProblem(_ text: String) -> String? {
    var parts = text.split(separator: " ").map(String.init)
    if let first = parts.first, first.hasSuffix(",") {
      guard dayNames.contains(String(first.dropLast())) else { return "unknown day name" }
      parts.removeFirst()
    }
    guard parts.count == 5 else { return "expected 'D Mon YYYY HH:MM:SS +HHMM'" }
    guard let day = number(parts[0], digits: 1...2), (1...31).contains(day) else {
      return "bad day of month"
    }
    guard monthNames.contains(parts[1]) else { return "unknown month name" }
    guard let year = number(parts[2], digits: 4...4), year >= 1900 else { return "bad year" }
    let time = parts[3].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard time.count == 2 || time.count == 3,
      let hour = number(time[0], digits: 2...2), hour < 24,
      let minute = number(time[1], digits: 2...2), minute < 60,
      time.count == 2 || (number(time[2], digits: 2...2) ?? 99) <= 60
    else { return "bad time of day" }
    let zone = parts[4]
    guard zone.hasPrefix("+") || zone.hasPrefix("-"),
      let hhmm = number(String(zone.dropFirst()), digits: 4...4), hhmm % 100 < 60
    else { return "bad zone, expected +HHMM or -HHMM" }
    return nil
  }

  /// The value of an all-digit string whose length is in `digits`.
  private static func number(_ text: String, digits: ClosedRange<Int>) -> Int? {
    guard digits.contains(text.utf8.count), text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
      return nil
    }
    return Int(text)
  }
}
