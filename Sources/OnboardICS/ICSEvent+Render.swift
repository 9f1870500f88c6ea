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

  /// Validates the event and writes its VEVENT, straight into the calendar's bytes; records the
  /// instants of its local times in `zones`.
  ///
  /// Each line is appended to `lines.out` and ended by `finishLine(from:)`, with no closures:
  /// a closure that reads a property captures the whole event, and copying an event (its strings
  /// and arrays retained one by one) cost more than writing most of its lines.
  func write(
    into lines: inout ICSContentLines, context: RenderContext, zones: inout ICSZoneCoverage
  ) throws(ICSError) {
    let uid = uid
    let index = context.index
    func failure(_ reason: ICSError.Reason, _ property: String) -> ICSError {
      ICSError(reason, eventIndex: index, uid: uid, property: property)
    }
    guard ICSText.isUsableUID(uid) else { throw failure(.invalidUID(uid), "UID") }
    guard timestamp.isValid else {
      throw failure(.invalidDateTime(timestamp.description), "DTSTAMP")
    }
    if let method = context.method, method.requiresOrganizer, organizer == nil {
      throw failure(.missingOrganizer(method: method.rawValue), "ORGANIZER")
    }
    guard sequence >= 0 else { throw failure(.negativeSequence(sequence), "SEQUENCE") }

    let startValue = try Self.resolve(
      start, property: "DTSTART", zones: &zones, index: index, uid: uid)
    var endValue: ResolvedTime?
    if let end {
      let resolved = try Self.resolve(
        end, property: "DTEND", zones: &zones, index: index, uid: uid)
      guard start.hasSameValueType(as: end) else { throw failure(.mixedValueTypes, "DTEND") }
      guard resolved.order > startValue.order else { throw failure(.endNotAfterStart, "DTEND") }
      endValue = resolved
    }
    if let builder = startValue.zone { zones.cover(builder, startValue.order) }
    if let endValue, let builder = endValue.zone { zones.cover(builder, endValue.order) }

    let encoding = context.parameterEncoding
    lines.line(literal: "BEGIN:VEVENT")
    lines.text("UID", uid)
    var line = lines.out.count
    lines.out.append(literal: "DTSTAMP:")
    timestamp.append(to: &lines.out)
    lines.out.append(UInt8(ascii: "Z"))
    lines.finishLine(from: line)
    line = lines.out.count
    startValue.append("DTSTART", to: &lines.out)
    lines.finishLine(from: line)
    if let endValue {
      line = lines.out.count
      endValue.append("DTEND", to: &lines.out)
      lines.finishLine(from: line)
    }
    lines.text("SUMMARY", summary)
    if let description { lines.text("DESCRIPTION", description) }
    if let location { lines.text("LOCATION", location) }
    if !categories.isEmpty {
      line = lines.out.count
      lines.out.append(literal: "CATEGORIES:")
      for position in categories.indices {
        if position > 0 { lines.out.append(UInt8(ascii: ",")) }
        ICSText.appendEscapedText(categories[position], to: &lines.out)
      }
      lines.finishLine(from: line)
    }
    if let organizer {
      line = lines.out.count
      lines.out.append(literal: "ORGANIZER")
      Self.appendCommonName(organizer.commonName, encoding, to: &lines.out)
      lines.out.append(UInt8(ascii: ":"))
      let valid = Self.appendMailto(organizer.email, to: &lines.out)
      lines.finishLine(from: line)
      if !valid { throw failure(.invalidEmail(organizer.email), "ORGANIZER") }
    }
    for position in attendees.indices {
      line = lines.out.count
      lines.out.append(literal: "ATTENDEE")
      Self.appendCommonName(attendees[position].commonName, encoding, to: &lines.out)
      switch attendees[position].role {
      case .chair: lines.out.append(literal: ";ROLE=CHAIR")
      case .required: lines.out.append(literal: ";ROLE=REQ-PARTICIPANT")
      case .optional: lines.out.append(literal: ";ROLE=OPT-PARTICIPANT")
      case .nonParticipant: lines.out.append(literal: ";ROLE=NON-PARTICIPANT")
      }
      switch attendees[position].participationStatus {
      case .needsAction: lines.out.append(literal: ";PARTSTAT=NEEDS-ACTION")
      case .accepted: lines.out.append(literal: ";PARTSTAT=ACCEPTED")
      case .declined: lines.out.append(literal: ";PARTSTAT=DECLINED")
      case .tentative: lines.out.append(literal: ";PARTSTAT=TENTATIVE")
      case .delegated: lines.out.append(literal: ";PARTSTAT=DELEGATED")
      }
      lines.out.append(literal: attendees[position].rsvp ? ";RSVP=TRUE:" : ";RSVP=FALSE:")
      let valid = Self.appendMailto(attendees[position].email, to: &lines.out)
      lines.finishLine(from: line)
      if !valid { throw failure(.invalidEmail(attendees[position].email), "ATTENDEE") }
    }
    line = lines.out.count
    lines.out.append(literal: "SEQUENCE:")
    lines.out.appendPadded(sequence, 1)
    lines.finishLine(from: line)
    switch status {
    case .tentative: lines.line(literal: "STATUS:TENTATIVE")
    case .confirmed: lines.line(literal: "STATUS:CONFIRMED")
    case .cancelled: lines.line(literal: "STATUS:CANCELLED")
    case nil: break
    }
    switch transparency {
    case .opaque: lines.line(literal: "TRANSP:OPAQUE")
    case .transparent: lines.line(literal: "TRANSP:TRANSPARENT")
    case nil: break
    }
    if let url {
      guard let value = ICSText.uriValue(url) else { throw failure(.invalidURL(url), "URL") }
      line = lines.out.count
      lines.out.append(literal: "URL:")
      lines.out.append(utf8: value)
      lines.finishLine(from: line)
    }
    lines.line(literal: "END:VEVENT")
  }

  /// A DTSTART/DTEND ready to write, with a number that orders it against the other one.
  private struct ResolvedTime {
    /// The value as written: the date or date-time, with `Z` for UTC.
    var time: ICSEventTime
    /// Seconds since 1970 UTC for date-times, the day number for dates.
    var order: Int
    /// The zone of a local time (its `TZID`).
    var zone: ICSTimeZoneBuilder?

    /// Appends the whole line but its CRLF: `NAME`, `;VALUE=DATE` or `;TZID=zone`, `:` and the
    /// value (`YYYYMMDD`, `YYYYMMDDTHHMMSSZ` or `YYYYMMDDTHHMMSS`).
    func append(_ name: StaticString, to bytes: inout ICSByteWriter) {
      bytes.append(literal: name)
      switch time {
      case .allDay(let date):
        bytes.append(literal: ";VALUE=DATE:")
        date.append(to: &bytes)
      case .utc(let dateTime):
        bytes.append(UInt8(ascii: ":"))
        dateTime.append(to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
      case .local(let dateTime, _):
        bytes.append(literal: ";TZID=")
        if let zone { bytes.append(utf8: zone.identifier) }
        bytes.append(UInt8(ascii: ":"))
        dateTime.append(to: &bytes)
      }
    }
  }

  private static func resolve(
    _ time: ICSEventTime, property: String, zones: inout ICSZoneCoverage, index: Int, uid: String
  ) throws(ICSError) -> ResolvedTime {
    func failure(_ reason: ICSError.Reason) -> ICSError {
      ICSError(reason, eventIndex: index, uid: uid, property: property)
    }
    switch time {
    case .allDay(let date):
      guard date.isValid else { throw failure(.invalidDateTime(date.description)) }
      return ResolvedTime(time: time, order: date.dayNumber)
    case .utc(let dateTime):
      guard dateTime.isValid else { throw failure(.invalidDateTime(dateTime.description)) }
      return ResolvedTime(time: time, order: dateTime.secondsSince1970)
    case .local(let dateTime, let zoneID):
      guard dateTime.isValid else { throw failure(.invalidDateTime(dateTime.description)) }
      guard let builder = zones.builder(for: zoneID) else {
        throw failure(.unknownTimeZone(zoneID))
      }
      return ResolvedTime(time: time, order: builder.instant(of: dateTime), zone: builder)
    }
  }

  /// Appends `mailto:` and the address (an existing `mailto:` prefix is kept, not doubled);
  /// false, with nothing appended, when it is not a usable address. Printable ASCII (what every
  /// roster has) is checked on its bytes, anything else by `mailtoValue`, the definition.
  private static func appendMailto(_ email: String, to out: inout ICSByteWriter) -> Bool {
    let written: Bool? = email.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      // Printable ASCII without space or `"`: what `uriValue` accepts without a closer look.
      for byte in bytes where byte <= 0x20 || byte >= 0x7F || byte == 0x22 { return false }
      var start = 0
      if bytes.count >= 7 {
        // `mailto:` in any case: the letters ORed with 0x20 (which leaves `:` as it is).
        let prefixed =
          bytes[0] | 0x20 == 0x6D && bytes[1] | 0x20 == 0x61 && bytes[2] | 0x20 == 0x69
          && bytes[3] | 0x20 == 0x6C && bytes[4] | 0x20 == 0x74 && bytes[5] | 0x20 == 0x6F
          && bytes[6] == 0x3A
        if prefixed { start = 7 }
      }
      let address = UnsafeBufferPointer(rebasing: bytes[start...])
      guard let first = address.first, let last = address.last, first != 0x40, last != 0x40,
        address.contains(0x40)
      else { return false }
      out.append(literal: "mailto:")
      out.append(address)
      return true
    }
    if written == true { return true }
    guard let value = mailtoValue(email) else { return false }
    out.append(utf8: value)
    return true
  }

  /// `mailto:` + the address (an existing `mailto:` prefix is kept, not doubled), or nil when it is
  /// not a usable address.
  private static func mailtoValue(_ email: String) -> String? {
    let address = email.lowercased().hasPrefix("mailto:") ? String(email.dropFirst(7)) : email
    // On bytes for ASCII (a character there is its byte); Foundation's search otherwise, as before.
    let hasAt =
      address.utf8.allSatisfy { $0 < 0x80 } ? address.utf8.contains(0x40) : address.contains("@")
    guard hasAt, !address.hasPrefix("@"), !address.hasSuffix("@"),
      let value = ICSText.uriValue(address)
    else { return nil }
    return "mailto:" + value
  }

  /// Appends `;CN=` and the encoded name, or nothing when the name is nil or encodes as blank.
  private static func appendCommonName(
    _ name: String?, _ encoding: ICSCalendar.ParameterEncoding, to out: inout ICSByteWriter
  ) {
    guard let name else { return }
    let start = out.count
    out.append(literal: ";CN=")
    let valueStart = out.count
    ICSText.appendParameterValue(name, encoding: encoding, to: &out)
    let written = out.count - valueStart
    if written == 0
      || (written == 2 && out[valueStart] == 0x22 && out[valueStart + 1] == 0x22)
    {
      out.truncate(to: start)
    }
  }
}
