import Foundation
import Testing

@testable import OnboardKit

/// Tasks: tasks.csv in Asana's import format, the task list in plan.md, and progress (issue 14).
@Suite struct TaskTests {
  /// Asana's CSV importer documents these column names, in this order ("Name, Description,
  /// Section, Assignee, Collaborators, Start Date, Due Date"; help.asana.com, preparing data for
  /// a CSV import).
  static let asanaDocumentedColumns = [
    "Name", "Description", "Section", "Assignee", "Collaborators", "Start Date", "Due Date",
  ]

  static func tasks() throws -> (OnboardingPlan, [OnboardingTask]) {
    let cohort = try FixtureCohort()
    let output = try cohort.output(for: try cohort.hire("zoe"))
    return (output.plan, OnboardingTask.tasks(of: output.plan))
  }

  @Test func headerIsAsanasDocumentedColumns() throws {
    let (_, tasks) = try Self.tasks()
    let text = TaskCSV.file(tasks)
    let header = try #require(text.components(separatedBy: "\r\n").first)
    #expect(header.split(separator: ",").map(String.init) == Self.asanaDocumentedColumns)
  }

  @Test func everyTaskHasAnOwnerADueDateAndAStableID() throws {
    let (plan, tasks) = try Self.tasks()
    #expect(tasks.count >= 20)
    #expect(Set(tasks.map(\.id)).count == tasks.count)
    for task in tasks {
      #expect(task.ownerName != nil, "\(task.id) has nobody named")
      #expect(task.ownerEmail?.contains("@") == true)
    }
    #expect(tasks.contains { $0.itemID == "contract-paperwork" && $0.ownerRole == "hr" })
    #expect(tasks.contains { $0.itemID == "review-30" && $0.title.hasPrefix("Hold:") })
    #expect(!tasks.contains { $0.ownerRole == "hire" })
    let (_, again) = try Self.tasks()
    #expect(again.map(\.id) == tasks.map(\.id))
    #expect(plan.items.count > tasks.count)
  }

  @Test func planMarkdownHasATaskListPerOwner() throws {
    let cohort = try FixtureCohort()
    let output = try cohort.output(for: try cohort.hire("zoe"))
    let markdown = String(decoding: output.files[0].data, as: UTF8.self)
    let section = try #require(markdown.components(separatedBy: "## Tasks by owner").last)
    #expect(section.contains("### Ingrid Bergström (manager)"))
    #expect(section.contains("### Lena Hoffmann (hr)"))
    let boxes = section.split(separator: "\n").filter { $0.hasPrefix("- [ ] ") }
    #expect(boxes.count == OnboardingTask.tasks(of: output.plan).count)
  }

  @Test func progressReportsDoneOpenAndOverdue() throws {
    let (plan, tasks) = try Self.tasks()
    let file = SourceFile(path: "tasks.csv", text: TaskCSV.file(tasks))
    let read = try TaskProgress.tasks(file)
    #expect(read.map(\.id) == tasks.map(\.id))
    #expect(read.map(\.due) == tasks.map(\.due))
    let asOf = plan.start.adding(days: 1)
    let before = tasks.filter { $0.due < asOf }
    let doneID = before[0].id
    let done = try TaskProgress.doneIDs(
      SourceFile(path: "done.txt", text: "# done so far\n\(doneID)  # contract\nonb-unknown\n"))
    let progress = TaskProgress.compute(tasks: read, done: done, asOf: asOf)
    let hire = try #require(progress.hires.first)
    #expect(hire.done.map(\.id) == [doneID])
    #expect(hire.overdue.count == before.count - 1)
    #expect(hire.open.count == tasks.count - before.count)
    #expect(progress.unknownDone == ["onb-unknown"])
    let text = progress.markdown()
    #expect(text.contains("1 done, \(hire.open.count) open, \(hire.overdue.count) overdue"))
    #expect(text.contains("onb-unknown"))
  }

  @Test func anAsanaExportCountsCompletedRows() throws {
    let (_, tasks) = try Self.tasks()
    let export = """
      Task ID,Created At,Completed At,Last Modified,Name,Section/Column,Assignee,Assignee Email,Due Date,Notes
      1201,2026-12-01,2026-12-02,2026-12-02,\(tasks[0].title),Zoë,Lena,lena.hoffmann@example.com,2026-12-01,"Task ID: \(tasks[0].id)
      For: Zoë"
      1202,2026-12-01,,2026-12-02,\(tasks[1].title),Zoë,Jonas,jonas.keller@example.com,2026-12-10,"Task ID: \(tasks[1].id)"

      """
    let done = try TaskProgress.doneIDs(SourceFile(path: "asana.csv", text: export))
    #expect(done == [tasks[0].id])
  }

  /// plan.md's task list, ticked as a manager does in an issue or an editor: every ticked box
  /// counts by its id (any bullet, indentation, case of x, text around the id), an unticked box
  /// and the rest of the page do not, and a ticked line without an id is named by its text.
  /// (Each line of the page was read as an id: 0 done, hundreds "not tasks".)
  @Test func aTickedPlanTaskListCountsItsTickedBoxes() throws {
    let (_, tasks) = try Self.tasks()
    var markdown = TaskListMarkdown.render(tasks)
    #expect(try TaskProgress.doneIDs(SourceFile(path: "plan.md", text: markdown)).isEmpty)
    let ids = tasks.prefix(4).map(\.id)
    markdown = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.contains("`\(ids[0])`")
        ? line.replacingOccurrences(of: "- [ ] ", with: "- [x] ") : String(line)
    }.joined(separator: "\n")
    markdown +=
      "\n| 09:00 | Welcome |\n* [X] ~~done~~ `\(ids[1])` (shipped DHL 123)\n"
      + "    - [ x ] \(ids[2]) with a note\n+ [ ] `\(ids[3])`\n- [x] Buy the welcome cake\n"
    let done = try TaskProgress.doneIDs(SourceFile(path: "plan.md", text: markdown))
    #expect(done == [ids[0], ids[1], ids[2], "Buy the welcome cake"])
    // The whole page, under its title "# Onboarding plan: Name, Role" (whose comma had it read
    // as a CSV header: every ticked plan.md was refused; QA9 F9).
    let page = "# Onboarding plan: Zoë Müller-Lüdenscheidt, Backend Developer\n\n" + markdown
    #expect(try TaskProgress.doneIDs(SourceFile(path: "plan.md", text: page)) == done)
  }

  /// A tracker's CSV other than Asana's (Jira: `Status`, `Resolved`, the `Task ID:` line in the
  /// Description) is read by its columns; one without a done column is an error naming its
  /// columns; a plain list's ids keep their lines, and an upper-cased id is the task.
  @Test func trackerExportsAndPlainListsAreReadWithTheirLines() throws {
    let jira =
      "Summary,Issue key,Status,Resolved,Description\n"
      + "Accounts,ONB-1,Done,11/Jan/27 10:00 AM,\"Task ID: onb-a-welcome\"\n"
      + "Tour,ONB-2,To Do,,\"Task ID: onb-a-tour\"\n"
      + "Setup,ONB-3,Closed,,\"Task ID: onb-a-setup\"\n"
    #expect(
      try TaskProgress.doneEntries(SourceFile(path: "jira.csv", text: jira)).map(\.id) == [
        "onb-a-welcome", "onb-a-setup",
      ])
    #expect {
      _ = try TaskProgress.doneEntries(
        SourceFile(path: "other.csv", text: "Key,Summary,Owner\nA-1,x,y\n"))
    } throws: { error in
      "\(error)".contains(
        "other.csv:1: error: found a CSV with the columns `Key`, `Summary`, `Owner`")
    }
    let list = try TaskProgress.doneEntries(
      SourceFile(
        path: "ids.txt", text: "\u{FEFF}# done\r\nONB-A-WELCOME\r\n\r\nonb-a-tuor # typo\r\n"))
    #expect(list.map(\.id) == ["onb-a-welcome", "onb-a-tuor"])
    #expect(list.map(\.line) == [2, 4])
    #expect(
      TaskProgress.closest(to: "onb-a-tuor", among: ["onb-a-tour", "onb-a-welcome"]) == "onb-a-tour"
    )
  }
}
