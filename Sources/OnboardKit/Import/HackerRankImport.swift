import Foundation

/// HackerRank for Work test candidates (`GET /x/api/v3/tests/{id}/candidates`:
/// `{"data": [{"email", "full_name", "score", "percentage_score", "status", "test", ...}], "total"}`).
///
/// Each completed attempt's `percentage_score` (0–100) becomes test evidence on the `percent`
/// scale; when it is absent, `score` of `max_score` gives `points/max`. The test is the
/// candidate's `test_name` or `test` (a name, an object with `name`, or, as the API returns by
/// default, the test's id), else the top-level `test`. A test id is named through HackerRank test
/// objects (`GET /x/api/v3/tests`: `{"data": [{"id", "name"}]}`, another `--evidence` file, in
/// either order) or through a skill alias that is the id itself. A test name no skill has is a
/// warning (rule 1).
///
/// Only completed attempts import: `status` 7 (or `"completed"`) as the API documents it; any
/// other code (−1 invited, 0–6 not yet complete) or `invited`, `started`, `expired`... is skipped
/// and reported. `plagiarism_status: true` and an `integrity_status` other than clean become
/// integrity notes on the evidence and warnings. One result per candidate and test.
enum HackerRankImport {
  static let unfinished: Set<String> = [
    "invited", "pending", "not started", "started", "in progress", "in_progress", "expired",
    "cancelled", "canceled",
  ]
  static let completedCode = 7.0
  static let cleanIntegrity: Set<String> = [
    "", "clean", "none", "ok", "false", "no", "passed", "0",
  ]

  /// A file of HackerRank test objects: ids and names for joins, no evidence.
  static func tests(_ root: JSONNode, file: String) throws(InputErrors)
    -> (EvidenceImportResult, Int)
  {
    var result = EvidenceImportResult()
    let list = root["data"] ?? root
    result.directory = try CandidateDirectory.tests(list, file: file)
    return (result, list.array?.count ?? 1)
  }

  /// Whether an attempt is complete; nil with the status text when it is not.
  static func incomplete(_ candidate: JSONNode) -> String? {
    guard let status = candidate["status"], !status.isNull else { return nil }
    if let code = status.number ?? status.string.flatMap({ Double($0) }) {
      return code == completedCode ? nil : "status \(formatNumber(code))"
    }
    guard let text = status.string?.lowercased() else { return nil }
    return unfinished.contains(text) ? "status `\(text)`" : nil
  }

  /// The test a record names: a name, or an id (digits) to join with the tests.
  static func test(_ node: JSONNode, file: String, skills: SkillIndex) throws(InputError) -> (
    name: String?, id: String?, node: JSONNode
  )? {
    if let named = try JSONEvidenceImport.testName(of: node, file: file) {
      if skills.skillID(for: named.name) == nil, named.name.allSatisfy(\.isNumber) {
        return (nil, named.name, named.node)
      }
      return (named.name, nil, named.node)
    }
    if let test = node["test"],
      let id = JSONEvidenceImport.idKey(test) ?? JSONEvidenceImport.idKey(test["id"])
    {
      return skills.skillID(for: id) != nil ? (id, nil, test) : (nil, id, test)
    }
    return nil
  }

  static func parse(_ root: JSONNode, file: String, skills: SkillIndex) throws(InputErrors)
    -> (EvidenceImportResult, Int)
  {
    let candidates: [JSONNode]
    var fileTest: (name: String?, id: String?, node: JSONNode)?
    do throws(InputError) {
      candidates = try JSONEvidenceImport.items(
        root["data"], file: file, expected: "an array of test candidates")
      fileTest = try test(root, file: file, skills: skills)
    } catch {
      throw InputErrors([error])
    }
    var result = EvidenceImportResult()
    for candidate in candidates {
      guard candidate.isObject else {
        result.fail(
          "",
          candidate.error(
            file, expected: "a test candidate object with `email` and `percentage_score`"))
        continue
      }
      let what = "test candidate " + (JSONEvidenceImport.idKey(candidate["id"]) ?? candidate.path)
      guard let emailNode = candidate["email"],
        let email = emailNode.string?.trimmingCharacters(in: .whitespaces),
        isPlausibleEmail(email)
      else {
        result.skipEmail(
          candidate["email"]?.string ?? "", (candidate["email"] ?? candidate).location(file),
          what: what)
        continue
      }
      let key = email.lowercased()
      if let status = incomplete(candidate) {
        result.skip(
          .unfinished, (candidate["status"] ?? candidate).location(file), hireKey: key,
          "\(email): \(status), the attempt is not completed (HackerRank completes an attempt with status 7); not imported"
        )
        continue
      }
      do throws(InputError) {
        guard let test = try self.test(candidate, file: file, skills: skills) ?? fileTest
        else {
          throw candidate.error(
            file,
            "no test; expected `test` (its id or name) or `test_name` on the candidate, or a top-level `test`"
          )
        }
        guard let (scale, valueNode, value) = try score(candidate, file: file) else {
          result.skip(
            .notScored, candidate.location(file), hireKey: key,
            "\(email): no score for "
              + (test.name.map { "test `\($0)`" } ?? "test id `\(test.id ?? "")`")
              + "; not imported")
          continue
        }
        // A candidate invited to the same test again is a retake: the attempts rule
        // (`decideAttempts`) orders the two by `attempt_endtime`, after every file is read.
        var flags: [String] = []
        if candidate["plagiarism_status"]?.text == "true" {
          flags.append("plagiarism flagged by HackerRank")
        }
        if let integrity = candidate["integrity_status"], !integrity.isNull,
          !cleanIntegrity.contains(integrity.text.lowercased())
        {
          flags.append("HackerRank integrity status `\(integrity.text)`")
        }
        let note = flags.isEmpty ? nil : "Integrity: " + flags.joined(separator: "; ")
        if let note {
          result.storedDiagnostics.append(
            Diagnostic(.warning, candidate.location(file), "\(email): \(note)"))
        }
        var date = try JSONEvidenceImport.date(candidate["attempt_endtime"], file: file)
        if date == nil {
          date = try JSONEvidenceImport.date(candidate["attempt_starttime"], file: file)
        }
        let item = Evidence(
          hireKey: key, skillID: test.name.flatMap { skills.skillID(for: $0) } ?? "",
          source: .test, instrument: test.name ?? test.id ?? "", rawValue: valueNode.text,
          scale: scale, proficiency: scale.proficiency(of: value), assessor: "HackerRank",
          date: date, note: note, origin: valueNode.location(file))
        if let id = test.id {
          result.pending.append(
            PendingEvidence(
              evidence: [item], email: email, testID: id, location: test.node.location(file),
              what: what))
        } else if item.skillID.isEmpty {
          let name = test.name ?? ""
          let unknown = EvidenceImport.unknownName(
            name, at: test.node.location(file), skills: skills, what: "HackerRank test")
          var named = unknown
          named.hireKey = key
          result.unknownNames.append(named)
          if !result.storedDiagnostics.contains(unknown.diagnostic) {
            result.storedDiagnostics.append(unknown.diagnostic)
          }
        } else {
          result.add(item)
        }
      } catch {
        result.fail(key, error)
      }
    }
    return (result, candidates.count)
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
