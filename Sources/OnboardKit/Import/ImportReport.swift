import Foundation

/// Why an import did not use a record (a row, a scorecard, a form, a test attempt).
public enum SkipReason: String, Sendable, Codable, CaseIterable, Comparable {
  /// The record has no email at all.
  case noEmail = "no email"
  /// The record's email is no address (`Ann Lee <ann@…>`, `mailto:…`, a trailing dot).
  case invalidEmail = "invalid email"
  /// The record names its candidate by an id that no given file resolves.
  case unresolvedID = "unresolved id"
  /// The email is no hire of the roster (a candidate not hired).
  case notOnRoster = "not on the roster"
  /// The vendor marks the record deleted.
  case deleted = "deleted"
  /// The attempt is not complete (invited, started, expired, disqualified).
  case unfinished = "not completed"
  /// The record carries no score.
  case notScored = "no score"
  /// A later attempt of the same test counts (`EvidenceImport.keepLatestAttempts`).
  case earlierAttempt = "earlier attempt"
  /// The same result again (same test, value and date): counted once.
  case repeated = "repeated"

  /// Reasons that leave a record without a hire: counted as unjoined.
  public var isUnjoined: Bool {
    [.noEmail, .invalidEmail, .unresolvedID, .notOnRoster].contains(self)
  }

  var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  public static func < (lhs: SkipReason, rhs: SkipReason) -> Bool { lhs.rank < rhs.rank }
}

/// A record an import did not use: where it is, why, and for which hire when that is known.
public struct SkippedRecord: Hashable, Sendable, Codable, CustomStringConvertible {
  public var reason: SkipReason
  public var location: SourceLocation
  /// The hire's email in lower case, when the record names one.
  public var hireKey: String?
  /// What a person reads: what was found, what was expected, how to fix it.
  public var message: String

  public init(_ reason: SkipReason, _ location: SourceLocation, hireKey: String?, _ message: String)
  {
    self.reason = reason
    self.location = location
    self.hireKey = hireKey
    self.message = message
  }

  /// `file:line:column: warning: skipped (reason): message`: a warning when the record could
  /// not be joined to anyone (no email, an invalid one, an unresolved id), else a note.
  public var description: String {
    let warns = [.noEmail, .invalidEmail, .unresolvedID].contains(reason)
    return
      "\(location): \(warns ? "warning" : "note"): skipped (\(reason.rawValue)): \(singleLine(message))"
  }
}

/// A name in an export that no skill has (a test column, a Greenhouse attribute, a Lever field, a
/// Codility task, a HackerRank test): a warning, or with `--strict` an error of the hire.
public struct UnknownName: Hashable, Sendable {
  public var name: String
  public var location: SourceLocation
  /// The hire whose record carried the name, when known (`--strict` fails this hire).
  public var hireKey: String?
  /// The warning's text: the closest aliases and how to map the name in Plans/skills.csv.
  public var message: String

  /// The warning as a diagnostic.
  public var diagnostic: Diagnostic { Diagnostic(.warning, location, message) }
  /// The same problem as an error, for `--strict`.
  public var error: InputError {
    InputError(location, message + " (--strict: an unknown name is an error)")
  }
}

/// What one export gave: its format, how many records it read and what became of them.
public struct EvidenceFileSummary: Sendable, Codable, Hashable {
  public var path: String
  public var format: String
  public var records: Int
  public var evidence: Int
  /// Skipped records by reason (`SkipReason.rawValue`).
  public var skipped: [String: Int]
  public var unknownNames: Int
  public var unjoined: Int
  /// Rows that were errors (a rating `3.5`, `N/A`): not evidence, and not "nothing skipped".
  public var rowErrors: Int = 0

  /// One line for people: "Fixtures/x.json: Greenhouse Harvest scorecards; 2 records, 4 evidence
  /// items; skipped: 1 unresolved id; 3 unknown names; 1 unjoined".
  public var line: String {
    var text =
      "\(path): \(format); \(plural(records, "record")), \(plural(evidence, "evidence item"))"
    let skips = skipped.sorted {
      (SkipReason(rawValue: $0.key) ?? .noEmail, $0.key) < (
        SkipReason(rawValue: $1.key) ?? .noEmail, $1.key
      )
    }
    if rowErrors > 0 { text += "; \(plural(rowErrors, "row")) with errors" }
    text +=
      skips.isEmpty
      ? (rowErrors > 0 ? "; nothing else skipped" : "; nothing skipped")
      : "; skipped: " + skips.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    text += "; \(plural(unknownNames, "unknown name")); \(unjoined) unjoined"
    return text
  }
}

/// "1 record", "2 records"; "1 training session".
public func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
  "\(count) \(count == 1 ? singular : (pluralForm ?? singular + "s"))"
}

/// A percentile rank as people say it: 71 → "71st", 62 → "62nd", 81.5 → "81.5th".
public func ordinalRank(_ value: Double) -> String {
  let text = formatNumber(value)
  guard let whole = Int(text) else { return text + "th" }
  return ordinal(whole)
}

/// An English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 62nd, 71st, 100th.
public func ordinal(_ number: Int) -> String {
  let tens = abs(number) % 100
  let units = abs(number) % 10
  let suffix: String
  if (11...13).contains(tens) {
    suffix = "th"
  } else {
    switch units {
    case 1: suffix = "st"
    case 2: suffix = "nd"
    case 3: suffix = "rd"
    default: suffix = "th"
    }
  }
  return "\(number)\(suffix)"
}
