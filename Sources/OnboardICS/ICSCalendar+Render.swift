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
    var eventLines = ICSContentLines()
    var zones = ICSZoneCoverage()
    for (index, event) in events.enumerated() {
      let context = ICSEvent.RenderContext(
        index: index, method: method, parameterEncoding: parameterEncoding)
      try event.write(into: &eventLines, context: context, zones: &zones)
    }
    let coverage = zones.ranges

    var lines = ICSContentLines()
    lines.begin("VCALENDAR")
    lines.append("PRODID", value: ICSText.escapeText(productID))
    lines.append("VERSION", value: "2.0")
    lines.append("CALSCALE", value: "GREGORIAN")
    if let method { lines.append("METHOD", value: method.rawValue) }
    if let name { lines.append("X-WR-CALNAME", value: ICSText.escapeText(name)) }
    let margin = max(0, timeZoneMarginDays) * 86_400
    for identifier in coverage.keys.sorted() {
      guard let entry = coverage[identifier] else { continue }
      let observances = entry.builder.observances(
        from: entry.start - margin, through: entry.end + margin)
      entry.builder.write(observances, into: &lines)
    }
    lines.append(contentsOf: eventLines)
    lines.end("VCALENDAR")
    return lines.bytes
  }
}

/// The zones a calendar's events use: each zone looked up once, and the span of instants it must
/// cover in the VTIMEZONE.
struct ICSZoneCoverage {
  /// Every zone id asked for, with its builder (nil: not a usable zone).
  private var builders: [String: ICSTimeZoneBuilder?] = [:]
  /// The first and last instant each zone is used at, in the order first used (a calendar has
  /// a zone or two, so a list is quicker than a dictionary).
  private var used: [(builder: ICSTimeZoneBuilder, start: Int, end: Int)] = []

  /// The first and last instant each zone is used at, by zone id.
  var ranges: [String: (builder: ICSTimeZoneBuilder, start: Int, end: Int)] {
    Dictionary(used.map { ($0.builder.identifier, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The builder for a zone id, nil when it is not a usable zone.
  mutating func builder(for identifier: String) -> ICSTimeZoneBuilder? {
    if let known = builders[identifier] { return known }
    let builder = ICSTimeZoneBuilder(identifier: identifier)
    builders[identifier] = .some(builder)
    return builder
  }

  /// Records that `builder`'s zone is used at `instant` (seconds since 1970 UTC).
  mutating func cover(_ builder: ICSTimeZoneBuilder, _ instant: Int) {
    for index in used.indices where used[index].builder.identifier == builder.identifier {
      used[index].start = min(used[index].start, instant)
      used[index].end = max(used[index].end, instant)
      return
    }
    used.append((builder, instant, instant))
  }
}
