import Foundation

/// Converts wall-clock times between IANA time zones, with minutes since 1970-01-01T00:00Z as the
/// common scale, so that 09:00 in Asia/Kolkata can be read as 22:30 the day before in New York.
public enum ZoneClock {
  private static func zone(_ id: String) -> TimeZone {
    TimeZone(identifier: id) ?? TimeZone(secondsFromGMT: 0) ?? .current
  }

  private static func offsetMinutes(_ zone: TimeZone, atUTC minutes: Int) -> Int {
    zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(minutes) * 60)) / 60
  }

  /// The instant (minutes since the Unix epoch, UTC) of a wall-clock time in a zone. A time that a
  /// daylight-saving change skips is read with the offset before the change.
  public static func instant(_ date: CalendarDate, _ time: LocalTime, in id: String) -> Int {
    let zone = zone(id)
    let wall = date.dayNumber * 1440 + time.minutes
    let first = wall - offsetMinutes(zone, atUTC: wall)
    return wall - offsetMinutes(zone, atUTC: first)
  }

  /// The wall-clock date and time of an instant in a zone.
  public static func local(_ instant: Int, in id: String) -> (date: CalendarDate, time: LocalTime) {
    let wall = instant + offsetMinutes(zone(id), atUTC: instant)
    let day = wall >= 0 ? wall / 1440 : (wall - 1439) / 1440
    return (CalendarDate(dayNumber: day), LocalTime(minutes: wall - day * 1440))
  }
}
