import Foundation

/// One question of a role's structured-interview bank (`Plans/questions.csv`): asked of every
/// candidate in the same place, rated 1–5 against written anchors, mapped to skills of the role.
public struct InterviewQuestion: Hashable, Sendable, Codable {
  /// Stable slug, unique in the whole file (e.g. `be-sql-injection`).
  public var id: String
  /// The role title as `roles.csv` writes it.
  public var role: String
  /// 1, 2, 3 ... within the role: the order every interviewer asks in.
  public var order: Int
  /// A heading such as "General" or "Technical definitions".
  public var section: String
  /// The question as the interviewer reads it.
  public var text: String
  /// Skill ids of the role a rating of this question is evidence for.
  public var skillIDs: [String]
  /// How much a rating of this question says about each skill, 0…1 (`skill:0.3` in the `skills`
  /// cell): the question's primary skill 1 (the default), a secondary one less, a general question
  /// little. A skill not listed here has weight 1.
  public var skillWeights: [String: Double] = [:]
  /// What an answer rated 1 shows.
  public var anchor1: String
  /// What an answer rated 3 shows.
  public var anchor3: String
  /// What an answer rated 5 shows.
  public var anchor5: String
  /// Where the question is written (its `id` cell).
  public var origin: SourceLocation

  public init(
    id: String, role: String, order: Int, section: String, text: String, skillIDs: [String],
    anchor1: String, anchor3: String, anchor5: String, origin: SourceLocation
  ) {
    self.id = id
    self.role = role
    self.order = order
    self.section = section
    self.text = text
    self.skillIDs = skillIDs
    self.anchor1 = anchor1
    self.anchor3 = anchor3
    self.anchor5 = anchor5
    self.origin = origin
  }

  /// The question shortened to about `limit` characters at a word boundary, for evidence lines.
  public func shortText(limit: Int = 48) -> String {
    guard text.count > limit else { return text }
    var cut = String(text.prefix(limit))
    if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
    return cut.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
  }

  /// The weight of a rating of this question as evidence for a skill (1 unless the bank says less).
  public func weight(of skillID: String) -> Double { skillWeights[skillID] ?? 1 }

  /// The instrument name of evidence from this question: "be-sql-injection: Which method…".
  public var instrument: String { "\(id): \(shortText())" }
}

/// A role's question bank: its questions in the order they are asked.
public struct QuestionBank: Hashable, Sendable, Codable {
  /// The role title as `roles.csv` writes it.
  public var role: String
  /// Sorted by `order`, which runs 1, 2, 3 ... without gaps.
  public var questions: [InterviewQuestion]

  public init(role: String, questions: [InterviewQuestion]) {
    self.role = role
    self.questions = questions.sorted { $0.order < $1.order }
  }

  /// The question with an id, or nil.
  public func question(id: String) -> InterviewQuestion? {
    questions.first { $0.id == id }
  }

  /// The position (0-based) of a question id in the bank's order, or nil.
  public func position(of id: String) -> Int? {
    questions.firstIndex { $0.id == id }
  }
}

extension QuestionBank {
  /// More skills than this at full weight on one question make it a broad question that
  /// `onboard check` flags.
  public static let fullWeightSkillLimit = 2

  /// Questions mapped to more than `fullWeightSkillLimit` skills at full weight, as warnings: a
  /// broad question ("Which technical skills do backend developers need?") rated 3 would otherwise
  /// be level-3 evidence for every one of them.
  public func broadQuestionWarnings() -> [Diagnostic] {
    questions.compactMap { question in
      let full = question.skillIDs.filter { question.weight(of: $0) >= 1 }
      guard full.count > Self.fullWeightSkillLimit else { return nil }
      return Diagnostic(
        .warning, question.origin,
        "question `\(question.id)` counts at full weight for \(full.count) skills "
          + "(\(full.joined(separator: ", "))); give the secondary ones a lower weight in `skills`, "
          + "e.g. `\(full[0])|\(full[1]):0.5`, or a general question a small one, e.g. `:0.25`")
    }
  }
}

extension [QuestionBank] {
  /// The bank of a role title ("backend developer" finds "Backend Developer").
  public func bank(for role: String) -> QuestionBank? {
    let title = role.trimmingCharacters(in: .whitespaces)
    return first { $0.role.caseInsensitiveCompare(title) == .orderedSame }
      ?? first { slug($0.role) == slug(title) }
  }

  /// The bank that holds a question id.
  public func bank(containing questionID: String) -> QuestionBank? {
    first { $0.question(id: questionID) != nil }
  }
}
