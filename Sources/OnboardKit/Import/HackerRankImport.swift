import Foundation

/// HackerRank for Work test candidates (`GET /x/api/v3/tests/{id}/candidates`:
/// `{"data": [{"email", "full_name", "score", "percentage_score", "status", ...}], "total": ...}`).
///
/// Each candidate's `percentage_score` (0–100) becomes test evidence on the `percent` scale; when it
/// is absent, `score` of `max_score` gives `points/max`. The skill is the one the test's name is an
/// alias of; the name comes from the candidate's `test_name` or `test` (a string or an object with
/// `name`), else from the top-level `test` object (or `test_name`). A candidate without a score
/// (invited, in progress, expired) is skipped with a note; `plagiarism_status: true` becomes an
/// integrity note and a warning. One result per candidate and test.
enum HackerRankImport {
  static let unfinished: Set<String> = [
    "invited", "pending", "not started", "started", "in progress", "in_progress", "expired",
    "cancelled",
  ]

  static func parse(_ root: JSONNode, file: String, skills: SkillIndex) throws(InputErrors)
    -> EvidenceImportResult
  {
    let candidates: [JSONNode]
    var fileTest: (name: String, node: JSONNode)?
    do throws(InputError) {
      candidates = try JSONEvidenceImport.items(
        root["data"], file: file, expected: "an array of test candidates")
      fileTest = try JSONEvidenceImport.testName(of: root, file: file)
    } catch {
      throw InputErrors([error])
    }
    if let test = fileTest, skills.skillID(for: test.name) == nil {
      throw InputErrors([
        EvidenceImport.unknownSkill(
          test.name, at: test.node.location(file), skills: skills, what: "HackerRank test")
      ])
    }
    var result = EvidenceImportResult()
    var seen: [String: String] = [:]
    for candidate in candidates {
      guard candidate.isObject else {
        result.fail(
          "",
          candidate.error(
            file, expected: "a test candidate object with `email` and `percentage_score`"))
        continue
      }
      guard let emailNode = candidate["email"],
        let email = emailNode.string?.trimmingCharacters(in: .whitespaces),
        isPlausibleEmail(email)
      else {
        let error =
          candidate["email"]?.error(file, expected: "the candidate's email address")
          ?? candidate.error(
            file, "the candidate has no `email`; expected the candidate's email address")
        result.fail(JSONEvidenceImport.fallbackKey(candidate["email"]), error)
        continue
      }
      let key = email.lowercased()
      do throws(InputError) {
        guard let test = try JSONEvidenceImport.testName(of: candidate, file: file) ?? fileTest
        else {
          throw candidate.error(
            file,
            "no test name; expected `test_name` on the candidate or a top-level `test` with `name`")
        }
        guard let skillID = skills.skillID(for: test.name) else {
          throw EvidenceImport.unknownSkill(
            test.name, at: test.node.location(file), skills: skills, what: "HackerRank test")
        }
        if let status = candidate["status"]?.string, unfinished.contains(status.lowercased()) {
          result.diagnostics.append(
            Diagnostic(
              .note, candidate.location(file),
              "\(email): status `\(status)`, the test is not finished; not imported"))
          continue
        }
        guard let (scale, valueNode, value) = try score(candidate, file: file) else {
          let status = candidate["status"].map { " (status \($0.text))" } ?? ""
          result.diagnostics.append(
            Diagnostic(
              .note, candidate.location(file),
              "\(email): no score for `\(test.name)`\(status); not imported"))
          continue
        }
        let duplicate = key + "\u{1F}" + SkillIndex.normalise(test.name)
        if let first = seen[duplicate] {
          throw candidate.error(
            file,
            "\(email) already has a result for `\(test.name)` at \(first); expected one result per candidate and test"
          )
        }
        seen[duplicate] = candidate.path
        var note: String?
        if candidate["plagiarism_status"]?.text == "true" {
          note = "Integrity: plagiarism flagged by HackerRank"
          result.diagnostics.append(
            Diagnostic(
              .warning, candidate.location(file), "\(email): plagiarism flagged for `\(test.name)`")
          )
        }
        var date = try JSONEvidenceImport.date(candidate["attempt_endtime"], file: file)
        if date == nil {
          date = try JSONEvidenceImport.date(candidate["attempt_starttime"], file: file)
        }
        result.add(
          Evidence(
            hireKey: key, skillID: skillID, source: .test, instrument: test.name,
            rawValue: valueNode.text,
            scale: scale, proficiency: scale.proficiency(of: value), assessor: "HackerRank",
            date: date, note: note,
            origin: valueNode.location(file)))
      } catch {
        result.fail(key, error)
      }
    }
    return result
  }

  /// The score: `percentage_score` (0–100), or `score` of `max_score`; nil when not scored.
  static func score(_ candidate: JSONNode, file: String) throws(InputError) -> (
    EvidenceScale, JSONNode, Double
  )? {
    if let node = candidate["percentage_score"], !node.isNull {
      guard
        let value = try JSONEvidenceImport.number(
          node, file: file, expected: "a percentage from 0 to 100"),
        (0...100).contains(value)
      else { throw node.error(file, expected: "a percentage from 0 to 100") }
      return (.percent, node, value)
    }
    guard let node = candidate["score"], !node.isNull, let maxNode = candidate["max_score"],
      !maxNode.isNull
    else { return nil }
    guard
      let max = try JSONEvidenceImport.number(
        maxNode, file: file, expected: "the test's maximum score"), max > 0
    else {
      throw maxNode.error(file, expected: "a maximum score above 0")
    }
    guard
      let value = try JSONEvidenceImport.number(
        node, file: file, expected: "a score from 0 to \(formatNumber(max))"),
      (0...max).contains(value)
    else {
      throw node.error(file, expected: "a score from 0 to \(formatNumber(max)) (`max_score`)")
    }
    return (.points(max: max), node, value)
  }
}
