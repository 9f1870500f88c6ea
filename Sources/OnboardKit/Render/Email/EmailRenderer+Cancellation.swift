import Foundation
import OnboardICS
import OnboardMIME

extension EmailRenderer {
  /// The cancellation of an invitation sent before a re-plan removed its session: to the people
  /// the invitation went to, with an iTIP `METHOD:CANCEL` calendar part (the invitation's UID, the
  /// next SEQUENCE), so that a calendar that took the invitation removes the event.
  ///
  /// The text is Onboard's own (no template says it): what is cancelled, when it was, and why.
  static func cancellation(
    _ cancellation: ReplanEmails.Cancellation, template: EmailTemplate, sequence: Int,
    plan: OnboardingPlan, settings: PlanSettings, stamp: CalendarDate, people: [TeamMember] = []
  ) throws(InputError) -> RenderedEmail {
    let hire = plan.hire
    var item = cancellation.item
    if item.ownerEmail == nil, let name = item.ownerName {
      // plan.json keeps the host's name only: their email is people.csv's (or the roster's).
      item.ownerEmail =
        people.first { $0.name == name }?.email
        ?? [plan.hire.manager, plan.hire.buddy].first { $0.name == name }?.email
    }
    let (to, cc) = recipients(template, plan: plan, settings: settings, item: item)
    let greeting = template.file.audience == .hire ? hire.firstName : to.firstName
    let why =
      item.kind == .followUp
      ? "The skill check's result is recorded, so this slot is not needed any more."
      : "The onboarding plan was updated on \(cancellation.date.longText) with new assessment "
        + "results, and this session is no longer part of it."
    let body =
      "Hello \(EmailMarkdown.escape(greeting)),\n\n"
      + "**\(EmailMarkdown.escape(item.title))** on \(item.date.longText) at \(item.start) "
      + "(\(EmailMarkdown.escape(hire.timeZone))) is cancelled. \(why)\n\n"
      + "This email withdraws the invitation of \(cancellation.sent.date.longText): your calendar "
      + "removes the event when it reads the attached cancellation.\n\n"
      + EmailMarkdown.escape(settings.sender.name) + "\n"
    let (text, html) = EmailMarkdown.renderUTF8(visibleDocument(bytes: Array(body.utf8)))
    let subject = visibleText(oneLine("Cancelled: " + cancellation.sent.subject))
    let fileName =
      "\(pad(sequence, 2))-\(cancellation.date.iso)-cancelled-\(template.id)-\(fileSafeName(item.id)).eml"
    let event = EmailEvent(
      templateID: template.id, date: cancellation.date, time: cancellation.time, itemID: item.id)
    do {
      var cancelled = CalendarFile.event(for: item, plan: plan, settings: settings, stamp: stamp)
      cancelled.status = .cancelled
      let calendar = try CalendarPart(
        icsBytes: try CalendarFile.renderBytes(
          ICSCalendar(method: .cancel, events: [cancelled]), plan: plan),
        method: "CANCEL")
      return try rendered(
        to: to, cc: cc, subject: subject,
        event: event, fileName: fileName, template: template, text: text, html: html,
        calendar: calendar, plan: plan, settings: settings, people: people)
    } catch {
      throw InputError(
        hire.origin, "cannot write the cancellation of `\(template.id)` for \(hire.email): \(error)"
      )
    }
  }
}
