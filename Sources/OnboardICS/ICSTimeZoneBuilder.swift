import Foundation

/// Builds a VTIMEZONE from Foundation's time-zone database, as explicit transitions (no RRULE).
///
/// It lists the observance in effect before the covered range, every offset transition inside it,
/// and the first transition after it, so that a DST zone always shows both STANDARD and DAYLIGHT.
struct ICSTimeZoneBuilder {
  /// One STANDARD or DAYLIGHT sub-component (RFC 5545 3.6.5).
  struct Observance: Equatable {
    /// Whether this is a DAYLIGHT (true) or STANDARD (false) observance.
    var isDaylight: Bool
    /// The onset, as local time in the offset in effect before it (`TZOFFSETFROM`).
    var onset: ICSDateTime
    /// The UTC offset before the onset, in seconds.
    var offsetFrom: Int
    /// The UTC offset from the onset on, in seconds.
    var offsetTo: Int
  }

  /// Safety limit on the number of transitions walked for one zone.
  static let maximumTransitions = 100_000

  /// The zone id as written in TZID.
  let identifier: String
  /// The Foundation zone.
  let zone: TimeZone

  /// A builder for `identifier`, or nil when it is not a plain zone id known to this system.
  ///
  /// Only ASCII letters, digits and `/_+-.` are accepted, so the id never needs quoting or escaping.
  init?(identifier: String) {
    let plain =
      !identifier.isEmpty
      && identifier.utf8.allSatisfy { byte in
        // ASCII scalars are exactly the UTF-8 bytes below 0x80.
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
          || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "_")
          || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
      }
    guard plain, let zone = TimeZone(identifier: identifier) else { return nil }
    self.identifier = identifier
    self.zone = zone
  }

  /// The UTC instant (seconds since 1970) of a wall-clock reading in this zone.
  ///
  /// A reading inside a spring-forward gap or a fall-back overlap maps within an hour of the truth,
  /// which is all the coverage computation needs.
  func instant(of local: ICSDateTime) -> Int {
    let naive = local.secondsSince1970
    let guess = naive - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive)))
    return naive - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
  }

  /// The observances covering the UTC instants `start...end` (seconds since 1970).
  func observances(from start: Int, through end: Int) -> [Observance] {
    let startDate = Date(timeIntervalSince1970: TimeInterval(start))
    let all = Self.cache.transitions(of: zone, id: identifier)
    // The last transition at or before the start, then every one up to the first after the end.
    let firstAfter = all.firstIndex { $0 > startDate } ?? all.endIndex
    let lastBefore = firstAfter > all.startIndex ? all[firstAfter - 1] : nil
    var transitions: [Date] = []
    for next in all[firstAfter...] {
      transitions.append(next)
      if next.timeIntervalSince1970 > TimeInterval(end) { break }
    }
    var result: [Observance] = []
    if let lastBefore {
      result.append(observance(at: lastBefore))
    } else {
      let offset = zone.secondsFromGMT(for: startDate)
      let startYear = ICSDateTime(secondsSince1970: start + offset).date.year
      result.append(
        Observance(
          isDaylight: zone.isDaylightSavingTime(for: startDate),
          onset: ICSDateTime(year: min(1970, startYear), month: 1, day: 1, hour: 0, minute: 0),
          offsetFrom: offset, offsetTo: offset))
    }
    result += transitions.map(observance(at:))
    return result
  }

  /// Every offset transition of each zone from 1970 to 2200, computed once per process: walking
  /// them with Foundation costs far more than writing a calendar.
  static let cache = TransitionCache()

  /// A process-wide, thread-safe store of zone transitions.
  final class TransitionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var store: [String: [Date]] = [:]

    func transitions(of zone: TimeZone, id: String) -> [Date] {
      lock.lock()
      defer { lock.unlock() }
      if let known = store[id] { return known }
      var result: [Date] = []
      var cursor = Date(timeIntervalSince1970: 0)
      let last = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01
      for _ in 0..<ICSTimeZoneBuilder.maximumTransitions {
        guard let next = zone.nextDaylightSavingTimeTransition(after: cursor), next > cursor,
          next < last
        else { break }
        result.append(next)
        cursor = next
      }
      store[id] = result
      return result
    }
  }

  /// The observance that begins at the transition instant `moment`.
  private func observance(at moment: Date) -> Observance {
    let before = zone.secondsFromGMT(for: moment.addingTimeInterval(-1))
    let after = zone.secondsFromGMT(for: moment)
    let seconds = Int(moment.timeIntervalSince1970.rounded(.down))
    return Observance(
      isDaylight: zone.isDaylightSavingTime(for: moment),
      onset: ICSDateTime(secondsSince1970: seconds + before), offsetFrom: before, offsetTo: after)
  }

  /// Writes `BEGIN:VTIMEZONE ... END:VTIMEZONE` for the given observances.
  func write(_ observances: [Observance], into lines: inout ICSContentLines) {
    lines.begin("VTIMEZONE")
    lines.append("TZID", value: identifier)
    for observance in observances {
      let kind = observance.isDaylight ? "DAYLIGHT" : "STANDARD"
      lines.begin(kind)
      lines.append("DTSTART", writing: observance.onset.append(to:))
      lines.append("TZOFFSETFROM", value: Self.utcOffset(observance.offsetFrom))
      lines.append("TZOFFSETTO", value: Self.utcOffset(observance.offsetTo))
      lines.end(kind)
    }
    lines.end("VTIMEZONE")
  }

  /// `+HHMM`, or `+HHMMSS` when the offset has seconds (RFC 5545 3.3.14); zero is `+0000`.
  static func utcOffset(_ seconds: Int) -> String {
    let sign = seconds < 0 ? "-" : "+"
    let magnitude = abs(seconds)
    var text = sign + pad(magnitude / 3600, 2) + pad((magnitude % 3600) / 60, 2)
    if magnitude % 60 != 0 { text += pad(magnitude % 60, 2) }
    return text
  }
}
