/// Why a calendar cannot be written, and where: which event (by index and UID) and which property.
public struct ICSError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong.
  public enum Reason: Sendable, Hashable {
    /// A date or time component is out of range (month 13, February 30, 25:00).
    case invalidDateTime(String)
    /// The zone id is not known to this system's time-zone database.
    case unknownTimeZone(String)
    /// DTSTART and DTEND mix a DATE with a DATE-TIME.
    case mixedValueTypes
    /// DTEND is not after DTSTART.
    case endNotAfterStart
    /// The UID is empty, blank, or contains a control character or line break.
    case invalidUID(String)
    /// The email address is not usable in a `mailto:` URI (empty, no `@`, spaces or control chars).
    case invalidEmail(String)
    /// The URL is empty or contains spaces or control characters.
    case invalidURL(String)
    /// The method needs an organizer (RFC 5546) but the event has none.
    case missingOrganizer(method: String)
    /// SEQUENCE is negative.
    case negativeSequence(Int)
  }

  /// What is wrong.
  public var reason: Reason
  /// The zero-based index of the event in `ICSCalendar.events`, or nil for a calendar property.
  public var eventIndex: Int?
  /// The event's UID, when known.
  public var uid: String?
  /// The property concerned, e.g. `DTSTART` or `ATTENDEE`.
  public var property: String

  /// Creates an error.
  public init(_ reason: Reason, eventIndex: Int? = nil, uid: String? = nil, property: String) {
    self.reason = reason
    self.eventIndex = eventIndex
    self.uid = uid
    self.property = property
  }

  /// `event 2 (uid x@y) DTSTART: unknown time zone "Mars/Olympus"`.
  public var description: String {
    var place = "calendar"
    if let eventIndex {
      place = "event \(eventIndex)"
      if let uid, !uid.isEmpty { place += " (uid \(uid))" }
    }
    return "\(place) \(property): \(message)"
  }

  private var message: String {
    switch reason {
    case .invalidDateTime(let value): return "invalid date or time \(value)"
    case .unknownTimeZone(let id): return "unknown time zone \"\(id)\""
    case .mixedValueTypes: return "DTSTART and DTEND must both be dates or both date-times"
    case .endNotAfterStart: return "DTEND must be after DTSTART"
    case .invalidUID(let value): return "invalid UID \(value.debugDescription)"
    case .invalidEmail(let value): return "invalid email address \(value.debugDescription)"
    case .invalidURL(let value): return "invalid URL \(value.debugDescription)"
    case .missingOrganizer(let method): return "METHOD:\(method) requires an ORGANIZER"
    case .negativeSequence(let value): return "SEQUENCE must not be negative (\(value))"
    }
  }
}
