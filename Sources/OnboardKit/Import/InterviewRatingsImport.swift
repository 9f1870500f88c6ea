import Foundation

/// Structured-interview ratings: one row per candidate, interviewer and competency, rated 1–5
/// (behaviourally anchored). A blank rating means "not rated", never zero.
enum InterviewRatingsImport {
  /// Reads the rows, handing each evidence to `each`; the result has the notes and row errors.
  static func parse(
    _ table: inout TableReader, skills: SkillIndex, each: (Evidence) -> Void
  ) throws(InputErrors) -> EvidenceImportResult {
    var result = EvidenceImportResult()
    var seen: [String: Int] = [:]
    // A candidate's rows come together, and a file names a few competencies many times: the
    // last email's checks and the competencies' skills are remembered (a bounded memo: memory
    // stays flat however long the file).
    var lastEmail: (text: String, key: String, plausible: Bool)? = nil
    var skillOf: [String: String?] = [:]
    var lastDate: (text: String, date: CalendarDate?)? = nil
    do {
      try table.require(["Candidate Email", "Interviewer", "Competency", "Rating"])
      // A column this import does not read is named, not dropped in silence (an `Email` beside
      // `Candidate Email`, a misspelled `Note`).
      let columns = [
        "Candidate Email", "Interviewer", "Competency", "Rating", "Notes", "Interview Date",
      ]
      if let unread = table.unreadColumns(
        Dictionary(uniqueKeysWithValues: columns.map { ($0, []) }), what: "interview ratings")
      {
        result.storedDiagnostics.append(unread)
      }
      while let row = try table.next() {
        if row.isBlank { continue }
        let email = row.value("Candidate Email")
        // Compared byte for byte: two spellings of one email that are equal as `String`s
        // (composed and decomposed accents) may lowercase to different keys.
        let checked: (text: String, key: String, plausible: Bool)
        if let last = lastEmail, last.text.utf8.elementsEqual(email.utf8) {
          checked = last
        } else {
          checked = (email, email.lowercased(), isPlausibleEmail(email))
          lastEmail = checked
        }
        let key = checked.key
        if let ragged = row.cellCountError() {
          result.fail(key, ragged)
          continue
        }
        guard checked.plausible else {
          result.fail(
            key,
            row.error("Candidate Email", "found `\(email)`; expected the candidate's email address")
          )
          continue
        }
        let competency = row.value("Competency")
        if competency.isEmpty {
          result.fail(
            key, row.error("Competency", "is empty; expected the competency rated (a skill alias)"))
          continue
        }
        let known: String?
        if let remembered = skillOf[competency] {
          known = remembered
        } else {
          known = skills.skillID(for: competency)
          if skillOf.count >= 1024 { skillOf.removeAll(keepingCapacity: true) }
          skillOf[competency] = .some(known)
        }
        guard let skillID = known else {
          result.fail(
            key,
            EvidenceImport.unknownSkill(
              competency, at: row.location("Competency"), skills: skills, what: "competency"))
          continue
        }
        let raw = row.value("Rating")
        if raw.isEmpty {
          // Not rated (never zero): a record not used, counted and named with its note.
          let note = row.value("Notes")
          let interviewer = row.value("Interviewer")
          result.skip(
            .notScored, row.location("Rating"), hireKey: key,
            "\(email): \(interviewer.isEmpty ? "the interviewer" : interviewer) did not rate "
              + "`\(competency)` (blank rating); not imported"
              + (note.isEmpty ? "" : ". The note: \(Unscored.quoted([note]))"))
          continue
        }
        guard let value = EvidenceImport.number(raw), value == value.rounded(),
          (1...5).contains(value)
        else {
          result.fail(
            key,
            row.error(
              "Rating",
              "found `\(raw)`; expected a whole rating from 1 to 5, or blank for not rated"))
          continue
        }
        let interviewer = row.value("Interviewer")
        let duplicateKey = [key, interviewer.lowercased(), skillID, TableReader.key(competency)]
          .joined(separator: "\u{1F}")
        if let first = seen[duplicateKey] {
          result.fail(
            key,
            row.error(
              "Competency",
              "\(interviewer) already rated `\(competency)` for \(email) at line \(first); expected one rating per interviewer and competency"
            ))
          continue
        }
        seen[duplicateKey] = row.line
        let dateText = row.value("Interview Date")
        let date: CalendarDate?
        if let last = lastDate, last.text.utf8.elementsEqual(dateText.utf8) {
          date = last.date
        } else {
          date = EvidenceImport.date(dateText)
          lastDate = (dateText, date)
        }
        if date == nil, !dateText.trimmingSpaces().isEmpty {
          result.fail(
            key,
            row.error(
              "Interview Date",
              "found `\(dateText)`; expected the interview's date as YYYY-MM-DD (a real day)"))
          continue
        }
        let note = row.value("Notes")
        each(
          Evidence(
            hireKey: key, skillID: skillID, source: .interview, instrument: competency,
            rawValue: raw,
            scale: .rubric, proficiency: EvidenceScale.rubric.proficiency(of: value),
            assessor: interviewer.isEmpty ? nil : interviewer,
            date: date,
            note: note.isEmpty ? nil : note, origin: row.location("Rating")))
      }
    } catch {
      throw InputErrors([error])
    }
    return result
  }
}
