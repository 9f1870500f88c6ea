import Foundation

/// The id spaces that vendor records name each other by.
public enum JoinKind: String, Sendable, Hashable, CaseIterable {
  /// Greenhouse candidate id → email (Harvest candidate objects).
  case greenhouseCandidate = "Greenhouse candidate"
  /// Greenhouse application id → candidate id (Harvest application objects).
  case greenhouseApplication = "Greenhouse application"
  /// Lever opportunity id → email (Lever opportunity objects).
  case leverOpportunity = "Lever opportunity"
  /// Lever user id → name (Lever user objects).
  case leverUser = "Lever user"
  /// HackerRank test id → test name (HackerRank test objects, `GET /x/api/v3/tests`).
  case hackerRankTest = "HackerRank test"

  /// Where the records of this kind come from, for messages.
  var source: String {
    switch self {
    case .greenhouseCandidate:
      "the Harvest candidates (`GET /v1/candidates`) or applications (`GET /v1/applications`) response"
    case .greenhouseApplication: "the Harvest applications response (`GET /v1/applications`)"
    case .leverOpportunity: "the Lever opportunities response (`GET /opportunities`)"
    case .leverUser: "the Lever users response (`GET /users`)"
    case .hackerRankTest: "the HackerRank tests response (`GET /x/api/v3/tests`)"
    }
  }
}

/// Ids read from directory records (candidates, applications, opportunities, users, tests), from
/// any `--evidence` file, so that records in other files can be joined after every file is read.
public struct JoinDirectory: Sendable {
  var values: [JoinKind: [String: String]] = [:]
  /// The value of a candidate or opportunity that lists no email address.
  static let noAddress = "(no email address)"

  public init() {}

  mutating func add(_ kind: JoinKind, id: String, value: String) {
    if values[kind]?[id] == nil { values[kind, default: [:]][id] = value }
  }

  func lookup(_ kind: JoinKind, _ id: String) -> String? { values[kind]?[id] }

  /// A candidate's addresses as one directory value (a line feed is in no address).
  static func addressList(_ addresses: [String]) -> String { addresses.joined(separator: "\n") }

  /// The address of a directory value for the join: of several, the first the roster has
  /// (`known`, lower-cased), else the first.
  static func address(_ value: String, known: Set<String>) -> String {
    guard value.contains("\n") else { return value }
    let addresses = value.split(separator: "\n").map(String.init)
    return addresses.first { known.contains($0.lowercased()) } ?? addresses[0]
  }

  /// Whether any record of a kind was given.
  func has(_ kind: JoinKind) -> Bool { !(values[kind]?.isEmpty ?? true) }

  mutating func merge(_ other: JoinDirectory) {
    for (kind, ids) in other.values {
      for (id, value) in ids { add(kind, id: id, value: value) }
    }
  }
}

/// Evidence that waits for a join: its hire (a candidate, application or opportunity id), its
/// interviewer's name (a Lever user id) or its test's name (a HackerRank test id).
/// A part of an interview record with no score, skipped as "no score": a scorecard or form that
/// rates nothing, or an unrated attribute or row that has a note (the note is not lost in
/// silence). An unrated attribute without a note is a question not asked and no record.
struct Unscored: Sendable {
  var location: SourceLocation
  var message: String

  /// Notes for a message, shortened to `limit` characters.
  static func quoted(_ notes: [String], limit: Int = 300) -> String {
    shortened(singleLine(notes.joined(separator: "; ")), to: limit)
  }
}

struct PendingEvidence: Sendable {
  /// The evidence, with `hireKey` (and for a test id, `skillID`) still empty.
  var evidence: [Evidence]
  /// The candidate ids to try, in order (e.g. a Greenhouse candidate id, then an application id).
  var hire: [(kind: JoinKind, id: String)] = []
  /// The email, when the record named it directly (only the interviewer or test is pending).
  var email: String?
  /// A Lever user id naming the interviewer.
  var assessorID: String?
  /// A HackerRank test id naming the test.
  var testID: String?
  /// Where the record is.
  var location: SourceLocation
  /// What the record is, for messages ("scorecard 123").
  var what: String
  /// Names no skill has, for the hire once known (`--strict`).
  var unknownNames: [UnknownName] = []
  /// Row errors, for the hire once known.
  var errors: [InputError] = []
  /// Parts of the record with no score that are skipped as "no score" once the hire is known
  /// (a scorecard that rates nothing, an unrated attribute with a note).
  var unscored: [Unscored] = []
  /// Lever: the form names no opportunity, so the opportunity id is looked for in the file's
  /// name (`<opportunity id>-feedback.json`, as `GET /opportunities/<id>/feedback` was saved).
  var opportunityInFileName = false
}

extension EvidenceImport {
  /// Resolves the joins of evidence that waited for other files: hires through candidate,
  /// application and opportunity records, interviewers through user records, HackerRank test ids
  /// through test records (or a skill alias that is the id). What cannot be joined is skipped
  /// and said; a test name no skill has is an unknown name (rule 1).
  ///
  /// `rosterEmails` (lower-cased) picks, for a candidate with several addresses (Greenhouse's
  /// `email_addresses`, Lever's `emails`: personal and work), the one a hire of the roster has;
  /// without it, or when none is, the first.
  public static func resolveJoins(
    _ result: inout EvidenceImportResult, skills: SkillIndex, rosterEmails: Set<String> = []
  ) {
    let pending = result.pending
    result.pending = []
    let directory = result.directory
    for record in pending {
      var email = record.email
      if email == nil {
        email = hireEmail(record, directory: directory)
        if email == nil, record.opportunityInFileName {
          let name = (record.location.file as NSString).lastPathComponent
          email = directory.values[.leverOpportunity]?.first { name.contains($0.key) }?.value
        }
        email = email.map { JoinDirectory.address($0, known: rosterEmails) }
        guard let found = email else {
          if record.opportunityInFileName {
            result.skip(
              .unresolvedID, record.location, hireKey: nil,
              "\(record.what) names no opportunity, and the file's name holds no id of a given opportunity; "
                + "save each opportunity's feedback as `<opportunity id>-feedback.json` and give "
                + "\(JoinKind.leverOpportunity.source) as another --evidence file, or add `candidate_email` to the form"
            )
            continue
          }
          let tried = record.hire.map { "\($0.kind.rawValue.lowercased()) id `\($0.id)`" }
            .joined(separator: " or ")
          // What to give: the responses of the kinds no given file is of (the candidates
          // response also resolves an application id); when every kind was given, the ids are
          // not in them.
          let missing = record.hire.map(\.kind).filter { directory.values[$0]?.isEmpty ?? true }
          let sources =
            missing.contains(.greenhouseCandidate)
            ? [JoinKind.greenhouseCandidate.source]
            : Array(Set(missing.map(\.source))).sorted()
          result.skip(
            .unresolvedID, record.location, hireKey: nil,
            "\(record.what) names its candidate only by \(tried), which no given file resolves; "
              + (sources.isEmpty
                ? "the given files of those kinds do not have \(record.hire.count == 1 ? "it" : "them") "
                  + "(merged or deleted since, or an export of other dates?)"
                : "give \(sources.joined(separator: "; or ")) as another --evidence file"))
          continue
        }
        if found == JoinDirectory.noAddress {
          result.skip(
            .noEmail, record.location, hireKey: nil,
            "\(record.what): the joined candidate has no email address; expected one to join "
              + "the record with the roster")
          continue
        }
        guard isPlausibleEmail(found) else {
          result.skip(
            .invalidEmail, record.location, hireKey: nil,
            "\(record.what): the joined candidate's email `\(found)` is no address")
          continue
        }
      }
      guard let email else { continue }
      let key = email.lowercased()
      for var name in record.unknownNames {
        name.hireKey = key
        result.unknownNames.append(name)
      }
      for error in record.errors { result.fail(key, error) }
      for part in record.unscored {
        result.skip(.notScored, part.location, hireKey: key, "\(email): \(part.message)")
      }
      var assessor: String?
      if let userID = record.assessorID {
        assessor = directory.lookup(.leverUser, userID)
        if assessor == nil {
          assessor = "Lever user \(userID)"
          if directory.values[.leverUser]?.isEmpty ?? true {
            result.noteOnce(
              record.location,
              "interviewers are Lever user ids; give \(JoinKind.leverUser.source) as another --evidence file to name them"
            )
          } else {
            // The users were given, and this one is not among them (deactivated, deleted).
            result.noteOnce(
              record.location,
              "Lever user `\(userID)` is in none of the given users responses (a deactivated or "
                + "deleted user?); the interviewer is shown as `Lever user \(userID)`")
          }
        }
      }
      var skillID: String?
      var testName: String?
      if let testID = record.testID {
        testName = directory.lookup(.hackerRankTest, testID)
        skillID = skills.skillID(for: testName ?? testID)
        if skillID == nil {
          let name = testName ?? testID
          let hint =
            testName == nil
            ? " (a test id: give \(JoinKind.hackerRankTest.source) as another --evidence file, or add `\(testID)` to a skill's aliases)"
            : ""
          result.unknown(
            name, at: record.location, hireKey: key, skills: skills, what: "HackerRank test",
            extra: hint)
          continue
        }
      }
      for var item in record.evidence {
        item.hireKey = key
        if let assessor { item.assessor = assessor }
        if let skillID {
          item.skillID = skillID
          item.instrument = testName ?? item.instrument
        }
        result.add(item)
        result.countEvidence(file: item.origin.file)
      }
    }
    keepLatestAttempts(&result)
  }

  static func hireEmail(_ record: PendingEvidence, directory: JoinDirectory) -> String? {
    for (kind, id) in record.hire {
      switch kind {
      case .greenhouseApplication:
        if let candidate = directory.lookup(.greenhouseApplication, id),
          let email = directory.lookup(.greenhouseCandidate, candidate)
        {
          return email
        }
      default:
        if let email = directory.lookup(kind, id) { return email }
      }
    }
    return nil
  }
}
