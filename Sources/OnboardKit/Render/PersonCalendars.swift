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
  public static func events(
    of plan: OnboardingPlan, people: [TeamMember], settings: PlanSettings, stamp: CalendarDate
  ) -> [PersonEvent] {
    let byKey = Dictionary(people.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    var result: [PersonEvent] = []
    for item in plan.items {
      guard let email = item.ownerEmail, email.lowercased() != plan.hire.key else { continue }
      let key = email.lowercased()
      let zone = byKey[key]?.timeZone ?? plan.calendar.timeZone
      var event = CalendarFile.event(for: item, plan: plan, settings: settings, stamp: stamp)
      let begin = ZoneClock.instant(item.date, item.start, in: plan.calendar.timeZone)
      event.start = time(begin, zone)
      event.end = time(begin + item.durationMinutes, zone)
      event.summary = "\(item.title) (\(plan.hire.fullName))"
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
