/// When an event starts or ends: a local time in a named zone, a UTC instant, or an all-day date.
public enum ICSEventTime: Sendable, Hashable {
  /// A wall-clock time in an IANA zone (`Europe/Berlin`); written with `TZID` and a VTIMEZONE.
  ///
  /// The wall-clock reading is kept as given, so a daylight-saving change never moves a 09:00 session.
  case local(ICSDateTime, timeZone: String)
  /// A UTC date-time, written with a trailing `Z`.
  case utc(ICSDateTime)
  /// An all-day date, written as `VALUE=DATE`; an all-day DTEND is exclusive (the day after).
  case allDay(ICSDate)

  /// The IANA zone id of a `.local` time, else nil.
  public var timeZoneID: String? {
    if case .local(_, let zone) = self { return zone }
    return nil
  }

  /// Whether the two times have the same value type (DATE vs DATE-TIME), as DTSTART/DTEND must.
  func hasSameValueType(as other: ICSEventTime) -> Bool {
    switch (self, other) {
    case (.allDay, .allDay): return true
    case (.allDay, _), (_, .allDay): return false
    default: return true
    }
  }
}
