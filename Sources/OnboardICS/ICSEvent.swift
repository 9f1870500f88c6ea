/// One VEVENT: a session with a stable UID, times, texts and people (RFC 5545 3.6.1).
public struct ICSEvent: Sendable, Hashable {
  /// The overall status of an event (`STATUS`).
  public enum Status: String, Sendable, Hashable, CaseIterable {
    /// Not yet confirmed.
    case tentative = "TENTATIVE"
    /// Confirmed.
    case confirmed = "CONFIRMED"
    /// Cancelled (send with a higher `sequence`).
    case cancelled = "CANCELLED"
  }

  /// Whether the event blocks time in free/busy searches (`TRANSP`).
  public enum Transparency: String, Sendable, Hashable, CaseIterable {
    /// Busy (the RFC default).
    case opaque = "OPAQUE"
    /// Free: the time stays available.
    case transparent = "TRANSPARENT"
  }

  /// The globally unique, stable identifier; see `ICSEvent.stableUID(key:domain:)`.
  public var uid: String
  /// When this copy of the event was created, in UTC; given by the caller so output is deterministic.
  public var timestamp: ICSDateTime
  /// The start (`DTSTART`).
  public var start: ICSEventTime
  /// The end (`DTEND`), exclusive; of the same kind as `start` (date vs date-time). Nil omits it.
  public var end: ICSEventTime?
  /// The title (`SUMMARY`).
  public var summary: String
  /// The longer text (`DESCRIPTION`); newlines are kept.
  public var description: String?
  /// Where it happens (`LOCATION`).
  public var location: String?
  /// Free-form categories (`CATEGORIES`), omitted when empty.
  public var categories: [String]
  /// The organizer; required when the calendar's method is REQUEST or CANCEL.
  public var organizer: ICSOrganizer?
  /// The invited participants, in the given order.
  public var attendees: [ICSAttendee]
  /// The revision number (`SEQUENCE`), raised each time an invitation is changed.
  public var sequence: Int
  /// The status (`STATUS`), omitted when nil.
  public var status: Status?
  /// The time transparency (`TRANSP`), omitted when nil.
  public var transparency: Transparency?
  /// A link (`URL`), e.g. a video-call address; must be a URI without spaces or control characters.
  public var url: String?

  /// Creates an event; only the UID, timestamp, start and summary are required.
  public init(
    uid: String, timestamp: ICSDateTime, start: ICSEventTime, end: ICSEventTime? = nil,
    summary: String, description: String? = nil, location: String? = nil,
    categories: [String] = [], organizer: ICSOrganizer? = nil, attendees: [ICSAttendee] = [],
    sequence: Int = 0, status: Status? = nil, transparency: Transparency? = nil,
    url: String? = nil
  ) {
    self.uid = uid
    self.timestamp = timestamp
    self.start = start
    self.end = end
    self.summary = summary
    self.description = description
    self.location = location
    self.categories = categories
    self.organizer = organizer
    self.attendees = attendees
    self.sequence = sequence
    self.status = status
    self.transparency = transparency
    self.url = url
  }
}
