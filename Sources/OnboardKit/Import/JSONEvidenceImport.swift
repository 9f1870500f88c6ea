import Foundation

/// The JSON exports Onboard recognises from their shape, so users need not name them.
enum JSONEvidenceFormat: String, Sendable, CaseIterable {
  case greenhouse = "Greenhouse Harvest scorecards"
  case greenhouseDirectory = "Greenhouse Harvest candidates/applications"
  case lever = "Lever feedback forms"
  case leverDirectory = "Lever opportunities/users"
  case hackerRank = "HackerRank test candidates"
  case hackerRankTests = "HackerRank tests"
  case codility = "Codility sessions"

  /// The format a document's shape says, or nil.
  ///
  /// - An array of scorecards (objects with `attributes`, `interview_step`,
  ///   `overall_recommendation` or `scorecard` keys), one such object, or an object with a
  ///   `scorecards` member: Greenhouse. An array of (or one) object with `email_addresses`, or
  ///   with `candidate_id` and `applied_at`/`jobs`: Harvest candidates or applications.
  /// - An object with a `sessions` or `results` member, or an array of objects with `tasks` or
  ///   `evaluation`: Codility.
  /// - An object with a `data` array whose items have `fields`: Lever feedback; `emails` or
  ///   `accessRole`: Lever opportunities or users; `percentage_score`, `full_name` or `email`:
  ///   HackerRank test candidates; `name` with `duration`, `questions` or `unique_id`: HackerRank
  ///   tests. An empty `data` array is Lever when the object has `hasNext` or `opportunity`,
  ///   HackerRank when it has `test`, `total` or `page_total`.
  static func detect(_ root: JSONNode) -> JSONEvidenceFormat? {
    if let items = root.array {
      let objects = items.filter(\.isObject)
      if objects.contains(where: { $0.keys.contains(where: greenhouseKeys.contains) }) {
        return .greenhouse
      }
      if objects.contains(where: isHarvestDirectory) { return .greenhouseDirectory }
      if objects.contains(where: { $0["tasks"] != nil || $0["evaluation"] != nil }) {
        return .codility
      }
      return nil
    }
    guard root.isObject else { return nil }
    if root["scorecards"] != nil { return .greenhouse }
    if root["data"] == nil {
      if root.keys.contains(where: greenhouseKeys.contains) { return .greenhouse }
      if isHarvestDirectory(root) { return .greenhouseDirectory }
    }
    if root["sessions"] != nil || root["results"] != nil { return .codility }
    guard let data = root["data"]?.array else { return nil }
    let objects = data.filter(\.isObject)
    if objects.contains(where: { $0["fields"] != nil }) { return .lever }
    if objects.contains(where: { $0["emails"] != nil || $0["accessRole"] != nil }) {
      return .leverDirectory
    }
    if objects.contains(where: { item in hackerRankKeys.contains { item[$0] != nil } }) {
      return .hackerRank
    }
    if objects.contains(where: {
      $0["name"] != nil
        && ($0["duration"] != nil || $0["questions"] != nil || $0["unique_id"] != nil)
    }) {
      return .hackerRankTests
    }
    if objects.isEmpty {
      if root["hasNext"] != nil || root["opportunity"] != nil || root["opportunities"] != nil {
        return .lever
      }
      if root["test"] != nil || root["total"] != nil || root["page_total"] != nil {
        return .hackerRank
      }
    }
    return nil
  }

  /// A Harvest candidate (`email_addresses`) or application (`candidate_id` with `applied_at`
  /// or `jobs`) object.
  static func isHarvestDirectory(_ node: JSONNode) -> Bool {
    node.isObject
      && (node["email_addresses"] != nil
        || (node["candidate_id"] != nil && (node["applied_at"] != nil || node["jobs"] != nil)))
  }

  static let greenhouseKeys: Set<String> = [
    "attributes", "interview_step", "overall_recommendation", "scorecard",
  ]
  static let hackerRankKeys = ["percentage_score", "full_name", "email"]
}

/// Imports the JSON exports (Greenhouse, Lever, HackerRank, Codility) into evidence.
enum JSONEvidenceImport {
  /// Whether the first byte that is no whitespace (after a UTF-8 BOM) is `{` or `[`.
  static func looksLikeJSON(_ data: Data) -> Bool {
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let first = bytes.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
  }

  /// Reads one JSON export; invalid JSON, an unknown shape and file-level problems are thrown,
  /// problems of one candidate's data are collected per hire in the result.
  static func parse(_ file: SourceFile, skills: SkillIndex) throws(InputErrors)
    -> EvidenceImportResult
  {
    let root: JSONNode
    do {
      root = try JSONParser.parse(file.data, file: file.path)
    } catch {
      throw InputErrors([error])
    }
    if root.array?.isEmpty == true
      || (root.keys == ["data"] && root["data"]?.array?.isEmpty == true)
    {
      // An empty API response: nothing to import, and no shape to recognise.
      var result = EvidenceImportResult()
      result.read(file: file.path, format: "empty API response", records: 0)
      result.storedDiagnostics.append(
        Diagnostic(
          .note, root.location(file.path), "the export lists nothing; no evidence imported"))
      return result
    }
    guard let format = JSONEvidenceFormat.detect(root) else {
      let shape =
        root.isObject
        ? "an object with the keys \(root.keys.prefix(8).map { "`\($0)`" }.joined(separator: ", "))"
        : root.found
      // Pages gathered with `jq -s` (an array of the pages): said as such, with the fix.
      let pages =
        (root.array.map { !$0.isEmpty && $0.allSatisfy { $0.array != nil || $0.isObject } } ?? false)
          && JSONEvidenceFormat.detect(root.array?.first ?? root) != nil
        ? " (its items look like pages of one export: give each page as its own --evidence file"
          + (root.array?.first?.array != nil ? ", or merge them into one with `jq add`)" : ")")
        : ""
      throw InputErrors([
        root.error(
          file.path,
          "found \(shape)\(pages); expected a Greenhouse scorecards export (an array of scorecards or "
            + "`{\"scorecards\": [...]}`), Lever feedback (`{\"data\": [{\"fields\": [...]}]}`), "
            + "HackerRank test candidates (`{\"data\": [{\"email\", \"percentage_score\"}]}`) "
            + "or Codility sessions (`{\"sessions\": [...]}`)")
      ])
    }
    var result: EvidenceImportResult
    var records = 0
    switch format {
    case .greenhouse:
      (result, records) = try GreenhouseImport.parse(root, file: file.path, skills: skills)
    case .greenhouseDirectory:
      (result, records) = try GreenhouseImport.directory(root, file: file.path)
    case .lever: (result, records) = try LeverImport.parse(root, file: file.path, skills: skills)
    case .leverDirectory: (result, records) = try LeverImport.directory(root, file: file.path)
    case .hackerRank:
      (result, records) = try HackerRankImport.parse(root, file: file.path, skills: skills)
    case .hackerRankTests: (result, records) = try HackerRankImport.tests(root, file: file.path)
    case .codility:
      (result, records) = try CodilityImport.parse(root, file: file.path, skills: skills)
    }
    result.read(file: file.path, format: format.rawValue, records: records)
    result.countEvidence(file: file.path, by: result.evidence.count)
    if let warning = pagingWarning(root, file: file.path, records: records) {
      result.storedDiagnostics.append(warning)
    }
    return result
  }

  /// A warning when the response says it is one page of several (Lever `hasNext: true`, a
  /// `next` link or cursor of HackerRank, Codility or Lever, or a `total` / `count` above the
  /// records in the file): the later pages' candidates would have no evidence, in silence.
  static func pagingWarning(_ root: JSONNode, file: String, records: Int) -> Diagnostic? {
    // Lever says it outright: `hasNext: false` is the last page, whatever `next` holds.
    guard root.isObject, root["hasNext"]?.text != "false" else { return nil }
    var why: (node: JSONNode, text: String)? = nil
    if let more = root["hasNext"], more.text == "true" {
      why = (more, "`hasNext` is true")
    } else if let next = root["next"], let link = next.string?.trimmingCharacters(in: .whitespaces),
      !link.isEmpty
    {
      why = (next, "`next` is `\(link.count > 80 ? String(link.prefix(80)) + "…" : link)`")
    } else if root["next"] == nil {
      // (A `next` that is null or empty says this is the last page: not warned.)
      let offset = root["offset"]?.number ?? 0
      for key in ["total", "count"] {
        guard let node = root[key], let total = node.number, total.isFinite,
          total > Double(records) + offset, total < 1e9
        else { continue }
        why = (node, "`\(key)` is \(Int(total)), the file has \(plural(records, "record"))")
        break
      }
    }
    guard let why else { return nil }
    return Diagnostic(
      .warning, why.node.location(file),
      "this file is one page of a paged response (\(why.text)): the candidates of the other pages "
        + "have no evidence from it; fetch every page and give each as another --evidence file "
        + "(or merge them into one)")
  }

  /// The items of the array at `node`; a missing member is an empty list, any other type an error.
  static func items(_ node: JSONNode?, file: String, expected: String) throws(InputError)
    -> [JSONNode]
  {
    guard let node, !node.isNull else { return [] }
    guard let items = node.array else { throw node.error(file, expected: expected) }
    return items
  }

  /// A string member: nil when absent or null; an error for any other type.
  static func string(_ node: JSONNode?, file: String, expected: String) throws(InputError)
    -> String?
  {
    guard let node, !node.isNull else { return nil }
    guard let text = node.string else { throw node.error(file, expected: expected) }
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }

  /// A number member, also written as a numeric string (`"78.5"`, `"78%"`): nil when absent or
  /// null; an error for any other type.
  static func number(_ node: JSONNode?, file: String, expected: String) throws(InputError)
    -> Double?
  {
    guard let node, !node.isNull else { return nil }
    if let number = node.number { return number }
    if let text = node.string, let number = EvidenceImport.number(text) { return number }
    throw node.error(file, expected: expected)
  }

  /// A person's display name: a string, or an object with `name`, or `first_name`/`last_name`
  /// (also `firstName`/`lastName`); nil when absent.
  static func personName(_ node: JSONNode?) -> String? {
    guard let node, !node.isNull else { return nil }
    if let text = node.string?.trimmingCharacters(in: .whitespaces), !text.isEmpty { return text }
    if let name = node["name"]?.string?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
      return name
    }
    let parts = [node.first(["first_name", "firstName"]), node.first(["last_name", "lastName"])]
      .compactMap { $0?.string?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }

  /// A date from an ISO 8601 string (`2026-10-14T15:32:10Z`) or an epoch number (milliseconds
  /// when above 10^11, else seconds; the UTC day; years 1970 to 9999); nil when absent or null.
  static func date(_ node: JSONNode?, file: String) throws(InputError) -> CalendarDate? {
    guard let node, !node.isNull else { return nil }
    if let text = node.string, let date = EvidenceImport.date(text) { return date }
    // Years 1970 to 9999 only: a larger number is no date (and would not fit an Int).
    if let number = node.number, number >= 0, number < 253_402_300_800_000 {
      let seconds = number > 1e11 ? number / 1000 : number
      return CalendarDate(dayNumber: Int((seconds / 86_400).rounded(.down)))
    }
    throw node.error(
      file, expected: "a date such as `2026-10-14T15:32:10Z` or milliseconds since 1970")
  }

  /// The email addresses of a candidate record: `emails` / `email_addresses` (strings or objects
  /// with `value`), or `email`; in file order.
  static func emails(of node: JSONNode) -> [(text: String, node: JSONNode)] {
    var found: [(text: String, node: JSONNode)] = []
    for list in [node["email_addresses"], node["emails"]].compactMap({ $0?.array }) {
      for item in list {
        let valueNode = item.string != nil ? item : item["value"]
        if let valueNode, let text = valueNode.string {
          found.append((text.trimmingCharacters(in: .whitespaces), valueNode))
        }
      }
    }
    if let single = node["email"], let text = single.string {
      found.append((text.trimmingCharacters(in: .whitespaces), single))
    }
    return found
  }

  /// The join key of an id written as a number or a string (`123` and `"123"` are the same).
  static func idKey(_ node: JSONNode?) -> String? {
    guard let node else { return nil }
    if let number = node.number, number == number.rounded(), abs(number) < 1e15 {
      return String(Int(number))
    }
    if let text = node.string?.trimmingCharacters(in: .whitespaces), !text.isEmpty { return text }
    return nil
  }

  /// The test name of a record or of the whole file: `test_name`, or `test` as a string or an
  /// object with `name`.
  static func testName(of node: JSONNode, file: String) throws(InputError) -> (
    name: String, node: JSONNode
  )? {
    if let nameNode = node["test_name"],
      let name = try JSONEvidenceImport.string(nameNode, file: file, expected: "the test's name")
    {
      return (name, nameNode)
    }
    guard let test = node["test"], !test.isNull else { return nil }
    if test.isObject {
      guard let nameNode = test["name"],
        let name = try JSONEvidenceImport.string(nameNode, file: file, expected: "the test's name")
      else {
        throw test.error(file, "the test has no `name`; expected the test's name (a skill alias)")
      }
      return (name, nameNode)
    }
    guard
      let name = try JSONEvidenceImport.string(
        test, file: file, expected: "the test's name or an object with `name`")
    else {
      return nil
    }
    return (name, test)
  }

  /// An email member such as `candidate_email`: nil when absent or null; an error unless it is
  /// a plausible address.
  static func email(_ node: JSONNode?, file: String) throws(InputError) -> String? {
    guard let node, !node.isNull else { return nil }
    guard let text = node.string?.trimmingCharacters(in: .whitespaces), isPlausibleEmail(text)
    else {
      throw node.error(file, expected: "the candidate's email address")
    }
    return text
  }

  /// The key to file a record's error under when its email is unreadable: the text in lower case.
  static func fallbackKey(_ node: JSONNode?) -> String {
    node?.string?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
  }
}
