import Foundation

/// Codility test sessions (`{"sessions": [...]}` or `{"results": [...]}`, or a bare array of
/// sessions), each `{"candidate": {"email", ...}, "test": {"name"}, "status", "close_date",
/// "tasks": [{"name", "result", "max_result"}]}`; the tasks may also sit in
/// `evaluation.tasks` and be named `task_name`, as in Codility's API.
///
/// Each task with a result becomes test evidence on the `points/max_result` scale (a missing
/// `max_result` means 100, Codility's per-task maximum) on the skill the task's name is an alias
/// of, else the skill the test's name is an alias of. The candidate's email is `candidate.email`,
/// `candidate_email` or `email`; the test's name is the session's `test` (`name`) or `test_name`,
/// else the top-level `test`. Sessions not finished (status `created`, `invited`, `in_progress`,
/// `started`, `expired`, `cancelled`) or without task results are skipped with a note; a task whose
/// result is null is not evaluated and gives nothing.
enum CodilityImport {
  static let unfinished: Set<String> = [
    "created", "invited", "in_progress", "in progress", "started", "expired", "cancelled",
    "canceled",
  ]

  static func parse(_ root: JSONNode, file: String, skills: SkillIndex) throws(InputErrors)
    -> EvidenceImportResult
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
      let email: String
      do throws(InputError) {
        email = try candidateEmail(session, file: file)
      } catch {
        result.fail(
          JSONEvidenceImport.fallbackKey(
            session["candidate"]?["email"] ?? session["candidate_email"]), error)
        continue
      }
      let key = email.lowercased()
      if let status = session["status"]?.string, unfinished.contains(status.lowercased()) {
        result.diagnostics.append(
          Diagnostic(
            .note, session.location(file),
            "\(email): session status `\(status)`, not finished; not imported"))
        continue
      }
      do throws(InputError) {
        let test = try JSONEvidenceImport.testName(of: session, file: file) ?? fileTest
        let tasksNode = session["tasks"] ?? session["evaluation"]?["tasks"]
        let tasks = try JSONEvidenceImport.items(
          tasksNode, file: file, expected: "an array of task results")
        if tasks.isEmpty {
          result.diagnostics.append(
            Diagnostic(
              .note, session.location(file),
              "\(email): the session has no task results; not imported"))
          continue
        }
        let date = try sessionDate(session, file: file)
        for task in tasks {
          do throws(InputError) {
            guard
              var item = try evidence(task, test: test, hireKey: key, file: file, skills: skills)
            else { continue }
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
    return result
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

  /// One task's evidence, or nil when it has no result.
  static func evidence(
    _ task: JSONNode, test: (name: String, node: JSONNode)?, hireKey: String, file: String,
    skills: SkillIndex
  ) throws(InputError) -> Evidence? {
    guard task.isObject else {
      throw task.error(file, expected: "a task object with `name`, `result` and `max_result`")
    }
    guard let resultNode = task["result"], !resultNode.isNull else { return nil }
    let nameNode = task.first(["name", "task_name"])
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
    guard let skillID = skills.skillID(for: name) ?? test.flatMap({ skills.skillID(for: $0.name) })
    else {
      let error = EvidenceImport.unknownSkill(
        name, at: (nameNode ?? task).location(file), skills: skills, what: "Codility task")
      let testPart =
        test.map { "the test name `\($0.name)` is no skill either" } ?? "the session names no test"
      throw InputError(
        error.location,
        error.message
          + " (\(testPart); a task counts for its test's skill when its own name is no alias)")
    }
    let scale = EvidenceScale.points(max: max)
    return Evidence(
      hireKey: hireKey, skillID: skillID, source: .test, instrument: name,
      rawValue: resultNode.text, scale: scale,
      proficiency: scale.proficiency(of: value), assessor: "Codility",
      note: test.map { "Codility test: \($0.name)" },
      origin: resultNode.location(file))
  }
}
