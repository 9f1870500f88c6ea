import Foundation

/// Reads the roster CSV: one hire per row. A bad row is an error of that row only; the others
/// still import, so one bad hire does not stop a cohort.
public enum RosterImport {
  /// The columns a roster must have.
  public static let requiredColumns = [
    "first_name", "last_name", "email", "role", "start_date", "time_zone", "location",
    "manager_name", "manager_email", "buddy_name", "buddy_email",
  ]

  /// Other spellings HR systems use for the roster's columns (matched case-insensitively, with
  /// spaces, `_` and `-` alike).
  public static let synonyms: [String: [String]] = [
    "first_name": ["first name", "given name", "firstname", "preferred first name"],
    "last_name": ["last name", "surname", "family name", "lastname"],
    "email": ["email address", "e-mail", "candidate email", "personal email", "email (personal)"],
    "role": ["job title", "position", "title", "role title"],
    "start_date": ["start date", "start", "first day", "hire date", "starting date"],
    "time_zone": ["timezone", "time zone", "tz"],
    "location": ["office", "city", "work location", "site"],
    "manager_name": ["manager", "hiring manager", "line manager", "reports to"],
    "manager_email": ["manager email address", "hiring manager email", "line manager email"],
    "buddy_name": ["buddy", "onboarding buddy"],
    "buddy_email": ["buddy email address", "onboarding buddy email"],
    "employment": ["employment type", "contract type"],
    "work_days": ["working days", "work days", "days"],
    "hours_per_day": ["hours per day", "daily hours"],
    "work_mode": ["work mode", "workplace", "remote / on-site", "work arrangement"],
  ]

  /// The roster's columns that are not read, said once (a misspelled `workingdays` had a
  /// part-time hire planned on five days in silence), or nil.
  public static func unreadColumns(_ file: SourceFile) -> Diagnostic? {
    guard let table = try? TableReader(path: file.path, data: file.data) else { return nil }
    return table.unreadColumns(synonyms, what: "roster")
  }

  /// The hires, and the errors of the rows that could not be read.
  public static func parse(_ file: SourceFile) throws(InputErrors) -> (
    hires: [Hire], errors: [InputError]
  ) {
    let roster = try read(file)
    return (roster.hires, roster.errors)
  }

  /// `parse`, and the email of each row that could not be read but has one (by line; not when
  /// the row repeats a hire's email): its evidence belongs to that person, who failed, not to a
  /// candidate who was not hired.
  public static func read(_ file: SourceFile) throws(InputErrors) -> (
    hires: [Hire], errors: [InputError], failedEmails: [Int: String], failedRows: [Int: FailedRow]
  ) {
    var hires: [Hire] = []
    var errors: [InputError] = []
    var failedEmails: [Int: String] = [:]
    var failedRows: [Int: FailedRow] = [:]
    var seen: [String: Int] = [:]
    do {
      var table = try TableReader(path: file.path, data: file.data)
      for (name, alternatives) in synonyms { table.accept(alternatives, for: name) }
      try table.require(requiredColumns)
      while let row = try table.next() {
        if row.isBlank { continue }
        var checks = RowChecks()
        // A missing or extra cell shifts or drops values (a remote hire read as on-site).
        if let ragged = row.cellCountError() {
          checks.add(ragged)
        } else if let hire = parseRow(row, &checks) {
          if let first = seen[hire.key] {
            checks.add(
              row.error(
                "email",
                "`\(hire.email)` is already on the roster at line \(first); each hire appears once"
              ))
          } else {
            seen[hire.key] = row.line
            hires.append(hire)
          }
        }
        if !checks.isClean {
          errors += checks.errors
          let email = row.value("email")
          if isPlausibleEmail(email) { failedEmails[row.line] = email }
          failedRows[row.line] = FailedRow(
            name: oneLineName(row.value("first_name") + " " + row.value("last_name")),
            email: isPlausibleEmail(email) ? email : "", role: oneLineName(row.value("role")),
            roleOrigin: row.location("role"))
        }
      }
    } catch {
      throw InputErrors([error])
    }
    if hires.isEmpty && errors.isEmpty {
      // A header with no rows (an export of an empty view): nothing to plan is not a success.
      throw InputErrors([
        InputError(
          SourceLocation(file: file.path, line: 1),
          "the roster has a header but no hire rows; expected one row per hire under the header")
      ])
    }
    // A failed row's email that another row has (a repeat, or the row after a bad one) is that
    // hire's.
    let kept = Set(hires.map(\.key))
    return (
      hires, errors, failedEmails.filter { !kept.contains($0.value.lowercased()) }, failedRows
    )
  }

  /// What a failed roster row says of its hire, as far as it reads: the summary, index.html and
  /// cohort.csv name the person, not only "roster line 10" (empty where a cell was unreadable).
  public struct FailedRow: Hashable, Sendable {
    public var name: String
    public var email: String
    public var role: String
    /// Where the row's role cell is.
    public var roleOrigin: SourceLocation
  }

  /// The years a start date may fall in.
  public static let startYears = 2000...2199

  /// The longest value a roster cell may hold: names, emails, places and roles are short, and a
  /// 10 MB first name would be copied into every document and email of the hire.
  public static let maximumFieldLength = 200

  /// The columns that hold a person's name or a place: shown in headers, calendars and pages.
  static let nameColumns: Set<String> = [
    "first_name", "last_name", "manager_name", "buddy_name", "location",
  ]

  /// A name as one line, as every document shows it: a line break or tab inside the cell (a
  /// spreadsheet's Alt+Enter) is a space, spaces run together, a control character is shown as
  /// its symbol (␛) and a bidirectional override is removed, so a mail client's To line and a
  /// calendar's attendee read as the plan does.
  static func oneLineName(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value >= 0x7F }) else {
      return text
    }
    let spaced = String(
      String.UnicodeScalarView(
        text.unicodeScalars.map {
          $0.properties.isWhitespace || (0x0A...0x0D).contains($0.value) ? " " : $0
        }))
    // The directional marks (U+200E, U+200F) go too: in a name they only reorder what is shown.
    let unmarked = spaced.unicodeScalars.filter { $0.value != 0x200E && $0.value != 0x200F }
    return visibleText(
      String(String.UnicodeScalarView(unmarked)).split(separator: " ").joined(separator: " "),
      allowing: [])
  }

  /// The hire of a row, or nil with every wrong cell's error in `checks` (a row with a bad
  /// date and a misspelt time zone gets both errors in one run).
  static func parseRow(_ row: TableRow, _ checks: inout RowChecks) -> Hire? {
    for column in requiredColumns + ["employment", "work_days", "hours_per_day", "work_mode"] {
      let length = row.value(column).count
      if length > maximumFieldLength {
        // A shifted column would make every other cell's error a consequence of this one.
        checks.add(
          row.error(
            column,
            "a value of \(length) characters; expected at most \(maximumFieldLength) (is the column shifted?)"
          ))
        return nil
      }
    }
    func required(_ column: String, _ what: String) -> String? {
      let value = nameColumns.contains(column) ? oneLineName(row.value(column)) : row.value(column)
      guard !value.isEmpty else {
        checks.add(row.error(column, "is empty; expected \(what)"))
        return nil
      }
      return value
    }
    func email(_ column: String) -> String? {
      guard let value = required(column, "an email address") else { return nil }
      guard isPlausibleEmail(value) else {
        checks.add(
          row.error(column, "found `\(value)`; expected an email address like name@example.com"))
        return nil
      }
      return value
    }
    let firstName = required("first_name", "the hire's first name")
    let hireEmail = email("email")
    let role = required("role", "a role of Plans/roles.csv")
    var start: CalendarDate? = nil
    if let startText = required("start_date", "a date YYYY-MM-DD") {
      switch CalendarDate.parse(lenient: startText) {
      case .success(let date):
        // A typo of the year (`9999`, `0001`, `20277`-style slips) would plan a hire no one
        // meets and dates no calendar or mail program takes.
        if Self.startYears.contains(date.year) {
          start = date
        } else {
          checks.add(
            row.error(
              "start_date",
              "found `\(startText)`; expected a start date in the years \(Self.startYears.lowerBound) "
                + "to \(Self.startYears.upperBound)"))
        }
      case .failure(let problem):
        checks.add(row.error("start_date", "found `\(startText)`; \(problem.expected)"))
      }
    }
    var zone = required("time_zone", "an IANA time zone such as Europe/Berlin")
    if let text = zone, !isPlaceTimeZone(text) {
      checks.add(
        row.error(
          "time_zone",
          "found `\(text)`; expected an IANA time zone such as Europe/Berlin\(timeZoneHint(for: text))"
        ))
      zone = nil
    }
    let location = required("location", "a location such as Berlin")
    let managerName = required("manager_name", "the manager's name")
    let managerEmail = email("manager_email")
    let buddyName = required("buddy_name", "the buddy's name")
    let buddyEmail = email("buddy_email")
    // The hire is not their own manager or buddy (a pasted address): every buddy email and
    // the buddy's items would go to the hire.
    if let own = hireEmail?.lowercased() {
      for (column, other) in [("manager_email", managerEmail), ("buddy_email", buddyEmail)]
      where other?.lowercased() == own {
        checks.add(
          row.error(
            column,
            "`\(row.value(column))` is the hire's own email; expected the "
              + "\(column == "buddy_email" ? "buddy's" : "manager's") address"))
      }
    }
    var employment = Employment.fullTime
    if !row.value("employment").isEmpty {
      if let parsed = Employment(rawValue: row.value("employment").lowercased()) {
        employment = parsed
      } else {
        checks.add(
          row.error(
            "employment", "found `\(row.value("employment"))`; expected full-time or part-time"))
      }
    }
    let days = PlanLibrary.workDays(row, &checks)
    let workDays: [Weekday]? = days.isEmpty ? nil : days
    var hours: Double? = nil
    if !row.value("hours_per_day").isEmpty {
      if let value = Double(row.value("hours_per_day").replacingOccurrences(of: ",", with: ".")),
        value >= 1, value <= 12
      {
        hours = value
      } else {
        checks.add(
          row.error(
            "hours_per_day", "found `\(row.value("hours_per_day"))`; expected hours from 1 to 12"))
      }
    }
    var mode = WorkMode.onSite
    if !row.value("work_mode").isEmpty {
      if let parsed = WorkMode(rawValue: row.value("work_mode").lowercased()) {
        mode = parsed
      } else {
        checks.add(
          row.error(
            "work_mode", "found `\(row.value("work_mode"))`; expected on-site, remote or hybrid"))
      }
    }
    guard checks.isClean, let firstName, let hireEmail, let role, let start, let zone,
      let location, let managerName, let managerEmail, let buddyName, let buddyEmail
    else { return nil }
    var hire = Hire(
      firstName: trimmedName(Substring(firstName)),
      lastName: oneLineName(row.value("last_name")),
      email: hireEmail, role: role,
      requestedStart: start, timeZone: zone,
      location: location,
      manager: Person(name: managerName, email: managerEmail),
      buddy: Person(name: buddyName, email: buddyEmail),
      employment: employment, workDays: workDays, hoursPerDay: hours, workMode: mode,
      origin: SourceLocation(file: row.path, line: row.line))
    hire.roleOrigin = row.location("role")
    hire.locationOrigin = row.location("location")
    return hire
  }
}

/// The known IANA time zone closest to `text` (at most 3 edits away), for "did you mean".
/// " (did you mean `America/New_York`?)" for a zone that is no Area/City name: an
/// abbreviation (`EST`, `CET`: `EST` is a fixed UTC−05:00 without summer time, so a person in
/// Toronto would be an hour off half the year) or a near miss of a city zone; "" otherwise.
func timeZoneHint(for text: String) -> String {
  let abbreviations: [String: String] = [
    "est": "America/New_York` or `America/Toronto", "edt": "America/New_York",
    "et": "America/New_York", "cst": "America/Chicago` or `Asia/Shanghai", "cdt": "America/Chicago",
    "mst": "America/Denver", "mdt": "America/Denver", "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "cet": "Europe/Berlin` or `Europe/Paris", "cest": "Europe/Berlin",
    "met": "Europe/Berlin", "eet": "Europe/Helsinki` or `Europe/Athens",
    "wet": "Europe/Lisbon", "bst": "Europe/London", "gmt": "Europe/London` or `UTC",
    "ist": "Asia/Kolkata`, `Europe/Dublin` or `Asia/Jerusalem", "jst": "Asia/Tokyo",
    "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "acst": "Australia/Adelaide",
    "awst": "Australia/Perth", "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland",
    "hst": "Pacific/Honolulu", "akst": "America/Anchorage", "akdt": "America/Anchorage",
    "ast": "America/Halifax` or `Asia/Riyadh", "adt": "America/Halifax",
    "nst": "America/St_Johns", "brt": "America/Sao_Paulo", "art": "America/Argentina/Buenos_Aires",
    "msk": "Europe/Moscow", "trt": "Europe/Istanbul", "gst": "Asia/Dubai",
    "pkt": "Asia/Karachi", "sgt": "Asia/Singapore", "hkt": "Asia/Hong_Kong",
    "kst": "Asia/Seoul", "pht": "Asia/Manila", "wib": "Asia/Jakarta",
    "wat": "Africa/Lagos", "cat": "Africa/Maputo` or `Africa/Harare", "eat": "Africa/Nairobi",
    "sast": "Africa/Johannesburg",
    // The POSIX-style zones of the IANA database: US rules, no place's history.
    "est5edt": "America/New_York", "cst6cdt": "America/Chicago", "mst7mdt": "America/Denver",
    "pst8pdt": "America/Los_Angeles",
  ]
  let key = text.trimmingCharacters(in: .whitespaces).lowercased()
  if let city = abbreviations[key] {
    return " (`\(text)` is an abbreviation, not a place's zone with its summer-time rules; "
      + "did you mean `\(city)`?)"
  }
  if isOffset(key) {
    return " (`\(text)` is a fixed offset from UTC, without the summer time of the place"
      + (key.hasPrefix("etc/") ? ", and its sign is inverted (`Etc/GMT+5` is UTC−05:00)" : "")
      + "; give the place's zone, such as `Europe/Berlin` or `Asia/Kolkata`)"
  }
  return closestTimeZone(to: text).map { " (did you mean `\($0)`?)" } ?? ""
}

/// `utc+1`, `gmt-05:00`, `+05:30`, `etc/gmt+5` (lower-cased): a fixed offset, not a place. (The
/// `Etc/GMT+5` of the IANA database is UTC−05:00: its sign is the POSIX one, inverted.)
private func isOffset(_ key: String) -> Bool {
  var rest = Substring(key)
  for prefix in ["etc/gmt", "etc/utc", "utc", "gmt", "z"] where rest.hasPrefix(prefix) {
    rest = rest.dropFirst(prefix.count)
    break
  }
  guard let sign = rest.first, sign == "+" || sign == "-" || sign == "−" else { return false }
  let digits = rest.dropFirst()
  return !digits.isEmpty && digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ":") }
}

/// Whether a time zone is one a person or hire can have: a known Area/City zone, or `UTC`
/// (not the fixed offsets `Etc/GMT+5` and the like, whose inverted sign is a trap).
func isPlaceTimeZone(_ zone: String) -> Bool {
  // (A NUL would cut the name short for the zone lookup but not for the calendar writer.)
  !zone.unicodeScalars.contains { $0.properties.generalCategory == .control }
    && TimeZone(identifier: zone) != nil && (zone.contains("/") || zone == "UTC")
    && !(zone.hasPrefix("Etc/") && zone != "Etc/UTC")
}

func closestTimeZone(to text: String) -> String? {
  let key = text.lowercased()
  let best = TimeZone.knownTimeZoneIdentifiers.filter { $0.contains("/") }
    .map { ($0, editDistance(key, $0.lowercased())) }
    .min { ($0.1, $0.0) < ($1.1, $1.0) }
  guard let best, best.1 <= 3 else { return nil }
  return best.0
}

/// Whether a string is an email address Onboard can write to: an ASCII `local@domain` with a
/// dot-atom local part (no leading, trailing or doubled dot) and a host-name domain.
/// Quoted local parts and non-ASCII addresses (RFC 6532) are refused: mail headers need them
/// encoded, and rosters do not use them in practice.
public func isPlausibleEmail(_ text: String) -> Bool {
  let parts = text.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
  guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.utf8.count <= 254
  else { return false }
  // Byte tests (ASCII only, so a non-ASCII byte fails them): no per-call character sets.
  func isHost(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
  }
  func isAtom(_ byte: UInt8) -> Bool {
    isHost(byte) || "!#$%&'*+/=?^_`{|}~".utf8.contains(byte)
  }
  let local = parts[0].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
  guard local.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isAtom) }) else { return false }
  let labels = parts[1].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
  return labels.count >= 2
    && labels.allSatisfy {
      !$0.isEmpty && $0.count <= 63 && $0.allSatisfy(isHost) && $0.first != UInt8(ascii: "-")
        && $0.last != UInt8(ascii: "-")
    }
}
