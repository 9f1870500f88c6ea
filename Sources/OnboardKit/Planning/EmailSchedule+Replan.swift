import Foundation

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
  /// The items of `events` whose invitation went out before: sent again as updates, each with
  /// the time the sent invitation gave ("Tuesday, 12 January 2027 at 09:00"; empty when unknown).
  public var updates: [EmailEvent: String]
  public var cancellations: [Cancellation]
  /// The highest number of a sent email (`06-…` gives 6): new emails are numbered after it.
  public var lastSentNumber: Int
  public var notes: [String]
}

/// What a sent email's calendar part said: read back from the .eml a run wrote (base64
/// `text/calendar`), so that a re-plan compares the plan with what people received, not with
/// the plan before it.
struct SentInvitation: Hashable, Sendable {
  var method: String
  var start: String
  var end: String
  var attendees: [String]

  /// The calendar part of an .eml, or nil when it has none.
  init?(eml data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    guard let header = text.range(of: "Content-Type: text/calendar") else { return nil }
    let rest = text[header.upperBound...]
    guard let blank = rest.range(of: "\r\n\r\n") else { return nil }
    var base64 = ""
    for line in rest[blank.upperBound...].split(separator: "\r\n", omittingEmptySubsequences: false)
    {
      if line.isEmpty || line.hasPrefix("--") { break }
      base64 += line
    }
    guard let ics = Data(base64Encoded: base64) else { return nil }
    // Unfolded content lines.
    let all = String(decoding: ics, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
      .components(separatedBy: "\r\n")
    // The event's own lines (a VTIMEZONE before it has DTSTART lines of its own).
    let lines = Array(all.drop { $0 != "BEGIN:VEVENT" })
    guard !lines.isEmpty else { return nil }
    method = all.first { $0.hasPrefix("METHOD:") }.map { String($0.dropFirst(7)) } ?? ""
    func value(_ name: String) -> String {
      let line = lines.first { $0.hasPrefix(name + ":") || $0.hasPrefix(name + ";") } ?? ""
      return line.split(separator: ":").last.map(String.init) ?? ""
    }
    start = value("DTSTART")
    end = value("DTEND")
    attendees = lines.filter { $0.hasPrefix("ATTENDEE") }.compactMap { line in
      line.range(of: "mailto:", options: .caseInsensitive).map { range in
        String(line[range.upperBound...]).lowercased()
      }
    }
  }

  /// The start as the invitation gave it, in the hire's zone (nil when unreadable).
  var startLocal: (date: CalendarDate, time: LocalTime)? {
    let digits = Array(start.filter(\.isNumber))
    guard digits.count >= 12, let year = Int(String(digits[0..<4])),
      let month = Int(String(digits[4..<6])), let day = Int(String(digits[6..<8])),
      let hour = Int(String(digits[8..<10])), let minute = Int(String(digits[10..<12])),
      let date = CalendarDate(year: year, month: month, day: day)
    else { return nil }
    return (date, LocalTime(minutes: hour * 60 + minute))
  }

  /// The start as people read it: "Tuesday, 12 January 2027 at 09:00" (empty when unreadable).
  var startText: String {
    guard let (date, time) = startLocal else { return "" }
    return "\(date.longText) at \(time)"
  }

  /// `20270111T090000`: an item's start or end as the invitation writes it (the hire's zone).
  static func stamp(_ date: CalendarDate, _ time: LocalTime) -> String {
    date.iso.replacingOccurrences(of: "-", with: "") + "T"
      + String(time.description.filter(\.isNumber)) + "00"
  }

  /// Whether the invitation shows the item as it is now: its time, and its person among the
  /// attendees.
  func shows(_ item: PlanItem) -> Bool {
    start == Self.stamp(item.date, item.start) && end == Self.stamp(item.date, item.end)
      && (item.ownerEmail.map { attendees.contains($0.lowercased()) } ?? true)
  }
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

  static let cancelledPrefix = "cancelled-"

  /// Reconciles the new plan's `events` with the emails sent before `from` (see `ReplanEmails`).
  /// `defaultTime` is when the re-plan's own emails (updates, cancellations) go out.
  ///
  /// What was sent decides, not the plan before this one: the latest invitation sent for an item
  /// (read back from its .eml) is compared with the item now, so the same re-plan run twice, or
  /// a re-plan after another, sends each update and cancellation once and never loses one.
  public static func afterReplan(
    _ events: [EmailEvent], sent: [SentEmail], from: CalendarDate, plan: OnboardingPlan,
    templateIDs: [String], defaultTime: LocalTime
  ) -> ReplanEmails {
    let longestFirst = templateIDs.sorted { $0.count > $1.count }
    /// The template and file-safe item of a name part (`training-invitation` + `training-x`).
    func split(_ rest: String) -> (template: String, item: String?)? {
      if let template = longestFirst.first(where: { rest == $0 }) { return (template, nil) }
      guard let template = longestFirst.first(where: { rest.hasPrefix($0 + "-") }) else {
        return nil
      }
      return (template, String(rest.dropFirst(template.count + 1)))
    }
    // The sent emails by what they were about: item emails by template and item (the date of an
    // invitation moves with its session), the others by template and date. For each item, the
    // latest calendar part sent about it (an invitation, an update or a cancellation).
    var sentByName: [String: EmailSummary] = [:]
    var latest:
      [String: (number: Int, invitation: SentInvitation, sent: EmailSummary, template: String)] =
        [:]
    var lastNumber = 0
    for email in sent {
      let summary = email.summary
      guard let (number, date, rest) = sentName(summary.file) else { continue }
      lastNumber = max(lastNumber, number)
      let isCancellation = rest.hasPrefix(cancelledPrefix)
      let named = isCancellation ? String(rest.dropFirst(cancelledPrefix.count)) : rest
      if !isCancellation {
        sentByName[rest] = summary
        sentByName["\(date)|\(rest)"] = summary
      }
      guard let (template, item) = split(named), let item,
        let invitation = email.data.flatMap(SentInvitation.init(eml:))
      else { continue }
      if (latest[item]?.number ?? -1) < number {
        latest[item] = (number, invitation, summary, template)
      }
    }
    /// When an email the re-plan sends goes out on `from`: the usual time, or an hour before
    /// the session it is about when that is on the re-plan date, before or within an hour of the
    /// usual time (a cancellation had gone out at the very minute the session was to start).
    /// An update goes out before the time its sent invitation gave too (QA13 F6: the update
    /// of a session moved from 09:00 was dated 09:00, when the hire was already there).
    func sendTime(before sessions: [PlanItem?], sent: SentInvitation? = nil) -> LocalTime {
      var minutes = defaultTime.minutes
      var starts = sessions.compactMap { $0 }.map { ($0.date, $0.start) }
      if let old = sent?.startLocal { starts.append(old) }
      for (date, start) in starts where date == from {
        minutes = min(minutes, max(0, start.minutes - 60))
      }
      return LocalTime(minutes: minutes)
    }
    var consumed: Set<String> = []
    var result: [EmailEvent] = []
    var updates: [EmailEvent: String] = [:]
    var late = 0
    // The sessions of the re-plan date itself whose emails go out that morning.
    var shortNotice: [String] = []
    for var event in events {
      let rest = nameRest(event)
      let key = event.itemID == nil ? "\(event.date.iso)|\(rest)" : rest
      if sentByName[key] != nil {
        consumed.insert(rest)
        // Sent already: sent again, now, only when what was sent no longer shows the session.
        guard let id = event.itemID, let item = plan.item(id: id), item.date >= from,
          let last = latest[fileSafeName(id)],
          last.invitation.method == "CANCEL" || !last.invitation.shows(item)
        else { continue }
        event.date = from
        event.time = sendTime(before: [item], sent: last.invitation)
        updates[event] = last.invitation.startText
        if item.date == from || last.invitation.startLocal?.date == from {
          shortNotice.append(item.title)
        }
        result.append(event)
        continue
      }
      if event.date < from {
        // Due before the re-plan date and never sent (a session the re-plan added): send now,
        // at the usual send time, and before the session when it is that morning (it had gone
        // out at the session's own minute).
        let item = event.itemID.flatMap { plan.item(id: $0) }
        event.date = from
        event.time = sendTime(before: [item])
        late += 1
        if let item, item.date == from { shortNotice.append(item.title) }
      }
      result.append(event)
    }
    // A session whose invitation people have, and which the plan no longer has, is cancelled.
    var cancellations: [ReplanEmails.Cancellation] = []
    let removed = Dictionary(
      plan.cancelled.map { (fileSafeName($0.id), $0) }, uniquingKeysWith: { a, _ in a })
    let current = Set(plan.items.map { fileSafeName($0.id) })
    for (item, last) in latest.sorted(by: { $0.value.number < $1.value.number })
    where last.invitation.method == "REQUEST" && !current.contains(item) {
      guard let tombstone = removed[item], tombstone.date >= from else { continue }
      cancellations.append(
        ReplanEmails.Cancellation(
          sent: last.sent, templateID: last.template, item: tombstone, date: from,
          time: sendTime(before: [tombstone])))
    }
    var notes: [String] = []
    if late > 0 {
      notes.append(
        "\(late) email\(late == 1 ? "" : "s") the re-plan sends would have gone out before "
          + "\(from.longText), the re-plan date; \(late == 1 ? "it is" : "they are") dated on it.")
    }
    for tombstone in cancellations.map(\.item) where tombstone.date == from {
      shortNotice.append(tombstone.title)
    }
    if !shortNotice.isEmpty {
      // An email an hour before is no notice: said, so that someone tells them in person.
      notes.append(
        "The email\(shortNotice.count == 1 ? "" : "s") about "
          + listText(shortNotice.map { "“\($0)”" })
          + " go\(shortNotice.count == 1 ? "es" : "") out on \(from.longText), the day of the "
          + (shortNotice.count == 1
            ? "session (or of its earlier time), an hour before it"
            : "sessions (or of their earlier times), an hour before each")
          + " at the latest: tell the hire and whoever runs "
          + (shortNotice.count == 1 ? "it" : "them") + " in person, or re-plan from a later day.")
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
    result = inSendOrder(result, plan: plan)
    return ReplanEmails(
      events: result, updates: updates, cancellations: cancellations, lastSentNumber: lastNumber,
      notes: notes)
  }
}

extension PlanChange {
  /// The end of a change line that only the agenda, reason or note changed.
  static let detailsSuffix = ": details updated (agenda, reason or note)"
}
