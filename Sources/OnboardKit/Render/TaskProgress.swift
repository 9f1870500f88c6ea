import Foundation

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
    Set(try doneEntries(file).map(\.id))
  }

  /// The columns a tracker's CSV export marks a task done with (Asana `Completed At`, Jira
  /// `Resolved`, others), in the order they are tried; `Status` is read as done when it says so.
  static let doneColumns = ["Completed At", "Resolved", "Completed", "Done At", "Closed At"]
  static let doneStatuses: Set<String> = ["done", "resolved", "closed", "complete", "completed"]

  /// `doneIDs` with the line each id is on, in file order (ids lower-cased: they are made from
  /// lower-case emails, and a tracker may upper-case them).
  ///
  /// A CSV export with a header (a first line with commas that is no task id) is read by its
  /// columns: a done column of `doneColumns` or a `Status`, and the id from the `Task ID: …`
  /// line of `Notes`/`Description` (or a `Task ID` column holding an `onb-` id); one with neither
  /// is an error naming the columns it has.
  public static func doneEntries(_ file: SourceFile) throws(InputErrors) -> [(
    id: String, line: Int
  )] {
    let text: String
    do { text = try file.text() } catch { throw InputErrors([error]) }
    let firstLine =
      text.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingCharacters(
        in: CharacterSet(charactersIn: "\u{FEFF}")) ?? ""
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    // A Markdown task list first: a whole plan.md starts "# Onboarding plan: Name, Role", whose
    // comma made it look like a CSV header.
    let isTaskList = lines.contains { taskListBox(in: $0) != nil }
    if !isTaskList, firstLine.contains(","), !firstLine.lowercased().hasPrefix("onb-") {
      return try trackerEntries(file, header: firstLine)
    }
    var entries: [(id: String, line: Int)] = []
    if isTaskList {
      for (index, line) in lines.enumerated() {
        guard let (ticked, rest) = taskListBox(in: line), ticked else { continue }
        let id = taskID(inTaskLine: rest) ?? rest.trimmingCharacters(in: .whitespaces)
        entries.append((normalized(id), index + 1))
      }
      return entries
    }
    for (index, line) in lines.enumerated() {
      let id =
        line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
        .map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(["\u{FEFF}"])) } ?? ""
      if !id.isEmpty { entries.append((normalized(id), index + 1)) }
    }
    return entries
  }

  /// A task id in lower case (`ONB-…` from a tracker that upper-cases keys is `onb-…`); other
  /// text as it is.
  static func normalized(_ id: String) -> String {
    id.lowercased().hasPrefix("onb-") ? id.lowercased() : id
  }

  /// The task id closest to `id` (at most 3 edits away), for "did you mean".
  public static func closest(to id: String, among ids: [String]) -> String? {
    let best = ids.min { (editDistance($0, id), $0) < (editDistance($1, id), $1) }
    return best.flatMap { editDistance($0, id) <= 3 ? $0 : nil }
  }

  /// The done tasks of a tracker's CSV export (see `doneEntries`).
  static func trackerEntries(_ file: SourceFile, header: String) throws(InputErrors)
    -> [(id: String, line: Int)]
  {
    let columns = header.split(separator: ",").map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
    }
    let doneColumn = doneColumns.first { columns.contains($0) }
    guard doneColumn != nil || columns.contains("Status") else {
      throw InputErrors([
        InputError(
          SourceLocation(file: file.path, line: 1),
          "found a CSV with the columns \(columns.prefix(12).map { "`\($0)`" }.joined(separator: ", ")); "
            + "expected a tracker export with a done column (\(doneColumns.map { "`\($0)`" }.joined(separator: ", ")) "
            + "or `Status`) and the task id (a `Task ID` column, or `Task ID: …` in `Notes` or "
            + "`Description`), or a list of task ids one a line")
      ])
    }
    var entries: [(id: String, line: Int)] = []
    try PlanLibrary.readRows(file, required: [], extraCells: true) { row throws(InputError) in
      // Done when the done column has a date, or the status says so.
      let done =
        (doneColumn.map { !row.value($0).isEmpty } ?? false)
        || doneStatuses.contains(row.value("Status").lowercased())
      guard done else { return }
      // Our id is the `Task ID: onb-…` line tasks.csv wrote into the notes; a tracker's own
      // `Task ID` column (Asana's numbers) is ours only when it holds an `onb-` id.
      let notes = row.value("Notes").isEmpty ? row.value("Description") : row.value("Notes")
      let column = ["Custom field (Task ID)", "Task ID"].map { row.value($0) }.first {
        $0.lowercased().hasPrefix("onb-")
      }
      guard let id = TaskCSV.taskID(inDescription: notes) ?? column else {
        throw row.error(
          row.value("Notes").isEmpty ? "Description" : "Notes",
          "has no `Task ID: ...`; expected tasks imported from an onboard tasks.csv")
      }
      entries.append((normalized(id), row.line))
    }
    return entries
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
