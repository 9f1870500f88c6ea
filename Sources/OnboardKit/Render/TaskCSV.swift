import OnboardCSV

/// `tasks.csv` in Asana's CSV importer format, and reading it (and a done list) back.
///
/// Asana's importer maps columns by these documented names, in this documented order: Name,
/// Description, Section, Assignee (an email), Collaborators (emails), Start Date, Due Date
/// (MM/DD/YYYY). The hire is the section; the task id leads the description (`Task ID: onb-...`),
/// because that is what Asana keeps and exports back (the `Notes` column of its CSV export).
public enum TaskCSV {
  /// The header, exactly Asana's documented column names and order.
  public static let header = [
    "Name", "Description", "Section", "Assignee", "Collaborators", "Start Date", "Due Date",
  ]
  static let idPrefix = "Task ID: "

  /// One row per task.
  public static func rows(_ tasks: [OnboardingTask]) -> String {
    String(decoding: rowBytes(tasks), as: UTF8.self)
  }

  /// `visibleDocument(rows(tasks))` as UTF-8 bytes: what a batch's tasks.csv gets of one hire,
  /// without a `String` in between.
  public static func visibleRows(_ tasks: [OnboardingTask]) -> [UInt8] {
    visibleDocument(bytes: rowBytes(tasks))
  }

  /// `rows` as UTF-8 bytes, written by the byte writer.
  static func rowBytes(_ tasks: [OnboardingTask]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(tasks.count * 256)
    let writer = CSVWriter()
    for task in tasks {
      let description =
        "\(idPrefix)\(task.id)\nFor: \(task.hireName) <\(task.hireKey)>\nOwner: \(task.ownerText)"
      writer.append(
        [
          task.title, description, task.hireName, task.ownerEmail ?? "", "", "", usDate(task.due),
        ], to: &bytes)
    }
    return bytes
  }

  /// The whole file: the header and the rows.
  public static func file(_ tasks: [OnboardingTask]) -> String {
    CSVWriter().record(header) + rows(tasks)
  }

  static func usDate(_ date: CalendarDate) -> String {
    let c = date.components
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(two(c.month))/\(two(c.day))/\(c.year)"
  }

  static func parseUSDate(_ text: String) -> CalendarDate? {
    let parts = text.split(separator: "/").compactMap { Int($0) }
    guard parts.count == 3 else { return CalendarDate(iso: text) }
    return CalendarDate(year: parts[2], month: parts[0], day: parts[1])
  }

  /// The task id written at the start of a description, if any.
  public static func taskID(inDescription text: String) -> String? {
    guard let range = text.range(of: idPrefix) else { return nil }
    let rest = text[range.upperBound...]
    let id = rest.prefix { !$0.isWhitespace && $0 != "," }
    return id.isEmpty ? nil : String(id)
  }
}
