import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// `PlanJSONWriter` against its definition, `JSONEncoder` (`encodedByJSONEncoder`): the same
/// bytes for generated plans with every optional field present or absent, messy strings and
/// many numbers; the encoder's own answer (an error) for NaN and infinity.
@Suite struct PlanJSONWriterTests {
  /// Text pieces: controls (every C0 byte among them), quotes, backslashes, slashes, non-ASCII.
  static let pieces: [String] =
    (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + [
      "a", "Z", "7", " ", "\"", "\\", "/", "\\/", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}",
      "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{0301}", "é", "e\u{301}", "日本", "👩🏽‍💻", "🇩🇪",
      "\r\n", "{", "}", "[", "]", ":", ",", "\u{10FFFF}", "\u{FFFD}", "<script>", "&amp;", "%",
    ]

  /// Numbers the plan holds (rounded levels, confidences, severities) and awkward ones.
  static let numbers: [Double] = [
    0, -0.0, 1, -1, 0.5, 0.1 + 0.2, 2.675, 3.14159, 4.99, 5, 1e-7, 1.5e-300, 123_456_789,
    1e15, 1e16, 9_007_199_254_740_993, 1e21, 1e22, -2.5e-5, Double.leastNonzeroMagnitude,
    Double.greatestFiniteMagnitude, 100, 33.333333333333336, 0.30000000000000004,
  ]

  static func string(_ rng: inout SeededGenerator) -> String {
    (0..<rng.int(0...6)).map { _ in rng.pick(pieces) }.joined()
  }

  static func number(_ rng: inout SeededGenerator) -> Double {
    switch rng.int(0...3) {
    case 0: return rng.pick(numbers)
    case 1: return Double(rng.int(0...500)) / 100
    case 2: return Double.random(in: -1e6...1e6, using: &rng)
    default:
      let value = Double(bitPattern: rng.next())
      return value.isFinite ? value : 1.25
    }
  }

  static func maybe<T>(_ rng: inout SeededGenerator, _ make: (inout SeededGenerator) -> T) -> T? {
    rng.chance(0.5) ? make(&rng) : nil
  }

  /// A planned document with its strings, optionals and numbers scrambled by `rng`.
  static func document(seed: UInt64) -> PlanDocument {
    var rng = SeededGenerator(seed: seed)
    let plan = Planner.plan(PlanGen.input(&rng, coverEvery: seed % 3 != 0))
    let emails = (0..<rng.int(0...4)).map { index in
      EmailSummary(
        date: plan.start.adding(days: index), time: LocalTime(minutes: rng.int(0...1439)),
        subject: string(&rng), to: (0..<rng.int(0...3)).map { _ in string(&rng) },
        file: "emails/\(index).eml")
    }
    var document = PlanDocument(plan: plan, emails: emails)
    guard seed % 5 != 0 else { return document }  // some as planned
    document.hire.name = string(&rng)
    document.hire.manager.name = string(&rng)
    document.hire.buddy.email = string(&rng)
    document.startMovedReason = maybe(&rng, string)
    document.replannedFrom = maybe(&rng, string)
    document.notes = (0..<rng.int(0...5)).map { _ in string(&rng) }
    if rng.chance(0.5) {
      document.changes = (0..<rng.int(0...3)).map { _ in
        PlanChange(
          itemID: string(&rng), change: rng.pick([.added, .changed, .removed]),
          text: string(&rng))
      }
    }
    document.unscheduled += (0..<rng.int(0...2)).map { _ in
      UnscheduledTopic(
        topicID: string(&rng), title: string(&rng), skillID: string(&rng), reason: string(&rng))
    }
    for index in document.goals.indices {
      document.goals[index].outcome = string(&rng)
      document.goals[index].skillID = maybe(&rng, string)
    }
    for index in document.items.indices where rng.chance(0.5) {
      document.items[index].title = string(&rng)
      document.items[index].ownerName = maybe(&rng, string)
      document.items[index].note = maybe(&rng, string)
      document.items[index].override = maybe(&rng, string)
      document.items[index].resource = maybe(&rng, string)
      document.items[index].format = maybe(&rng, string)
      document.items[index].sequence = rng.chance(0.3) ? rng.int(1...20) : nil
      document.items[index].durationMinutes = rng.int(-5...100_000)
      document.items[index].agenda = (0..<rng.int(0...3)).map { _ in string(&rng) }
    }
    for index in document.skills.indices {
      var skill = document.skills[index]
      skill.name = string(&rng)
      skill.confidence = number(&rng)
      skill.importance = number(&rng)
      skill.observed = maybe(&rng, number)
      skill.shortfall = maybe(&rng, number)
      skill.severity = maybe(&rng, number)
      skill.conflict = maybe(&rng, string)
      skill.percentileRanks = (0..<rng.int(0...3)).map { _ in number(&rng) }
      skill.integrityFlags = rng.chance(0.5) ? (0..<rng.int(0...2)).map { _ in string(&rng) } : nil
      skill.integrityNote = maybe(&rng, string)
      skill.weightNote = maybe(&rng, string)
      skill.settleIt = maybe(&rng, string)
      for e in skill.evidence.indices {
        skill.evidence[e].note = maybe(&rng, string)
        skill.evidence[e].assessor = maybe(&rng, string)
        skill.evidence[e].date = maybe(&rng, string)
        skill.evidence[e].rawValue = string(&rng)
        skill.evidence[e].level = maybe(&rng, number)
        skill.evidence[e].percentileRank = maybe(&rng, number)
        skill.evidence[e].weight = maybe(&rng, number)
      }
      document.skills[index] = skill
    }
    return document
  }

  static func expectSame(_ document: PlanDocument, _ label: String) throws {
    let expected = try document.encodedByJSONEncoder()
    let written = try PlanJSONWriter.write(document)
    #expect(Data(written) == expected, "\(label)")
    #expect(try document.encoded() == expected, "\(label)")
  }

  @Test func generatedPlansAreWrittenAsJSONEncoderWritesThem() throws {
    var evidence = 0
    var optionals = 0
    for seed in UInt64(0)..<100 {
      let document = Self.document(seed: 700 + seed)
      evidence += document.skills.map(\.evidence.count).reduce(0, +)
      optionals += document.items.filter { $0.sequence != nil }.count
      try Self.expectSame(document, "seed \(700 + seed)")
    }
    #expect(evidence > 100)
    #expect(optionals > 20)
  }

  @Test func messyStringsAreEscapedAsJSONEncoderEscapesThem() throws {
    var base = Self.document(seed: 5)
    var batch: [String] = []
    var batches = 0
    func flush() throws {
      base.notes = batch
      base.hire.name = batch.joined()
      try Self.expectSame(base, "batch \(batches): \(batch.map(\.debugDescription))")
      batch.removeAll()
      batches += 1
    }
    GeneratedText.forEach(pieces: Self.pieces, seed: 16, count: 6_000, maximumPieces: 9) { text in
      batch.append(text)
      if batch.count == 400 {
        do { try flush() } catch { Issue.record("batch \(batches): \(error)") }
      }
    }
    try flush()
    #expect(batches > 20)
  }

  @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
    var rng = SeededGenerator(seed: 61)
    var document = Self.document(seed: 6)
    #expect(!document.skills.isEmpty)
    for round in 0..<60 {
      document.skills[0].percentileRanks =
        (round == 0 ? Self.numbers + Self.numbers.map { -$0 } : [])
        + (0..<200).map { _ in Self.number(&rng) }
      try Self.expectSame(document, "round \(round)")
    }
  }

  @Test func nonFiniteNumbersAndDictionariesAreLeftToJSONEncoder() throws {
    var document = Self.document(seed: 7)
    #expect(!document.skills.isEmpty)
    for value in [Double.nan, .infinity, -.infinity] {
      document.skills[0].confidence = value
      #expect(throws: PlanJSONWriter.Unwritable.self) { try PlanJSONWriter.write(document) }
      #expect(throws: (any Error).self) { try document.encoded() }
      #expect(throws: (any Error).self) { try document.encodedByJSONEncoder() }
    }
    document.skills[0].confidence = 0.5
    document.levelsAtHire = ["b": 1, "B": 2, "a10": 3, "a9": 4.5, "é": 0]
    let expected = try document.encodedByJSONEncoder()
    #expect(try document.encoded() == expected)
  }
}
