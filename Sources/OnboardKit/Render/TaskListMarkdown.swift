/// The "Tasks" section of plan.md: a GitHub-flavoured task list per owner (`- [ ] ...`) that can
/// be pasted into an issue, each line with its due date and task id.
public enum TaskListMarkdown {
  public static func render(_ tasks: [OnboardingTask], done: Set<String> = []) -> String {
    String(decoding: renderBuffer(tasks, done: done).array, as: UTF8.self)
  }

  /// `render` as UTF-8 bytes: the owners in the order they first own a task, each with its tasks
  /// in order (indices into `tasks`, so no task is copied into a dictionary).
  static func renderBytes(_ tasks: [OnboardingTask]) -> [UInt8] { renderBuffer(tasks).array }

  /// `renderBytes` in the buffer it is built in; the tasks of `done` (ids) are ticked.
  static func renderBuffer(_ tasks: [OnboardingTask], done: Set<String> = []) -> ByteBuffer {
    guard !tasks.isEmpty else { return ByteBuffer() }
    var owners: [String] = []
    var groups: [[Int]] = []
    var groupOfOwner: [String: Int] = [:]
    for (index, task) in tasks.enumerated() {
      let key = task.ownerText
      if let group = groupOfOwner[key] {
        groups[group].append(index)
      } else {
        groupOfOwner[key] = groups.count
        owners.append(key)
        groups.append([index])
      }
    }
    var text = ByteBuffer(capacity: 256 + tasks.count * 96)
    text.append("\n## Tasks by owner\n\n")
    text.append("Tick a box when it is done; `onboard progress --tasks` reads the ids back.\n")
    for (group, owner) in owners.enumerated() {
      text.append("\n### ")
      text.append(markdown: owner)
      text.append("\n\n")
      for index in groups[group] {
        let task = tasks[index]
        text.append(done.isEmpty || !done.contains(task.id) ? "- [ ] " : "- [x] ")
        text.append(markdown: task.title)
        text.append(" (due ")
        text.append(short: task.due)
        text.append(byte: UInt8(ascii: " "))
        text.append(integer: task.due.year)
        text.append(") `")
        text.append(task.id)
        text.append("`\n")
      }
    }
    return text
  }
}
