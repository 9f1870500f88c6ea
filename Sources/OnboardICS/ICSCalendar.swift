/// A VCALENDAR object: the header properties and its events; `render()` writes it as RFC 5545 text.
public struct ICSCalendar: Sendable, Hashable {
  /// The iTIP method (RFC 5546) that says what a calendar sent by email asks for.
  public enum Method: String, Sendable, Hashable, CaseIterable {
    /// Publish events without expecting replies (a `sessions.ics` file).
    case publish = "PUBLISH"
    /// Invite attendees and ask for replies; every event needs an organizer.
    case request = "REQUEST"
    /// Cancel previously sent events; every event needs an organizer.
    case cancel = "CANCEL"

    /// Whether RFC 5546 requires an ORGANIZER in each event for this method.
    var requiresOrganizer: Bool { self != .publish }
  }

  /// How parameter values such as `CN` write the characters they cannot hold (`"` and line breaks).
  public enum ParameterEncoding: Sendable, Hashable, CaseIterable {
    /// `"` becomes `'` and a line break a space: readable in every calendar program (the default).
    case compatible
    /// RFC 6868 caret escapes (`^'`, `^n`, `^^`): exact for readers that decode them.
    case rfc6868
  }

  /// The product identifier (`PRODID`), e.g. `-//Onboard//Onboard 1.0//EN`.
  public var productID: String
  /// The method (`METHOD`), omitted when nil.
  public var method: Method?
  /// The calendar's display name (`X-WR-CALNAME`), omitted when nil.
  public var name: String?
  /// The events, written in the given order.
  public var events: [ICSEvent]
  /// How parameter values are encoded; `.compatible` by default.
  public var parameterEncoding: ParameterEncoding
  /// How far before the first and after the last event VTIMEZONE transitions are listed, in days.
  public var timeZoneMarginDays: Int

  /// The product identifier used when the caller gives none.
  public static let defaultProductID = "-//Onboard//OnboardICS 1.0//EN"

  /// Creates a calendar.
  public init(
    productID: String = ICSCalendar.defaultProductID, method: Method? = nil, name: String? = nil,
    events: [ICSEvent] = [], parameterEncoding: ParameterEncoding = .compatible,
    timeZoneMarginDays: Int = 31
  ) {
    self.productID = productID
    self.method = method
    self.name = name
    self.events = events
    self.parameterEncoding = parameterEncoding
    self.timeZoneMarginDays = timeZoneMarginDays
  }
}
