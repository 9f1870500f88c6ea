import Foundation
import OnboardICS

/// One person's event of one hire's plan, shown in the person's own zone.
public struct PersonEvent: Sendable {
  public var personKey: String
  public var personName: String
  public var event: ICSEvent
}

/// `calendars/<person>.ics`: for every manager, buddy, trainer, mentor, HR and IT person of a
/// run, every item they attend across its hires, in their own time zone (from people.csv; the
/// hire's zone when they are not in it), with the same UIDs as the hire's events.
public enum PersonCalendars {
  /// The events of one plan, per attending person.
  ///
  /// `itemEvents` may give `CalendarFile.event(for:plan:settings:stamp:)` of some of the plan's
  /// items, by position (`CalendarFile.sessionsAndEvents` made them), so they are not made twice.
  public static func events(
    of plan: OnboardingPlan, people: [TeamMember], settings: PlanSettings, stamp: CalendarDate,
    itemEvents: [ICSEvent?] = []
  ) -> [PersonEvent] {
    let byKey = Dictionary(people.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    let known = itemEvents.count == plan.items.count ? itemEvents : []
    var result: [PersonEvent] = []
    // The hire's key and name once per plan, each owner's email lowercased once per item.
    let hireKey = plan.hire.key
    let hireName = plan.hire.fullName
    for index in plan.items.indices {
      let item = plan.items[index]
      guard let email = item.ownerEmail else { continue }
      let key = email.lowercased()
      guard key != hireKey else { continue }
      let zone = byKey[key]?.timeZone ?? plan.calendar.timeZone
      var event =
        (known.isEmpty ? nil : known[index])
        ?? CalendarFile.event(for: item, plan: plan, settings: settings, stamp: stamp)
      let begin = ZoneClock.instant(item.date, item.start, in: plan.calendar.timeZone)
      event.start = time(begin, zone)
      event.end = time(begin + item.durationMinutes, zone)
      event.summary = "\(item.title) (\(hireName))"
      result.append(
        PersonEvent(personKey: key, personName: item.ownerName ?? email, event: event))
    }
    return result
  }

  static func time(_ instant: Int, _ zone: String) -> ICSEventTime {
    let local = ZoneClock.local(instant, in: zone)
    let c = local.date.components
    return .local(
      ICSDateTime(
        year: c.year, month: c.month, day: c.day, hour: local.time.hour,
        minute: local.time.minute), timeZone: zone)
  }

  /// The calendar files, one per person, named by the person's email (path-safe), events in
  /// date order; the same events give the same bytes.
  public static func files(_ events: [PersonEvent]) throws(InputError) -> [OutputFile] {
    var order: [String] = []
    var byPerson: [String: [PersonEvent]] = [:]
    for event in events {
      if byPerson[event.personKey] == nil { order.append(event.personKey) }
      byPerson[event.personKey, default: []].append(event)
    }
    var files: [OutputFile] = []
    for key in order.sorted() {
      let list = byPerson[key] ?? []
      // Each event's key computed once, not at every comparison (the same stable order).
      let sorted = list.map { (key: $0.event.start.sortKey, event: $0.event) }
        .sorted { ($0.key, $0.event.uid) < ($1.key, $1.event.uid) }.map(\.event)
      let calendar = ICSCalendar(
        method: .publish, name: "Onboarding: \(list.first?.personName ?? key)", events: sorted)
      do {
        files.append(
          OutputFile(
            path: "calendars/\(fileSafeName(key)).ics", data: Data(try calendar.renderBytes())))
      } catch {
        throw InputError(SourceLocation(file: "calendars/\(key).ics"), "cannot write: \(error)")
      }
    }
    return files
  }
}

extension ICSEventTime {
  /// A comparable key (UTC minutes) for ordering events of different zones.
  var sortKey: Int {
    switch self {
    case .local(let t, let zone):
      guard let date = CalendarDate(year: t.date.year, month: t.date.month, day: t.date.day)
      else { return 0 }
      return ZoneClock.instant(date, LocalTime(minutes: t.hour * 60 + t.minute), in: zone)
    case .utc(let t):
      return
        (CalendarDate(year: t.date.year, month: t.date.month, day: t.date.day)?.dayNumber
        ?? 0) * 1440
        + t.hour * 60 + t.minute
    case .allDay(let d):
      return (CalendarDate(year: d.year, month: d.month, day: d.day)?.dayNumber ?? 0) * 1440
    }
  }
}

/// A binary form of person events, for spooling a run's events to disk between planning and the
/// calendars written at its end (read back by the same build, never a file format). Exact:
/// `PersonEvent.read(from: bytes, at: &offset) == event` after `event.write(to: &bytes)`.
extension PersonEvent: Hashable {
  /// Appends the event's record to `bytes`.
  public func write(to bytes: inout [UInt8]) {
    var out = SpoolBytes(bytes: [])
    swap(&out.bytes, &bytes)
    out.string(personKey)
    out.string(personName)
    out.string(event.uid)
    out.dateTime(event.timestamp)
    out.time(event.start)
    out.optional(event.end) { $0.time($1) }
    out.string(event.summary)
    out.optional(event.description) { $0.string($1) }
    out.optional(event.location) { $0.string($1) }
    out.int(event.categories.count)
    for category in event.categories { out.string(category) }
    out.optional(event.organizer) { out, organizer in
      out.string(organizer.email)
      out.optional(organizer.commonName) { $0.string($1) }
    }
    out.int(event.attendees.count)
    for attendee in event.attendees {
      out.string(attendee.email)
      out.optional(attendee.commonName) { $0.string($1) }
      out.string(attendee.role.rawValue)
      out.string(attendee.participationStatus.rawValue)
      out.int(attendee.rsvp ? 1 : 0)
    }
    out.int(event.sequence)
    out.optional(event.status) { $0.string($1.rawValue) }
    out.optional(event.transparency) { $0.string($1.rawValue) }
    out.optional(event.url) { $0.string($1) }
    bytes = out.bytes
  }

  /// The event whose record starts at `offset` (moved past it); nil when the bytes are not one.
  public static func read(from bytes: [UInt8], at offset: inout Int) -> PersonEvent? {
    bytes.withUnsafeBufferPointer { read(from: $0, at: &offset) }
  }

  /// `read(from:at:)` on the bytes' buffer (the reads index it without bounds checks of their own).
  static func read(from bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> PersonEvent? {
    var input = SpoolBytes.Reader(bytes: bytes, offset: offset)
    guard let personKey = input.string(), let personName = input.string(),
      let uid = input.string(), let timestamp = input.dateTime(), let start = input.time(),
      let end = input.optional({ $0.time() }), let summary = input.string(),
      let description = input.optional({ $0.string() }),
      let location = input.optional({ $0.string() }), let categoryCount = input.int()
    else { return nil }
    // Room for the counts read (each element takes a byte at least, so a malformed count cannot
    // reserve more than the bytes left).
    var categories: [String] = []
    categories.reserveCapacity(min(max(0, categoryCount), bytes.count - input.offset))
    for _ in 0..<max(0, categoryCount) {
      guard let category = input.string() else { return nil }
      categories.append(category)
    }
    guard
      let organizer = input.optional({ input -> ICSOrganizer? in
        guard let email = input.string(), let name = input.optional({ $0.string() }) else {
          return nil
        }
        return ICSOrganizer(email: email, commonName: name)
      }), let attendeeCount = input.int()
    else { return nil }
    var attendees: [ICSAttendee] = []
    attendees.reserveCapacity(min(max(0, attendeeCount), bytes.count - input.offset))
    for _ in 0..<max(0, attendeeCount) {
      guard let email = input.string(), let name = input.optional({ $0.string() }),
        let role = input.string().flatMap(ICSAttendee.Role.init(rawValue:)),
        let status = input.string().flatMap(ICSAttendee.ParticipationStatus.init(rawValue:)),
        let rsvp = input.int()
      else { return nil }
      attendees.append(
        ICSAttendee(
          email: email, commonName: name, role: role, participationStatus: status, rsvp: rsvp != 0))
    }
    guard let sequence = input.int(),
      let status = input.optional({ $0.string().flatMap(ICSEvent.Status.init(rawValue:)) }),
      let transparency = input.optional({
        $0.string().flatMap(ICSEvent.Transparency.init(rawValue:))
      }),
      let url = input.optional({ $0.string() })
    else { return nil }
    offset = input.offset
    return PersonEvent(
      personKey: personKey, personName: personName,
      event: ICSEvent(
        uid: uid, timestamp: timestamp, start: start, end: end, summary: summary,
        description: description, location: location, categories: categories,
        organizer: organizer, attendees: attendees, sequence: sequence, status: status,
        transparency: transparency, url: url))
  }
}

/// Variable-length integers and length-prefixed UTF-8 strings: the pieces of `PersonEvent`'s
/// spool record.
struct SpoolBytes {
  var bytes: [UInt8]

  /// A zig-zag LEB128 integer.
  mutating func int(_ value: Int) {
    var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  mutating func string(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      int(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  /// A flag (0: nil), then the value.
  mutating func optional<T>(_ value: T?, _ write: (inout SpoolBytes, T) -> Void) {
    guard let value else { return int(0) }
    int(1)
    write(&self, value)
  }

  mutating func dateTime(_ t: ICSDateTime) {
    for part in [t.date.year, t.date.month, t.date.day, t.hour, t.minute, t.second] { int(part) }
  }

  mutating func time(_ time: ICSEventTime) {
    switch time {
    case .local(let t, let zone):
      int(0)
      dateTime(t)
      string(zone)
    case .utc(let t):
      int(1)
      dateTime(t)
    case .allDay(let d):
      int(2)
      for part in [d.year, d.month, d.day] { int(part) }
    }
  }

  /// Reads what `SpoolBytes` wrote; every read is nil past the end or on a malformed value.
  struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int

    mutating func int() -> Int? {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while offset < bytes.count, shift < 64 {
        let byte = bytes[offset]
        offset += 1
        value |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 {
          return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
        }
        shift += 7
      }
      return nil
    }

    mutating func string() -> String? {
      guard let count = int(), count >= 0, count <= bytes.count - offset else { return nil }
      defer { offset += count }
      return String(
        decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }

    /// `.some(nil)` for a nil value, nil when malformed.
    mutating func optional<T>(_ read: (inout Reader) -> T?) -> T?? {
      switch int() {
      case 0: return .some(nil)
      case 1: return read(&self).map { .some($0) }
      default: return nil
      }
    }

    mutating func dateTime() -> ICSDateTime? {
      guard let year = int(), let month = int(), let day = int(), let hour = int(),
        let minute = int(), let second = int()
      else { return nil }
      return ICSDateTime(
        year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    mutating func time() -> ICSEventTime? {
      switch int() {
      case 0:
        guard let t = dateTime(), let zone = string() else { return nil }
        return .local(t, timeZone: zone)
      case 1: return dateTime().map { .utc($0) }
      case 2:
        guard let year = int(), let month = int(), let day = int() else { return nil }
        return .allDay(ICSDate(year: year, month: month, day: day))
      default: return nil
      }
    }
  }
}
