import Foundation

/// The plain evidence CSV for everything else: `email,skill,value,scale,source,assessor,date,note`.
///
/// `scale` is `percent`, `points/N`, `level` (0–5), `rubric` (1–5), `greenhouse`
/// (definitely_not … strong_yes), `lever` (1–4) or `percentile`.
enum PlainEvidenceImport {
  static let greenhouseLabels: [String: Double] = [
    "definitely_not": 1, "no": 2, "mixed": 3, "yes": 4, "strong_yes": 5,
  ]

  static func scale(_ text: String) -> EvidenceScale? {
    let key = text.lowercased().replacingOccurrences(of: " ", with: "")
    switch key {
    case "percent", "%", "percentage": return .percent
    case "level": return .level
    case "rubric": return .rubric
    case "greenhouse": return .greenhouse
    case "lever": return .lever
    case "percentile": return .percentile
    default:
      if key.hasPrefix("points/"), let max = EvidenceImport.number(String(key.dropFirst(7))),
        max > 0
      {
        return .points(max: max)
      }
      return nil
    }
  }

  /// Reads the rows, handing each evidence to `each`; the result has the notes and row errors.
  static func parse(
    _ table: inout TableReader, skills: SkillIndex, each: (Evidence) -> Void
  ) throws(InputErrors) -> EvidenceImportResult {
    var result = EvidenceImportResult()
    do {
      try table.require(["email", "skill", "value", "scale"])
      // A misspelled column (`notes`, `assessment_date`) had its values dropped in silence.
      let columns = ["email", "skill", "value", "scale", "source", "assessor", "date", "note"]
      if let unread = table.unreadColumns(
        Dictionary(uniqueKeysWithValues: columns.map { ($0, []) }), what: "plain evidence")
      {
        result.storedDiagnostics.append(unread)
      }
      while let row = try table.next() {
        if row.isBlank { continue }
        let email = row.value("email")
        let key = email.lowercased()
        if let ragged = row.cellCountError() {
          result.fail(key, ragged)
          continue
        }
        guard isPlausibleEmail(email) else {
          result.fail(
            key, row.error("email", "found `\(email)`; expected the hire's email address"))
          continue
        }
        let skillName = row.value("skill")
        if skillName.isEmpty {
          result.fail(key, row.error("skill", "is empty; expected a skill id, name or alias"))
          continue
        }
        guard let skillID = skills.skillID(for: skillName) else {
          result.fail(
            key,
            EvidenceImport.unknownSkill(
              skillName, at: row.location("skill"), skills: skills, what: "skill"))
          continue
        }
        guard let scale = scale(row.value("scale")) else {
          result.fail(
            key,
            row.error(
              "scale",
              "found `\(row.value("scale"))`; expected percent, points/N, level, rubric, greenhouse, lever or percentile"
            ))
          continue
        }
        let raw = row.value("value")
        let number =
          scale == .greenhouse
          ? greenhouseLabels[raw.lowercased()] ?? EvidenceImport.number(raw)
          : EvidenceImport.number(raw)
        guard let number,
          scale == .percentile ? (0...100).contains(number) : scale.proficiency(of: number) != nil
        else {
          result.fail(
            key,
            row.error(
              "value",
              "found `\(raw)`; expected a value from \(scale.validRange) on the \(scale) scale"))
          continue
        }
        var source = EvidenceSource.manual
        if !row.value("source").isEmpty {
          guard let parsed = EvidenceSource(rawValue: row.value("source").lowercased()) else {
            result.fail(
              key,
              row.error(
                "source", "found `\(row.value("source"))`; expected test, interview or manual"))
            continue
          }
          source = parsed
        }
        let dateText = row.value("date")
        let date = EvidenceImport.date(dateText)
        if date == nil, !dateText.trimmingSpaces().isEmpty {
          result.fail(
            key,
            row.error("date", "found `\(dateText)`; expected the date as YYYY-MM-DD (a real day)"))
          continue
        }
        let assessor = row.value("assessor")
        let note = row.value("note")
        each(
          Evidence(
            hireKey: key, skillID: skillID, source: source, instrument: skillName, rawValue: raw,
            scale: scale,
            proficiency: scale.proficiency(of: number),
            percentileRank: scale == .percentile ? number : nil,
            assessor: assessor.isEmpty ? nil : assessor,
            date: date,
            note: note.isEmpty ? nil : note, origin: row.location("value")))
      }
    } catch {
      throw InputErrors([error])
    }
    return result
  }
}
