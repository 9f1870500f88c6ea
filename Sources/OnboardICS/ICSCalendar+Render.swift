extension ICSCalendar {
  /// Writes the calendar as RFC 5545 text: CRLF line ends, lines folded at 75 octets, a VTIMEZONE
  /// for every zone the events use; the same calendar always gives the same text.
  ///
  /// Throws the first problem found, naming the event and property (unknown zone, invalid date,
  /// DTEND before DTSTART, unusable email or URL, missing organizer for REQUEST/CANCEL).
  public func render() throws(ICSError) -> String {
    String(decoding: try renderBytes(), as: UTF8.self)
  }

  /// The rendered calendar as UTF-8 bytes, ready for a `.ics` file or a `text/calendar` MIME part.
  public func renderBytes() throws(ICSError) -> [UInt8] {
    // About 1 KB an event, so the bytes rarely move.
    var eventLines = ICSContentLines(capacity: events.count * 1_280 + 256)
    var zones = ICSZoneCoverage()
    try writeEvents(into: &eventLines, zones: &zones)
    return assemble(eventLines, zones: zones)
  }

  /// Writes the VEVENTs of `events`, recording the zones they use.
  func writeEvents(into eventLines: inout ICSContentLines, zones: inout ICSZoneCoverage)
    throws(ICSError)
  {
    // By index: the events are written where they are, not copied out of the array first.
    for index in events.indices {
      let context = ICSEvent.RenderContext(
        index: index, method: method, parameterEncoding: parameterEncoding)
      try events[index].write(into: &eventLines, context: context, zones: &zones)
    }
  }

  /// The calendar's header, the VTIMEZONEs of `zones`, the event lines and the end.
  func assemble(_ eventLines: ICSContentLines, zones: ICSZoneCoverage) -> [UInt8] {
    var lines = ICSContentLines(capacity: eventLines.out.count + 2_048)
    lines.line(literal: "BEGIN:VCALENDAR")
    lines.append("PRODID", value: ICSText.escapeText(productID))
    lines.line(literal: "VERSION:2.0")
    lines.line(literal: "CALSCALE:GREGORIAN")
    if let method { lines.append("METHOD", value: method.rawValue) }
    if let name { lines.append("X-WR-CALNAME", value: ICSText.escapeText(name)) }
    let margin = max(0, timeZoneMarginDays) * 86_400
    // By zone id, as the keys of `ranges` sorted.
    for entry in zones.uses.sorted(by: { $0.builder.identifier < $1.builder.identifier }) {
      entry.builder.writeBlock(
        from: entry.start - margin, through: entry.end + margin, into: &lines)
    }
    lines.append(contentsOf: eventLines)
    lines.line(literal: "END:VCALENDAR")
    return lines.bytes
  }
}

/// The zones a calendar's events use: each zone looked up once, and the span of instants it must
/// cover in the VTIMEZONE.
struct ICSZoneCoverage {
  /// Every zone id asked for, with its builder (nil: not a usable zone), in the order first asked
  /// (a calendar has a zone or two, so a list is quicker than a dictionary).
  private var builders: [(identifier: String, builder: ICSTimeZoneBuilder?)] = []
  /// The first and last instant each zone is used at, in the order first used.
  private(set) var uses: [(builder: ICSTimeZoneBuilder, start: Int, end: Int)] = []

  /// The first and last instant each zone is used at, by zone id.
  var ranges: [String: (builder: ICSTimeZoneBuilder, start: Int, end: Int)] {
    Dictionary(uses.map { ($0.builder.identifier, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Forgets the uses, keeps the zones looked up (for the next event of an `ICSBlockWriter`).
  mutating func removeUses() { uses.removeAll(keepingCapacity: true) }

  /// The builder for a zone id, nil when it is not a usable zone.
  mutating func builder(for identifier: String) -> ICSTimeZoneBuilder? {
    // By index: a `for known in builders` loop copied every entry (its id, zone and table
    // retained) before comparing the id.
    for index in builders.indices where builders[index].identifier == identifier {
      return builders[index].builder
    }
    let builder = ICSTimeZoneBuilder(identifier: identifier)
    builders.append((identifier, builder))
    return builder
  }

  /// Records that `builder`'s zone is used at `instant` (seconds since 1970 UTC).
  mutating func cover(_ builder: ICSTimeZoneBuilder, _ instant: Int) {
    for index in uses.indices where uses[index].builder.identifier == builder.identifier {
      uses[index].start = min(uses[index].start, instant)
      uses[index].end = max(uses[index].end, instant)
      return
    }
    uses.append((builder, instant, instant))
  }
}
