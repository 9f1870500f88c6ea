import Foundation
import Testing

@testable import OnboardKit

/// Every email of every Fixtures hire, read as its reader would: no planner language to a hire or
/// buddy, no claim the run does not make true, and the same words in the text and HTML parts.
@Suite struct EmailWordingTests {
  /// One rendered email with what decides its claims.
  struct Read {
    var template: EmailTemplate
    var plan: OnboardingPlan
    var text: String
    var html: String
    var eml: String
    var name: String { "\(plan.hire.email) \(template.id)" }
  }

  static let reads: [Read] = {
    guard let cohort = try? FixtureCohort() else { return [] }
    var reads: [Read] = []
    let byID = Dictionary(uniqueKeysWithValues: cohort.templates.map { ($0.id, $0) })
    for hire in cohort.hires {
      guard let output = try? cohort.output(for: hire) else { continue }
      let settings = cohort.library.settings
      let files = cohort.templates.map(\.file)
      let (events, _) = EmailSchedule.events(
        for: output.plan, templates: files, defaultTime: settings.defaultSendTime)
      let base = EmailContext.base(
        plan: output.plan, settings: settings, templates: files, events: events)
      let emls = output.files.filter { $0.path.hasPrefix("emails/") }
      for (event, eml) in zip(events, emls) {
        guard let template = byID[event.templateID],
          let parts = try? EmailRenderer.parts(
            template,
            context: EmailContext.adding(event, of: output.plan, to: base, template: template.file))
        else { continue }
        reads.append(
          Read(
            template: template, plan: output.plan, text: parts.text, html: parts.html,
            eml: String(decoding: eml.data, as: UTF8.self)))
      }
    }
    return reads
  }()

  @Test func everyFixtureHireHasItsEmailsRead() throws {
    let cohort = try FixtureCohort()
    #expect(Set(Self.reads.map(\.plan.hire.email)).count == cohort.hires.count)
    #expect(Set(Self.reads.map(\.template.id)) == Set(cohort.templates.map(\.id)))
  }

  static let forbidden = [
    "severity", "priority", "weak area", "the hire", "of target", "target level", "gap",
    "critical", "unassessed", "integrity", "settle it",
  ]

  @Test func hireAndBuddyEmailsCarryNoPlannerLanguage() {
    for read in Self.reads where read.template.file.audience != .manager {
      let text = read.text.lowercased()
      for phrase in Self.forbidden {
        #expect(!text.contains(phrase), "\(read.name) says “\(phrase)”")
      }
      #expect(text.range(of: #"level \d"#, options: .regularExpression) == nil, "\(read.name)")
    }
  }

  @Test func hireEmailsSpeakToTheHire() {
    for read in Self.reads where read.template.file.audience == .hire {
      #expect(read.text.hasPrefix("Hi \(read.plan.hire.firstName),"), "\(read.name)")
      #expect(read.text.contains("you"), "\(read.name)")
      #expect(!read.text.contains(read.plan.hire.fullName), "\(read.name) names the hire")
    }
  }

  @Test func noEmailClaimsInvitationsNobodySends() {
    for read in Self.reads {
      let text = read.text.lowercased()
      #expect(!text.contains("already in your calendar"), "\(read.name)")
      #expect(!text.contains("invitations are in your calendar"), "\(read.name)")
      let attached = read.eml.contains("Content-Type: text/calendar")
      #expect(text.contains("invitation is attached") == attached, "\(read.name)")
      #expect(attached == read.template.file.attachInvitation, "\(read.name)")
    }
  }

  @Test func firstDayLogisticsFitTheWorkMode() throws {
    let settings = try FixtureCohort().library.settings
    let reads = Self.reads.filter { $0.template.id == "first-day-logistics" }
    #expect(!reads.isEmpty)
    for read in reads {
      let hire = read.plan.hire
      let text = read.text
      if hire.workMode == .remote {
        #expect(text.contains("work from home"), "\(read.name)")
        #expect(!text.contains("WHAT TO BRING") && !text.contains("reception"), "\(read.name)")
        if let link = settings.videoCallLink(for: hire.location) {
          #expect(text.contains(link), "\(read.name)")
        }
      } else {
        #expect(text.contains("\(hire.location) office"), "\(read.name)")
        #expect(!text.contains("work from home") && !text.contains("video call"), "\(read.name)")
      }
      // The laptop is named only when the plan ships one.
      #expect(
        text.contains("laptop") == (read.plan.item(id: "equipment-shipped") != nil),
        "\(read.name)")
      // Day 1 is listed once: the rest of the week starts on day 2.
      let rest = try #require(text.components(separatedBy: "THE REST OF YOUR FIRST WEEK").last)
      #expect(!rest.contains(read.plan.start.longText), "\(read.name) lists day 1 twice")
    }
  }

  @Test func buddyEmailListsTheBuddysOwnSessions() {
    let reads = Self.reads.filter { $0.template.id == "buddy-introduction" }
    #expect(!reads.isEmpty)
    for read in reads {
      let own = read.plan.items.filter {
        $0.date >= read.plan.start && $0.ownerName == read.plan.hire.buddy.name
      }
      #expect(!own.isEmpty)
      let lines = read.text.split(separator: "\n")
      for item in own {
        #expect(
          lines.contains { $0.contains(item.date.longText) && $0.contains(item.title) },
          "\(read.name) leaves out \(item.title) on \(item.date.longText)")
      }
    }
  }

  @Test func textAndHTMLPartsSayTheSameWords() {
    for read in Self.reads {
      #expect(Self.words(read.text) == Self.words(Self.visibleText(read.html)), "\(read.name)")
    }
  }

  @Test func theHiresCalendarCarriesNoPlannerLanguage() throws {
    let cohort = try FixtureCohort()
    let settings = cohort.library.settings
    for hire in cohort.hires {
      let output = try cohort.output(for: hire)
      let file = try #require(output.files.first { $0.path == "sessions.ics" })
      let ics = String(decoding: file.data, as: UTF8.self).replacingOccurrences(
        of: "\r\n ", with: "")
      for phrase in Self.forbidden + ["level "] {
        #expect(!ics.lowercased().contains(phrase), "\(hire.email) sessions.ics says “\(phrase)”")
      }
      let link = try #require(settings.videoCallLink(for: hire.location))
      #expect(ics.contains("\r\nURL:\(link)\r\n"))
      let location = hire.workMode == .remote ? link : "\(hire.location) office"
      #expect(!ics.contains("\r\nLOCATION:") || ics.contains("\r\nLOCATION:\(location)\r\n"))
      #expect(!ics.contains("LOCATION:Video call"))
    }
  }

  @Test func everyShippedTemplateHasOneBody() throws {
    for template in try FixtureCohort().templates {
      #expect(template.html == nil, "\(template.id) has a second, HTML body")
    }
  }

  /// What a reader of the HTML part sees: tags dropped, entities decoded, a link's address after
  /// its label as the text part shows it.
  static func visibleText(_ html: String) -> String {
    var text = html
    let link = #/<a href="([^"]*)"[^>]*>(.*?)</a>/#
    text = text.replacing(link) { match in
      let url = String(match.1)
      let shown = url.hasPrefix("mailto:") ? String(url.dropFirst(7)) : url
      return match.2 == shown ? shown : "\(match.2) (\(shown))"
    }
    text = text.replacing(#/<[^>]+>/#, with: " ")
    for (entity, character) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
    ] {
      text = text.replacingOccurrences(of: entity, with: character)
    }
    return text
  }

  static func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
  }
}
