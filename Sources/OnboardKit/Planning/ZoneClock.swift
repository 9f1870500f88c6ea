import Foundation

/// Converts wall-clock times between IANA time zones, with minutes since 1970-01-01T00:00Z as the
/// common scale, so that 09:00 in Asia/Kolkata can be read as 22:30 the day before in New York.
public enum ZoneClock {
  /// The zone of an identifier, looked up once a process (Foundation's lookup of an identifier
  /// costs more than the conversion itself, and a run asks for the same few zones over and over).
  private static func zone(_ id: String) -> TimeZone { zones.zone(id) }

  /// `zone(_:)` without the cache.
  static func referenceZone(_ id: String) -> TimeZone {
    TimeZone(identifier: id) ?? TimeZone(secondsFromGMT: 0) ?? .current
  }

  private static let zones = ZoneStore()

  /// The zones looked up so far, by identifier (thread-safe).
  private final class ZoneStore: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: TimeZone] = [:]

    func zone(_ id: String) -> TimeZone {
      lock.lock()
      if let zone = known[id] {
        lock.unlock()
        return zone
      }
      lock.unlock()
      let zone = ZoneClock.referenceZone(id)
      lock.lock()
      // A process sees a handful of zones; past a few thousand identifiers, none is kept.
      if known.count < 4096 { known[id] = zone }
      lock.unlock()
      return zone
    }
  }

  private static func offsetMinutes(_ zone: TimeZone, atUTC minutes: Int) -> Int {
    zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(minutes) * 60)) / 60
  }

  /// The instant (minutes since the Unix epoch, UTC) of a wall-clock time in a zone. A time that a
  /// daylight-saving change skips is read with the offset before the change.
  public static func instant(_ date: CalendarDate, _ time: LocalTime, in id: String) -> Int {
    instant(date, time, in: zone(id))
  }

  static func instant(_ date: CalendarDate, _ time: LocalTime, in zone: TimeZone) -> Int {
    let wall = date.dayNumber * 1440 + time.minutes
    let first = wall - offsetMinutes(zone, atUTC: wall)
    return wall - offsetMinutes(zone, atUTC: first)
  }

  /// The wall-clock date and time of an instant in a zone.
  public static func local(_ instant: Int, in id: String) -> (date: CalendarDate, time: LocalTime) {
    local(instant, in: zone(id))
  }

  static func local(_ instant: Int, in zone: TimeZone) -> (date: CalendarDate, time: LocalTime) {
    let wall = instant + offsetMinutes(zone, atUTC: instant)
    let day = wall >= 0 ? wall / 1440 : (wall - 1439) / 1440
    return (CalendarDate(dayNumber: day), LocalTime(minutes: wall - day * 1440))
  }
}
