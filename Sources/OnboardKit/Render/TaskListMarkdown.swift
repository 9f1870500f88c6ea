/// The "Tasks" section of plan.md: a GitHub-flavoured task list per owner (`- [ ] ...`) that can
/// be pasted into an issue, each line with its due date and task id.
public enum TaskListMarkdown {
  public static func render(_ tasks: [OnboardingTask]) -> String {
    guard !tasks.isEmpty else { return "" }
    var owners: [String] = []
    var byOwner: [String: [OnboardingTask]] = [:]
    for task in tasks {
      let key = task.ownerText
      if byOwner[key] == nil { owners.append(key) }
      byOwner[key, default: []].append(task)
    }
    var text = "\n## Tasks by owner\n\n"
    text += "Tick a box when it is done; `onboard progress --tasks` reads the ids back.\n"
    for owner in owners {
      text += "\n### \(markdownEscaped(owner))\n\n"
      for task in byOwner[owner] ?? [] {
        text +=
          "- [ ] \(markdownEscaped(task.title)) (due \(task.due.shortText) \(task.due.year)) `\(task.id)`\n"
      }
    }
    return text
  }
}
