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
    let itemEvents = plan.items.map { item in
      item.date >= plan.start ? event(for: item, plan: plan, settings: settings, stamp: stamp) : nil
    }
    // Items a re-plan removed stay in the file as cancelled, so calendars drop them.
    let cancelled = plan.cancelled.filter { $0.date >= plan.start }.map {
      var event = event(for: $0, plan: plan, settings: settings, stamp: stamp)
      event.status = .cancelled
      return event
    }
    let calendar = ICSCalendar(
      method: .publish, name: "Onboarding: \(plan.hire.fullName)",
      events: itemEvents.compactMap { $0 } + cancelled)
    return (try render(calendar, plan: plan), itemEvents)
  }

  /// One item as an invitation (METHOD:REQUEST) from the sender to the hire.
  public static func invitation(
    _ item: PlanItem, plan: OnboardingPlan, settings: PlanSettings, stamp: CalendarDate
  ) throws(InputError) -> String {
    let calendar = ICSCalendar(
      method: .request, events: [event(for: item, plan: plan, settings: settings, stamp: stamp)])
    return String(decoding: try renderBytes(calendar, plan: plan), as: UTF8.self)
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

  /// The event of one item (for `sessions.ics`, the people's calendars and the invitations).
  ///
  /// The description is appended into one string (the parts joined by a blank line, as
  /// `[String].joined(separator: "\n\n")` gave them) and the hire's key is lowercased once.
  static func event(
    for item: PlanItem, plan: OnboardingPlan, settings: PlanSettings, stamp: CalendarDate
  ) -> ICSEvent {
    let zone = plan.hire.timeZone
    let hireKey = plan.hire.key
    func local(_ date: CalendarDate, _ time: LocalTime) -> ICSEventTime {
      let c = date.components
      return .local(
        ICSDateTime(year: c.year, month: c.month, day: c.day, hour: time.hour, minute: time.minute),
        timeZone: zone)
    }
    let s = stamp.components
    // The hire reads these events (sessions.ics, the invitations in emails): what happens and
    // with whom, not the planner's reasons, the reviews' re-assessment agendas or the skill
    // checks' "what would settle it", which stay in the manager's plan (the review email tells
    // the hire what the review is about). Every part but the last is non-empty, so a part
    // follows a blank line exactly when the description already has text.
    var description = ""
    if item.kind == .verification {
      description =
        "A short, informal exercise: it shows what you already know, so that your plan fits."
    } else if !item.agenda.isEmpty, item.kind != .milestone {
      description += "Agenda:"
      for line in item.agenda {
        description += "\n- "
        description += line
      }
    }
    if let resource = item.resource, !resource.isEmpty {
      if !description.isEmpty { description += "\n\n" }
      description += "Resource: "
      description += resource
    }
    if !description.isEmpty { description += "\n\n" }
    description += uppercasingFirst(EmailContext.withPhrase(item, plan: plan))
    let link = settings.videoCallLink(for: plan.hire.location)
    // A remote hire meets by video; everyone else at the office, with the link for those who
    // join from elsewhere.
    let location =
      plan.hire.workMode == .remote ? (link ?? "Video call") : "\(plan.hire.location) office"
    var attendees = [ICSAttendee(email: plan.hire.email, commonName: plan.hire.fullName)]
    if let email = item.ownerEmail, email.lowercased() != hireKey {
      attendees.append(ICSAttendee(email: email, commonName: item.ownerName))
    } else if item.ownerEmail == nil {
      for person in [plan.hire.manager, plan.hire.buddy]
      where item.ownerName == person.name && person.email != plan.hire.email {
        attendees.append(ICSAttendee(email: person.email, commonName: person.name))
      }
    }
    return ICSEvent(
      uid: ICSEvent.stableUID(key: "\(hireKey)/\(item.id)", domain: settings.domain),
      timestamp: ICSDateTime(year: s.year, month: s.month, day: s.day, hour: 0, minute: 0),
      start: local(item.date, item.start), end: local(item.date, item.end), summary: item.title,
      description: description, location: location,
      categories: [item.kind.rawValue],
      organizer: ICSOrganizer(email: settings.sender.email, commonName: settings.sender.name),
      attendees: attendees, sequence: item.sequence, status: .confirmed, url: link)
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
