import Foundation
import Testing

@testable import OnboardKit

/// What counts as one independent source (issue 19, point 2): one observer in one sitting.
@Suite struct EvidenceSourceTests {
  static let skill = Skill(id: "sql", name: "SQL", kind: .technical)
  static let role = RoleProfile(
    title: "Role",
    requirements: [SkillRequirement(skillID: "sql", priority: 1, tier: .essential, targetLevel: 4)])

  static func item(
    _ source: EvidenceSource, level: Double, instrument: String, assessor: String?,
    line: Int, column: Int = 3, date: CalendarDate? = nil, weight: Double? = nil,
    note: String? = nil
  ) -> Evidence {
    Evidence(
      hireKey: "a@example.com", skillID: "sql", source: source, instrument: instrument,
      rawValue: formatNumber(level), scale: .level, proficiency: Proficiency(level: level),
      assessor: assessor, date: date, note: note,
      origin: SourceLocation(file: "e.csv", line: line, column: column), weight: weight)
  }

  static func assess(_ evidence: [Evidence], settings: AnalysisSettings = AnalysisSettings())
    -> SkillAssessment?
  {
    GapAnalysis.analyze(
      hireKey: "a@example.com", role: role, skills: ["sql": skill], evidence: evidence,
      settings: settings
    ).assessment(of: "sql")
  }

  @Test func twoTestsOfOneSittingAreOneSource() throws {
    // One TestGorilla row: two tests mapped to the skill, same row, other columns.
    let day = try #require(CalendarDate(year: 2026, month: 11, day: 2))
    let one = [
      Self.item(.test, level: 4, instrument: "SQL (Intermediate)", assessor: "TestGorilla", line: 2)
    ]
    let two =
      one + [
        Self.item(
          .test, level: 4, instrument: "PostgreSQL", assessor: "TestGorilla", line: 2, column: 9)
      ]
    #expect(Self.assess(one)?.confidence == 0.5)
    #expect(Self.assess(two)?.confidence == 0.5)
    // The same tool on the same day, written on another row, is still that sitting.
    let dated = [
      Self.item(.test, level: 4, instrument: "SQL", assessor: "TestGorilla", line: 2, date: day),
      Self.item(
        .test, level: 4, instrument: "Postgres", assessor: "TestGorilla", line: 3, date: day),
    ]
    #expect(Self.assess(dated)?.confidence == 0.5)
    // Another sitting (another record, no date) is a second source: 1 − 0.5² = 0.75.
    let sittings = [
      Self.item(.test, level: 4, instrument: "SQL", assessor: "TestGorilla", line: 2),
      Self.item(.test, level: 4, instrument: "SQL", assessor: "TestGorilla", line: 3),
    ]
    #expect(Self.assess(sittings)?.confidence == 0.75)
  }

  @Test func twoAssessorsOfManualEvidenceAreTwoSources() {
    // The plain evidence file names the instrument after the skill: the assessor decides.
    let evidence = [
      Self.item(.manual, level: 3, instrument: "SQL", assessor: "Priya Raman", line: 2),
      Self.item(.manual, level: 3, instrument: "SQL", assessor: "Tom Berg", line: 3),
    ]
    #expect(Self.assess(evidence)?.confidence == 0.75)
    let same = [
      Self.item(.manual, level: 3, instrument: "SQL", assessor: "Priya Raman", line: 2),
      Self.item(.manual, level: 3, instrument: "SQL review", assessor: "Priya Raman", line: 3),
    ]
    #expect(Self.assess(same)?.confidence == 0.5)
  }

  @Test func oneInterviewerIsOneSourceWhateverTheQuestions() {
    let evidence = (0..<4).map {
      Self.item(.interview, level: 3, instrument: "q\($0)", assessor: "Lena Vogel", line: 2 + $0)
    }
    #expect(Self.assess(evidence)?.confidence == 0.5)
  }

  @Test func aGeneralQuestionCountsByItsWeight() throws {
    let general = [
      Self.item(
        .interview, level: 3, instrument: "be-technical-skills", assessor: "Lena Vogel", line: 2,
        weight: 0.25)
    ]
    let a = try #require(Self.assess(general))
    #expect(a.confidence == round2(1 - pow(0.5, 0.25)))
    #expect(a.assessorLevels.first?.weight == 0.25)
    // Beside a direct question of another interviewer, it counts a quarter in the level.
    let mixed =
      general + [
        Self.item(.interview, level: 5, instrument: "be-indexes", assessor: "Mateo García", line: 3)
      ]
    let b = try #require(Self.assess(mixed))
    #expect(abs((b.observed?.level ?? 0) - (3 * 0.25 + 5) / 1.25) < 1e-9)
    // Weight 0: shown, never counted.
    let zero = [
      Self.item(
        .interview, level: 1, instrument: "be-technical-skills", assessor: "Lena Vogel", line: 2,
        weight: 0)
    ]
    #expect(Self.assess(zero)?.status == .unassessed)
  }

  /// Property: repeating every observation of one source (under another instrument name where
  /// the rule allows it) changes neither the level nor the confidence nor the status.
  @Test func duplicatingOneSourceLeavesConfidenceUnchanged() {
    var checked = 0
    forAllSeeds(400, salt: 19) { _, rng in
      let input = AnalysisGen.analysisCase(&rng)
      let measured = input.evidence.filter {
        $0.hireKey == AnalysisCase.hireKey && $0.proficiency != nil
      }
      guard let pick = measured.first.map({ _ in rng.pick(measured) }) else { return nil }
      let key = GapAnalysis.sourceKey(of: pick)
      let source = measured.filter {
        $0.skillID == pick.skillID && GapAnalysis.sourceKey(of: $0) == key
      }
      var copies: [Evidence] = []
      for (index, item) in source.enumerated() {
        var copy = item
        copy.origin.column = (item.origin.column ?? 0) + 100 + index
        // A test of the same sitting or another question of the same interviewer.
        // (The instrument names the observer only when no assessor is named.)
        if item.assessor != nil { copy.instrument += " (again)" }
        if item.source == .interview { copy.origin.line = 1000 + index }
        copies.append(copy)
      }
      var doubled = input
      doubled.evidence += rng.shuffled(copies)
      checked += 1
      let before = input.analyze().assessment(of: pick.skillID)
      let after = doubled.analyze().assessment(of: pick.skillID)
      guard let before, let after else { return "lost the assessment of \(pick.skillID)" }
      if before.confidence != after.confidence {
        return "confidence \(before.confidence) → \(after.confidence) after repeating source \(key)"
      }
      if abs((before.observed?.level ?? -1) - (after.observed?.level ?? -1)) > 1e-9 {
        return "level changed after repeating source \(key)"
      }
      return before.status == after.status ? nil : "status changed after repeating \(key)"
    }
    #expect(checked > 300)
  }

  @Test func theSpoolRecordKeepsTheWeight() {
    let e = Self.item(.interview, level: 3, instrument: "q", assessor: "X", line: 2, weight: 0.25)
    #expect(Evidence(record: Substring(e.record)) == e)
  }

  /// The byte writer of spool records gives the text of the field-by-field definition, and it
  /// reads back equal, for text with every escaped character, CRLF, non-ASCII and absent fields.
  @Test func spoolRecordBytesMatchTheDefinition() {
    var rng = SeededGenerator(seed: 29)
    let pieces = ["a", "\\", "\t", "\n", "\r", "\r\n", "é", "🙂", "\\N", " ", "\\t", "x\u{85}y"]
    func text() -> String { (0..<rng.int(0...5)).map { _ in rng.pick(pieces) }.joined() }
    for index in 0..<300 {
      var e = Self.item(
        .interview, level: Double(index % 5), instrument: text(),
        assessor: index % 3 == 0 ? nil : text(), line: index, weight: index % 4 == 0 ? nil : 0.5)
      e.hireKey = "h\(index)" + text()
      e.note = index % 2 == 0 ? nil : text()
      e.rawValue = text()
      e.origin.file = "f" + text()
      #expect(e.record == e.recordByCharacter, "\(e)")
      #expect(Evidence(record: Substring(e.record)) == e, "\(e)")
    }
  }

  /// The spool's field reader by bytes against its definition by `Character` (split at tabs,
  /// `\\N` nil, escapes undone scalar by scalar), on lines nobody wrote: any mix of tabs,
  /// backslashes, combining marks after tabs or backslashes, CRLF, non-ASCII and `\\N` inside text.
  @Test func spoolFieldsByBytesMatchTheDefinitionByCharacter() {
    var rng = SeededGenerator(seed: 31)
    let pieces = [
      "a", "\\", "\t", "\n", "\r", "\r\n", "é", "e\u{301}", "\u{301}", "🙂", "\\N", "N", " ",
      "x\u{85}y", "\\t", "\\\\",
    ]
    for _ in 0..<2000 {
      let line = (0..<rng.int(0...12)).map { _ in rng.pick(pieces) }.joined()
      #expect(
        Evidence.recordFields(Substring(line)) == Self.fieldsByCharacter(line),
        "\(line.debugDescription)")
    }
  }

  /// The definition the byte reader keeps: fields split by `Character`, unescaped scalar by scalar
  /// (a backslash is looked for as a scalar: as a `Character`, a backslash with a combining mark
  /// after it would be missed, a line `record` never writes, since it doubles every backslash).
  static func fieldsByCharacter(_ line: String) -> [String?] {
    line.split(separator: "\t", omittingEmptySubsequences: false).map { field in
      guard field != "\\N" else { return nil }
      guard field.unicodeScalars.contains("\\") else { return String(field) }
      var out = ""
      var escaping = false
      for scalar in field.unicodeScalars {
        if escaping {
          switch scalar {
          case "t": out += "\t"
          case "n": out += "\n"
          case "r": out += "\r"
          default: out.unicodeScalars.append(scalar)
          }
          escaping = false
        } else if scalar == "\\" {
          escaping = true
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
      return out
    }
  }
}
