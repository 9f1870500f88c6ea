/// What a re-plan sends, given the emails of the earlier plan that went out before its date.
///
/// An email dated before the re-plan date was sent: it stays in `emails/` byte for byte, under its
/// number, and is not sent again. What the new plan would have sent before the date and did not
/// (an invitation for a session the re-plan added) goes out on the re-plan date. An invitation
/// already sent for a session the re-plan moved, or gave to someone else, is sent again as an
/// update (the same UID, the next SEQUENCE); one for a session the re-plan removed gets a
/// cancellation (iTIP `METHOD:CANCEL`). New emails are numbered after the sent ones.
public struct ReplanEmails: Sendable {
  /// A cancellation of an invitation sent for a session the re-plan removed.
  public struct Cancellation: Hashable, Sendable {
    /// The sent invitation's line in the earlier plan.
    public var sent: EmailSummary
    /// The template the invitation came from (its audience and copies).
    public var templateID: String
    /// The removed item, with the SEQUENCE of its cancellation.
    public var item: PlanItem
    public var date: CalendarDate
    public var time: LocalTime
  }

  /// The events of the new plan still to send (dated on or after the re-plan date).
  public var events: [EmailEvent]
  /// The items of `events` whose invitation went out before: sent again as updates.
  public var updates: Set<EmailEvent>
  public var cancellations: [Cancellation]
  /// The highest number of a sent email (`06-…` gives 6): new emails are numbered after it.
  public var lastSentNumber: Int
  public var notes: [String]
}

extension EmailSchedule {
  /// The part of a sent email's file name after its number and date: the template id and the
  /// file-safe item id (`training-invitation-training-api-versioning`), for matching.
  static func sentName(_ file: String) -> (number: Int, date: String, rest: String)? {
    var name = Substring(file)
    if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
    guard name.hasSuffix(".eml"), let dash = name.firstIndex(of: "-"),
      let number = Int(name[..<dash])
    else { return nil }
    let tail = name[name.index(after: dash)...].dropLast(4)
    guard tail.count > 11, tail[tail.index(tail.startIndex, offsetBy: 10)] == "-" else {
      return nil
    }
    return (number, String(tail.prefix(10)), String(tail.dropFirst(11)))
  }

  /// The name part of an event's file (see `sentName`).
  static func nameRest(_ event: EmailEvent) -> String {
    event.templateID + (event.itemID.map { "-" + fileSafeName($0) } ?? "")
  }

  /// Reconciles the new plan's `events` with the emails sent before `from` (see `ReplanEmails`).
  /// `defaultTime` is when the re-plan's own emails (updates, cancellations) go out.
  public static func afterReplan(
    _ events: [EmailEvent], sent: [EmailSummary], from: CalendarDate, plan: OnboardingPlan,
    templateIDs: [String], defaultTime: LocalTime
  ) -> ReplanEmails {
    // The sent emails by what they were about: item emails by template and item (the date of an
    // invitation moves with its session), the others by template and date.
    var sentByName: [String: EmailSummary] = [:]
    var lastNumber = 0
    for summary in sent {
      guard let (number, date, rest) = sentName(summary.file) else { continue }
      lastNumber = max(lastNumber, number)
      sentByName[rest] = summary
      sentByName["\(date)|\(rest)"] = summary
    }
    let previous = Dictionary(
      plan.changes.map { ($0.itemID, $0) }, uniquingKeysWith: { a, _ in a })
    var consumed: Set<String> = []
    var result: [EmailEvent] = []
    var updates: Set<EmailEvent> = []
    var late = 0
    for var event in events {
      let rest = nameRest(event)
      let key = event.itemID == nil ? "\(event.date.iso)|\(rest)" : rest
      if let summary = sentByName[key] {
        consumed.insert(summary.file)
        // Sent already: sent again only as an update of a session that changed after the date.
        guard let id = event.itemID, let change = previous[id], change.change == .changed,
          let item = plan.item(id: id), item.date >= from, change.affectsInvitation
        else { continue }
        if event.date < from { event.date = from }
        event.time = max(event.time, defaultTime)
        updates.insert(event)
        result.append(event)
        continue
      }
      if event.date < from {
        // Due before the re-plan date and never sent (a session the re-plan added): send now.
        event.date = from
        late += 1
      }
      result.append(event)
    }
    var cancellations: [ReplanEmails.Cancellation] = []
    let removed = Dictionary(
      plan.cancelled.map { (fileSafeName($0.id), $0) }, uniquingKeysWith: { a, _ in a })
    let longestFirst = templateIDs.sorted { $0.count > $1.count }
    for summary in sent where !consumed.contains(summary.file) {
      guard let (_, _, rest) = sentName(summary.file),
        let template = longestFirst.first(where: { rest.hasPrefix($0 + "-") }),
        let item = removed[String(rest.dropFirst(template.count + 1))], item.date >= from
      else { continue }
      cancellations.append(
        ReplanEmails.Cancellation(
          sent: summary, templateID: template, item: item, date: from, time: defaultTime))
    }
    var notes: [String] = []
    if late > 0 {
      notes.append(
        "\(late) email\(late == 1 ? "" : "s") the re-plan sends would have gone out before "
          + "\(from.longText), the re-plan date; \(late == 1 ? "it is" : "they are") dated on it.")
    }
    let resent =
      (updates.isEmpty ? [] : ["\(updates.count) updated"])
      + (cancellations.isEmpty ? [] : ["\(cancellations.count) cancelled"])
    if !resent.isEmpty {
      let count = updates.count + cancellations.count
      notes.append(
        "Of the invitations already sent, \(resent.joined(separator: " and ")) by email on "
          + "\(from.longText), so the calendars that took \(count == 1 ? "it" : "them") follow "
          + "the re-plan.")
    }
    result.sort {
      ($0.date, $0.time, $0.templateID, $0.itemID ?? "") < (
        $1.date, $1.time, $1.templateID, $1.itemID ?? ""
      )
    }
    return ReplanEmails(
      events: result, updates: updates, cancellations: cancellations, lastSentNumber: lastNumber,
      notes: notes)
  }
}

extension PlanChange {
  /// Whether the change is one an invitation shows: the time, or the person (a "details
  /// updated" change of a note is not worth a new email).
  var affectsInvitation: Bool { change == .changed && !text.hasSuffix(Self.detailsSuffix) }

  static let detailsSuffix = ": details updated (agenda, reason or note)"
}
