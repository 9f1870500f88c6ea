import Foundation
import Testing

@testable import OnboardKit

/// A re-plan and the emails already sent: Siobhán's REST re-test of Fri 8 Jan (95 %, rated 5)
/// re-plans her from Mon 11 Jan, which removes the API versioning session whose invitation went
/// out on Fri 8 Jan.
@Suite struct ReplanEmailTests {
  static let from = CalendarDate(year: 2027, month: 1, day: 11)!

  static func plans() throws -> (first: HireOutput, again: HireOutput) {
    let cohort = try FixtureCohort()
    let first = try cohort.output(for: try cohort.hire("siobhan"))
    return (first, try replanned(first, from: from))
  }

  /// The re-plan of `earlier` (its plan.json, and the emails it dated before `date`, as the CLI
  /// reads them from the folder) with the REST re-test.
  static func replanned(
    _ earlier: HireOutput, from date: CalendarDate,
    evidence file: String = "Fixtures/retest-rest-apis.csv"
  ) throws -> HireOutput {
    let cohort = try FixtureCohort()
    var replan = try FixtureCohort.replan(of: earlier, from: date)
    replan.sent = replan.emailsSent.map { summary in
      SentEmail(summary: summary, data: earlier.files.first { $0.path == summary.file }?.data)
    }
    let retest = try EvidenceImport.parse(
      try RepositoryFiles.source(file),
      skills: cohort.library.skillIndex, questions: cohort.library.questionBanks)
    return try Onboarding.process(
      hire: try cohort.hire("siobhan"), folder: "siobhan-oconnor", library: cohort.library,
      templates: cohort.templates, evidence: cohort.evidence.evidence + retest.evidence,
      stamp: FixtureCohort.stamp, replan: replan)
  }

  static func emails(_ output: HireOutput) -> [String: Data] {
    Dictionary(
      output.files.filter { $0.path.hasPrefix("emails/") }.map { ($0.path, $0.data) },
      uniquingKeysWith: { a, _ in a })
  }

  static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

  @Test func theEmailsSentBeforeTheDateStayAsTheyWere() throws {
    let (first, again) = try Self.plans()
    let sent = Self.emails(first).filter { path, _ in
      first.emails.contains { $0.file == path && $0.date < Self.from }
    }
    #expect(sent.count >= 5)
    let now = Self.emails(again)
    for (path, data) in sent { #expect(now[path] == data, "\(path)") }
    // Nothing else is dated before the re-plan date, and the new emails are numbered after the
    // sent ones (the number of a sent email is never given to another).
    let newPaths = now.keys.filter { sent[$0] == nil }
    #expect(!newPaths.isEmpty)
    let lastSent = sent.keys.compactMap { Int($0.dropFirst("emails/".count).prefix(2)) }.max()!
    for path in newPaths {
      let name = path.dropFirst("emails/".count)
      #expect(Int(name.prefix(2))! > lastSent, "\(path)")
      #expect(String(name.dropFirst(3).prefix(10)) >= Self.from.iso, "\(path)")
    }
    // plan.json lists every file of emails/, the sent ones included.
    #expect(Set(again.emails.map(\.file)) == Set(now.keys))
  }

  @Test func aSentInvitationForARemovedSessionIsCancelled() throws {
    let (first, again) = try Self.plans()
    let removed = try #require(
      again.plan.cancelled.first { $0.id == "training:api-versioning" })
    let invitation = try #require(
      first.emails.first { $0.file.hasSuffix("-training-api-versioning.eml") })
    #expect(invitation.date < Self.from)
    let cancellation = try #require(
      Self.emails(again).first {
        $0.key.contains("cancelled-") && $0.key.hasSuffix("api-versioning.eml")
      })
    let message = Self.text(cancellation.value)
    #expect(message.contains("method=CANCEL"))
    // The calendar part is base64: decode it and compare with the sent invitation's event.
    func calendar(_ eml: String) throws -> String {
      let part = try #require(eml.components(separatedBy: "Content-Type: text/calendar").last)
      let body = part.components(separatedBy: "\r\n\r\n")[1].components(separatedBy: "\r\n--")[0]
      let data = try #require(
        Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: "")))
      return Self.text(data)
    }
    let cancel = try calendar(message)
    let request = try calendar(
      Self.text(try #require(Self.emails(first)[invitation.file])))
    func line(_ ics: String, _ name: String) -> String? {
      ics.components(separatedBy: "\r\n").first { $0.hasPrefix(name) }
    }
    #expect(line(cancel, "METHOD:") == "METHOD:CANCEL")
    #expect(line(request, "METHOD:") == "METHOD:REQUEST")
    #expect(line(cancel, "UID:") == line(request, "UID:"))
    #expect(line(cancel, "SEQUENCE:") == "SEQUENCE:\(removed.sequence)")
    #expect(removed.sequence == 1)
    #expect(line(cancel, "STATUS:") == "STATUS:CANCELLED")
    #expect(message.contains("Subject: Cancelled: "))
    #expect(message.contains("To: =?UTF-8?") || message.contains("siobhan.oconnor@example.org"))
    // The person who was to run it is told too (`cc: host`), found by the name plan.json keeps.
    let host = try #require(removed.ownerName)
    let hostEmail = try #require(
      try RepositoryFiles.library().people.first { $0.name == host }?.email)
    #expect(message.components(separatedBy: "\r\n\r\n")[0].contains(hostEmail), "\(host)")
    // A removed session whose invitation was not sent yet gets no cancellation.
    let unsent = again.plan.cancelled.filter { item in
      !first.emails.contains {
        $0.date < Self.from && $0.file.hasSuffix("-\(fileSafeName(item.id)).eml")
      }
    }
    for item in unsent {
      #expect(
        !Self.emails(again).keys.contains {
          $0.contains("cancelled-") && $0.hasSuffix("-\(fileSafeName(item.id)).eml")
        }, "\(item.id)")
    }
  }

  /// An email the re-plan sends about a session on the re-plan date goes out at least an hour
  /// before it, also a cancellation (QA11 #5: "Cancelled: ..." was dated the very minute the
  /// session was to start); removing the session of the re-plan date's morning shows it.
  @Test func aReplanEmailAboutThatDaysSessionGoesOutBeforeIt() throws {
    let (first, _) = try Self.plans()
    // Re-plan from the day of the removed session, so that it is that morning.
    let removedDay = try #require(
      try Self.replanned(first, from: Self.from).plan.cancelled.first {
        $0.id == "training:api-versioning"
      })
    let again = try Self.replanned(first, from: removedDay.date)
    var checked = 0
    for email in again.emails where email.date == removedDay.date {
      let file = email.file.dropFirst("emails/".count)
      let about =
        again.plan.cancelled.first { file.hasSuffix("-\(fileSafeName($0.id)).eml") }
        ?? again.plan.items.first { file.hasSuffix("-\(fileSafeName($0.id)).eml") }
      guard let session = about, session.date == removedDay.date else { continue }
      checked += 1
      #expect(
        email.time.minutes <= session.start.minutes - 60,
        "\(email.file) at \(email.time) for \(session.title) at \(session.start)")
    }
    #expect(checked > 0)
  }

  /// A skill check the re-plan adds for its new evidence says why it comes after week 1: the
  /// re-plan, not a full week (QA13 F2: "week 1 had no free training time left" was untrue).
  @Test func aSkillCheckTheReplanAddsSaysWhyItIsLate() throws {
    let (first, again) = try Self.plans()
    #expect(!first.plan.items.contains { $0.id == "verify:rest-apis" })
    let check = try #require(again.plan.items.first { $0.id == "verify:rest-apis" })
    #expect(
      check.note
        == "added by the re-plan from \(Self.from.shortText) (the days before it stay as they were)",
      "\(check.note ?? "")")
  }

  /// Every removed session of a skill says why, from its skill's level now (QA13 F1: three
  /// sessions were removed without a word).
  @Test func aRemovedSessionSaysWhy() throws {
    let (_, again) = try Self.plans()
    let removed = again.plan.changes.filter { $0.change == .removed }
    #expect(!removed.isEmpty)
    for change in removed {
      #expect(change.text.contains("): "), "no reason: \(change.text)")
    }
    let versioning = try #require(removed.first { $0.itemID == "training:api-versioning" })
    #expect(
      versioning.text.contains(
        ": the evidence on REST APIs & Web Services now disagrees, Marcus Oyelaran 5 vs Aisha Bello 2.5"
      ),
      "\(versioning.text)")
    #expect(
      versioning.text.hasSuffix(": a skill check comes first, and training only if it shows a gap"))
  }

  /// An update goes out an hour before the session's earlier time too, when that was on the
  /// re-plan date (QA13 F6: Siobhán's skill checks re-plan her from Wed 13 Jan, which moves
  /// Wednesday's 09:00 session; its update was dated 09:00, when she was already there), and the
  /// plan says that such same-day emails are no notice.
  @Test func anUpdateGoesOutBeforeTheSessionsEarlierTime() throws {
    let (first, _) = try Self.plans()
    let from = try #require(CalendarDate(year: 2027, month: 1, day: 13))
    let again = try Self.replanned(first, from: from, evidence: "Fixtures/skill-check-week1.csv")
    let before = Dictionary(first.plan.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var updates = 0
    for email in again.emails where email.date == from {
      let file = email.file.dropFirst("emails/".count)
      guard
        let item = again.plan.items.first(where: { file.hasSuffix("-\(fileSafeName($0.id)).eml") }),
        let old = before[item.id], old.date == from,
        old.date != item.date || old.start != item.start,
        first.emails.contains(where: {
          $0.date < from && $0.file.hasSuffix("-\(fileSafeName(item.id)).eml")
        })
      else { continue }
      updates += 1
      #expect(
        email.time.minutes <= old.start.minutes - 60,
        "\(email.file) at \(email.time), the session was at \(old.start)")
    }
    #expect(updates > 0)
    #expect(
      again.plan.notes.contains { $0.contains("tell the hire and whoever runs") },
      "\(again.plan.notes)")
  }

  /// A re-plan after a re-plan keeps what the first changed, under its own date, in plan.md
  /// and plan.json (QA11 #3: the second re-plan's page no longer named the sessions the first
  /// had removed); the same re-plan again does not list it twice.
  @Test func aSecondReplanKeepsTheFirstOnesChanges() throws {
    let (_, again) = try Self.plans()
    #expect(!again.plan.changes.isEmpty)
    #expect(again.plan.earlierReplans.isEmpty)
    let later = Self.from.adding(days: 7)
    let second = try Self.replanned(again, from: later)
    #expect(
      second.plan.earlierReplans == [
        EarlierReplan(from: Self.from.iso, changes: again.plan.changes)
      ])
    let page = String(
      decoding: try #require(second.files.first { $0.path == "plan.md" }).data, as: UTF8.self)
    #expect(
      page.contains("### Before: re-planned from \(Self.from.longText)"), "\(page.prefix(2000))")
    for change in again.plan.changes {
      #expect(page.contains("(`\(change.itemID)`)"), "\(change.itemID)")
    }
    let json = String(
      decoding: try #require(second.files.first { $0.path == "plan.json" }).data, as: UTF8.self)
    #expect(json.contains("\"earlierReplans\""))
    let third = try Self.replanned(second, from: later)
    #expect(third.plan.earlierReplans == second.plan.earlierReplans)
  }

  /// The same re-plan run twice: the second finds nothing more to change, and says what the
  /// re-plan changed instead of "Nothing changed" (its folder's plan had the changes).
  @Test func theSameReplanRunTwiceStillSaysWhatItChanged() throws {
    let (_, again) = try Self.plans()
    #expect(!again.plan.changes.isEmpty)
    #expect(!again.plan.changesAsLastRun)
    let twice = try Self.replanned(again, from: Self.from)
    #expect(twice.plan.changes == again.plan.changes)
    #expect(twice.plan.changesAsLastRun)
    let page = String(
      decoding: try #require(twice.files.first { $0.path == "plan.md" }).data, as: UTF8.self)
    #expect(page.contains("Nothing changed since this re-plan was last run; what it changed then:"))
    #expect(!page.contains("- Nothing changed."))
    // A third run is the same again.
    let thrice = try Self.replanned(twice, from: Self.from)
    #expect(thrice.plan.changes == again.plan.changes)
  }

  /// The README's re-plan after the week-1 skill check, run twice: the second is the same plan
  /// (QA9 F8: the first re-plan had given the Application Security follow-up slot its training;
  /// the second no longer saw the slot, pulled every session a day earlier and sent new
  /// SEQUENCEs and invitations).
  @Test func aReplanAfterASkillCheckRunTwiceIsTheSamePlan() throws {
    let cohort = try FixtureCohort()
    let hire = try cohort.hire("siobhan")
    let check = try EvidenceImport.parse(
      try RepositoryFiles.source("Fixtures/skill-check-week1.csv"),
      skills: cohort.library.skillIndex, questions: cohort.library.questionBanks)
    let date = CalendarDate(year: 2027, month: 1, day: 6)!
    func replanned(_ earlier: HireOutput) throws -> HireOutput {
      var replan = try FixtureCohort.replan(of: earlier, from: date)
      replan.sent = replan.emailsSent.map { summary in
        SentEmail(summary: summary, data: earlier.files.first { $0.path == summary.file }?.data)
      }
      return try Onboarding.process(
        hire: hire, folder: "siobhan-oconnor", library: cohort.library,
        templates: cohort.templates, evidence: cohort.evidence.evidence + check.evidence,
        stamp: FixtureCohort.stamp, replan: replan)
    }
    let once = try replanned(try cohort.output(for: hire))
    #expect(once.plan.items.contains { $0.id == "training:security-sql-injection" })
    let twice = try replanned(once)
    func times(_ output: HireOutput) -> [String] {
      output.plan.items.map { "\($0.id) \($0.date.iso) \($0.start) \($0.ownerName ?? "-")" }
    }
    #expect(times(twice) == times(once))
    #expect(twice.plan.changesAsLastRun)
    #expect(
      twice.files.filter { $0.path != "plan.md" && $0.path != "plan.html" }.map(\.path)
        == once.files.filter { $0.path != "plan.md" && $0.path != "plan.html" }.map(\.path))
    #expect(
      twice.files.first { $0.path == "sessions.ics" }?.data
        == once.files.first { $0.path == "sessions.ics" }?.data)
  }

  @Test func anInvitationDueBeforeTheDateGoesOutOnIt() throws {
    let (first, again) = try Self.plans()
    // The re-test needs a new REST skill check on Mon 11 Jan: its invitation was due Fri 8 Jan.
    let check = try #require(again.plan.items.first { $0.id == "verify:rest-apis" })
    #expect(first.plan.item(id: check.id) == nil)
    let email = try #require(again.emails.first { $0.file.hasSuffix("-verify-rest-apis.eml") })
    #expect(email.date == Self.from)
    #expect(again.plan.notes.contains { $0.contains("would have gone out before") })
    // At the send time, before the session when it is that morning: it had gone out at the
    // session's own minute.
    let send = LocalTime(hour: 9, minute: 0)!
    let expected =
      check.date == Self.from && check.start <= send
      ? LocalTime(minutes: max(0, check.start.minutes - 60)) : send
    #expect(email.time == expected, "\(email.time) for a session at \(check.date) \(check.start)")
    #expect(check.date > Self.from || email.time < check.start)
  }

  /// An invitation sent before the date for a session that has moved since is sent again, marked
  /// as an update, on the re-plan date; one whose session is as the invitation says is not.
  /// (What was sent decides: the invitation is read back from its .eml.)
  @Test func aSentInvitationForAMovedSessionIsUpdated() throws {
    let (first, _) = try Self.plans()
    var plan = first.plan
    let index = try #require(plan.items.firstIndex { $0.id == "training:docker-compose-local" })
    plan.items[index].date = CalendarDate(year: 2027, month: 1, day: 20)!
    let from = CalendarDate(year: 2027, month: 1, day: 14)!
    plan.replannedFrom = from
    let sent = first.emails.filter { $0.date < from }.map { summary in
      SentEmail(summary: summary, data: first.files.first { $0.path == summary.file }?.data)
    }
    let templates = try FixtureCohort().templates
    let events = EmailSchedule.events(
      for: first.plan, templates: templates.map(\.file), defaultTime: LocalTime(minutes: 9 * 60)
    ).events
    #expect(sent.contains { $0.summary.file.hasSuffix("-training-docker-compose-local.eml") })
    #expect(
      sent.contains { $0.summary.file.hasSuffix("-training-sql-distributed-transactions.eml") })
    let result = EmailSchedule.afterReplan(
      events, sent: sent, from: from, plan: plan, templateIDs: templates.map(\.id),
      defaultTime: LocalTime(minutes: 9 * 60))
    #expect(result.updates.keys.map(\.itemID) == ["training:docker-compose-local"])
    #expect(result.updates.keys.allSatisfy { $0.date == from })
    // The time the sent invitation gave, for the email to say what it replaces.
    let old = try #require(first.plan.item(id: "training:docker-compose-local"))
    #expect(result.updates.values.first == "\(old.date.longText) at \(old.start)")
    #expect(!result.events.contains { $0.itemID == "training:sql-distributed-transactions" })
    #expect(result.cancellations.isEmpty)
    #expect(result.lastSentNumber == sent.count)
    // Without the .eml bytes nothing is known of what was sent: no update is guessed.
    let blind = EmailSchedule.afterReplan(
      events, sent: sent.map { SentEmail(summary: $0.summary, data: nil) }, from: from,
      plan: plan, templateIDs: templates.map(\.id), defaultTime: LocalTime(minutes: 9 * 60))
    #expect(blind.updates.isEmpty)
  }

  /// The same re-plan run twice, on the folder the first wrote, gives the same emails: the
  /// cancellation of the first (dated on the re-plan date, so not sent yet) is made again.
  @Test func theSameReplanTwiceGivesTheSameEmails() throws {
    let (_, again) = try Self.plans()
    let replan = try FixtureCohort.replan(of: again, from: Self.from)
    #expect(replan.earlierCancelled.contains { $0.id == "training:api-versioning" })
    let twice = try Self.replanned(again, from: Self.from)
    #expect(Self.emails(twice) == Self.emails(again))
    // The calendar keeps the cancelled sessions.
    let ics = { (output: HireOutput) in
      String(
        decoding: output.files.first { $0.path == "sessions.ics" }?.data ?? Data(), as: UTF8.self)
    }
    #expect(
      ics(twice).components(separatedBy: "STATUS:CANCELLED").count
        == ics(again).components(separatedBy: "STATUS:CANCELLED").count)
  }

  /// A second re-plan from a later date keeps the first one's cancellations: in sessions.ics as
  /// cancelled (the same SEQUENCE), and the cancellation email, now sent, is not sent again.
  @Test func aLaterReplanKeepsTheEarlierCancellations() throws {
    let (_, again) = try Self.plans()
    let third = try Self.replanned(again, from: CalendarDate(year: 2027, month: 1, day: 18)!)
    let before = again.plan.cancelled.map(\.id).sorted()
    #expect(!before.isEmpty)
    for id in before {
      let kept = try #require(third.plan.cancelled.first { $0.id == id }, "\(id)")
      #expect(kept.sequence == again.plan.cancelled.first { $0.id == id }?.sequence)
    }
    let cancellations = Self.emails(third).keys.filter { $0.contains("-cancelled-") }
    #expect(cancellations.count == 1, "\(cancellations)")
    #expect(Self.emails(third)[cancellations[0]] == Self.emails(again)[cancellations[0]])
  }
}
