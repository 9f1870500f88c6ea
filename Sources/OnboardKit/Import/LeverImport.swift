import Foundation

/// Lever feedback forms as the Lever API returns them (`GET /opportunities/{id}/feedback`:
/// `{"data": [{"id", "text", "user", "completedAt", "fields": [...]}], "hasNext": false}`).
///
/// Feedback belongs to an opportunity and the API's forms carry no email, so the candidate's email
/// is found, in this order:
/// 1. a `candidate_email` member on the form;
/// 2. the form's `opportunity`: an object with `emails`, or an id looked up in a top-level
///    `opportunities` array of Lever opportunity objects (`{"id", "emails": [...]}`);
/// 3. a top-level `opportunity` object with `emails` (one opportunity's feedback, wrapped).
///
/// Fields of type `score-system` and `score` with a value of 1–4 (a number, or text starting with
/// the score such as `"3 - Hire"`) become interview evidence on the `lever` scale; `scorecard`
/// fields give one score per row (`scores[i].text` ↔ `value[i].score`). A null value means not
/// scored and gives nothing. An overall rating field (`Rating`, `Overall Rating`...) that is no
/// skill is a hiring decision and is skipped with a note; deleted forms (`deletedAt`) are skipped.
enum LeverImport {
  static let scoreTypes: Set<String> = ["score-system", "score"]
  static let overallNames: Set<String> = [
    "rating", "overall", "overall rating", "overall score", "recommendation",
    "overall recommendation",
    "hire recommendation", "hiring recommendation",
  ]
  static let expectedScore =
    "a score from 1 to 4 (or text starting with it, like `3 - Hire`), or null for not scored"

  static func parse(_ root: JSONNode, file: String, skills: SkillIndex) throws(InputErrors)
    -> EvidenceImportResult
  {
    let forms: [JSONNode]
    do throws(InputError) {
      forms = try JSONEvidenceImport.items(
        root["data"], file: file, expected: "an array of feedback forms")
    } catch {
      throw InputErrors([error])
    }
    var directory = CandidateDirectory()
    if let opportunities = root["opportunities"], !opportunities.isNull {
      directory = try CandidateDirectory(opportunities, file: file)
    }
    var result = EvidenceImportResult()
    var notedOverall = false
    for form in forms {
      guard form.isObject else {
        result.fail("", form.error(file, expected: "a feedback form object"))
        continue
      }
      if let deleted = form["deletedAt"], !deleted.isNull {
        result.diagnostics.append(
          Diagnostic(.note, deleted.location(file), "the feedback form was deleted; not imported"))
        continue
      }
      let email: String
      do throws(InputError) {
        email = try candidateEmail(form, root: root, directory: directory, file: file)
      } catch {
        result.fail(JSONEvidenceImport.fallbackKey(form["candidate_email"]), error)
        continue
      }
      let key = email.lowercased()
      let assessor = JSONEvidenceImport.personName(form["user"])
      let date: CalendarDate?
      let title: String?
      let fields: [JSONNode]
      do throws(InputError) {
        date = try JSONEvidenceImport.date(form["completedAt"], file: file)
        title = try JSONEvidenceImport.string(
          form["text"], file: file, expected: "the form's title")
        fields = try JSONEvidenceImport.items(
          form["fields"], file: file, expected: "an array of form fields")
      } catch {
        result.fail(key, error)
        continue
      }
      for field in fields {
        do throws(InputError) {
          for var item in try scores(
            field, hireKey: key, file: file, skills: skills, notedOverall: &notedOverall,
            result: &result)
          {
            item.assessor = assessor
            item.date = date
            let note = [title, item.note].compactMap { $0 }.joined(separator: ": ")
            item.note = note.isEmpty ? nil : note
            result.add(item)
          }
        } catch {
          result.fail(key, error)
        }
      }
    }
    return result
  }

  /// The email of a form's candidate (see the type's documentation).
  static func candidateEmail(
    _ form: JSONNode, root: JSONNode, directory: CandidateDirectory, file: String
  ) throws(InputError) -> String {
    if let email = try JSONEvidenceImport.email(form["candidate_email"], file: file) {
      return email
    }
    for opportunity in [form["opportunity"], root["opportunity"]] {
      guard let opportunity, !opportunity.isNull else { continue }
      if !opportunity.isObject {
        return try directory.email(for: opportunity, file: file, what: "opportunity")
      }
      let emails = JSONEvidenceImport.emails(of: opportunity)
      guard let email = emails.first(where: { isPlausibleEmail($0.text) }) else {
        throw opportunity.error(
          file,
          "the opportunity has no valid email address (found \(emails.isEmpty ? "no `emails`" : "`\(emails[0].text)`")); "
            + "expected `emails` with the candidate's address")
      }
      return email.text
    }
    throw form.error(
      file,
      "the feedback form names no candidate; expected `candidate_email` on the form, an `opportunity` with `emails`, "
        + "or the export wrapped as `{\"opportunity\": {\"emails\": [...]}, \"data\": [...]}`")
  }

  /// The evidence of one field: none for fields that are no score or are not scored.
  static func scores(
    _ field: JSONNode, hireKey: String, file: String, skills: SkillIndex, notedOverall: inout Bool,
    result: inout EvidenceImportResult
  ) throws(InputError) -> [Evidence] {
    guard field.isObject else { throw field.error(file, expected: "a form field object") }
    let type =
      try JSONEvidenceImport.string(field["type"], file: file, expected: "the field's type")?
      .lowercased() ?? ""
    var rows: [(name: String, nameNode: JSONNode, value: JSONNode, comment: String?)] = []
    if scoreTypes.contains(type) {
      guard let value = field["value"], !value.isNull else { return [] }
      let name =
        try JSONEvidenceImport.string(
          field["text"], file: file, expected: "the field's text (its name)") ?? ""
      rows.append((name, field["text"] ?? field, value, nil))
    } else if type == "scorecard" {
      let names = try JSONEvidenceImport.items(
        field["scores"], file: file, expected: "an array of scored rows ({text})")
      let values = try JSONEvidenceImport.items(
        field["value"], file: file, expected: "an array of scores ({score})")
      for (index, value) in values.enumerated() {
        guard let score = value["score"], !score.isNull else { continue }
        guard index < names.count else {
          throw value.error(
            file,
            "score \(index + 1) has no row in `scores` (\(names.count) rows); expected one row per score"
          )
        }
        let name =
          try JSONEvidenceImport.string(
            names[index]["text"], file: file, expected: "the row's text") ?? ""
        let comment = try JSONEvidenceImport.string(
          value["comment"], file: file, expected: "a comment (text)")
        rows.append((name, names[index]["text"] ?? names[index], score, comment))
      }
    }
    var evidence: [Evidence] = []
    for row in rows {
      let score = try self.score(row.value, file: file)
      guard let skillID = skills.skillID(for: row.name) else {
        if overallNames.contains(SkillIndex.normalise(row.name)) {
          if !notedOverall {
            notedOverall = true
            result.diagnostics.append(
              Diagnostic(
                .note, row.nameNode.location(file),
                "`\(row.name)` is an overall rating (a hiring decision), not a skill; skipped"))
          }
          continue
        }
        throw EvidenceImport.unknownSkill(
          row.name, at: row.nameNode.location(file), skills: skills, what: "Lever feedback field")
      }
      evidence.append(
        Evidence(
          hireKey: hireKey, skillID: skillID, source: .interview, instrument: row.name,
          rawValue: row.value.text,
          scale: .lever, proficiency: EvidenceScale.lever.proficiency(of: score), note: row.comment,
          origin: row.value.location(file)))
    }
    return evidence
  }

  /// A 1–4 score from a number or a text such as `"3 - Hire"`.
  static func score(_ node: JSONNode, file: String) throws(InputError) -> Double {
    var value = node.number
    if let text = node.string?.trimmingCharacters(in: .whitespaces) {
      let digits = text.prefix { $0.isASCII && $0.isNumber }
      let rest = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
      if !digits.isEmpty,
        rest.isEmpty || rest.hasPrefix("-") || rest.hasPrefix("–") || rest.hasPrefix(":")
      {
        value = Double(digits)
      }
    }
    guard let value, value == value.rounded(), (1...4).contains(value) else {
      throw node.error(file, expected: expectedScore)
    }
    return value
  }
}
