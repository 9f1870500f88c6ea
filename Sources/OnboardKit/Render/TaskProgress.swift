/// A task read back from tasks.csv: its id, hire, title, owner and due date.
public struct TrackedTask: Hashable, Sendable {
  public var id: String
  public var hire: String
  public var title: String
  public var owner: String
  public var due: CalendarDate
}

/// What is done, open and overdue per hire, from tasks.csv and a done list.
public struct TaskProgress: Sendable {
  /// One hire's tasks by state.
  public struct HireTasks: Sendable {
    public var hire: String
    public var done: [TrackedTask]
    public var open: [TrackedTask]
    public var overdue: [TrackedTask]
  }

  public var hires: [HireTasks]
  /// Ids in the done list that are not tasks of tasks.csv (named, never dropped in silence).
  public var unknownDone: [String]
  public var asOf: CalendarDate

  /// Reads tasks.csv (as `onboard plan` wrote it).
  public static func tasks(_ file: SourceFile) throws(InputErrors) -> [TrackedTask] {
    var tasks: [TrackedTask] = []
    try PlanLibrary.readRows(file, required: ["Name", "Description", "Section", "Due Date"]) {
      row throws(InputError) in
      guard let id = TaskCSV.taskID(inDescription: row.value("Description")) else {
        throw row.error(
          "Description",
          "has no `Task ID: ...` line; expected a tasks.csv written by `onboard plan`")
      }
      guard let due = TaskCSV.parseUSDate(row.value("Due Date")) else {
        throw row.error("Due Date", "found `\(row.value("Due Date"))`; expected MM/DD/YYYY")
      }
      let owner =
        row.value("Description").split(separator: "\n").first { $0.hasPrefix("Owner: ") }
        .map { String($0.dropFirst(7)) } ?? row.value("Assignee")
      tasks.append(
        TrackedTask(
          id: id, hire: row.value("Section"), title: row.value("Name"), owner: owner, due: due))
    }
    return tasks
  }

  /// Reads a done list: task ids one a line (`#` starts a comment), a tracker's CSV export
  /// with a `Completed At` column (Asana) whose rows carry the task id in `Notes` or `Description`,
  /// or a Markdown task list (plan.md's "Tasks by owner", pasted into an issue and ticked): the
  /// ticked boxes (`- [x]`, `* [X]`, any indentation), each by the `onb-…` id on its line; an
  /// unticked box and every other line are not done. A ticked line without an id counts by its
  /// text, so that it is named among the ids that are no task.
  public static func doneIDs(_ file: SourceFile) throws(InputErrors) -> Set<String> {
    let text: String
    do { text = try file.text() } catch { throw InputErrors([error]) }
    let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
    if firstLine.contains("Completed At") {
      var ids: Set<String> = []
      try PlanLibrary.readRows(file, required: ["Completed At"]) { row throws(InputError) in
        guard !row.value("Completed At").isEmpty else { return }
        let notes = row.value("Notes").isEmpty ? row.value("Description") : row.value("Notes")
        guard let id = TaskCSV.taskID(inDescription: notes) else {
          throw row.error(
            "Notes", "has no `Task ID: ...`; expected tasks imported from an onboard tasks.csv")
        }
        ids.insert(id)
      }
      return ids
    }
    let lines = text.split(whereSeparator: \.isNewline)
    if lines.contains(where: { taskListBox(in: $0) != nil }) {
      var ids: Set<String> = []
      for line in lines {
        guard let (ticked, rest) = taskListBox(in: line), ticked else { continue }
        ids.insert(taskID(inTaskLine: rest) ?? rest.trimmingCharacters(in: .whitespaces))
      }
      return ids
    }
    var ids: Set<String> = []
    for line in lines {
      let id =
        line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
        .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      if !id.isEmpty { ids.insert(id) }
    }
    return ids
  }

  /// A Markdown task-list item's box: whether it is ticked, and the text after it; nil for any
  /// other line. `- [ ]`, `- [x]`, `* [X]`, `+ [ x ]`, indented or not.
  static func taskListBox(in line: Substring) -> (ticked: Bool, rest: Substring)? {
    var rest = line.drop { $0 == " " || $0 == "\t" }
    guard let bullet = rest.first, "-*+".contains(bullet) else { return nil }
    rest = rest.dropFirst().drop { $0 == " " }
    guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
    let mark = rest[rest.index(after: rest.startIndex)..<close].trimmingCharacters(in: .whitespaces)
    guard mark.isEmpty || mark == "x" || mark == "X" else { return nil }
    return (!mark.isEmpty, rest[rest.index(after: close)...])
  }

  /// The task id on a task-list line: the last back-ticked `onb-…`, else a bare `onb-…` word.
  static func taskID(inTaskLine text: Substring) -> String? {
    let spans = text.split(separator: "`", omittingEmptySubsequences: false)
    // Inside back-ticks: the odd pieces.
    for (index, span) in spans.enumerated().reversed() where index % 2 == 1 {
      if span.hasPrefix("onb-") { return String(span) }
    }
    return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first { $0.hasPrefix("onb-") }
      .map(String.init)
  }

  /// Sorts tasks into done, open (due today or later) and overdue (due before `asOf`, not done).
  public static func compute(tasks: [TrackedTask], done: Set<String>, asOf: CalendarDate)
    -> TaskProgress
  {
    var order: [String] = []
    var byHire: [String: HireTasks] = [:]
    for task in tasks {
      if byHire[task.hire] == nil {
        order.append(task.hire)
        byHire[task.hire] = HireTasks(hire: task.hire, done: [], open: [], overdue: [])
      }
      if done.contains(task.id) {
        byHire[task.hire]?.done.append(task)
      } else if task.due < asOf {
        byHire[task.hire]?.overdue.append(task)
      } else {
        byHire[task.hire]?.open.append(task)
      }
    }
    let known = Set(tasks.map(\.id))
    return TaskProgress(
      hires: order.compactMap { byHire[$0] }, unknownDone: done.subtracting(known).sorted(),
      asOf: asOf)
  }

  /// The report: per hire, counts and the overdue and open tasks with owner and due date.
  public func markdown() -> String {
    var text = "# Onboarding tasks on \(asOf.longText)\n"
    for hire in hires {
      text +=
        "\n## \(markdownEscaped(hire.hire)): \(hire.done.count) done, \(hire.open.count) open, \(hire.overdue.count) overdue\n"
      if !hire.overdue.isEmpty {
        text += "\nOverdue:\n\n"
        for task in hire.overdue { text += line(task) }
      }
      if !hire.open.isEmpty {
        text += "\nOpen:\n\n"
        for task in hire.open { text += line(task) }
      }
    }
    if !unknownDone.isEmpty {
      text +=
        "\n\(unknownDone.count) id\(unknownDone.count == 1 ? "" : "s") of the done list \(unknownDone.count == 1 ? "is" : "are") not in tasks.csv and \(unknownDone.count == 1 ? "was" : "were") ignored: "
        + unknownDone.map { "`\($0)`" }.joined(separator: ", ") + "\n"
    }
    return text
  }

  func line(_ task: TrackedTask) -> String {
    "- \(markdownEscaped(task.title)), \(markdownEscaped(task.owner)), due \(task.due.shortText) \(task.due.year) `\(task.id)`\n"
  }
}
