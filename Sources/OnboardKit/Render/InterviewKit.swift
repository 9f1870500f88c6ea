import Foundation
import OnboardCSV

/// The interviewer's kit for one role: a scorecard CSV to fill in (read back by the evidence
/// import) and a printable Markdown and HTML version, all with the bank's questions in its order.
public struct InterviewKit: Sendable {
  public var bank: QuestionBank
  /// Skill display names by id, for the `Skills` column.
  public var skillNames: [String: String]
  public var candidateName: String?
  public var candidateEmail: String?
  public var interviewer: String?
  public var date: CalendarDate?

  public init(
    bank: QuestionBank, skills: [Skill], candidateName: String? = nil,
    candidateEmail: String? = nil, interviewer: String? = nil, date: CalendarDate? = nil
  ) {
    self.bank = bank
    self.skillNames = Dictionary(skills.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    self.candidateName = candidateName
    self.candidateEmail = candidateEmail
    self.interviewer = interviewer
    self.date = date
  }

  /// The file name without extension: `<hire>-<interviewer>` (the hire as in the plan folders,
  /// from the email), or the role's slug when no candidate is given.
  public var baseName: String {
    var parts = [
      candidateEmail.map { fileSafeName(String($0.split(separator: "@").first ?? "")) }
        ?? slug(bank.role)
    ]
    // At most 64 characters, like the hire's part: a 300-character name must still make a file
    // name the file system accepts (255 bytes).
    let name = interviewer.map { String(slug(Self.ascii($0)).prefix(64)) } ?? ""
    let trimmed = name.hasSuffix("-") ? String(name.dropLast()) : name
    if !trimmed.isEmpty { parts.append(trimmed) }
    return parts.joined(separator: "-")
  }

  /// `<base>.csv`, `<base>.md` and `<base>.html`.
  public func files() -> [OutputFile] {
    [
      OutputFile(path: baseName + ".csv", data: Data(scorecardCSV().utf8)),
      OutputFile(path: baseName + ".md", data: Data(markdown().utf8)),
      OutputFile(path: baseName + ".html", data: Data(html().utf8)),
    ]
  }

  /// The scorecard: a UTF-8 BOM (so that spreadsheets read the accents right), the header of
  /// `ScorecardColumns`, then one row per question; cells a spreadsheet would run as a formula
  /// are neutralised.
  public func scorecardCSV() -> String {
    let writer = CSVWriter()
    var text = "\u{FEFF}"
    writer.append(ScorecardColumns.header, to: &text)
    for question in bank.questions {
      writer.append(
        [
          candidateEmail ?? "", interviewer ?? "", date?.iso ?? "", bank.role,
          String(question.order), question.id, question.text,
          skills(of: question).joined(separator: " | "), question.anchor1, question.anchor3,
          question.anchor5, "", "",
        ], to: &text)
    }
    return text
  }

  /// The display names of a question's skills.
  func skills(of question: InterviewQuestion) -> [String] {
    question.skillIDs.map { skillNames[$0] ?? $0 }
  }

  /// The bank's questions grouped by section, in order (a section that comes back later is a new
  /// group).
  var sections: [(title: String, questions: [InterviewQuestion])] {
    var groups: [(title: String, questions: [InterviewQuestion])] = []
    for question in bank.questions {
      if let last = groups.last, last.title == question.section {
        groups[groups.count - 1].questions.append(question)
      } else {
        groups.append((question.section, [question]))
      }
    }
    return groups
  }

  /// What the interviewer is asked to do, as plain sentences.
  static let instructions = [
    "Ask every question, in this order; follow-up questions are fine, skipping is not.",
    "Rate each answer from 1 to 5 against the anchors (2 and 4 lie between them). "
      + "Leave the rating blank when a question was not asked: blank is \u{201C}not asked\u{201D}, never zero.",
    "Take notes on what the candidate said: the hiring team compares them across interviewers.",
    "Type the ratings and notes into the scorecard CSV (columns Rating and Notes) without changing "
      + "the questions or their order, and hand it in: one file per candidate and interviewer.",
  ]

  /// Letters without accents, for file names ("Bergström" → "Bergstrom").
  static func ascii(_ text: String) -> String {
    text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
  }
}
