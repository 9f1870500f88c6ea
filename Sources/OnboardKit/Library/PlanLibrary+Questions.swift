import Foundation

extension PlanLibrary {
  /// Parses `questions.csv`: one bank per role, questions in a fixed order, each mapped to skills of
  /// its role. Every problem is reported with its file, line and column: an unknown role or skill,
  /// a skill the role does not have, a duplicate id or question, an order with gaps or repeats,
  /// and a skill of the role that no question covers.
  ///
  /// A role of `incompleteRoles` (lower-cased titles of roles with a bad row in roles.csv) is
  /// not checked: its questions wait until its rows are fixed.
  static func parseQuestions(
    _ file: SourceFile, roles: [RoleProfile], incompleteRoles: Set<String> = [], skills: [Skill]
  ) throws(InputErrors) -> [QuestionBank] {
    struct Row {
      var question: InterviewQuestion
      var roleCell: SourceLocation
      var orderCell: SourceLocation
    }
    let skillIDs = Set(skills.map(\.id))
    var rows: [Row] = []
    var ids: [String: Int] = [:]
    var texts: [String: (id: String, line: Int)] = [:]
    var errors: [InputError] = []
    // Roles with a row error: their order and coverage are not checked until the rows are fixed.
    var brokenRoles: Set<String> = []
    do {
      try readRows(
        file,
        required: [
          "role", "order", "id", "question", "skills", "anchor_1", "anchor_3", "anchor_5",
        ]
      ) { row throws(InputError) in
        if incompleteRoles.contains(row.value("role").lowercased()) { return }
        do throws(InputError) {
          guard
            let role = roles.first(where: {
              $0.title.caseInsensitiveCompare(row.value("role")) == .orderedSame
            })
          else {
            throw row.error(
              "role",
              "`\(row.value("role"))` is not a role of roles.csv; "
                + (roles.isEmpty
                  ? "roles.csv has no role that reads"
                  : "known roles: " + roles.map { "`\($0.title)`" }.joined(separator: ", ")))
          }
          let id = try requireSlug(row, "id")
          if let line = ids[id] {
            throw row.error("id", "`\(id)` is listed twice (first at line \(line))")
          }
          ids[id] = row.line
          let order = try requireInt(row, "order", 1...1000)
          let text = row.value("question")
          guard !text.isEmpty else {
            throw row.error(
              "question", "is empty; expected the question as the interviewer reads it")
          }
          let textKey = role.id + "\u{1F}" + Self.questionKey(text)
          if let first = texts[textKey] {
            throw row.error(
              "question",
              "the same question as `\(first.id)` (line \(first.line)) of role \(role.title); "
                + "ask each question once")
          }
          texts[textKey] = (id, row.line)
          let skillList = row.list("skills")
          guard !skillList.isEmpty else {
            throw row.error("skills", "is empty; expected skill ids of the role, separated by `|`")
          }
          var weights: [String: Double] = [:]
          var skillNames: [String] = []
          for entry in skillList {
            let parts = entry.split(separator: ":", maxSplits: 1).map {
              $0.trimmingCharacters(in: .whitespaces)
            }
            let skill = parts[0]
            if parts.count == 2 {
              guard let weight = Double(parts[1]), (0...1).contains(weight) else {
                throw row.error(
                  "skills",
                  "`\(entry)`: found weight `\(parts[1])`; expected a number from 0 to 1 "
                    + "(`skill:0.5`; no weight = 1)")
              }
              if weight < 1 { weights[skill] = weight }
            }
            skillNames.append(skill)
          }
          for skill in skillNames {
            guard skillIDs.contains(skill) else {
              throw row.error("skills", "`\(skill)` is not a skill id of skills.csv")
            }
            guard role.requirements.contains(where: { $0.skillID == skill }) else {
              throw row.error(
                "skills", "`\(skill)` is not a skill of role \(role.title) in roles.csv")
            }
          }
          var anchors: [String] = []
          for column in ["anchor_1", "anchor_3", "anchor_5"] {
            let anchor = row.value(column)
            guard !anchor.isEmpty else {
              throw row.error(
                column, "is empty; expected what an answer rated \(column.suffix(1)) shows")
            }
            anchors.append(anchor)
          }
          var unique: [String] = []
          for skill in skillNames where !unique.contains(skill) { unique.append(skill) }
          var question = InterviewQuestion(
            id: id, role: role.title, order: order, section: row.value("section"), text: text,
            skillIDs: unique, anchor1: anchors[0], anchor3: anchors[1], anchor5: anchors[2],
            origin: row.location("id"))
          question.skillWeights = weights
          rows.append(
            Row(
              question: question,
              roleCell: row.location("role"), orderCell: row.location("order")))
        } catch {
          brokenRoles.insert(row.value("role").lowercased())
          throw error
        }
      }
    } catch {
      errors += error.errors
    }
    var banks: [QuestionBank] = []
    for role in roles {
      let ofRole = rows.filter { $0.question.role == role.title }
      guard let first = ofRole.first, !brokenRoles.contains(role.title.lowercased()) else {
        continue
      }
      errors += orderErrors(ofRole.map { ($0.question.order, $0.orderCell) }, role: role.title)
      let covered = Set(ofRole.flatMap(\.question.skillIDs))
      for requirement in role.requirements where !covered.contains(requirement.skillID) {
        errors.append(
          InputError(
            first.roleCell,
            "skill `\(requirement.skillID)` of role \(role.title) has no question in the bank; "
              + "add one, or list the skill in an existing question's `skills`"))
      }
      banks.append(QuestionBank(role: role.title, questions: ofRole.map(\.question)))
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return banks
  }

  /// A role's `order` values must run 1, 2, 3 ... : each repeat and each gap is an error.
  static func orderErrors(_ orders: [(Int, SourceLocation)], role: String) -> [InputError] {
    var errors: [InputError] = []
    var seen: [Int: SourceLocation] = [:]
    for (order, location) in orders {
      if let first = seen[order] {
        errors.append(
          InputError(
            location,
            "order \(order) is used twice for role \(role) (first at line \(first.line ?? 0))"))
      } else {
        seen[order] = location
      }
    }
    var expected = 1
    for (order, location) in seen.sorted(by: { $0.key < $1.key }) {
      if order != expected {
        errors.append(
          InputError(
            location,
            "order \(order) of role \(role) follows \(expected - 1): "
              + "\(expected == order - 1 ? "\(expected) is" : "\(expected)–\(order - 1) are") missing; "
              + "number a role's questions 1, 2, 3 ... without gaps"))
      }
      expected = order + 1
    }
    return errors
  }

  /// Question text compared loosely: case and runs of spaces do not make a different question.
  static func questionKey(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
