/// One VEVENT: a session with a stable UID, times, texts and people (RFC 5545 3.6.1).
///
/// A value with copy-on-write storage: copies share one object (a plan's events are handed to
/// its calendar, its invitations and its people's calendars), a change copies the fields first
/// when they are shared (`@unchecked Sendable`: shared fields are never changed).
public struct ICSEvent: @unchecked Sendable, Hashable {
  /// The stored fields.
  struct Fields: Sendable, Hashable {
    var uid: String
    var timestamp: ICSDateTime
    var start: ICSEventTime
    var end: ICSEventTime?
    var summary: String
    var description: String?
    var location: String?
    var categories: [String]
    var organizer: ICSOrganizer?
    var attendees: [ICSAttendee]
    var sequence: Int
    var status: Status?
    var transparency: Transparency?
    var url: String?
  }

  /// The shared fields; never changed while another value holds them. Read and written through
  /// the header's pointer: a class's stored `var` (`ManagedBuffer.header` is one) is checked for
  /// exclusive access at run time on every read of every field. (OnboardKit's own values share
  /// one generic `CopyOnWriteStorage`; this module does not depend on it.)
  private final class Storage: ManagedBuffer<Fields, Never> {
    static func make(_ fields: Fields) -> Storage {
      unsafeDowncast(create(minimumCapacity: 0) { _ in fields }, to: Storage.self)
    }

    /// The header in place (its address is fixed while the object lives, and the object lives
    /// while a value holds it).
    var fields: Fields {
      @inline(__always) _read {
        let pointer = withUnsafeMutablePointerToHeader { $0 }
        yield pointer.pointee
      }
      @inline(__always) _modify {
        let pointer = withUnsafeMutablePointerToHeader { $0 }
        yield &pointer.pointee
      }
    }
  }

  private var storage: Storage

  /// Creates an event; only the UID, timestamp, start and summary are required.
  public init(
    uid: String,
    timestamp: ICSDateTime,
    start: ICSEventTime,
    end: ICSEventTime? = nil,
    summary: String,
    description: String? = nil,
    location: String? = nil,
    categories: [String] = [],
    organizer: ICSOrganizer? = nil,
    attendees: [ICSAttendee] = [],
    sequence: Int = 0,
    status: Status? = nil,
    transparency: Transparency? = nil,
    url: String? = nil
  ) {
    storage = .make(
      Fields(
        uid: uid,
        timestamp: timestamp,
        start: start,
        end: end,
        summary: summary,
        description: description,
        location: location,
        categories: categories,
        organizer: organizer,
        attendees: attendees,
        sequence: sequence,
        status: status,
        transparency: transparency,
        url: url))
  }

  /// The fields, copied first if another value shares them.
  private var uniqueFields: Fields {
    _read { yield storage.fields }
    _modify {
      if !isKnownUniquelyReferenced(&storage) { storage = .make(storage.fields) }
      yield &storage.fields
    }
  }

  /// The globally unique, stable identifier; see `ICSEvent.stableUID(key:domain:)`.
  public var uid: String {
    get { storage.fields.uid }
    _modify { yield &uniqueFields.uid }
  }
  /// When this copy of the event was created, in UTC; given by the caller so output is deterministic.
  public var timestamp: ICSDateTime {
    get { storage.fields.timestamp }
    _modify { yield &uniqueFields.timestamp }
  }
  /// The start (`DTSTART`).
  public var start: ICSEventTime {
    get { storage.fields.start }
    _modify { yield &uniqueFields.start }
  }
  /// The end (`DTEND`), exclusive; of the same kind as `start` (date vs date-time). Nil omits it.
  public var end: ICSEventTime? {
    get { storage.fields.end }
    _modify { yield &uniqueFields.end }
  }
  /// The title (`SUMMARY`).
  public var summary: String {
    get { storage.fields.summary }
    _modify { yield &uniqueFields.summary }
  }
  /// The longer text (`DESCRIPTION`); newlines are kept.
  public var description: String? {
    get { storage.fields.description }
    _modify { yield &uniqueFields.description }
  }
  /// Where it happens (`LOCATION`).
  public var location: String? {
    get { storage.fields.location }
    _modify { yield &uniqueFields.location }
  }
  /// Free-form categories (`CATEGORIES`), omitted when empty.
  public var categories: [String] {
    get { storage.fields.categories }
    _modify { yield &uniqueFields.categories }
  }
  /// The organizer; required when the calendar's method is REQUEST or CANCEL.
  public var organizer: ICSOrganizer? {
    get { storage.fields.organizer }
    _modify { yield &uniqueFields.organizer }
  }
  /// The invited participants, in the given order.
  public var attendees: [ICSAttendee] {
    get { storage.fields.attendees }
    _modify { yield &uniqueFields.attendees }
  }
  /// The revision number (`SEQUENCE`), raised each time an invitation is changed.
  public var sequence: Int {
    get { storage.fields.sequence }
    _modify { yield &uniqueFields.sequence }
  }
  /// The status (`STATUS`), omitted when nil.
  public var status: Status? {
    get { storage.fields.status }
    _modify { yield &uniqueFields.status }
  }
  /// The time transparency (`TRANSP`), omitted when nil.
  public var transparency: Transparency? {
    get { storage.fields.transparency }
    _modify { yield &uniqueFields.transparency }
  }
  /// A link (`URL`), e.g. a video-call address; must be a URI without spaces or control characters.
  public var url: String? {
    get { storage.fields.url }
    _modify { yield &uniqueFields.url }
  }

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

  public static func == (lhs: ICSEvent, rhs: ICSEvent) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
  }

  public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

}
