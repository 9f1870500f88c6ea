import Foundation

/// Codility test sessions (`{"sessions": [...]}` or `{"results": [...]}`, or a bare array of
/// sessions), each `{"candidate": {"email", ...}, "test": {"name"}, "status", "close_date",
/// "tasks": [{"name", "result", "max_result"}]}`; the tasks may also sit in
/// `evaluation.tasks` and be named `task_name`, as in Codility's API.
///
/// Each task with a result becomes test evidence on the `points/max_result` scale (a missing
/// `max_result` means 100, Codility's per-task maximum) on the skill the task's name is an alias
/// of; a task no alias names is a warning (rule 1) and counts for no skill, not even the test's.
/// A test given as its API link (`"test": "https://app.codility.com/api/tests/183344/"`) is
/// reported as that link. The similarity check (`similarity_check`, `similarity`, `plagiarism`)
/// and integrity flags (`integrity`, `integrity_flags`), on the session or a task, become
/// integrity notes on the evidence and warnings. The candidate's email is `candidate.email`,
/// `candidate_email` or `email`; the test's name is the session's `test` (`name`) or `test_name`,
/// else the top-level `test`. Sessions not finished (status `created`, `invited`, `in_progress`,
/// `started`, `expired`, `cancelled`) or without task results are skipped with a note; so is a task
/// whose result is null or missing (not evaluated).
enum CodilityImport {
  static let unfinished: Set<String> = [
    "created", "invited", "in_progress", "in progress", "started", "expired", "cancelled",
    "canceled",
  ]

  static let integrityKeys = [
    "similarity_check", "similarity", "plagiarism", "integrity", "integrity_flags",
  ]
  static let clean: Set<String> = [
    "", "false", "none", "clean", "ok", "passed", "not_detected", "not detected", "no_similarity",
    "no similarity", "not_found", "null", "0", "[]", "{}",
  ]

  /// Integrity notes of a session or task: "similarity check: suspicious".
  static func integrityFlags(_ node: JSONNode) -> [String] {
    integrityKeys.compactMap { key in
      guard let value = node[key], !value.isNull else { return nil }
      let text = (value["status"] ?? value["result"] ?? value).text
      guard !clean.contains(text.lowercased()) else { return nil }
      return
        "Codility \(key.replacingOccurrences(of: "_", with: " ")): \(text == "true" ? "flagged" : text)"
    }
  }

  /// Whether a test is named by its API link rather than a name.
  static func isLink(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://")
  }

  static func parse(_ root: JSONNode, file: String, skills: SkillIndex) throws(InputErrors)
    -> (EvidenceImportResult, Int)
  {
    let sessions: [JSONNode]
    let fileTest: (name: String, node: JSONNode)?
    do throws(InputError) {
      if let items = root.array {
        sessions = items
        fileTest = nil
      } else {
        sessions = try JSONEvidenceImport.items(
          root.first(["sessions", "results"]), file: file, expected: "an array of sessions")
        fileTest = try JSONEvidenceImport.testName(of: root, file: file)
      }
    } catch {
      throw InputErrors([error])
    }
    var result = EvidenceImportResult()
    var seen: [String: String] = [:]
    for session in sessions {
      guard session.isObject else {
        result.fail(
          "", session.error(file, expected: "a session object with `candidate`, `test` and `tasks`")
        )
        continue
      }
      let what = "session " + (JSONEvidenceImport.idKey(session["id"]) ?? session.path)
      let email: String
      do throws(InputError) {
        email = try candidateEmail(session, file: file)
      } catch {
        let node = session["candidate"]?["email"] ?? session["candidate_email"] ?? session["email"]
        result.skipEmail(node?.string ?? "", error.location, what: what)
        continue
      }
      let key = email.lowercased()
      if let status = session["status"]?.string, unfinished.contains(status.lowercased()) {
        result.skip(
          .unfinished, (session["status"] ?? session).location(file), hireKey: key,
          "\(email): session status `\(status)`, not finished; not imported")
        continue
      }
      do throws(InputError) {
        let test = try JSONEvidenceImport.testName(of: session, file: file) ?? fileTest
        let tasksNode = session["tasks"] ?? session["evaluation"]?["tasks"]
        let tasks = try JSONEvidenceImport.items(
          tasksNode, file: file, expected: "an array of task results")
        if tasks.isEmpty {
          result.skip(
            .notScored, session.location(file), hireKey: key,
            "\(email): the session has no task results; not imported")
          continue
        }
        let date = try sessionDate(session, file: file)
        let sessionFlags = integrityFlags(session)
        for task in tasks {
          do throws(InputError) {
            guard
              var item = try evidence(
                task, test: test, hireKey: key, file: file, skills: skills, result: &result)
            else { continue }
            let flags = sessionFlags + integrityFlags(task)
            if !flags.isEmpty {
              let integrity = "Integrity: " + flags.joined(separator: "; ")
              item.note = [item.note, integrity].compactMap { $0 }.joined(separator: "; ")
              let warning = Diagnostic(
                .warning, session.location(file), "\(email): \(integrity)", hireKey: key)
              if !result.storedDiagnostics.contains(warning) {
                result.storedDiagnostics.append(warning)
              }
            }
            let duplicate = [key, test?.name ?? "", item.instrument].map(SkillIndex.normalise)
              .joined(separator: "\u{1F}")
            if let first = seen[duplicate] {
              throw task.error(
                file,
                "\(email) already has a result for task `\(item.instrument)` at \(first); expected one per candidate, test and task"
              )
            }
            seen[duplicate] = task.path
            item.date = date
            result.add(item)
          } catch {
            result.fail(key, error)
          }
        }
      } catch {
        result.fail(key, error)
      }
    }
    return (result, sessions.count)
  }

  /// The candidate's email: `candidate_email`, `candidate.email` or `email`.
  static func candidateEmail(_ session: JSONNode, file: String) throws(InputError) -> String {
    if let email = try JSONEvidenceImport.email(session["candidate_email"], file: file) {
      return email
    }
    if let candidate = session["candidate"], !candidate.isNull {
      guard candidate.isObject else {
        throw candidate.error(
          file,
          expected: "a candidate object with `email` (export sessions with the candidate expanded)")
      }
      guard let email = try JSONEvidenceImport.email(candidate["email"], file: file) else {
        throw candidate.error(
          file, "the candidate has no `email`; expected the candidate's email address")
      }
      return email
    }
    if let email = try JSONEvidenceImport.email(session["email"], file: file) { return email }
    throw session.error(
      file,
      "the session names no candidate; expected `candidate` with `email`, or `candidate_email`")
  }

  /// When the session ended: `close_date`, `end_date`, `start_date` or `create_date`.
  static func sessionDate(_ session: JSONNode, file: String) throws(InputError) -> CalendarDate? {
    for key in ["close_date", "end_date", "start_date", "create_date"] {
      if let date = try JSONEvidenceImport.date(session[key], file: file) { return date }
    }
    return nil
  }

  /// One task's evidence, or nil when it has no result (not evaluated: skipped with a note, so
  /// that the skill is not reported "nobody assessed" in silence).
  static func evidence(
    _ task: JSONNode, test: (name: String, node: JSONNode)?, hireKey: String, file: String,
    skills: SkillIndex, result: inout EvidenceImportResult
  ) throws(InputError) -> Evidence? {
    guard task.isObject else {
      throw task.error(file, expected: "a task object with `name`, `result` and `max_result`")
    }
    let nameNode = task.first(["name", "task_name"])
    guard let resultNode = task["result"], !resultNode.isNull else {
      let name = nameNode?.string.map { "task `\($0)`" } ?? "a task"
      result.skip(
        .notScored, (task["result"] ?? task).location(file), hireKey: hireKey,
        "\(hireKey): \(name) has no result (not evaluated); not imported")
      return nil
    }
    guard
      let name = try JSONEvidenceImport.string(nameNode, file: file, expected: "the task's name")
    else {
      throw task.error(file, "the task has no `name`; expected the task's name")
    }
    var max = 100.0
    if let maxNode = task["max_result"], !maxNode.isNull {
      guard
        let value = try JSONEvidenceImport.number(
          maxNode, file: file, expected: "the task's maximum result"), value > 0
      else {
        throw maxNode.error(file, expected: "a maximum result above 0")
      }
      max = value
    }
    let expected =
      "a result from 0 to \(formatNumber(max)) (`max_result`), or null for not evaluated"
    guard let value = try JSONEvidenceImport.number(resultNode, file: file, expected: expected),
      (0...max).contains(value)
    else {
      throw resultNode.error(file, expected: expected)
    }
    guard let skillID = skills.skillID(for: name) else {
      let testPart: String
      if let test {
        let label = isLink(test.name) ? "the test at \(test.name)" : "the test `\(test.name)`"
        testPart =
          skills.skillID(for: test.name) != nil
          ? " It is not counted for the skill of \(label) either: a task counts only for the skill its own name is an alias of."
          : " (\(label) names no skill either.)"
      } else {
        testPart = ""
      }
      result.unknown(
        name, at: (nameNode ?? task).location(file), hireKey: hireKey, skills: skills,
        what: "Codility task", extra: testPart)
      return nil
    }
    let scale = EvidenceScale.points(max: max)
    return Evidence(
      hireKey: hireKey, skillID: skillID, source: .test, instrument: name,
      rawValue: resultNode.text, scale: scale,
      proficiency: scale.proficiency(of: value), assessor: "Codility",
      note: test.map {
        isLink($0.name) ? "Codility test at \($0.name)" : "Codility test: \($0.name)"
      },
      origin: resultNode.location(file))
  }
}
