import Foundation

/// Greenhouse scorecards as the Harvest API returns them: the list (`GET /v1/scorecards`,
/// `GET /v1/applications/{id}/scorecards`), one scorecard (`GET /v1/scorecards/{id}`), or
/// `{"scorecards": [...], "candidates": [...]}`.
///
/// A scorecard names its candidate by `candidate_id` (and `application_id`) only, so the
/// candidate's email is found, in this order:
/// 1. a `candidate_email` member on the scorecard (added by whatever joined the export);
/// 2. `candidate_id` looked up in Harvest candidate objects (`GET /v1/candidates`: `id`,
///    `email_addresses[].value`, the first valid address), or `application_id` looked up in
///    Harvest application objects (`GET /v1/applications`: `id`, `candidate_id`) and then in the
///    candidates; these come in the same file (`candidates`, `applications` members) or in any
///    other `--evidence` file, before or after the scorecards. An id nothing resolves is skipped
///    and reported.
///
/// Each rated attribute (`attributes[].rating`: `definitely_not`, `no`, `mixed`, `yes`,
/// `strong_yes`) becomes interview evidence on the skill its `name` is an alias of, on the
/// `greenhouse` scale (1–5), dated `interviewed_at` (else `submitted_at`); `no_decision` (or
/// null) means not rated and gives nothing. An attribute no skill names is a warning (rule 1),
/// the other attributes still import. `overall_recommendation` and the `questions` answers are
/// kept as the interviewer's notes on that evidence (HTML tags removed), except "Private Notes",
/// which stay in Greenhouse. The `ratings` summary repeats `attributes` and is not read.
enum GreenhouseImport {
  static let ratings: [String: Double] = [
    "definitely_not": 1, "no": 2, "mixed": 3, "yes": 4, "strong_yes": 5,
  ]
  static let expectedRating =
    "one of definitely_not, no, mixed, yes, strong_yes, or no_decision for not rated"
  static let recommendations: [String: String] = [
    "definitely_not": "Definitely not", "no": "No", "mixed": "Mixed", "yes": "Yes",
    "strong_yes": "Strong yes",
  ]

  static func parse(_ root: JSONNode, file: String, skills: SkillIndex) throws(InputErrors)
    -> (EvidenceImportResult, Int)
  {
    var result = EvidenceImportResult()
    let scorecards: [JSONNode]
    if let items = root.array {
      scorecards = items
    } else if root["scorecards"] == nil {
      scorecards = [root]  // one scorecard, `GET /v1/scorecards/{id}`
    } else {
      do throws(InputError) {
        scorecards = try JSONEvidenceImport.items(
          root["scorecards"], file: file, expected: "an array of scorecards")
      } catch {
        throw InputErrors([error])
      }
      for member in ["candidates", "applications"] {
        if let list = root[member], !list.isNull {
          result.directory.merge(try CandidateDirectory.records(list, file: file))
        }
      }
    }
    for scorecard in scorecards {
      guard scorecard.isObject else {
        result.fail("", scorecard.error(file, expected: "a scorecard object"))
        continue
      }
      let what = "scorecard " + (JSONEvidenceImport.idKey(scorecard["id"]) ?? scorecard.path)
      var email: String?
      do throws(InputError) {
        email = try JSONEvidenceImport.email(scorecard["candidate_email"], file: file)
      } catch {
        result.skipEmail(
          scorecard["candidate_email"]?.string ?? "", error.location, what: what)
        continue
      }
      var refs: [(kind: JoinKind, id: String)] = []
      if let id = JSONEvidenceImport.idKey(scorecard["candidate_id"]) {
        refs.append((.greenhouseCandidate, id))
      }
      if let id = JSONEvidenceImport.idKey(scorecard["application_id"]) {
        refs.append((.greenhouseApplication, id))
      }
      if email == nil, refs.isEmpty {
        result.skip(
          .noEmail, scorecard.location(file), hireKey: nil,
          "\(what) has neither `candidate_email` nor `candidate_id`; expected one of them to identify the candidate"
        )
        continue
      }
      let key = email?.lowercased() ?? ""
      var unknown: [UnknownName] = []
      var errors: [InputError] = []
      var items: [Evidence] = []
      var unscored: [Unscored] = []
      do throws(InputError) {
        items = try evidence(
          scorecard, what: what, hireKey: key, file: file, skills: skills, unknown: &unknown,
          errors: &errors, unscored: &unscored, result: &result)
      } catch {
        errors.append(error)
      }
      if let email {
        result.add(contentsOf: items)
        for part in unscored {
          result.skip(.notScored, part.location, hireKey: key, "\(email): \(part.message)")
        }
        for var name in unknown {
          name.hireKey = key
          result.unknownNames.append(name)
        }
        for error in errors { result.fail(key, error) }
      } else {
        result.pending.append(
          PendingEvidence(
            evidence: items, hire: refs, location: scorecard.location(file), what: what,
            unknownNames: unknown, errors: errors, unscored: unscored))
      }
    }
    return (result, scorecards.count)
  }

  /// A file of Harvest candidate or application objects: ids for joins, no evidence.
  static func directory(_ root: JSONNode, file: String) throws(InputErrors)
    -> (EvidenceImportResult, Int)
  {
    var result = EvidenceImportResult()
    result.directory = try CandidateDirectory.records(root, file: file)
    return (result, root.array?.count ?? 1)
  }

  /// The notes a scorecard adds to its evidence: the overall recommendation and the answers.
  static func scorecardNotes(
    _ scorecard: JSONNode, file: String, result: inout EvidenceImportResult
  )
    throws(InputError) -> [String]
  {
    var notes: [String] = []
    if let text = try JSONEvidenceImport.string(
      scorecard["overall_recommendation"], file: file, expected: "the overall recommendation"),
      text != "no_decision"
    {
      notes.append("Overall recommendation: \(recommendations[text.lowercased()] ?? text)")
    }
    for item in try JSONEvidenceImport.items(
      scorecard["questions"], file: file, expected: "an array of questions ({question, answer})")
    {
      guard item.isObject,
        let question = try JSONEvidenceImport.string(
          item["question"], file: file, expected: "the question (text)"),
        let answer = try JSONEvidenceImport.string(
          item["answer"], file: file, expected: "the answer (text)")
      else { continue }
      if SkillIndex.normalise(question) == "private notes" {
        result.noteOnce(
          item.location(file),
          "\"Private Notes\" answers are private to the hiring team; not copied into plans")
        continue
      }
      notes.append("\(plainText(question)): \(plainText(answer))")
    }
    return notes
  }

  /// Text without the basic HTML Greenhouse allows in answers (`<p>`, `<ul>`, `<li>`, `<b>`...).
  static func plainText(_ html: String) -> String {
    var out = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
        out += " "
      } else if character == ">", inTag {
        inTag = false
      } else if !inTag {
        out.append(character)
      }
    }
    let entities = [
      "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&nbsp;": " ",
    ]
    for (entity, text) in entities { out = out.replacingOccurrences(of: entity, with: text) }
    return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The evidence of one scorecard; a bad attribute fails the hire (recorded in `result`), the
  /// other attributes are still read; unknown attribute names are collected in `unknown`. A
  /// scorecard that rates no attribute, and an unrated attribute with a note, go to `unscored`.
  static func evidence(
    _ scorecard: JSONNode, what: String, hireKey: String, file: String, skills: SkillIndex,
    unknown: inout [UnknownName], errors: inout [InputError], unscored: inout [Unscored],
    result: inout EvidenceImportResult
  ) throws(InputError) -> [Evidence] {
    let interviewer =
      JSONEvidenceImport.personName(scorecard["interviewer"])
      ?? JSONEvidenceImport.personName(scorecard["submitted_by"])
    var date = try JSONEvidenceImport.date(scorecard["interviewed_at"], file: file)
    if date == nil { date = try JSONEvidenceImport.date(scorecard["submitted_at"], file: file) }
    var step = JSONEvidenceImport.personName(scorecard["interview_step"])
    if step == nil {
      step = try JSONEvidenceImport.string(
        scorecard["interview"], file: file, expected: "the interview's name")
    }
    let extra = try scorecardNotes(scorecard, file: file, result: &result)
    let attributes = try JSONEvidenceImport.items(
      scorecard["attributes"], file: file,
      expected: "an array of attributes ({name, type, note, rating})")
    if attributes.allSatisfy(isUnrated) {
      let why =
        attributes.isEmpty
        ? "has no attributes"
        : "rates no attribute (\(attributes.count == 1 ? "its attribute is" : "its \(attributes.count) attributes are") `no_decision` or null)"
      // The attributes' own notes ("ran out of time") are said with the scorecard's.
      var notes = extra
      for attribute in attributes {
        guard
          let note = attribute["note"]?.string?.trimmingCharacters(in: .whitespacesAndNewlines),
          !note.isEmpty
        else { continue }
        notes.append("\(attribute["name"]?.string ?? "?"): \(note)")
      }
      unscored.append(
        Unscored(
          location: scorecard.location(file),
          message:
            "\(what) \(why); not imported"
            + (notes.isEmpty ? "" : ". Its notes: \(Unscored.quoted(notes))")))
      return []
    }
    var evidence: [Evidence] = []
    for attribute in attributes {
      do throws(InputError) {
        if isUnrated(attribute) {
          // Not asked, unless the interviewer wrote something: then it is said, not dropped.
          if let note = try JSONEvidenceImport.string(
            attribute["note"], file: file, expected: "the attribute's note (text)"),
            !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
          {
            let name = attribute["name"]?.string ?? "?"
            unscored.append(
              Unscored(
                location: (attribute["rating"] ?? attribute).location(file),
                message:
                  "\(what): attribute `\(name)` is not rated, but has a note; not imported. "
                  + "The note: \(Unscored.quoted([note]))"))
          }
          continue
        }
        if let item = try self.attribute(
          attribute, hireKey: hireKey, file: file, skills: skills, unknown: &unknown,
          result: &result)
        {
          var item = item
          item.assessor = interviewer
          item.date = date
          let head = [step, item.note].compactMap { $0 }.joined(separator: ": ")
          let note = ([head].filter { !$0.isEmpty } + extra).joined(separator: "; ")
          item.note = note.isEmpty ? nil : note
          evidence.append(item)
        }
      } catch {
        errors.append(error)
      }
    }
    return evidence
  }

  /// Whether an attribute carries no rating: none, null, empty or `no_decision`.
  static func isUnrated(_ attribute: JSONNode) -> Bool {
    guard attribute.isObject, let rating = attribute["rating"], !rating.isNull else {
      return attribute.isObject
    }
    guard let label = rating.string else { return false }
    let normalised = label.trimmingCharacters(in: .whitespaces).lowercased()
      .replacingOccurrences(of: " ", with: "_")
    return normalised.isEmpty || normalised == "no_decision"
  }

  /// One attribute's evidence, or nil when it is not rated.
  static func attribute(
    _ attribute: JSONNode, hireKey: String, file: String, skills: SkillIndex,
    unknown: inout [UnknownName], result: inout EvidenceImportResult
  ) throws(InputError) -> Evidence? {
    guard attribute.isObject else {
      throw attribute.error(file, expected: "an attribute object ({name, type, note, rating})")
    }
    guard let ratingNode = attribute["rating"], !ratingNode.isNull else { return nil }
    guard let label = ratingNode.string?.trimmingCharacters(in: .whitespaces) else {
      throw ratingNode.error(file, expected: expectedRating)
    }
    let normalised = label.lowercased().replacingOccurrences(of: " ", with: "_")
    if normalised == "no_decision" || normalised.isEmpty { return nil }
    guard let value = ratings[normalised] else {
      throw ratingNode.error(file, expected: expectedRating)
    }
    guard
      let name = try JSONEvidenceImport.string(
        attribute["name"], file: file, expected: "the attribute's name")
    else {
      throw attribute.error(
        file, "the attribute has no `name`; expected the name of the rated attribute")
    }
    guard let skillID = skills.skillID(for: name) else {
      let nameNode = attribute["name"] ?? attribute
      let item = EvidenceImport.unknownName(
        name, at: nameNode.location(file), skills: skills, what: "Greenhouse attribute")
      unknown.append(item)
      result.storedDiagnostics.append(item.diagnostic)
      return nil
    }
    let note = try JSONEvidenceImport.string(
      attribute["note"], file: file, expected: "the attribute's note (text)")
    return Evidence(
      hireKey: hireKey, skillID: skillID, source: .interview, instrument: name, rawValue: label,
      scale: .greenhouse, proficiency: EvidenceScale.greenhouse.proficiency(of: value), note: note,
      origin: ratingNode.location(file))
  }
}
