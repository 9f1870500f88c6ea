/// An email the plan sends: which template, when, and for which session or activity.
public struct EmailEvent: Hashable, Sendable, Codable {
  public var templateID: String
  public var date: CalendarDate
  public var time: LocalTime
  /// The plan item it is about (a training session, a review), if any.
  public var itemID: String?
}

/// Places the email templates on the plan's timeline.
public enum EmailSchedule {
  /// One event per template (per training session for `each training` templates), in send order.
  /// A template about an activity this hire does not have is left out and noted.
  public static func events(
    for plan: OnboardingPlan, templates: [EmailTemplateFile], defaultTime: LocalTime
  ) -> (events: [EmailEvent], notes: [String]) {
    let timeline = plan.timeline
    var events: [EmailEvent] = []
    var notes: [String] = []
    for template in templates {
      let time = template.send.time ?? defaultTime
      switch template.send {
      case .on(let rule, _):
        for date in timeline.dates(for: rule) {
          events.append(EmailEvent(templateID: template.id, date: date, time: time, itemID: nil))
        }
      case .beforeActivity(let n, let activityID, _):
        let matches = plan.items.filter { $0.id == activityID || $0.id.hasPrefix(activityID + "#") }
        guard let item = matches.first else {
          notes.append(
            "Email `\(template.id)` is about `\(activityID)`, which this hire's plan does not have; not sent."
          )
          continue
        }
        events.append(
          EmailEvent(
            templateID: template.id, date: timeline.workdays(n, before: item.date), time: time,
            itemID: item.id))
      case .beforeEachTraining(let n, _):
        for item in plan.items where item.kind == .training || item.kind == .verification {
          events.append(
            EmailEvent(
              templateID: template.id, date: timeline.workdays(n, before: item.date), time: time,
              itemID: item.id))
        }
      }
    }
    return (inSendOrder(events, plan: plan), notes)
  }

  /// Events by send time; emails sent at the same minute in the order of what they are about
  /// (two invitations sent on one morning: the earlier session's first), then by template and id.
  static func inSendOrder(_ events: [EmailEvent], plan: OnboardingPlan) -> [EmailEvent] {
    var when: [String: (CalendarDate, Int)] = [:]
    for item in plan.items { when[item.id] = when[item.id] ?? (item.date, item.start.minutes) }
    let never = (CalendarDate(dayNumber: Int.max / 2), 0)
    return events.sorted {
      let a = $0.itemID.flatMap { when[$0] } ?? never
      let b = $1.itemID.flatMap { when[$0] } ?? never
      return ($0.date, $0.time, a.0, a.1, $0.templateID, $0.itemID ?? "") < (
        $1.date, $1.time, b.0, b.1, $1.templateID, $1.itemID ?? ""
      )
    }
  }
}
