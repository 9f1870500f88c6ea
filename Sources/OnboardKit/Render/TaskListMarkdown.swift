/// The "Tasks" section of plan.md: a GitHub-flavoured task list per owner (`- [ ] ...`) that can
/// be pasted into an issue, each line with its due date and task id.
public enum TaskListMarkdown {
  public static func render(_ tasks: [OnboardingTask]) -> String {
    String(decoding: renderBytes(tasks), as: UTF8.self)
  }

  /// `render` as UTF-8 bytes: the owners in the order they first own a task, each with its tasks
  /// in order (indices into `tasks`, so no task is copied into a dictionary).
  static func renderBytes(_ tasks: [OnboardingTask]) -> [UInt8] {
    guard !tasks.isEmpty else { return [] }
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
    var text: [UInt8] = []
    text.reserveCapacity(256 + tasks.count * 96)
    text.appendUTF8("\n## Tasks by owner\n\n")
    text.appendUTF8("Tick a box when it is done; `onboard progress --tasks` reads the ids back.\n")
    for (group, owner) in owners.enumerated() {
      text.appendUTF8("\n### \(markdownEscaped(owner))\n\n")
      for index in groups[group] {
        let task = tasks[index]
        text.appendUTF8("- [ ] ")
        text.appendUTF8(markdownEscaped(task.title))
        text.appendUTF8(" (due \(task.due.shortText) \(task.due.year)) `")
        text.appendUTF8(task.id)
        text.appendUTF8("`\n")
      }
    }
    return text
  }
}
