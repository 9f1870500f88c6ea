import Foundation

/// Someone named with an email: a manager, a buddy, the sender.
public struct Person: Hashable, Sendable, Codable {
  public var name: String
  public var email: String

  public init(name: String, email: String) {
    self.name = name
    self.email = email
  }

  /// The first word of the name ("Priya" of "Priya Raman"); of a name written "Last, First", as
  /// HR systems export it ("Bergström, Ingrid"), the first word after the comma. Never with a
  /// comma or semicolon after it, so that "Hi Ingrid," is not "Hi Bergström," or "Hi Bud,,".
  public var firstName: String {
    let parts = name.split(separator: ",", omittingEmptySubsequences: true)
    if parts.count == 2, !parts[0].contains(" "),
      let given = parts[1].split(separator: " ").first
    {
      return trimmedName(given)
    }
    guard let word = name.split(separator: " ").first else { return name }
    return trimmedName(word)
  }
}

/// A name word without the commas and semicolons after it ("Bud" of "Bud,").
func trimmedName(_ word: Substring) -> String {
  let trimmed = word.reversed().drop { $0 == "," || $0 == ";" }.reversed()
  return trimmed.isEmpty ? String(word) : String(trimmed)
}

/// How a hire works: on site, remotely, or both.
public enum WorkMode: String, Sendable, Codable, CaseIterable {
  case onSite = "on-site"
  case remote, hybrid
}

/// Full-time or part-time.
public enum Employment: String, Sendable, Codable, CaseIterable {
  case fullTime = "full-time"
  case partTime = "part-time"
}

/// A new hire as the roster describes them.
public struct Hire: Hashable, Sendable, Codable {
  public var firstName: String
  public var lastName: String
  /// The key that joins the roster to the exports (compared case-insensitively).
  public var email: String
  public var role: String
  /// The start date the roster asks for (the plan may move it to the next working day).
  public var requestedStart: CalendarDate
  /// IANA time zone, e.g. `Europe/Berlin`.
  public var timeZone: String
  public var location: String
  public var manager: Person
  public var buddy: Person
  public var employment: Employment
  /// Working weekdays; nil = the company default.
  public var workDays: [Weekday]?
  /// Working hours per day; nil = the company default.
  public var hoursPerDay: Double?
  public var workMode: WorkMode
  /// The roster row this hire came from.
  public var origin: SourceLocation
  /// The roster cell of the role, for an error about it (the row's `origin` when not known).
  public var roleOrigin: SourceLocation?
  /// Where the roster's `location` cell is, when read from a roster.
  public var locationOrigin: SourceLocation?

  public init(
    firstName: String, lastName: String, email: String, role: String,
    requestedStart: CalendarDate, timeZone: String, location: String, manager: Person,
    buddy: Person, employment: Employment = .fullTime, workDays: [Weekday]? = nil,
    hoursPerDay: Double? = nil, workMode: WorkMode = .onSite, origin: SourceLocation
  ) {
    self.firstName = firstName
    self.lastName = lastName
    self.email = email
    self.role = role
    self.requestedStart = requestedStart
    self.timeZone = timeZone
    self.location = location
    self.manager = manager
    self.buddy = buddy
    self.employment = employment
    self.workDays = workDays
    self.hoursPerDay = hoursPerDay
    self.workMode = workMode
    self.origin = origin
  }

  /// "First Last", trimmed of spaces and tabs at both ends.
  public var fullName: String { Self.fullName(firstName, lastName) }

  /// `"\(first) \(last)"` trimmed of `.whitespaces`, as Foundation trims it; Foundation is only
  /// asked when an end is not plain ASCII ink (a space, a tab or a non-ASCII scalar), since the
  /// renderers ask for the name thousands of times a batch.
  static func fullName(_ first: String, _ last: String) -> String {
    let joined = "\(first) \(last)"
    if let head = joined.utf8.first, let tail = joined.utf8.last, isASCIIInk(head),
      isASCIIInk(tail)
    {
      return joined
    }
    return joined.trimmingCharacters(in: .whitespaces)
  }

  /// An ASCII byte that `.whitespaces` (Unicode Zs and the tab) does not hold.
  static func isASCIIInk(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }

  /// The email in lower case: the join key.
  public var key: String { email.lowercased() }
}
