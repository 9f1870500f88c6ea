import Foundation
import OnboardICS

/// Renders plan items as iCalendar events: `sessions.ics` and the invitations inside emails.
public enum CalendarFile {
  /// The hire's calendar from day 1 on (pre-boarding items are HR's and IT's, not the hire's).
  public static func sessions(
    _ plan: OnboardingPlan, settings: PlanSettings, stamp: CalendarDate
  ) throws(InputError) -> Data {
    try sessionsAndEvents(plan, settings: settings, stamp: stamp).data
  }

  /// `sessions` and the event of each of `plan.items` (by position; nil for an item before day 1),
  /// `event(for:plan:settings:stamp:)` of it, for the people's calendars to start from.
  public static func sessionsAndEvents(
    _ plan: OnboardingPlan, settings: PlanSettings, stamp: CalendarDate
  ) throws(InputError) -> (data: Data, itemEvents: [ICSEvent?]) {
    let itemEvents = itemEvents(plan, settings: settings, stamp: stamp)
    return (
      try sessions(plan, itemEvents: itemEvents, settings: settings, stamp: stamp), itemEvents
    )
  }

  /// The events of the plan's items from its start on, by position (nil before the start): the
  /// events of `sessionsAndEvents`.
  static func itemEvents(_ plan: OnboardingPlan, settings: PlanSettings, stamp: CalendarDate)
    -> [ICSEvent?]
  {
    let context = EventContext(plan: plan, settings: settings, stamp: stamp)
    return plan.items.map { item in
      item.date >= plan.start ? event(for: item, plan: plan, context: context) : nil
    }
  }

  /// sessions.ics from the plan's `itemEvents`.
  static func sessions(
    _ plan: OnboardingPlan, itemEvents: [ICSEvent?], settings: PlanSettings, stamp: CalendarDate
  ) throws(InputError) -> Data {
    // Items a re-plan removed stay in the file as cancelled, so calendars drop them (the shared
    // parts are made again only for a plan that has some).
    let removed = plan.cancelled.filter { $0.date >= plan.start }
    var cancelled: [ICSEvent] = []
    if !removed.isEmpty {
      let context = EventContext(plan: plan, settings: settings, stamp: stamp)
      cancelled = removed.map {
        var event = event(for: $0, plan: plan, context: context)
        event.status = .cancelled
        return event
      }
    }
    let calendar = ICSCalendar(
      method: .publish, name: "Onboarding: \(plan.hire.fullName)",
      events: itemEvents.compactMap { $0 } + cancelled)
    return try render(calendar, plan: plan)
  }

  /// One item as an invitation (METHOD:REQUEST) from the sender to the hire, as UTF-8 bytes; of
  /// `known`, the item's event, when the plan's events are made already.
  static func invitation(
    _ item: PlanItem, event known: ICSEvent?, plan: OnboardingPlan, settings: PlanSettings,
    stamp: CalendarDate
  ) throws(InputError) -> [UInt8] {
    let calendar = ICSCalendar(
      method: .request,
      events: [known ?? event(for: item, plan: plan, settings: settings, stamp: stamp)])
    return try renderBytes(calendar, plan: plan)
  }

  static func render(_ calendar: ICSCalendar, plan: OnboardingPlan) throws(InputError) -> Data {
    Data(try renderBytes(calendar, plan: plan))
  }

  /// The calendar's bytes, or the error that names the hire's input.
  static func renderBytes(_ calendar: ICSCalendar, plan: OnboardingPlan) throws(InputError)
    -> [UInt8]
  {
    do {
      return try calendar.renderBytes()
    } catch {
      throw InputError(plan.hire.origin, "cannot write the calendar: \(error)")
    }
  }

  /// What the events of one plan share: made once per plan, not once per item.
  struct EventContext {
    let zone: String
    let hireKey: String
    let hireEmail: String
    let domain: String
    let timestamp: ICSDateTime
    let link: String?
    let location: String
    let organizer: ICSOrganizer
    let hireAttendee: ICSAttendee

    init(plan: OnboardingPlan, settings: PlanSettings, stamp: CalendarDate) {
      let hire = plan.hire
      zone = hire.timeZone
      hireKey = hire.key
      hireEmail = hire.email
      domain = settings.domain
      let s = stamp.components
      timestamp = ICSDateTime(year: s.year, month: s.month, day: s.day, hour: 0, minute: 0)
      link = settings.videoCallLink(for: hire.location)
      // A remote hire meets by video; everyone else at the office, with the link for those who
      // join from elsewhere.
      location = hire.workMode == .remote ? (link ?? "Video call") : hire.location + " office"
      organizer = ICSOrganizer(email: settings.sender.email, commonName: settings.sender.name)
      hireAttendee = ICSAttendee(email: hire.email, commonName: hire.fullName)
    }
  }

  /// The event of one item (for `sessions.ics`, the people's calendars and the invitations).
  static func event(
    for item: PlanItem, plan: OnboardingPlan, settings: PlanSettings, stamp: CalendarDate
  ) -> ICSEvent {
    event(
      for: item, plan: plan, context: EventContext(plan: plan, settings: settings, stamp: stamp))
  }

  /// `event(for:plan:settings:stamp:)` with the plan's shared parts made already.
  ///
  /// The description is appended as UTF-8 bytes (the parts joined by a blank line, as
  /// `[String].joined(separator: "\n\n")` gave them) and made a string once; the UID's key is
  /// hashed from its bytes.
  static func event(for item: PlanItem, plan: OnboardingPlan, context: EventContext) -> ICSEvent {
    let zone = context.zone
    func local(_ date: CalendarDate, _ time: LocalTime) -> ICSEventTime {
      let c = date.components
      return .local(
        ICSDateTime(year: c.year, month: c.month, day: c.day, hour: time.hour, minute: time.minute),
        timeZone: zone)
    }
    // The hire reads these events (sessions.ics, the invitations in emails): what happens and
    // with whom, not the planner's reasons, the reviews' re-assessment agendas or the skill
    // checks' "what would settle it", which stay in the manager's plan (the review email tells
    // the hire what the review is about). Every part but the last is non-empty, so a part
    // follows a blank line exactly when the description already has text.
    var description: [UInt8] = []
    description.reserveCapacity(512)
    if item.kind == .verification {
      append(
        to: &description,
        "A short, informal exercise: it shows what you already know, so that your plan fits.")
    } else if !item.agenda.isEmpty, item.kind != .milestone {
      append(to: &description, "Agenda:")
      for line in item.agenda {
        append(to: &description, "\n- ")
        append(to: &description, line)
      }
    }
    if let resource = item.resource, !resource.isEmpty {
      if !description.isEmpty { append(to: &description, "\n\n") }
      append(to: &description, "Resource: ")
      append(to: &description, resource)
    }
    if !description.isEmpty { append(to: &description, "\n\n") }
    appendUppercasingFirst(EmailContext.withPhrase(item, plan: plan), to: &description)
    var attendees = [context.hireAttendee]
    if let email = item.ownerEmail, !lowercased(email, equals: context.hireKey) {
      attendees.append(ICSAttendee(email: email, commonName: item.ownerName))
    } else if item.ownerEmail == nil {
      for person in [plan.hire.manager, plan.hire.buddy]
      where item.ownerName == person.name && person.email != context.hireEmail {
        attendees.append(ICSAttendee(email: person.email, commonName: person.name))
      }
    }
    return ICSEvent(
      uid: ICSEvent.stableUID(key: context.hireKey, "/", item.id, domain: context.domain),
      timestamp: context.timestamp,
      start: local(item.date, item.start), end: local(item.date, item.end), summary: item.title,
      description: String(decoding: description, as: UTF8.self), location: context.location,
      categories: [item.kind.rawValue], organizer: context.organizer,
      attendees: attendees, sequence: item.sequence, status: .confirmed, url: context.link)
  }

  /// Whether `text.lowercased() == key`: on the bytes when both are ASCII (lowercasing ASCII is
  /// A-Z to a-z, keeping the length, and ASCII strings are equal exactly when their bytes are),
  /// by the definition otherwise (`==` takes canonically equivalent strings as equal: `;` and
  /// U+037E GREEK QUESTION MARK).
  static func lowercased(_ text: String, equals key: String) -> Bool {
    var text = text
    var key = key
    let ascii =
      text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
      && key.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
    guard ascii else { return text.lowercased() == key }
    return text.withUTF8 { a in
      key.withUTF8 { b in
        guard a.count == b.count else { return false }
        for index in a.indices {
          var byte = a[index]
          if (0x41...0x5A).contains(byte) { byte += 0x20 }
          if byte != b[index] { return false }
        }
        return true
      }
    }
  }

  /// Appends a string's UTF-8 bytes in one copy from its storage.
  @inline(__always)
  private static func append(to bytes: inout [UInt8], _ text: String) {
    var text = text  // shares the storage; `withUTF8` needs a variable
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Appends the UTF-8 bytes of `uppercasingFirst(text)`: the first byte changed in place when
  /// the first character is a lone ASCII scalar, `uppercasingFirst` asked otherwise.
  static func appendUppercasingFirst(_ text: String, to bytes: inout [UInt8]) {
    var text = text
    let done = text.withUTF8 { utf8 -> Bool in
      guard let first = utf8.first, first < 0x80 else { return utf8.isEmpty }
      if utf8.count > 1 {
        let second = utf8[1]
        guard second < 0x80 && !(first == 0x0D && second == 0x0A) else { return false }
      }
      bytes.append((0x61...0x7A).contains(first) ? first - 0x20 : first)
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[1...]))
      return true
    }
    if !done { append(to: &bytes, uppercasingFirst(text)) }
  }

  /// `text.prefix(1).uppercased() + text.dropFirst()`, the definition, which is asked only when
  /// the first character is not a lone ASCII scalar: an ASCII scalar followed by another (but
  /// CR LF) or by nothing is a character of its own, and uppercasing it is A-Z for a-z.
  static func uppercasingFirst(_ text: String) -> String {
    let utf8 = text.utf8
    if let first = utf8.first, first < 0x80 {
      let second = utf8.dropFirst().first
      if second.map({ $0 < 0x80 && !(first == 0x0D && $0 == 0x0A) }) ?? true {
        guard (0x61...0x7A).contains(first) else { return text }
        var bytes = Array(utf8)
        bytes[0] -= 0x20
        return String(decoding: bytes, as: UTF8.self)
      }
    }
    return text.prefix(1).uppercased() + text.dropFirst()
  }
}
