/// The placeholders email templates may use, and the fields of their list items.
///
/// `onboard check` rejects any other name, so a typo never reaches a new hire as a blank.
public enum EmailPlaceholders {
  /// A placeholder: a scalar (no fields), a boolean section, or a list/object with item fields.
  public struct Field: Sendable {
    public var fields: [String: Field]
    public init(_ fields: [String: Field] = [:]) { self.fields = fields }
  }

  static let scalar = Field()

  static func object(_ names: [String], nested: [String: Field] = [:]) -> Field {
    Field(Dictionary(uniqueKeysWithValues: names.map { ($0, scalar) }).merging(nested) { $1 })
  }

  /// Available in every template.
  public static let common: [String: Field] = {
    var fields: [String: Field] = [:]
    for name in [
      "company", "sender_name", "sender_email", "first_name", "last_name", "full_name", "email",
      "role",
      "location", "time_zone", "start_date", "arrive_by", "start_moved", "requested_start_date",
      "start_moved_reason", "manager_name", "manager_first_name", "manager_email", "buddy_name",
      "buddy_first_name", "buddy_email", "manager_is_buddy", "work_mode", "remote", "has_gaps",
      "training_count",
      "plan_overview", "has_integrity_flags", "review_30_date", "review_60_date", "review_90_date",
      "video_link", "laptop_shipped", "send_timing", "has_learning", "has_skill_checks",
      "has_buddy_sessions", "hybrid", "has_rest_of_first_week", "next_working_day",
      "has_evidence", "has_tests", "has_interviews", "no_conflict_text", "has_unassessed",
      "unassessed_text", "manager_day_one", "has_manager_day_one",
      "has_manager_outside_hours", "manager_outside_hours", "buddy_elsewhere", "buddy_zone",
    ] { fields[name] = scalar }
    fields["learning"] = object([
      "skill", "sessions", "sessions_text", "with", "first_date", "when",
    ])
    fields["skill_checks"] = object(["skill", "date", "with"])
    fields["buddy_sessions"] = object(["date", "time", "hire_time", "title", "duration_minutes"])
    fields["rest_of_first_week"] = object(
      ["date"], nested: ["items": object(["time", "title"])])
    fields["first_day"] = object(["time", "title", "owner", "with"])
    fields["first_week"] = object(["date"], nested: ["items": object(["time", "title"])])
    fields["gaps"] = object(["skill", "level", "target", "status", "severity"])
    fields["strengths"] = object(["skill", "level"])
    fields["unassessed"] = object(["skill"])
    fields["conflicts"] = object(["skill", "detail", "settle"])
    fields["integrity"] = object(["skills", "detail"])
    fields["goals_30"] = object(["goal"])
    fields["goals_60"] = object(["goal"])
    fields["goals_90"] = object(["goal"])
    fields["interview_notes"] = object(
      ["skill", "agreement", "diverges"],
      nested: ["notes": object(["interviewer", "rating", "note"])])
    return fields
  }()

  /// `session` in `each training` templates.
  public static let session = object(
    [
      "title", "skill", "format", "date", "time", "duration_minutes", "owner_name", "reason",
      "resource", "with", "is_check", "is_update", "was",
    ], nested: ["points": object(["point"])])

  /// `activity` in `before ACTIVITY` templates.
  public static let activity = object(
    ["title", "date", "time"], nested: ["agenda": object(["point"])])

  /// `emails.<id>.timing` and `.date` for the library's templates (ids as `placeholderName`).
  public static func emails(_ templateIDs: [String]) -> [String: Field] {
    let each = object(["timing", "date"])
    return [
      "emails": Field(
        Dictionary(
          templateIDs.map { (EmailContext.placeholderName($0), each) },
          uniquingKeysWith: { a, _ in a }))
    ]
  }

  /// Whether a name (possibly dotted) resolves inside the given sections.
  static func isKnown(_ name: String, sectionPath: [String], extra: [String: Field]) -> Bool {
    if name == "." { return true }
    let top = common.merging(extra) { $1 }
    // The scopes visible at this point: the top level, then each enclosing section's fields.
    var scopes: [[String: Field]] = [top]
    var current = top
    for section in sectionPath {
      let parts = section.split(separator: ".").map(String.init)
      var field: Field? = nil
      for scope in scopes.reversed() {
        if let first = scope[parts[0]] {
          field = parts.dropFirst().reduce(first as Field?) { $0?.fields[$1] }
          break
        }
      }
      current = field?.fields ?? [:]
      scopes.append(current)
    }
    let parts = name.split(separator: ".").map(String.init)
    for scope in scopes.reversed() {
      if let first = scope[parts[0]] {
        return parts.dropFirst().reduce(first as Field?) { $0?.fields[$1] } != nil
      }
    }
    return false
  }

  /// " Did you mean `x`?" for the closest known name, or "".
  static func suggestion(for name: String, extra: [String: Field]) -> String {
    let names = common.keys.sorted() + extra.keys.sorted()
    guard let best = names.min(by: { (editDistance(name, $0), $0) < (editDistance(name, $1), $1) }),
      editDistance(name, best) <= 3
    else { return "" }
    return ". Did you mean `\(best)`?"
  }
}
