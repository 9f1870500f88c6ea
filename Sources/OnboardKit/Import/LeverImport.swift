import Foundation

/// Lever feedback forms as the Lever API returns them (`GET /opportunities/:opportunity/feedback`:
/// `{"data": [{"id", "text", "user", "completedAt", "deletedAt", "fields": [...]}], "hasNext"}`).
///
/// The forms carry no email, so the candidate is found, in this order:
/// 1. a `candidate_email` member on the form;
/// 2. the form's `opportunity`: an object with `emails`, or an id looked up in Lever opportunity
///    objects (`GET /opportunities`: `{"data": [{"id", "emails": [...]}]}`) given in the same file
///    (`opportunities`) or as another `--evidence` file, before or after the feedback;
/// 3. a top-level `opportunity` object with `emails` (one opportunity's feedback, wrapped);
/// 4. the documented response as saved: its forms name no opportunity (the id is in the request
///    path), so the file's name is searched for the id of a given opportunity record
///    (`250d8f03-…-feedback.json`).
/// A form nothing joins is skipped and reported. The interviewer (`user`) is a name when the
/// form has one, else a user id named through Lever user objects (`GET /users`) when given.
///
/// Fields of type `score-system` and `score` with a value of 1–4 (a number, or text starting with
/// the score such as `"3 - Hire"`) become interview evidence on the `lever` scale, on the skill
/// the field's `text` or, failing that, its `description` names; `scorecard` fields give one
/// score per row (`scores[i].text` or `.description` ↔ `value[i].score`). A null value means not
/// scored and gives nothing. An overall rating field (`Rating`, `Overall Rating`...) that no
/// skill names is a hiring decision and is skipped with a note; any other unknown field is a
/// warning (rule 1). `text` and `textarea` answers are kept as the interviewer's notes; deleted
/// forms (`deletedAt`) are skipped and reported.
enum LeverImport {
  static let scoreTypes: Set<String> = ["score-system", "score"]
  static let noteTypes: Set<String> = ["text", "textarea"]
  static let overallNames: Set<String> = [
    "rating", "overall", "overall rating", "overall score", "recommendation",
    "overall recommendation",
    "hire recommendation", "hiring recommendation",
  ]
  static let expectedScore =
    "a score from 1 to 4 (or text starting with it, like `3 - Hire`), or null for not scored"

  /// Whether a record is a Lever user (`accessRole`, `username`), not an opportunity.
  static func isUser(_ item: JSONNode) -> Bool {
    item["accessRole"] != nil || (item["username"] != nil && item["emails"] == nil)
  }

  /// A file of Lever opportunities or users: ids for joins, no evidence.
  static func directory(_ root: JSONNode, file: String) throws(InputErrors)
    -> (EvidenceImportResult, Int)
  {
    var result = EvidenceImportResult()
    let list = root["data"] ?? root
    result.directory = try CandidateDirectory.lever(list, file: file)
    return (result, list.array?.count ?? 1)
  }

  static func parse(_ root: JSONNode, file: String, skills: SkillIndex) throws(InputErrors)
    -> (EvidenceImportResult, Int)
  {
    let forms: [JSONNode]
    do throws(InputError) {
      forms = try JSONEvidenceImport.items(
        root["data"], file: file, expected: "an array of feedback forms")
    } catch {
      throw InputErrors([error])
    }
    var result = EvidenceImportResult()
    for member in ["opportunities", "users"] {
      if let list = root[member], !list.isNull {
        result.directory.merge(try CandidateDirectory.lever(list, file: file))
      }
    }
    for form in forms {
      guard form.isObject else {
        result.fail("", form.error(file, expected: "a feedback form object"))
        continue
      }
      let what = "feedback form " + (JSONEvidenceImport.idKey(form["id"]) ?? form.path)
      var email: String?
      var opportunityID: String?
      do throws(InputError) {
        (email, opportunityID) = try candidate(form, root: root, file: file)
      } catch {
        let text =
          form["candidate_email"]?.string
          ?? JSONEvidenceImport.emails(of: form["opportunity"] ?? root["opportunity"] ?? form)
          .first?.text ?? ""
        result.skipEmail(text, error.location, what: what)
        continue
      }
      if let deleted = form["deletedAt"], !deleted.isNull {
        result.skip(
          .deleted, deleted.location(file), hireKey: email?.lowercased(),
          "\(what) was deleted in Lever; not imported")
        continue
      }
      let key = email?.lowercased() ?? ""
      var assessor = JSONEvidenceImport.personName(form["user"])
      var assessorID: String?
      // A user id (a UUID in Lever's documentation, or a lower-case slug such as `u-unknown`),
      // not a name: no space, and a digit, or a hyphen in lower-case text ("Jean-Luc" is a name).
      if let user = form["user"], !user.isObject, let id = JSONEvidenceImport.idKey(user),
        !id.contains(" "),
        id.contains(where: \.isNumber) || (id.contains("-") && id == id.lowercased())
      {
        assessor = nil
        assessorID = id
      }
      var items: [Evidence] = []
      var unknown: [UnknownName] = []
      var errors: [InputError] = []
      var unscored: [Unscored] = []
      do throws(InputError) {
        let date = try JSONEvidenceImport.date(form["completedAt"], file: file)
        let title = try JSONEvidenceImport.string(
          form["text"], file: file, expected: "the form's title")
        let fields = try JSONEvidenceImport.items(
          form["fields"], file: file, expected: "an array of form fields")
        var notes: [String] = []
        for field in fields {
          if let note = try textAnswer(field, file: file) { notes.append(note) }
        }
        for field in fields {
          do throws(InputError) {
            for var item in try scores(
              field, what: what, hireKey: key, file: file, skills: skills, unknown: &unknown,
              unscored: &unscored, result: &result)
            {
              item.assessor = assessor
              item.date = date
              let head = [title, item.note].compactMap { $0 }.joined(separator: ": ")
              let note = ([head].filter { !$0.isEmpty } + notes).joined(separator: "; ")
              item.note = note.isEmpty ? nil : note
              items.append(item)
            }
          } catch {
            errors.append(error)
          }
        }
        if items.isEmpty && errors.isEmpty && unknown.isEmpty {
          // A form that scores nothing (only notes, or every score left empty) is a record
          // not used: counted, with its notes, not dropped in silence.
          unscored = [
            Unscored(
              location: form.location(file),
              message:
                "\(what) has no score of a skill; not imported"
                + (notes.isEmpty ? "" : ". Its notes: \(Unscored.quoted(notes))"))
          ]
        }
      } catch {
        errors.append(error)
      }
      if email == nil || assessorID != nil {
        var pending = PendingEvidence(
          evidence: items,
          hire: opportunityID.map { [(JoinKind.leverOpportunity, $0)] } ?? [], email: email,
          assessorID: assessorID, location: form.location(file), what: what,
          unknownNames: unknown, errors: errors, unscored: unscored)
        pending.opportunityInFileName = email == nil && opportunityID == nil
        result.pending.append(pending)
        continue
      }
      result.add(contentsOf: items)
      for part in unscored {
        result.skip(.notScored, part.location, hireKey: key, "\(email ?? key): \(part.message)")
      }
      for var name in unknown {
        name.hireKey = key
        result.unknownNames.append(name)
      }
      for error in errors { result.fail(key, error) }
    }
    return (result, forms.count)
  }

  /// The form's candidate: an email, or the opportunity id to join (see the type's documentation).
  /// An email that is no address is thrown.
  static func candidate(_ form: JSONNode, root: JSONNode, file: String) throws(InputError) -> (
    String?, String?
  ) {
    if let email = try JSONEvidenceImport.email(form["candidate_email"], file: file) {
      return (email, nil)
    }
    for opportunity in [form["opportunity"], root["opportunity"]] {
      guard let opportunity, !opportunity.isNull else { continue }
      if !opportunity.isObject {
        guard let id = JSONEvidenceImport.idKey(opportunity) else {
          throw opportunity.error(file, expected: "the opportunity's id or an object with `emails`")
        }
        return (nil, id)
      }
      let emails = JSONEvidenceImport.emails(of: opportunity)
      if let email = emails.first(where: { isPlausibleEmail($0.text) }) { return (email.text, nil) }
      if let id = JSONEvidenceImport.idKey(opportunity["id"]) { return (nil, id) }
      guard let first = emails.first else { return (nil, nil) }
      throw first.node.error(file, expected: "the candidate's email address")
    }
    return (nil, nil)
  }

  /// A `text` or `textarea` answer as a note ("Notes / Comments: ..."), or nil.
  static func textAnswer(_ field: JSONNode, file: String) throws(InputError) -> String? {
    guard field.isObject,
      let type = field["type"]?.string?.lowercased(), noteTypes.contains(type),
      let value = field["value"], !value.isNull
    else { return nil }
    let answer = (value.string ?? value.text).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !answer.isEmpty else { return nil }
    let question = field["text"]?.string?.trimmingCharacters(in: .whitespaces) ?? ""
    return question.isEmpty ? answer : "\(question): \(answer)"
  }

  /// The evidence of one field: none for fields that are no score or are not scored (a
  /// scorecard row left unscored but commented goes to `unscored`, so its comment is not lost).
  static func scores(
    _ field: JSONNode, what: String, hireKey: String, file: String, skills: SkillIndex,
    unknown: inout [UnknownName], unscored: inout [Unscored], result: inout EvidenceImportResult
  ) throws(InputError) -> [Evidence] {
    guard field.isObject else { throw field.error(file, expected: "a form field object") }
    let type =
      try JSONEvidenceImport.string(field["type"], file: file, expected: "the field's type")?
      .lowercased() ?? ""
    var rows:
      [(name: String, nameNode: JSONNode, description: String?, value: JSONNode, comment: String?)] =
        []
    if scoreTypes.contains(type) {
      guard let value = field["value"], !value.isNull else { return [] }
      let name =
        try JSONEvidenceImport.string(
          field["text"], file: file, expected: "the field's text (its name)") ?? ""
      rows.append((name, field["text"] ?? field, field["description"]?.string, value, nil))
    } else if type == "scorecard" {
      let names = try JSONEvidenceImport.items(
        field["scores"], file: file, expected: "an array of scored rows ({text})")
      let values = try JSONEvidenceImport.items(
        field["value"], file: file, expected: "an array of scores ({score})")
      for (index, value) in values.enumerated() {
        guard let score = value["score"], !score.isNull else {
          if let comment = try JSONEvidenceImport.string(
            value["comment"], file: file, expected: "a comment (text)"),
            !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
          {
            let name = index < names.count ? names[index]["text"]?.string ?? "?" : "?"
            unscored.append(
              Unscored(
                location: value.location(file),
                message:
                  "\(what): `\(name)` is not scored, but has a comment; not imported. "
                  + "The comment: \(Unscored.quoted([comment]))"))
          }
          continue
        }
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
        rows.append(
          (
            name, names[index]["text"] ?? names[index], names[index]["description"]?.string, score,
            comment
          ))
      }
    }
    var evidence: [Evidence] = []
    for row in rows {
      let score = try self.score(row.value, file: file)
      let described = row.description?.trimmingCharacters(in: .whitespaces) ?? ""
      guard
        let skillID = skills.skillID(for: row.name)
          ?? (described.isEmpty ? nil : skills.skillID(for: described))
      else {
        if overallNames.contains(SkillIndex.normalise(row.name)) {
          result.noteOnce(
            row.nameNode.location(file),
            "`\(row.name)` is an overall rating (a hiring decision), not a skill; skipped")
          continue
        }
        let item = EvidenceImport.unknownName(
          row.name, at: row.nameNode.location(file), skills: skills,
          what: "Lever feedback field",
          extra: described.isEmpty ? "" : " (its description `\(described)` names no skill either)")
        unknown.append(item)
        result.storedDiagnostics.append(item.diagnostic)
        continue
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
