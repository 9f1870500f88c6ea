import Foundation
import OnboardCSV

/// The columns of an interview scorecard, as `onboard interview-kit` writes them and the import
/// reads them back (matched case-insensitively, like every header).
public enum ScorecardColumns {
  public static let candidateEmail = "Candidate Email"
  public static let interviewer = "Interviewer"
  public static let date = "Interview Date"
  public static let role = "Role"
  public static let order = "Order"
  public static let questionID = "Question ID"
  public static let question = "Question"
  public static let skills = "Skills"
  public static let anchor1 = "Anchor 1"
  public static let anchor3 = "Anchor 3"
  public static let anchor5 = "Anchor 5"
  public static let rating = "Rating"
  public static let notes = "Notes"

  /// The header row, in the order the kit writes it.
  public static let header = [
    candidateEmail, interviewer, date, role, order, questionID, question, skills, anchor1,
    anchor3, anchor5, rating, notes,
  ]
}

/// A filled interview scorecard: one file per candidate and interviewer, one row per question of
/// the role's bank, in the bank's order. Each rated question is evidence for each of its skills;
/// a blank rating means "not asked", never zero.
///
/// The candidate, interviewer and date may be written on the first row only (later blank cells
/// repeat them). The `Skills` and anchor columns are for the interviewer; the bank decides which
/// skills a question is evidence for.
enum ScorecardImport {
  static func parse(
    _ table: inout TableReader, banks: [QuestionBank], each: (Evidence) -> Void
  ) throws(InputErrors)
    -> EvidenceImportResult
  {
    typealias C = ScorecardColumns
    let rows: [TableRow]
    do {
      try table.require([
        C.candidateEmail, C.interviewer, C.order, C.questionID, C.question, C.rating,
      ])
      rows = try table.rows().filter { !$0.isBlank }
    } catch {
      throw InputErrors([error])
    }
    let path = table.path
    guard !banks.isEmpty else {
      throw InputErrors([
        InputError(
          SourceLocation(file: path, line: table.headerLine),
          "this is an interview scorecard, but the plan library has no question bank; "
            + "add Plans/questions.csv (or use --plans)")
      ])
    }
    guard let firstRow = rows.first else { return EvidenceImportResult() }
    let bank = try chooseBank(rows, banks: banks)
    guard let emailRow = rows.first(where: { !$0.value(C.candidateEmail).isEmpty }) else {
      throw InputErrors([
        firstRow.error(
          C.candidateEmail, "is empty; expected the candidate's email address in the first row")
      ])
    }
    let email = emailRow.value(C.candidateEmail)
    guard isPlausibleEmail(email) else {
      throw InputErrors([
        emailRow.error(
          C.candidateEmail, "found `\(email)`; expected the candidate's email address")
      ])
    }
    let key = email.lowercased()
    var result = EvidenceImportResult()
    for row in rows {
      if let ragged = row.cellCountError() { result.fail(key, ragged) }
    }
    let interviewerRow = rows.first { !$0.value(C.interviewer).isEmpty }
    let interviewer = interviewerRow?.value(C.interviewer) ?? ""
    if interviewer.isEmpty {
      result.fail(
        key,
        firstRow.error(C.interviewer, "is empty; expected the interviewer's name in the first row"))
    }
    var date: CalendarDate? = nil
    var previous: (position: Int, id: String)? = nil
    for row in rows {
      if let error = sameValue(row, C.candidateEmail, as: emailRow) { result.fail(key, error) }
      if let interviewerRow, let error = sameValue(row, C.interviewer, as: interviewerRow) {
        result.fail(key, error)
      }
      let dateText = row.value(C.date)
      if !dateText.isEmpty {
        guard let parsed = EvidenceImport.date(dateText) else {
          result.fail(key, row.error(C.date, "found `\(dateText)`; expected a date YYYY-MM-DD"))
          continue
        }
        date = parsed
      }
      let question: InterviewQuestion
      do {
        question = try check(row, bank: bank, after: previous)
      } catch {
        result.fail(key, error)
        continue
      }
      previous = (bank.position(of: question.id) ?? 0, question.id)
      let raw = row.value(C.rating)
      if raw.isEmpty {
        // Not asked: no record. A note on an unrated question is said, not dropped in silence.
        let note = row.value(C.notes)
        if !note.isEmpty {
          result.skip(
            .notScored, row.location(C.rating), hireKey: key,
            "\(email): \(interviewer.isEmpty ? "the interviewer" : interviewer) did not rate "
              + "question `\(question.id)`, but wrote a note; not imported. The note: "
              + Unscored.quoted([note]))
        }
        continue
      }
      guard let value = EvidenceImport.number(raw), value == value.rounded(),
        (1...5).contains(value)
      else {
        result.fail(
          key,
          row.error(
            C.rating, "found `\(raw)`; expected a whole rating from 1 to 5, or blank if not asked"))
        continue
      }
      guard !interviewer.isEmpty else { continue }
      let note = row.value(C.notes)
      for skillID in question.skillIDs {
        each(
          Evidence(
            hireKey: key, skillID: skillID, source: .interview, instrument: question.instrument,
            rawValue: raw, scale: .rubric, proficiency: EvidenceScale.rubric.proficiency(of: value),
            assessor: interviewer, date: date, note: note.isEmpty ? nil : note,
            origin: row.location(C.rating),
            weight: question.weight(of: skillID) < 1 ? question.weight(of: skillID) : nil))
      }
    }
    return result
  }

  /// The bank of the `Role` column, or else the bank that holds the first question id.
  static func chooseBank(_ rows: [TableRow], banks: [QuestionBank]) throws(InputErrors)
    -> QuestionBank
  {
    typealias C = ScorecardColumns
    if let roleRow = rows.first(where: { !$0.value(C.role).isEmpty }) {
      let role = roleRow.value(C.role)
      guard let bank = banks.bank(for: role) else {
        throw InputErrors([
          roleRow.error(
            C.role,
            "found `\(role)`; no question bank for this role in Plans/questions.csv; banks: "
              + banks.map { "`\($0.role)`" }.joined(separator: ", "))
        ])
      }
      return bank
    }
    for row in rows {
      if let bank = banks.bank(containing: row.value(C.questionID)) { return bank }
    }
    throw InputErrors([
      rows[0].error(
        C.questionID,
        "found `\(rows[0].value(C.questionID))`; no question bank of Plans/questions.csv has it")
    ])
  }

  /// Checks a row's question against the bank: a known id, its text unchanged, its number, and
  /// after the previous row's question.
  static func check(
    _ row: TableRow, bank: QuestionBank, after previous: (position: Int, id: String)?
  ) throws(InputError) -> InterviewQuestion {
    typealias C = ScorecardColumns
    let id = row.value(C.questionID)
    guard let position = bank.position(of: id) else {
      let close = bank.questions.map(\.id)
        .sorted { (editDistance(id, $0), $0) < (editDistance(id, $1), $1) }.prefix(3)
      throw row.error(
        C.questionID,
        "found `\(id)`; no question of the \(bank.role) bank has this id. "
          + "Closest ids: \(close.map { "`\($0)`" }.joined(separator: ", "))")
    }
    let question = bank.questions[position]
    let text = row.value(C.question)
    let written = [question.text, CSVFormulaDefence.escapeExceptNumbers.apply(to: question.text)]
    guard written.map(PlanLibrary.questionKey).contains(PlanLibrary.questionKey(text)) else {
      throw row.error(
        C.question,
        "found “\(text)”; question `\(id)` of the bank reads “\(question.text)”. "
          + "Do not edit the questions: make a new kit with `onboard interview-kit`")
    }
    let order = row.value(C.order)
    guard Int(order) == question.order else {
      throw row.error(
        C.order,
        "found `\(order)`; question `\(id)` is number \(question.order) of the \(bank.role) bank")
    }
    if let previous, position <= previous.position {
      throw row.error(
        C.questionID,
        position == previous.position
          ? "question `\(id)` is listed twice; expected each question once"
          : "question `\(id)` (number \(question.order)) comes after `\(previous.id)` "
            + "(number \(previous.position + 1)); keep the questions in the bank's order")
    }
    return question
  }

  /// An error when a row names another candidate or interviewer than the first row that named one.
  static func sameValue(_ row: TableRow, _ column: String, as first: TableRow) -> InputError? {
    let value = row.value(column)
    guard !value.isEmpty,
      value.caseInsensitiveCompare(first.value(column)) != .orderedSame
    else { return nil }
    return row.error(
      column,
      "found `\(value)`, but line \(first.line) says `\(first.value(column))`; "
        + "expected one scorecard file per candidate and interviewer")
  }
}
