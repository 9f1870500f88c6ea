import Foundation
import Testing

@testable import OnboardKit

/// plan.html compares the interviewers' notes like the Markdown plan and the manager briefing do.
@Suite struct HTMLInterviewerNotesTests {
  @Test func divergingInterviewersAreShownSideBySide() throws {
    let (library, hires, evidence) = try RepositoryFiles.fixtures()
    let hire = try #require(RepositoryFiles.hire("zoe", in: hires))
    let output = try Onboarding.process(
      hire: hire, folder: "zoe", library: library, templates: try library.compileTemplates(),
      evidence: evidence.evidence, stamp: CalendarDate(year: 2026, month: 11, day: 29)!)
    let html = String(
      decoding: try #require(output.files.first { $0.path == "plan.html" }).data, as: UTF8.self)
    let comparisons = InterviewerComparison.compare(output.plan.report)
    #expect(comparisons.contains { $0.diverges }, "the fixture has diverging interviewers")
    #expect(html.contains("<h3 id=\"interviewers\">Interviewers' notes</h3>"))
    for comparison in comparisons {
      #expect(html.contains(htmlEscaped(comparison.agreement)), "\(comparison.skill.id)")
      for view in comparison.views {
        #expect(html.contains("<bdi>\(htmlEscaped(view.interviewer))</bdi>"))
      }
    }
  }
}
