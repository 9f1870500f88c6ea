import Foundation

/// Reads a manager's overrides file: `email,action,target,date,time,duration_minutes,title,owner,note`.
///
/// | action | target | other columns |
/// |---|---|---|
/// | `skip` | an item id (`weekly-1-1#3`, `training:sql-indexing`) or a topic id (`sql-indexing`) | note |
/// | `move` | an item id | `date`, optional `time`, note |
/// | `add` | an id for the new item (optional) | `title`, `date`, `time`, `duration_minutes`, `owner`, note |
/// | `away` | the last day (`YYYY-MM-DD`, optional) | `date` = the first day, note |
/// | `buddy`, `manager` | `Name <email@example.com>` | note |
public enum OverridesImport {
  public static func parse(_ file: SourceFile) throws(InputErrors) -> [PlanOverride] {
    var overrides: [PlanOverride] = []
    var errors: [InputError] = []
    do {
      var table = try TableReader(path: file.path, data: file.data)
      try table.require(["email", "action", "target"])
      var added = 0
      // Each added item's id once per hire: two items with one id are one event to a calendar.
      var addedIDs: [String: Int] = [:]
      while let row = try table.next() {
        if row.isBlank { continue }
        do throws(InputError) {
          let override = try parseRow(row, added: &added)
          if case .add(let id, _, _, _, _, _) = override.action {
            let key = override.hireKey + "\u{1F}" + id
            if let first = addedIDs[key] {
              throw row.error(
                "target",
                "`\(id)` is already the id of an item added at line \(first) for \(override.hireKey); "
                  + "expected an id of its own (or leave target empty)")
            }
            addedIDs[key] = row.line
          }
          overrides.append(override)
        } catch {
          errors.append(error)
        }
      }
    } catch {
      errors.append(error)
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return overrides
  }

  static func parseRow(_ row: TableRow, added: inout Int) throws(InputError) -> PlanOverride {
    let email = row.value("email")
    guard isPlausibleEmail(email) else {
      throw row.error(
        "email", "found `\(email)`; expected the hire's email address as on the roster")
    }
    func date(_ column: String) throws(InputError) -> CalendarDate {
      guard let value = CalendarDate(iso: row.value(column)) else {
        throw row.error(column, "found `\(row.value(column))`; expected a date YYYY-MM-DD")
      }
      return value
    }
    func time(required: Bool) throws(InputError) -> LocalTime? {
      let text = row.value("time")
      if text.isEmpty, !required { return nil }
      guard let value = LocalTime(text: text) else {
        throw row.error("time", "found `\(text)`; expected a time HH:MM")
      }
      return value
    }
    func target(_ what: String) throws(InputError) -> String {
      let value = row.value("target")
      guard !value.isEmpty else { throw row.error("target", "is empty; expected \(what)") }
      return value
    }
    /// The person of a buddy or manager change, which is the whole plan's: a `date` was ignored
    /// in silence, so a hand-over from 15 February gave the new manager day 1's welcome too.
    func wholePlanPerson(_ role: String) throws(InputError) -> Person {
      let date = row.value("date")
      guard date.isEmpty else {
        throw row.error(
          "date",
          "found `\(date)`; a \(role) change applies to the whole plan, so expected no date; to "
            + "hand over from a day, rerun with `--replan-from \(date)` on the earlier run's "
            + "folder (the items before it keep the roster's person)")
      }
      return try person()
    }
    func person() throws(InputError) -> Person {
      let value = row.value("target")
      guard let open = value.lastIndex(of: "<"), value.hasSuffix(">") else {
        throw row.error("target", "found `\(value)`; expected `Name <email@example.com>`")
      }
      let name = value[..<open].trimmingCharacters(in: .whitespaces)
      let address = String(value[value.index(after: open)..<value.index(before: value.endIndex)])
      guard !name.isEmpty, isPlausibleEmail(address) else {
        throw row.error("target", "found `\(value)`; expected `Name <email@example.com>`")
      }
      return Person(name: name, email: address)
    }
    let action: PlanOverride.Action
    switch row.value("action").lowercased() {
    case "skip": action = .skip(target: try target("the id of an item or a topic to leave out"))
    case "move":
      action = .move(
        target: try target("the id of the item to move"), date: try date("date"),
        time: try time(required: false))
    case "add":
      added += 1
      let title = row.value("title")
      guard !title.isEmpty else {
        throw row.error("title", "is empty; expected what the added item is")
      }
      let minutesText = row.value("duration_minutes")
      guard let minutes = Int(minutesText), (5...480).contains(minutes) else {
        throw row.error(
          "duration_minutes", "found `\(minutesText)`; expected minutes from 5 to 480")
      }
      let owner = row.value("owner").isEmpty ? "manager" : row.value("owner").lowercased()
      let id = row.value("target").isEmpty ? "added-\(added)" : slug(row.value("target"))
      guard !id.isEmpty else {
        throw row.error(
          "target", "found `\(row.value("target"))`; expected an id of letters, digits and `-`")
      }
      let start = try time(required: true) ?? LocalTime(minutes: 540)
      guard start.minutes + minutes <= 24 * 60 else {
        throw row.error(
          "duration_minutes",
          "the item at \(start) for \(minutes) minutes ends after midnight; expected it to end the same day"
        )
      }
      action = .add(
        id: id, title: title, date: try date("date"), time: start, minutes: minutes, owner: owner)
    case "away":
      let first = try date("date")
      var last = first
      if !row.value("target").isEmpty {
        guard let parsed = CalendarDate(iso: row.value("target")), parsed >= first else {
          throw row.error(
            "target",
            "found `\(row.value("target"))`; expected the last day away (YYYY-MM-DD, not before `date`)"
          )
        }
        last = parsed
      }
      guard first.days(to: last) <= 60 else {
        throw row.error("target", "an absence of more than 60 days; expected a trip or leave")
      }
      action = .away(from: first, through: last)
    case "buddy": action = .buddy(try wholePlanPerson("buddy"))
    case "manager": action = .manager(try wholePlanPerson("manager"))
    default:
      throw row.error(
        "action", "found `\(row.value("action"))`; expected skip, move, add, away, buddy or manager"
      )
    }
    return PlanOverride(
      hireKey: email.lowercased(), action: action, note: row.value("note"),
      origin: SourceLocation(file: row.path, line: row.line))
  }
}
