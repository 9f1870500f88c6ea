import Foundation
import Testing

@testable import OnboardKit

/// The shipped question banks, and the checks that catch a broken one.
@Suite struct QuestionBankTests {
  @Test func shippedBanksCoverEveryRoleSkillInAFixedOrder() throws {
    let library = try RepositoryFiles.library()
    #expect(library.questionBanks.map(\.role) == ["Backend Developer", "Frontend Developer"])
    for bank in library.questionBanks {
      let role = try require(library.role(named: bank.role))
      #expect(bank.questions.map(\.order) == Array(1...bank.questions.count))
      let covered = Set(bank.questions.flatMap(\.skillIDs))
      #expect(covered == Set(role.requirements.map(\.skillID)), "\(bank.role)")
      #expect(bank.questions.allSatisfy { !$0.anchor1.isEmpty && !$0.anchor5.isEmpty })
    }
    let backend = try require(library.questionBanks.bank(for: "backend developer"))
    #expect((20...30).contains(backend.questions.count))
    let frontend = try require(library.questionBanks.bank(for: "Frontend Developer"))
    #expect(frontend.questions.count < backend.questions.count)
    // The guide's model answers are in the anchors.
    let injection = try require(backend.question(id: "be-sql-injection"))
    #expect(injection.skillIDs == ["application-security", "sql-databases"])
    for phrase in ["Prepared statements", "stored procedures", "allow-list"] {
      #expect(injection.anchor5.contains(phrase))
    }
    #expect(try require(backend.question(id: "be-large-data")).anchor5.contains("external sort"))
  }

  @Test func noQuestionsFileMeansNoBanks() throws {
    var sources = try RepositoryFiles.planSources()
    sources.questions = nil
    #expect(try PlanLibrary.load(sources).questionBanks.isEmpty)
  }

  func loadErrors(_ questions: String) throws -> [String] {
    var sources = try RepositoryFiles.planSources()
    sources.questions = SourceFile(path: "Plans/questions.csv", text: questions)
    do {
      _ = try PlanLibrary.load(sources)
      return []
    } catch {
      return error.errors.map(\.description)
    }
  }

  static func shipped() throws -> [String] {
    try String(contentsOf: RepositoryFiles.url("Plans/questions.csv"), encoding: .utf8)
      .components(separatedBy: "\n").filter { !$0.isEmpty }
  }

  @Test func brokenRowsAreReportedWithFileLineAndColumn() throws {
    let header = "role,order,id,section,question,skills,anchor_1,anchor_3,anchor_5\n"
    let frontend = try Self.shipped().filter { $0.hasPrefix("Frontend Developer,") }
    let lines = try loadErrors(
      header
        + "Backend Developer,1,be-one,General,Explain SQL.,sql-databse,a,b,c\n"  // line 2
        + "Backend Developer,2,be-two,General,explain  sql.,sql-databases,a,b,c\n"  // line 3
        + "Backend Developer,3,be-three,General,Explain React.,react,a,b,c\n"  // line 4
        + "Backend Developer,4,be-one,General,Explain Git.,git,a,b,c\n"  // line 5
        + "Backend Developer,5,be-six,General,Explain Docker.,containerization,a,,c\n"  // line 6
        + "Astronaut,1,as-one,General,Explain orbits.,git,a,b,c\n"  // line 7
        + frontend.joined(separator: "\n") + "\n")
    #expect(
      lines == [
        "Plans/questions.csv:2:49: error: column `skills`: `sql-databse` is not a skill id of skills.csv",
        "Plans/questions.csv:3:36: error: column `question`: the same question as `be-one` (line 2) of role Backend Developer; ask each question once",
        "Plans/questions.csv:4:53: error: column `skills`: `react` is not a skill of role Backend Developer in roles.csv",
        "Plans/questions.csv:5:21: error: column `id`: `be-one` is listed twice (first at line 2)",
        "Plans/questions.csv:6:71: error: column `anchor_3`: is empty; expected what an answer rated 3 shows",
        "Plans/questions.csv:7:1: error: column `role`: `Astronaut` is not a role of roles.csv; known roles: `Backend Developer`, `Frontend Developer`",
      ])
  }

  @Test func orderGapsRepeatsAndUncoveredSkillsAreReported() throws {
    var lines = try Self.shipped()
    // Drop question 9 (be-containerization, the only question on containers) and give
    // be-redis (24) the number of be-performance-testing (23).
    let containers = try require(lines.firstIndex { $0.contains(",be-containerization,") })
    lines.remove(at: containers)
    let redis = try require(lines.firstIndex { $0.contains(",be-redis,") })
    lines[redis] = lines[redis].replacingOccurrences(of: ",24,be-redis,", with: ",23,be-redis,")
    let errors = try loadErrors(lines.joined(separator: "\n") + "\n")
    #expect(
      errors == [
        "Plans/questions.csv:24:19: error: order 23 is used twice for role Backend Developer (first at line 23)",
        "Plans/questions.csv:10:19: error: order 10 of role Backend Developer follows 8: 9 is missing; number a role's questions 1, 2, 3 ... without gaps",
        "Plans/questions.csv:25:19: error: order 25 of role Backend Developer follows 23: 24 is missing; number a role's questions 1, 2, 3 ... without gaps",
        "Plans/questions.csv:2:1: error: skill `containerization` of role Backend Developer has no question in the bank; add one, or list the skill in an existing question's `skills`",
      ])
  }

  @Test func duplicateOrderNumbersAreNamed() {
    let errors = PlanLibrary.orderErrors(
      [
        (1, SourceLocation(file: "q.csv", line: 2, column: 19)),
        (2, SourceLocation(file: "q.csv", line: 3, column: 19)),
        (2, SourceLocation(file: "q.csv", line: 4, column: 19)),
        (3, SourceLocation(file: "q.csv", line: 5, column: 19)),
        (5, SourceLocation(file: "q.csv", line: 6, column: 19)),
      ],
      role: "Backend Developer")
    #expect(
      errors.map(\.description) == [
        "q.csv:4:19: error: order 2 is used twice for role Backend Developer (first at line 3)",
        "q.csv:6:19: error: order 5 of role Backend Developer follows 3: 4 is missing; number a role's questions 1, 2, 3 ... without gaps",
      ])
  }
}
