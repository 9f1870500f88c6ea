import Foundation
import Testing

@testable import OnboardKit

/// Two results of one test for one hire in different exports are two attempts: the later
/// counts, the earlier is skipped and named (they were averaged in silence: 40 % then 95 % gave
/// a gap and Node.js training).
@Suite struct EvidenceAttemptsTests {
  static let header =
    "First name,Last name,Email,Invited on,Last activity,Status,Stage,Scoring metric,Average score,Node.js (Intermediate),Git\n"

  func importing(_ files: [(String, String)]) throws -> EvidenceImportResult {
    let skills = try RepositoryFiles.library().skillIndex
    var result = EvidenceImportResult()
    for (path, text) in files {
      result.merge(
        try EvidenceImport.parse(
          SourceFile(path: path, text: Self.header + text), skills: skills, resolveJoins: false))
    }
    EvidenceImport.resolveJoins(&result, skills: skills)
    return result
  }

  @Test func theLaterAttemptCountsAndTheEarlierIsNamed() throws {
    let result = try importing([
      (
        "first.csv",
        "John,Locke,john.locke@example.org,2026-10-01,2026-10-05,Completed,,Percentage,40%,40,70\n"
      ),
      (
        "retake.csv",
        "John,Locke,John.Locke@Example.org,2026-11-01,2026-11-05,Completed,,Percentage,95%,95,\n"
      ),
    ])
    let node = result.evidence.filter { $0.skillID == "nodejs" }
    #expect(node.map(\.rawValue) == ["95"])
    // Git was taken once: it stays.
    #expect(result.evidence.filter { $0.skillID == "git" }.map(\.rawValue) == ["70"])
    let earlier = try #require(result.skipped.first { $0.reason == .earlierAttempt })
    #expect(result.skipped.filter { $0.reason == .earlierAttempt }.count == 1)
    #expect(earlier.location.file == "first.csv")
    #expect(earlier.hireKey == "john.locke@example.org")
    #expect(earlier.message.contains("`Node.js (Intermediate)` 40 (2026-10-05, first.csv:2:"))
    #expect(earlier.message.contains("the later one counts: 95 (2026-11-05, retake.csv:2:"))
    #expect(result.fileSummaries.map(\.evidence) == [1, 1])
  }

  /// A test of the same name from another vendor is another test, and a later rank among
  /// candidates does not replace a level (the fixture's HackerRank certificate of José had been
  /// called an earlier attempt of his TestGorilla test; QA8 F5).
  @Test func anotherVendorsTestOrALaterRankIsNoRetake() throws {
    let skills = try RepositoryFiles.library().skillIndex
    var result = try EvidenceImport.parse(
      SourceFile(
        path: "a.csv",
        text: Self.header
          + "John,Locke,john.locke@example.org,2026-10-01,2026-10-05,Completed,,Percentage,40%,40,\n"
      ), skills: skills, resolveJoins: false)
    result.merge(
      try EvidenceImport.parse(
        SourceFile(
          path: "plain.csv",
          text: "email,skill,value,scale,source,assessor,date,note\n"
            + "john.locke@example.org,Node.js (Intermediate),90,percent,test,HackerRank,2026-11-05,\n"
            + "john.locke@example.org,Node.js (Intermediate),95,percentile,test,TestGorilla,2026-11-06,\n"
            + "john.locke@example.org,Node.js (Intermediate),60,percent,test,TestGorilla,2026-11-07,\n"
        ), skills: skills, resolveJoins: false))
    EvidenceImport.resolveJoins(&result, skills: skills)
    // TestGorilla's 40 % (a.csv) is an earlier attempt of its 60 %; HackerRank's 90 % and the
    // 95th-percentile rank stay.
    #expect(result.evidence.map(\.rawValue).sorted() == ["60", "90", "95"], "\(result.skipped)")
    #expect(result.skipped.map(\.reason) == [.earlierAttempt])
    #expect(result.skipped.first?.location.file == "a.csv")
  }

  @Test func theSameResultTwiceCountsOnceAndAttemptsThatCannotBeOrderedAllCount() throws {
    let row = "Ann,Lee,ann@example.org,2026-10-01,2026-10-05,Completed,,Percentage,80%,80,\n"
    let repeated = try importing([("a.csv", row), ("copy of a.csv", row)])
    #expect(repeated.evidence.map(\.rawValue) == ["80"])
    #expect(repeated.skipped.map(\.reason) == [.repeated])
    #expect(repeated.skipped.first?.location.file == "copy of a.csv")
    let undated = try importing([
      ("a.csv", row),
      ("b.csv", "Ann,Lee,ann@example.org,2026-10-01,,Completed,,Percentage,60%,60,\n"),
    ])
    #expect(undated.evidence.map(\.rawValue).sorted() == ["60", "80"])
    #expect(undated.skipped.isEmpty)
    #expect(
      undated.diagnostics.contains {
        $0.severity == .warning && $0.message.contains("2 results of `Node.js (Intermediate)`")
          && $0.message.contains("all of them count")
      })
  }
}
