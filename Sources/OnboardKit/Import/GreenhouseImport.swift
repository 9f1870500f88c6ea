import Foundation

/// Greenhouse scorecards as the Harvest API returns them (`GET /v1/scorecards`, or
/// `GET /v1/applications/{id}/scorecards`).
///
/// A scorecard names its candidate by `candidate_id` only, so the candidate's email is found, in
/// this order:
/// 1. a `candidate_email` member on the scorecard (added by whatever joined the export);
/// 2. `candidate_id` looked up in a top-level `candidates` array of Harvest candidate objects
///    (`{"id": ..., "email_addresses": [{"value": ..., "type": ...}]}`, the first valid address),
///    when the file is `{"candidates": [...], "scorecards": [...]}`.
///
/// Each rated attribute (`attributes[].rating`: `definitely_not`, `no`, `mixed`, `yes`,
/// `strong_yes`) becomes interview evidence on the skill its `name` is an alias of, on the
/// `greenhouse` scale (1–5); `no_decision` (or null) means not rated and gives nothing, so an
/// unrated attribute is never an error. `overall_recommendation`, `ratings` and `questions` are a
/// hiring decision and free text, not skill evidence, and are not read.
enum GreenhouseImport {
  static let ratings: [String: Double] = [
    "definitely_not": 1, "no": 2, "mixed": 3, "yes": 4, "strong_yes": 5,
  ]
  static let expectedRating =
    "one of definitely_not, no, mixed, yes, strong_yes, or no_decision for not rated"

  static func parse(_ root: JSONNode, file: String, skills: SkillIndex) throws(InputErrors)
    -> EvidenceImportResult
  {
    var directory = CandidateDirectory()
    let scorecards: [JSONNode]
    if let items = root.array {
      scorecards = items
    } else {
      do throws(InputError) {
        scorecards = try JSONEvidenceImport.items(
          root["scorecards"], file: file, expected: "an array of scorecards")
      } catch {
        throw InputErrors([error])
      }
      if let candidates = root["candidates"], !candidates.isNull {
        directory = try CandidateDirectory(candidates, file: file)
      }
    }
    var result = EvidenceImportResult()
    for scorecard in scorecards {
      guard scorecard.isObject else {
        result.fail("", scorecard.error(file, expected: "a scorecard object"))
        continue
      }
      let email: String
      do throws(InputError) {
        email = try candidateEmail(scorecard, directory: directory, file: file)
      } catch {
        result.fail(JSONEvidenceImport.fallbackKey(scorecard["candidate_email"]), error)
        continue
      }
      let key = email.lowercased()
      do throws(InputError) {
        let items = try evidence(
          scorecard, hireKey: key, file: file, skills: skills, result: &result)
        result.add(contentsOf: items)
      } catch {
        result.fail(key, error)
      }
    }
    return result
  }

  /// The email of a scorecard's candidate (see the type's documentation).
  static func candidateEmail(_ scorecard: JSONNode, directory: CandidateDirectory, file: String)
    throws(InputError) -> String
  {
    if let email = try JSONEvidenceImport.email(scorecard["candidate_email"], file: file) {
      return email
    }
    guard let idNode = scorecard["candidate_id"], !idNode.isNull else {
      throw scorecard.error(
        file,
        "the scorecard has neither `candidate_email` nor `candidate_id`; expected one of them to identify the candidate"
      )
    }
    return try directory.email(for: idNode, file: file, what: "candidate")
  }

  /// The evidence of one scorecard; a bad attribute fails the hire (recorded in `result`), the
  /// other attributes are still read.
  static func evidence(
    _ scorecard: JSONNode, hireKey: String, file: String, skills: SkillIndex,
    result: inout EvidenceImportResult
  ) throws(InputError) -> [Evidence] {
    let interviewer =
      JSONEvidenceImport.personName(scorecard["interviewer"])
      ?? JSONEvidenceImport.personName(scorecard["submitted_by"])
    var date = try JSONEvidenceImport.date(scorecard["submitted_at"], file: file)
    if date == nil { date = try JSONEvidenceImport.date(scorecard["interviewed_at"], file: file) }
    var step = JSONEvidenceImport.personName(scorecard["interview_step"])
    if step == nil {
      step = try JSONEvidenceImport.string(
        scorecard["interview"], file: file, expected: "the interview's name")
    }
    let attributes = try JSONEvidenceImport.items(
      scorecard["attributes"], file: file,
      expected: "an array of attributes ({name, type, note, rating})")
    var evidence: [Evidence] = []
    for attribute in attributes {
      do throws(InputError) {
        if let item = try self.attribute(attribute, hireKey: hireKey, file: file, skills: skills) {
          var item = item
          item.assessor = interviewer
          item.date = date
          let note = [step, item.note].compactMap { $0 }.joined(separator: ": ")
          item.note = note.isEmpty ? nil : note
          evidence.append(item)
        }
      } catch {
        result.fail(hireKey, error)
      }
    }
    return evidence
  }

  /// One attribute's evidence, or nil when it is not rated.
  static func attribute(_ attribute: JSONNode, hireKey: String, file: String, skills: SkillIndex)
    throws(InputError) -> Evidence?
  {
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
      throw EvidenceImport.unknownSkill(
        name, at: nameNode.location(file), skills: skills, what: "Greenhouse attribute")
    }
    let note = try JSONEvidenceImport.string(
      attribute["note"], file: file, expected: "the attribute's note (text)")
    return Evidence(
      hireKey: hireKey, skillID: skillID, source: .interview, instrument: name, rawValue: label,
      scale: .greenhouse, proficiency: EvidenceScale.greenhouse.proficiency(of: value), note: note,
      origin: ratingNode.location(file))
  }
}
