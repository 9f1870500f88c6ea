import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// `Onboarding.render` makes the interviewers' comparison once per hire and hands it to the
/// emails, plan.md and plan.html: its files against each renderer called on its own (which makes
/// the comparison itself), for the fixture hires at thresholds other than the default, where a
/// comparison made at the wrong threshold would show.
@Suite struct OnboardingRenderTests {
  @Test func aHiresFilesAreWhatEachRendererMakesOnItsOwn() throws {
    var (library, hires, evidence) = try RepositoryFiles.fixtures()
    let templates = try library.compileTemplates()
    let byID = Dictionary(templates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let stamp = try #require(CalendarDate(year: 2026, month: 11, day: 29))
    let byHire = Dictionary(grouping: evidence.evidence, by: \.hireKey)
    var thresholdsMattered = 0
    var emailsChecked = 0
    for threshold in [0.5, 1, 3] {
      library.settings.analysis.assessorConflictLevels = threshold
      let settings = library.settings
      for hire in hires {
        let plan = try Onboarding.plan(
          hire: hire, library: library, evidence: byHire[hire.key] ?? [])
        if InterviewerComparison.compare(plan.report, threshold: threshold)
          != InterviewerComparison.compare(plan.report, threshold: 2)
        {
          thresholdsMattered += 1
        }
        let output = try Onboarding.render(
          plan, folder: "f", library: library, templates: templates, stamp: stamp)
        let files = Dictionary(
          output.files.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
        let markdown =
          MarkdownPlan.renderBytes(output.plan, emails: output.emails, settings: settings.analysis)
          + TaskListMarkdown.renderBytes(output.tasks)
        #expect(files["plan.md"] == Data(visibleDocument(bytes: markdown)), "\(hire.email)")
        let html = HTMLPlan.renderBytes(
          output.plan, emails: output.emails, settings: settings.analysis)
        #expect(files["plan.html"] == Data(visibleDocument(bytes: html)), "\(hire.email)")
        // The emails from a context made without the shared comparison.
        let (events, _) = EmailSchedule.events(
          for: output.plan, templates: templates.map(\.file),
          defaultTime: settings.defaultSendTime)
        let base = EmailContext.base(
          plan: output.plan, settings: settings, templates: templates.map(\.file),
          events: events, people: library.people)
        for (index, event) in events.enumerated() {
          let template = try #require(byID[event.templateID])
          let email = try EmailRenderer.render(
            template, event: event, sequence: index + 1, plan: output.plan, settings: settings,
            stamp: stamp, baseContext: base, itemEvents: output.itemEvents,
            people: library.people)
          #expect(files["emails/\(email.fileName)"] == email.data, "\(email.fileName)")
          emailsChecked += 1
        }
      }
    }
    // Some hire's comparison differs from the default threshold's, so a comparison made at the
    // default would have changed a file; and the emails were there to compare.
    #expect(thresholdsMattered > 0)
    #expect(emailsChecked > 20)
  }
}
