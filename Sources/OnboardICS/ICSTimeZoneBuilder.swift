import Foundation

/// Builds a VTIMEZONE from Foundation's time-zone database, as explicit transitions (no RRULE).
///
/// It lists the observance in effect before the covered range, every offset transition inside it,
/// and the first transition after it, so that a DST zone always shows both STANDARD and DAYLIGHT.
struct ICSTimeZoneBuilder {
  /// One STANDARD or DAYLIGHT sub-component (RFC 5545 3.6.5).
  struct Observance: Hashable {
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
  /// The zone's transitions and offsets, shared by every builder of the zone in the process.
  let table: ZoneTable

  /// A builder for `identifier`, or nil when it is not a plain zone id known to this system.
  ///
  /// Only ASCII letters, digits and `/_+-.` are accepted, so the id never needs quoting or escaping.
  /// The zone and its table are looked up once per process (`cache`), not once per calendar.
  init?(identifier: String) {
    let plain =
      !identifier.isEmpty
      && identifier.utf8.allSatisfy { byte in
        // ASCII scalars are exactly the UTF-8 bytes below 0x80.
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
          || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "_")
          || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
      }
    guard plain, let entry = Self.cache.entry(for: identifier) else { return nil }
    self.identifier = identifier
    self.zone = entry.zone
    self.table = entry.table
  }

  /// The UTC instant (seconds since 1970) of a wall-clock reading in this zone.
  ///
  /// A reading inside a spring-forward gap or a fall-back overlap maps within an hour of the truth,
  /// which is all the coverage computation needs. The offsets come from `table` (Foundation's own
  /// answers, computed once per zone), so this is `instantByFoundation(of:)` without Foundation.
  func instant(of local: ICSDateTime) -> Int {
    let naive = local.secondsSince1970
    let guess = naive - offset(at: naive)
    return naive - offset(at: guess)
  }

  /// The definition of `instant(of:)`: Foundation asked twice.
  func instantByFoundation(of local: ICSDateTime) -> Int {
    let naive = local.secondsSince1970
    let guess = naive - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive)))
    return naive - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
  }

  /// `zone.secondsFromGMT(for:)` at `instant` (seconds since 1970): from the table inside the
  /// range it covers, from Foundation outside it.
  func offset(at instant: Int) -> Int {
    table.offset(at: instant)
      ?? zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
  }

  /// The observances covering the UTC instants `start...end` (seconds since 1970).
  func observances(from start: Int, through end: Int) -> [Observance] {
    let span = table.span(from: start, through: end)
    return observances(span, from: start)
  }

  /// The observances of `span` (`table.span(from: start, through:)`).
  private func observances(_ span: ZoneTable.Span, from start: Int) -> [Observance] {
    let all = table.transitions
    var result: [Observance] = []
    if span.firstAfter > 0 {
      result.append(observance(at: all[span.firstAfter - 1]))
    } else {
      result.append(initialObservance(from: start))
    }
    result += all[span.firstAfter..<span.end].map(observance(at:))
    return result
  }

  /// The observance in effect at `start` when no transition of the table comes at or before it.
  private func initialObservance(from start: Int) -> Observance {
    let startDate = Date(timeIntervalSince1970: TimeInterval(start))
    let offset = zone.secondsFromGMT(for: startDate)
    let startYear = ICSDateTime(secondsSince1970: start + offset).date.year
    return Observance(
      isDaylight: zone.isDaylightSavingTime(for: startDate),
      onset: ICSDateTime(year: min(1970, startYear), month: 1, day: 1, hour: 0, minute: 0),
      offsetFrom: offset, offsetTo: offset)
  }

  /// The definition of `observances(from:through:)`: the transitions searched one by one, every
  /// observance asked of Foundation.
  func observancesByFoundation(from start: Int, through end: Int) -> [Observance] {
    let startDate = Date(timeIntervalSince1970: TimeInterval(start))
    let all = table.transitions
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
      result.append(initialObservance(from: start))
    }
    result += transitions.map(observance(at:))
    return result
  }

  /// Writes the VTIMEZONE covering the UTC instants `start...end`: the bytes of
  /// `write(observances(from: start, through: end), into:)`, made once per zone and span of
  /// transitions in the process and copied from then on (calendars of one run cover the same
  /// few spans).
  func writeBlock(from start: Int, through end: Int, into lines: inout ICSContentLines) {
    let span = table.span(from: start, through: end)
    // Before the table's first transition, the first observance depends on `start` itself.
    let initial = span.firstAfter == 0 ? initialObservance(from: start) : nil
    let key = ZoneCache.BlockKey(
      identifier: identifier, firstAfter: span.firstAfter, end: span.end, initial: initial)
    let bytes = Self.cache.block(for: key) {
      var block = ICSContentLines()
      write(observances(span, from: start), into: &block)
      return block.bytes
    }
    lines.append(bytes: bytes)
  }

  /// The zones of the process, each looked up and walked once: walking transitions with
  /// Foundation costs far more than writing a calendar.
  static let cache = ZoneCache()

  /// A zone's offset transitions from 1970 to 2200 and the UTC offset from each on, as Foundation
  /// gives them; immutable once made.
  final class ZoneTable: Sendable {
    /// The transitions, in order.
    let transitions: [Date]
    /// `transitions` as seconds since 1970.
    let seconds: [Double]
    /// `offsets[i]`: the UTC offset from `transitions[i]` until the next one.
    let offsets: [Int]
    /// The UTC offset from 1970 until the first transition.
    let initialOffset: Int
    /// The table answers for instants in `0..<limit` (seconds since 1970).
    let limit: Double

    init(zone: TimeZone) {
      var result: [Date] = []
      var cursor = Date(timeIntervalSince1970: 0)
      let last = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01
      var complete = false
      for _ in 0..<ICSTimeZoneBuilder.maximumTransitions {
        guard let next = zone.nextDaylightSavingTimeTransition(after: cursor) else {
          complete = true
          break
        }
        guard next > cursor, next < last else {
          complete = next >= last
          break
        }
        result.append(next)
        cursor = next
      }
      transitions = result
      seconds = result.map(\.timeIntervalSince1970)
      offsets = result.map { zone.secondsFromGMT(for: $0) }
      initialOffset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: 0))
      // Without the walk's end in sight, only up to the last transition found is known.
      limit = complete ? last.timeIntervalSince1970 : cursor.timeIntervalSince1970
    }

    /// The UTC offset at `instant` (seconds since 1970), nil outside `0..<limit`.
    func offset(at instant: Int) -> Int? {
      let time = Double(instant)
      guard time >= 0, time < limit else { return nil }
      let index = count(atOrBefore: time)
      return index == 0 ? initialOffset : offsets[index - 1]
    }

    /// How many transitions come at or before `time`.
    private func count(atOrBefore time: Double) -> Int {
      var low = 0
      var high = seconds.count
      while low < high {
        let middle = (low + high) / 2
        if seconds[middle] <= time { low = middle + 1 } else { high = middle }
      }
      return low
    }

    /// The transitions a VTIMEZONE for `start...end` lists: the last at or before `start` (when
    /// `firstAfter > 0`, at `firstAfter - 1`), then `firstAfter..<end`, up to and including the
    /// first after `end`.
    struct Span {
      var firstAfter: Int
      var end: Int
    }

    /// The span of `start...end` (seconds since 1970), as `observancesByFoundation` walks it.
    func span(from start: Int, through end: Int) -> Span {
      let firstAfter = count(atOrBefore: Double(start))
      let firstPastEnd = max(firstAfter, count(atOrBefore: Double(end)))
      return Span(firstAfter: firstAfter, end: min(seconds.count, firstPastEnd + 1))
    }
  }

  /// A process-wide, thread-safe store of zones, their tables and written VTIMEZONE blocks.
  final class ZoneCache: @unchecked Sendable {
    /// A zone known to the system, with its table.
    struct Entry {
      var zone: TimeZone
      var table: ZoneTable
    }

    /// What a VTIMEZONE block is made from.
    struct BlockKey: Hashable {
      var identifier: String
      var firstAfter: Int
      var end: Int
      var initial: Observance?
    }

    /// At most this many blocks are kept; past it, blocks are written each time.
    static let maximumBlocks = 4096

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var blocks: [BlockKey: [UInt8]] = [:]

    /// The zone and table for `identifier`, nil when the system does not know the zone.
    func entry(for identifier: String) -> Entry? {
      lock.lock()
      defer { lock.unlock() }
      if let known = entries[identifier] { return known }
      guard let zone = TimeZone(identifier: identifier) else { return nil }
      let entry = Entry(zone: zone, table: ZoneTable(zone: zone))
      entries[identifier] = entry
      return entry
    }

    /// The block for `key`, made by `make` the first time.
    func block(for key: BlockKey, make: () -> [UInt8]) -> [UInt8] {
      lock.lock()
      if let known = blocks[key] {
        lock.unlock()
        return known
      }
      lock.unlock()
      let made = make()
      lock.lock()
      if blocks.count < Self.maximumBlocks { blocks[key] = made }
      lock.unlock()
      return made
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
