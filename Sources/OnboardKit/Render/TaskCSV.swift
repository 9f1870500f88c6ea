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

  /// `rows` as UTF-8 bytes: each field as `CSVWriter` writes it, without a `String` or an array
  /// of fields per task. The description (`Task ID: ...`, a line break, `For: ...`, a line break,
  /// `Owner: ...`) always holds a line break and starts with `T`, so the writer always quotes it
  /// and never changes its first character: it is written quoted here, its `"` doubled, in parts.
  /// The US date starts with a digit and holds only digits, slashes and (for a year before 1) a
  /// minus sign, which the writer leaves as they are.
  static func rowBytes(_ tasks: [OnboardingTask]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(tasks.count * 256)
    let writer = CSVWriter()
    for task in tasks {
      writer.appendField(task.title, to: &bytes)
      bytes.append(UInt8(ascii: ","))
      bytes.append(UInt8(ascii: "\""))
      appendDoublingQuotes(idPrefix, to: &bytes)
      appendDoublingQuotes(task.id, to: &bytes)
      appendDoublingQuotes("\nFor: ", to: &bytes)
      appendDoublingQuotes(task.hireName, to: &bytes)
      appendDoublingQuotes(" <", to: &bytes)
      appendDoublingQuotes(task.hireKey, to: &bytes)
      appendDoublingQuotes(">\nOwner: ", to: &bytes)
      appendDoublingQuotes(task.ownerText, to: &bytes)
      bytes.append(UInt8(ascii: "\""))
      bytes.append(UInt8(ascii: ","))
      writer.appendField(task.hireName, to: &bytes)
      bytes.append(UInt8(ascii: ","))
      writer.appendField(task.ownerEmail ?? "", to: &bytes)
      bytes.append(contentsOf: ",,,".utf8)
      appendUSDate(task.due, to: &bytes)
      bytes.append(0x0D)
      bytes.append(0x0A)
    }
    return bytes
  }

  /// `text`'s UTF-8 with every `"` doubled (a `"` is one byte, never inside another scalar's).
  private static func appendDoublingQuotes(_ text: String, to bytes: inout [UInt8]) {
    var text = text  // shares the storage; `withUTF8` needs a variable
    text.withUTF8 { utf8 in
      var start = 0
      for index in utf8.indices where utf8[index] == UInt8(ascii: "\"") {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...index]))
        start = index  // the quote again, as the first byte of the next run
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
  }

  /// Appends the date as Asana's Due Date column takes it, MM/DD/YYYY ("01/04/2027"; the year
  /// as its digits, however many).
  static func appendUSDate(_ date: CalendarDate, to bytes: inout [UInt8]) {
    let c = date.components
    for part in [c.month, c.day] {  // 1–12 and 1–31: two digits each
      bytes.append(UInt8(ascii: "0") + UInt8(part / 10))
      bytes.append(UInt8(ascii: "0") + UInt8(part % 10))
      bytes.append(UInt8(ascii: "/"))
    }
    NumberText.append(integer: c.year, to: &bytes)
  }

  /// The whole file: the header and the rows.
  public static func file(_ tasks: [OnboardingTask]) -> String {
    CSVWriter().record(header) + rows(tasks)
  }

  /// `appendUSDate`'s text.
  static func usDate(_ date: CalendarDate) -> String {
    var bytes: [UInt8] = []
    appendUSDate(date, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
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
