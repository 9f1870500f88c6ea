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
    return String(decoding: try render(calendar, plan: plan), as: UTF8.self)
  }

  static func render(_ calendar: ICSCalendar, plan: OnboardingPlan) throws(InputError) -> Data {
    do {
      return Data(try calendar.renderBytes())
    } catch {
      throw InputError(plan.hire.origin, "cannot write the calendar: \(error)")
    }
  }

  static func event(
    for item: PlanItem, plan: OnboardingPlan, settings: PlanSettings, stamp: CalendarDate
  ) -> ICSEvent {
    let zone = plan.hire.timeZone
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
    // the hire what the review is about).
    var description: [String] = []
    if item.kind == .verification {
      description.append(
        "A short, informal exercise: it shows what you already know, so that your plan fits.")
    } else if !item.agenda.isEmpty, item.kind != .milestone {
      description.append("Agenda:\n" + item.agenda.map { "- \($0)" }.joined(separator: "\n"))
    }
    if let resource = item.resource, !resource.isEmpty {
      description.append("Resource: \(resource)")
    }
    let with = EmailContext.withPhrase(item, plan: plan)
    description.append(with.prefix(1).uppercased() + with.dropFirst())
    let link = settings.videoCallLink(for: plan.hire.location)
    // A remote hire meets by video; everyone else at the office, with the link for those who
    // join from elsewhere.
    let location =
      plan.hire.workMode == .remote ? (link ?? "Video call") : "\(plan.hire.location) office"
    var attendees = [ICSAttendee(email: plan.hire.email, commonName: plan.hire.fullName)]
    if let email = item.ownerEmail, email.lowercased() != plan.hire.key {
      attendees.append(ICSAttendee(email: email, commonName: item.ownerName))
    } else if item.ownerEmail == nil {
      for person in [plan.hire.manager, plan.hire.buddy]
      where item.ownerName == person.name && person.email != plan.hire.email {
        attendees.append(ICSAttendee(email: person.email, commonName: person.name))
      }
    }
    return ICSEvent(
      uid: ICSEvent.stableUID(key: "\(plan.hire.key)/\(item.id)", domain: settings.domain),
      timestamp: ICSDateTime(year: s.year, month: s.month, day: s.day, hour: 0, minute: 0),
      start: local(item.date, item.start), end: local(item.date, item.end), summary: item.title,
      description: description.isEmpty ? nil : description.joined(separator: "\n\n"),
      location: location,
      categories: [item.kind.rawValue],
      organizer: ICSOrganizer(email: settings.sender.email, commonName: settings.sender.name),
      attendees: attendees, sequence: item.sequence, status: .confirmed, url: link)
  }
}
