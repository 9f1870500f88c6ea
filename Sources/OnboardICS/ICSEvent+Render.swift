extension ICSEvent {
  /// Where an event sits in its calendar, for validation and error messages.
  struct RenderContext {
    /// The zero-based index in `ICSCalendar.events`.
    var index: Int
    /// The calendar's method.
    var method: ICSCalendar.Method?
    /// How parameter values are encoded.
    var parameterEncoding: ICSCalendar.ParameterEncoding
  }

  /// Validates the event and writes its VEVENT; returns each zone used with the instants it needs.
  func write(into lines: inout ICSContentLines, context: RenderContext) throws(ICSError)
    -> [(ICSTimeZoneBuilder, Int)]
  {
    func failure(_ reason: ICSError.Reason, _ property: String) -> ICSError {
      ICSError(reason, eventIndex: context.index, uid: uid, property: property)
    }
    guard ICSText.isUsableUID(uid) else { throw failure(.invalidUID(uid), "UID") }
    guard timestamp.isValid else {
      throw failure(.invalidDateTime(timestamp.description), "DTSTAMP")
    }
    if let method = context.method, method.requiresOrganizer, organizer == nil {
      throw failure(.missingOrganizer(method: method.rawValue), "ORGANIZER")
    }
    guard sequence >= 0 else { throw failure(.negativeSequence(sequence), "SEQUENCE") }

    var zones: [(ICSTimeZoneBuilder, Int)] = []
    let startValue = try Self.resolve(start, property: "DTSTART", failure: failure)
    if let (builder, instant) = startValue.zone { zones.append((builder, instant)) }
    var endValue: ResolvedTime?
    if let end {
      let resolved = try Self.resolve(end, property: "DTEND", failure: failure)
      guard start.hasSameValueType(as: end) else { throw failure(.mixedValueTypes, "DTEND") }
      guard resolved.order > startValue.order else { throw failure(.endNotAfterStart, "DTEND") }
      if let (builder, instant) = resolved.zone { zones.append((builder, instant)) }
      endValue = resolved
    }

    lines.begin("VEVENT")
    lines.append("UID", value: ICSText.escapeText(uid))
    lines.append("DTSTAMP") { bytes in
      timestamp.append(to: &bytes)
      bytes.append(UInt8(ascii: "Z"))
    }
    lines.append("DTSTART", startValue.parameters, writing: startValue.write)
    if let endValue { lines.append("DTEND", endValue.parameters, writing: endValue.write) }
    lines.append("SUMMARY", value: ICSText.escapeText(summary))
    if let description { lines.append("DESCRIPTION", value: ICSText.escapeText(description)) }
    if let location { lines.append("LOCATION", value: ICSText.escapeText(location)) }
    if !categories.isEmpty {
      lines.append(
        "CATEGORIES", value: categories.map(ICSText.escapeText).joined(separator: ","))
    }
    if let organizer {
      let address = try Self.mailto(organizer.email, property: "ORGANIZER", failure: failure)
      lines.append(
        "ORGANIZER", Self.commonName(organizer.commonName, context.parameterEncoding),
        value: address)
    }
    for attendee in attendees {
      let address = try Self.mailto(attendee.email, property: "ATTENDEE", failure: failure)
      let parameters =
        Self.commonName(attendee.commonName, context.parameterEncoding) + [
          ("ROLE", attendee.role.rawValue),
          ("PARTSTAT", attendee.participationStatus.rawValue),
          ("RSVP", attendee.rsvp ? "TRUE" : "FALSE"),
        ]
      lines.append("ATTENDEE", parameters, value: address)
    }
    lines.append("SEQUENCE", value: String(sequence))
    if let status { lines.append("STATUS", value: status.rawValue) }
    if let transparency { lines.append("TRANSP", value: transparency.rawValue) }
    if let url {
      guard let value = ICSText.uriValue(url) else { throw failure(.invalidURL(url), "URL") }
      lines.append("URL", value: value)
    }
    lines.end("VEVENT")
    return zones
  }

  /// A DTSTART/DTEND ready to write, with a number that orders it against the other one.
  private struct ResolvedTime {
    var parameters: [(String, String)]
    /// The value as written: the date or date-time, with `Z` for UTC.
    var time: ICSEventTime
    /// Seconds since 1970 UTC for date-times, the day number for dates.
    var order: Int
    var zone: (ICSTimeZoneBuilder, Int)?

    /// Appends the value (`YYYYMMDD`, `YYYYMMDDTHHMMSSZ` or `YYYYMMDDTHHMMSS`).
    func write(_ bytes: inout [UInt8]) {
      switch time {
      case .allDay(let date): date.append(to: &bytes)
      case .utc(let dateTime):
        dateTime.append(to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
      case .local(let dateTime, _): dateTime.append(to: &bytes)
      }
    }
  }

  private static func resolve(
    _ time: ICSEventTime, property: String,
    failure: (ICSError.Reason, String) -> ICSError
  ) throws(ICSError) -> ResolvedTime {
    switch time {
    case .allDay(let date):
      guard date.isValid else { throw failure(.invalidDateTime(date.description), property) }
      return ResolvedTime(
        parameters: [("VALUE", "DATE")], time: time, order: date.dayNumber)
    case .utc(let dateTime):
      guard dateTime.isValid else {
        throw failure(.invalidDateTime(dateTime.description), property)
      }
      return ResolvedTime(
        parameters: [], time: time, order: dateTime.secondsSince1970)
    case .local(let dateTime, let zoneID):
      guard dateTime.isValid else {
        throw failure(.invalidDateTime(dateTime.description), property)
      }
      guard let builder = ICSTimeZoneBuilder(identifier: zoneID) else {
        throw failure(.unknownTimeZone(zoneID), property)
      }
      let instant = builder.instant(of: dateTime)
      return ResolvedTime(
        parameters: [("TZID", builder.identifier)], time: time, order: instant,
        zone: (builder, instant))
    }
  }

  /// `mailto:` + the address (an existing `mailto:` prefix is kept, not doubled).
  private static func mailto(
    _ email: String, property: String, failure: (ICSError.Reason, String) -> ICSError
  ) throws(ICSError) -> String {
    let address = email.lowercased().hasPrefix("mailto:") ? String(email.dropFirst(7)) : email
    // On bytes for ASCII (a character there is its byte); Foundation's search otherwise, as before.
    let hasAt =
      address.utf8.allSatisfy { $0 < 0x80 } ? address.utf8.contains(0x40) : address.contains("@")
    guard hasAt, !address.hasPrefix("@"), !address.hasSuffix("@"),
      let value = ICSText.uriValue(address)
    else { throw failure(.invalidEmail(email), property) }
    return "mailto:" + value
  }

  /// `[("CN", encoded name)]`, or nothing when the name is nil or blank.
  private static func commonName(
    _ name: String?, _ encoding: ICSCalendar.ParameterEncoding
  ) -> [(String, String)] {
    guard let name else { return [] }
    let encoded = ICSText.parameterValue(name, encoding: encoding)
    return encoded.isEmpty || encoded == "\"\"" ? [] : [("CN", encoded)]
  }
}
