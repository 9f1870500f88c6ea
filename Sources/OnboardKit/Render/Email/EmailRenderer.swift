import Foundation
import OnboardICS
import OnboardMIME
import OnboardMustache

/// A rendered email: the .eml bytes and a line for the plan's email list.
public struct RenderedEmail: Sendable {
  public var fileName: String
  public var data: Data
  public var summary: EmailSummary
}

/// Renders an email template for one event of a plan into an RFC 5322 message.
public enum EmailRenderer {
  /// Renders `template` for `event`. `itemEvents` may give the plan's item events
  /// (`CalendarFile.itemEvents`, by position), so that an invitation's event is not made again.
  /// `update` marks a re-plan's new version of an invitation sent before, with the time that
  /// invitation gave: "Updated: " goes before the subject, `session.is_update` is true and
  /// `session.was` is that time.
  public static func render(
    _ template: EmailTemplate, event: EmailEvent, sequence: Int, plan: OnboardingPlan,
    settings: PlanSettings, stamp: CalendarDate, baseContext: [String: MustacheValue]? = nil,
    itemEvents: [ICSEvent?] = [], update: String? = nil, people: [TeamMember] = []
  ) throws(InputError) -> RenderedEmail {
    let isUpdate = update != nil
    // The shared values stay one object under this email's few own ones (never copied per email).
    let stack: [MustacheValue] = [
      .object(baseContext ?? EmailContext.base(plan: plan, settings: settings)),
      .object(
        EmailContext.eventValues(event, of: plan, template: template.file, update: update)),
    ]
    var (subject, text, html) = try partsUTF8(template, stack: stack)
    if isUpdate { subject = "Updated: " + subject }

    let hire = plan.hire
    let (to, cc) = recipients(
      template, plan: plan, settings: settings,
      item: event.itemID.flatMap { id in plan.items.first { $0.id == id } })
    let fileName =
      "\(pad(sequence, 2))-\(event.date.iso)-\(template.id)\(event.itemID.map { "-" + fileSafeName($0) } ?? "").eml"
    do {
      var invitation: CalendarPart? = nil
      if template.file.attachInvitation, let id = event.itemID,
        let index = plan.items.firstIndex(where: { $0.id == id })
      {
        let known = itemEvents.count == plan.items.count ? itemEvents[index] : nil
        invitation = try CalendarPart(
          icsBytes: try CalendarFile.invitation(
            plan.items[index], event: known, plan: plan, settings: settings, stamp: stamp))
      }
      return try rendered(
        to: to, cc: cc, subject: subject, event: event, fileName: fileName, template: template,
        text: text, html: html, calendar: invitation, plan: plan, settings: settings,
        people: people)
    } catch {
      throw InputError(
        hire.origin, "cannot write email `\(template.id)` for \(hire.email): \(error)")
    }
  }

  /// The To and Cc of a template's emails: its audience, and its copies other than the addressee.
  static func recipients(
    _ template: EmailTemplate, plan: OnboardingPlan, settings: PlanSettings, item: PlanItem? = nil
  ) -> (to: Person, cc: [Person]) {
    let hire = plan.hire
    func person(_ audience: Audience) -> Person {
      switch audience {
      case .hire: Person(name: hire.fullName, email: hire.email)
      case .manager: hire.manager
      case .buddy: hire.buddy
      case .hr: settings.sender
      }
    }
    let to = person(template.file.audience)
    var cc = template.file.cc.map(person).filter { $0.email != to.email }
    // `cc: host`: whoever runs the session (an attendee of its invitation) gets it too.
    if template.file.ccHost, let item, let email = item.ownerEmail, let name = item.ownerName,
      email.lowercased() != hire.key, email.lowercased() != to.email.lowercased(),
      !cc.contains(where: { $0.email.lowercased() == email.lowercased() })
    {
      cc.append(Person(name: name, email: email))
    }
    return (to, cc)
  }

  /// A message of the run as a file: from the sender, unsent (`X-Unsent`), named by its
  /// template, its Message-ID made from the hire and the file name, dated at the send time in
  /// the reader's zone (09:00 for a manager in New York is 09:00 there, not the hire's 09:00 in
  /// Bengaluru: people.csv gives the zone, the hire's when it has no row).
  static func rendered(
    to: Person, cc: [Person], subject: String, event: EmailEvent, fileName: String,
    template: EmailTemplate, text: [UInt8], html: [UInt8], calendar: CalendarPart?,
    plan: OnboardingPlan, settings: PlanSettings, people: [TeamMember]
  ) throws -> RenderedEmail {
    let hire = plan.hire
    let zone =
      template.file.audience == .hire
      ? hire.timeZone
      : people.first { $0.key == to.email.lowercased() }?.timeZone ?? hire.timeZone
    let message = EmailMessage(
      from: try Mailbox(settings.sender.email, displayName: settings.sender.name),
      to: [try Mailbox(to.email, displayName: to.name)],
      cc: try cc.map { (p) throws(MIMEError) in try Mailbox(p.email, displayName: p.name) },
      subject: subject,
      date: try EmailDate(
        sendDate(event, zone: zone), timeZone: TimeZone(identifier: zone) ?? .gmt),
      messageID: try MessageID(
        left:
          "\(fileSafeName(hire.key).prefix(32))-\(stableHash(hire.key))-\(fileName.dropLast(4))",
        domain: settings.domain),
      extraHeaders: [
        try HeaderField(name: "X-Unsent", value: "1"),
        try HeaderField(name: "X-Onboard-Template", value: template.id),
      ],
      textBodyUTF8: text, htmlBodyUTF8: html, calendar: calendar)
    return RenderedEmail(
      fileName: fileName, data: Data(try message.render()),
      summary: EmailSummary(
        date: event.date, time: event.time, subject: subject, to: [to.name] + cc.map(\.name),
        file: "emails/\(fileName)"))
  }

  /// The subject, the text part and the HTML part of a template for a context. The body is the
  /// Markdown subset of `EmailMarkdown`: values are inserted escaped, then the text and HTML parts
  /// are both rendered from the result. An explicit `--- html ---` body replaces the HTML part.
  public static func parts(_ template: EmailTemplate, context: MustacheValue) throws(InputError)
    -> (subject: String, text: String, html: String)
  {
    try parts(template, stack: [context])
  }

  /// `parts` against a context stack, bottom first (see `MustacheTemplate.render(stack:)`).
  static func parts(_ template: EmailTemplate, stack: [MustacheValue]) throws(InputError)
    -> (subject: String, text: String, html: String)
  {
    let (subject, text, html) = try partsUTF8(template, stack: stack)
    return (subject, String(decoding: text, as: UTF8.self), String(decoding: html, as: UTF8.self))
  }

  /// `parts` with the bodies as UTF-8 bytes, from the Mustache output to the MIME writer
  /// without a `String` in between.
  static func partsUTF8(_ template: EmailTemplate, stack: [MustacheValue]) throws(InputError)
    -> (subject: String, text: [UInt8], html: [UInt8])
  {
    func fill(_ part: MustacheTemplate, _ escaping: MustacheEscaping, firstLine: Int)
      throws(InputError) -> [UInt8]
    {
      do {
        return try part.renderBytes(stack: stack, options: .strict(escaping: escaping))
      } catch {
        throw EmailTemplate.inputError(error, file: template.file, firstLine: firstLine)
      }
    }
    // The subject and bodies as every other document: a control character from a name or a note
    // (ESC of a terminal sequence, BEL) shown as its symbol (␛), bidirectional overrides removed.
    let subject = visibleText(
      oneLine(
        String(
          decoding: try fill(template.subject, .none, firstLine: template.file.subjectLine),
          as: UTF8.self)))
    let body = visibleDocument(
      bytes: try fill(
        template.text, .customBytes(EmailMarkdown.escape(_:into:)),
        firstLine: template.file.textLine))
    let (text, html) = EmailMarkdown.renderUTF8(body)
    if let part = template.html {
      return (
        subject, text,
        visibleDocument(bytes: try fill(part, .html, firstLine: template.file.htmlLine ?? 1))
      )
    }
    return (subject, text, html)
  }

  /// The subject on one line: its lines (split at every `Character.isNewline`, empty ones
  /// dropped) joined by spaces. Text without a line-break byte is returned as it is.
  static func oneLine(_ text: String) -> String {
    mayHoldLineBreak(text) ? oneLineByCharacter(text) : text
  }

  /// The definition of `oneLine`, by `Character`.
  static func oneLineByCharacter(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }

  /// False when no `Character` of `text` can be a newline: no byte 0A–0D, no U+0085 (C2 85), no
  /// U+2028/U+2029 (E2 80 A8/A9). A newline is always a cluster of its own, so its bytes show.
  static func mayHoldLineBreak(_ text: String) -> Bool {
    var copy = text  // shares the storage; `withUTF8` needs a variable
    return copy.withUTF8 { bytes in
      let count = bytes.count
      var index = 0
      while index < count {
        let byte = bytes[index]
        if byte >= 0x0A && byte <= 0x0D { return true }
        if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0x85 { return true }
        if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80,
          bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
        {
          return true
        }
        index += 1
      }
      return false
    }
  }

  /// The parts of a template's first email in a plan, as `onboard template preview` shows them;
  /// nil when the plan sends none (a review the plan does not have).
  public static func preview(
    _ template: EmailTemplate, plan: OnboardingPlan, settings: PlanSettings,
    templates: [EmailTemplateFile], people: [TeamMember] = []
  ) throws(InputError) -> (subject: String, text: String, html: String)? {
    let (events, _) = EmailSchedule.events(
      for: plan, templates: templates, defaultTime: settings.defaultSendTime)
    guard let event = events.first(where: { $0.templateID == template.id }) else { return nil }
    let base = EmailContext.base(
      plan: plan, settings: settings, templates: templates, events: events, people: people)
    return try parts(
      template, context: EmailContext.adding(event, of: plan, to: base, template: template.file))
  }

  /// The moment an email is planned for, from the local date and time in the hire's zone.
  static func sendDate(_ event: EmailEvent, zone: String) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: zone) ?? .gmt
    let c = event.date.components
    let components = DateComponents(
      year: c.year, month: c.month, day: c.day, hour: event.time.hour, minute: event.time.minute)
    return calendar.date(from: components)
      ?? Date(timeIntervalSince1970: Double(event.date.dayNumber) * 86400)
  }
}
