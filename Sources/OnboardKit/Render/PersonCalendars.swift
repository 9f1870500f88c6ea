import Foundation
import OnboardICS

/// One person's event of one hire's plan, shown in the person's own zone, kept as the person's
/// calendar writes it: its VEVENT is written when the event is made (while the hire is rendered),
/// and a run's calendars at its end put the blocks together instead of writing every event again.
public struct PersonEvent: Sendable, Hashable {
  public var personKey: String
  public var personName: String
  /// The event's UID.
  public var uid: String
  /// The start in UTC minutes (`ICSEventTime.sortKey`): a calendar's events are in this order,
  /// then by UID.
  public var sortKey: Int
  /// The VEVENT, or the event when it cannot be written (the calendar then reports its error).
  var written: Written

  /// What a person event's calendar gets.
  enum Written: Sendable, Hashable {
    /// The VEVENT as a PUBLISH calendar writes it.
    case block(ICSEventBlock)
    /// An event a calendar cannot write; the calendar's error names it.
    case invalid(ICSEvent)
  }

  /// The event of `event`, written as a person's calendar (PUBLISH) writes it.
  public init(personKey: String, personName: String, event: ICSEvent) {
    var writer = ICSBlockWriter()
    self.init(personKey: personKey, personName: personName, event: event, writer: &writer)
  }

  /// `init(personKey:personName:event:)`, its zones looked up by `writer` (once for many events).
  init(personKey: String, personName: String, event: ICSEvent, writer: inout ICSBlockWriter) {
    self.personKey = personKey
    self.personName = personName
    uid = event.uid
    sortKey = event.start.sortKey
    do {
      written = .block(try writer.block(event, method: .publish))
    } catch {
      written = .invalid(event)
    }
  }

  /// A person event from its parts (a spooled one read back).
  init(personKey: String, personName: String, uid: String, sortKey: Int, written: Written) {
    self.personKey = personKey
    self.personName = personName
    self.uid = uid
    self.sortKey = sortKey
    self.written = written
  }
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
    var writer = ICSBlockWriter()
    // Items a re-plan removed stay in their owner's calendar as cancelled (same UID, the next
    // SEQUENCE), as in the hire's sessions.ics: a calendar that had them drops them. So do the
    // items handed to another person, in the calendar of the one who had them.
    let removed =
      plan.cancelled.isEmpty && plan.handedOver.isEmpty
      ? [] : cancelledWithOwners(plan, people: people)
    let count = plan.items.count
    for index in 0..<(count + removed.count) {
      let item = index < count ? plan.items[index] : removed[index - count]
      guard let email = item.ownerEmail else { continue }
      let key = email.lowercased()
      guard key != hireKey else { continue }
      let zone = byKey[key]?.timeZone ?? plan.calendar.timeZone
      var event =
        (known.isEmpty || index >= count ? nil : known[index])
        ?? CalendarFile.event(for: item, plan: plan, settings: settings, stamp: stamp)
      if index >= count { event.status = .cancelled }
      let begin = ZoneClock.instant(item.date, item.start, in: plan.calendar.timeZone)
      event.start = time(begin, zone)
      event.end = time(begin + item.durationMinutes, zone)
      event.summary = "\(item.title) (\(hireName))"
      result.append(
        PersonEvent(
          personKey: key, personName: item.ownerName ?? email, event: event, writer: &writer))
    }
    return result
  }

  /// The removed and handed-over items from the first day on, each with its (earlier) owner's
  /// email (plan.json keeps
  /// owners by name: the email is looked up again, as for the kept items); one without is left.
  static func cancelledWithOwners(_ plan: OnboardingPlan, people: [TeamMember]) -> [PlanItem] {
    let named =
      people.map { ($0.name, $0.email) }
      + [plan.hire.manager, plan.hire.buddy].map { ($0.name, $0.email) }
    let byName = Dictionary(named, uniquingKeysWith: { first, _ in first })
    return (plan.cancelled + plan.handedOver).compactMap { item -> PlanItem? in
      guard item.date >= plan.start else { return nil }
      var item = item
      if item.ownerEmail == nil { item.ownerEmail = item.ownerName.flatMap { byName[$0] } }
      return item.ownerEmail == nil ? nil : item
    }
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
  ///
  /// The bytes of a calendar of the events (`ICSCalendar(method: .publish, name:, events:)`),
  /// made from their blocks; an event that cannot be written throws the error that calendar
  /// throws (the first such event in the calendar's order, with its index there).
  /// `names` gives a person's file name by key (`fileNames(for:)`); a person not in it is named
  /// by the path-safe form of their email.
  public static func files(_ events: [PersonEvent], names: [String: String] = [:])
    throws(InputError) -> [OutputFile]
  {
    var order: [String] = []
    var byPerson: [String: [PersonEvent]] = [:]
    for event in events {
      if byPerson[event.personKey] == nil { order.append(event.personKey) }
      byPerson[event.personKey, default: []].append(event)
    }
    var files: [OutputFile] = []
    for key in order.sorted() {
      let list = byPerson[key] ?? []
      let sorted = list.sorted { ($0.sortKey, $0.uid) < ($1.sortKey, $1.uid) }
      let calendar = ICSCalendar(
        method: .publish, name: "Onboarding: \(list.first?.personName ?? key)")
      do {
        var blocks: [ICSEventBlock] = []
        blocks.reserveCapacity(sorted.count)
        for index in sorted.indices {
          switch sorted[index].written {
          case .block(let block): blocks.append(block)
          case .invalid(let event):
            do {
              blocks.append(try event.block(method: .publish))
            } catch {
              var error = error
              error.eventIndex = index
              throw error
            }
          }
        }
        files.append(
          OutputFile(
            path: "calendars/\(names[key] ?? fileSafeName(key)).ics",
            data: Data(try calendar.renderBytes(blocks: blocks))))
      } catch {
        throw InputError(SourceLocation(file: "calendars/\(key).ics"), "cannot write: \(error)")
      }
    }
    return files
  }
}

extension PersonCalendars {
  /// The calendar file name (without `.ics`) of each person's key (lower-case email): the
  /// path-safe form of the email, and where two addresses share one (`mia.x@` and `mia-x@`, or
  /// `Ben@` and `ben@` of two people) each gets a hash of its own address after it, as hire
  /// folders do; one person's calendar never overwrites another's.
  public static func fileNames(for emails: [String]) -> [String: String] {
    let keys = Set(emails.map { $0.lowercased() })
    var byName: [String: [String]] = [:]
    for key in keys { byName[fileSafeName(key), default: []].append(key) }
    var names: [String: String] = [:]
    for (name, owners) in byName {
      for key in owners {
        names[key] = owners.count > 1 ? "\(name.prefix(55))-\(stableHash(key).prefix(8))" : name
      }
    }
    return names
  }
}

extension ICSEventTime {
  /// A comparable key (UTC minutes) for ordering events of different zones.
  var sortKey: Int {
    switch self {
    case .local(let t, let zone):
      guard let date = CalendarDate(year: t.date.year, month: t.date.month, day: t.date.day)
      else { return 0 }
      return ZoneClock.instant(date, LocalTime(minutes: t.hour &* 60 &+ t.minute), in: zone)
    case .utc(let t):
      // Wrapping arithmetic: only an ordering key, and an event read from a file can hold any
      // number in its fields.
      return
        (CalendarDate(year: t.date.year, month: t.date.month, day: t.date.day)?.dayNumber
        ?? 0) &* 1440
        &+ t.hour &* 60 &+ t.minute
    case .allDay(let d):
      return (CalendarDate(year: d.year, month: d.month, day: d.day)?.dayNumber ?? 0) &* 1440
    }
  }
}

/// A binary form of person events, for spooling a run's events to disk between planning and the
/// calendars written at its end (read back by the same build, never a file format). Exact:
/// `PersonEvent.read(from: bytes, at: &offset) == event` after `event.write(to: &bytes)`.
extension PersonEvent {
  /// Appends the event's record to `bytes`.
  public func write(to bytes: inout [UInt8]) {
    var out = SpoolBytes(bytes: [])
    swap(&out.bytes, &bytes)
    out.string(personKey)
    out.string(personName)
    out.string(uid)
    out.int(sortKey)
    switch written {
    case .block(let block):
      out.int(0)
      out.string(block.uid)
      out.blob(block.bytes)
      out.int(block.zoneUses.count)
      for use in block.zoneUses {
        out.string(use.identifier)
        out.int(use.start)
        out.int(use.end)
      }
    case .invalid(let event):
      out.int(1)
      out.event(event)
    }
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
      let uid = input.string(), let sortKey = input.int(), let kind = input.int()
    else { return nil }
    let written: Written
    switch kind {
    case 0:
      guard let blockUID = input.string(), let blockBytes = input.blob(),
        let useCount = input.int(), useCount >= 0
      else { return nil }
      // Each use takes 3 bytes at least, so a malformed count cannot reserve more than that.
      var uses: [ICSEventBlock.ZoneUse] = []
      uses.reserveCapacity(min(useCount, bytes.count - input.offset))
      for _ in 0..<useCount {
        guard let identifier = input.string(), let start = input.int(), let end = input.int()
        else { return nil }
        uses.append(ICSEventBlock.ZoneUse(identifier: identifier, start: start, end: end))
      }
      written = .block(ICSEventBlock(uid: blockUID, bytes: blockBytes, zoneUses: uses))
    case 1:
      guard let event = input.event() else { return nil }
      written = .invalid(event)
    default:
      return nil
    }
    offset = input.offset
    return PersonEvent(
      personKey: personKey, personName: personName, uid: uid, sortKey: sortKey, written: written)
  }
}

extension SpoolBytes {
  /// Every field of an event.
  mutating func event(_ event: ICSEvent) {
    string(event.uid)
    dateTime(event.timestamp)
    time(event.start)
    optional(event.end) { $0.time($1) }
    string(event.summary)
    optional(event.description) { $0.string($1) }
    optional(event.location) { $0.string($1) }
    int(event.categories.count)
    for category in event.categories { string(category) }
    optional(event.organizer) { out, organizer in
      out.string(organizer.email)
      out.optional(organizer.commonName) { $0.string($1) }
    }
    int(event.attendees.count)
    for attendee in event.attendees {
      string(attendee.email)
      optional(attendee.commonName) { $0.string($1) }
      string(attendee.role.rawValue)
      string(attendee.participationStatus.rawValue)
      int(attendee.rsvp ? 1 : 0)
    }
    int(event.sequence)
    optional(event.status) { $0.string($1.rawValue) }
    optional(event.transparency) { $0.string($1.rawValue) }
    optional(event.url) { $0.string($1) }
  }
}

extension SpoolBytes.Reader {
  /// What `SpoolBytes.event` wrote.
  mutating func event() -> ICSEvent? {
    guard let uid = string(), let timestamp = dateTime(), let start = time(),
      let end = optional({ $0.time() }), let summary = string(),
      let description = optional({ $0.string() }),
      let location = optional({ $0.string() }), let categoryCount = int()
    else { return nil }
    // Room for the counts read (each element takes a byte at least, so a malformed count cannot
    // reserve more than the bytes left).
    var categories: [String] = []
    categories.reserveCapacity(min(max(0, categoryCount), bytes.count - offset))
    for _ in 0..<max(0, categoryCount) {
      guard let category = string() else { return nil }
      categories.append(category)
    }
    guard
      let organizer = optional({ input -> ICSOrganizer? in
        guard let email = input.string(), let name = input.optional({ $0.string() }) else {
          return nil
        }
        return ICSOrganizer(email: email, commonName: name)
      }), let attendeeCount = int()
    else { return nil }
    var attendees: [ICSAttendee] = []
    attendees.reserveCapacity(min(max(0, attendeeCount), bytes.count - offset))
    for _ in 0..<max(0, attendeeCount) {
      guard let email = string(), let name = optional({ $0.string() }),
        let role = string().flatMap(ICSAttendee.Role.init(rawValue:)),
        let status = string().flatMap(ICSAttendee.ParticipationStatus.init(rawValue:)),
        let rsvp = int()
      else { return nil }
      attendees.append(
        ICSAttendee(
          email: email, commonName: name, role: role, participationStatus: status, rsvp: rsvp != 0))
    }
    guard let sequence = int(),
      let status = optional({ $0.string().flatMap(ICSEvent.Status.init(rawValue:)) }),
      let transparency = optional({
        $0.string().flatMap(ICSEvent.Transparency.init(rawValue:))
      }),
      let url = optional({ $0.string() })
    else { return nil }
    return ICSEvent(
      uid: uid, timestamp: timestamp, start: start, end: end, summary: summary,
      description: description, location: location, categories: categories,
      organizer: organizer, attendees: attendees, sequence: sequence, status: status,
      transparency: transparency, url: url)
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

  /// A length-prefixed run of bytes.
  mutating func blob(_ data: [UInt8]) {
    int(data.count)
    bytes.append(contentsOf: data)
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

    /// What `blob` wrote.
    mutating func blob() -> [UInt8]? {
      guard let count = int(), count >= 0, count <= bytes.count - offset else { return nil }
      defer { offset += count }
      return [UInt8](UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]))
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
