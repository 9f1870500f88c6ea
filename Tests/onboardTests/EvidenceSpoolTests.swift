import Foundation
import OnboardKit
import OnboardTestSupport
import Testing

@testable import onboard

/// The batch's evidence spool gives back every record it took, and says so when it cannot.
@Suite struct EvidenceSpoolTests {
  static func evidence(_ key: String, _ skill: String, line: Int) -> Evidence {
    Evidence(
      hireKey: key, skillID: skill, source: .test, instrument: "Git\ttest", rawValue: "78,5",
      scale: .percent, proficiency: Proficiency(fraction: 0.785),
      origin: SourceLocation(file: "tg.csv", line: line, column: 4))
  }

  @Test func aDamagedOrMissingSpoolFileStopsTheRunInsteadOfLosingEvidence() throws {
    try TemporaryDirectory.with("spool") { folder in
      let chunkOf = ["ann@example.org": 0, "bob@example.org": 1, "cat@example.org": 2]
      let spool = EvidenceSpool(chunkOf: chunkOf, chunkCount: 3, directory: folder.path)
      spool.add(Self.evidence("ann@example.org", "git", line: 2))
      for line in 3..<303 { spool.add(Self.evidence("bob@example.org", "sql", line: line)) }
      spool.finish()
      #expect(spool.failure == nil)

      // Read back whole, in order, by any number of workers; chunk 0 from memory; a chunk
      // nobody had evidence for is empty.
      for jobs in [1, 2, 4] {
        let bob = try spool.evidence(ofChunk: 1, jobs: jobs)["bob@example.org"] ?? []
        #expect(bob.map { $0.origin.line ?? 0 } == Array(3..<303))
        #expect(bob.first == Self.evidence("bob@example.org", "sql", line: 3))
      }
      #expect(try spool.evidence(ofChunk: 0)["ann@example.org"]?.count == 1)
      #expect(try spool.evidence(ofChunk: 2).isEmpty)

      // A record that does not decode: an error naming the file and the record, not a hire
      // planned with one score fewer.
      let file = folder.appendingPathComponent("evidence-1.tsv")
      var text = try String(contentsOf: file, encoding: .utf8)
      text = text.replacingOccurrences(of: "\tsql\t", with: "\tsql\tbroken\t", range: nil)
      try text.write(to: file, atomically: true, encoding: .utf8)
      for jobs in [1, 2] {
        #expect {
          _ = try spool.evidence(ofChunk: 1, jobs: jobs)
        } throws: { error in
          "\(error)".contains("evidence-1.tsv: record 1 of 300 does not decode")
        }
      }

      // The file gone: an error too (only a chunk that never had evidence has no file).
      try FileManager.default.removeItem(at: file)
      #expect {
        _ = try spool.evidence(ofChunk: 1)
      } throws: { error in
        "\(error)".contains("cannot read") && "\(error)".contains("roster chunk 2")
      }
    }
  }

  /// The demand spool, the same way: every demand back in order, and an error naming the file
  /// and the record for a line that is no demand or a file that is gone.
  @Test func aDamagedOrMissingDemandSpoolFileStopsTheRun() throws {
    try TemporaryDirectory.with("demands") { folder in
      let spool = DemandSpool(directory: folder.path)
      let demands = (0..<40).map { index in
        WorkshopDemand(
          hireKey: "h\(index)\t@example.org", topicID: index % 2 == 0 ? "git" : "sql", minutes: 60,
          capacity: 6, date: CalendarDate(dayNumber: 20_500 + index % 5),
          days: [
            WorkshopDemand.Day(
              date: CalendarDate(dayNumber: 20_500 + index % 5), dayStart: 540, dayEnd: 1020,
              busy: [600..<660, 700..<(700 + index)], cap: 240)
          ])
      }
      for demand in demands { spool.add(demand) }
      spool.finish()
      #expect(spool.failure == nil)
      #expect(spool.topics == ["git", "sql"])
      #expect(try spool.demands(of: "git") == demands.filter { $0.topicID == "git" })
      #expect(try spool.demands(of: "sql") == demands.filter { $0.topicID == "sql" })
      #expect(try spool.demands(of: "none").isEmpty)

      let file = folder.appendingPathComponent("demand-0.tsv")
      var text = try String(contentsOf: file, encoding: .utf8)
      text = text.replacingOccurrences(of: "\t60\t", with: "\tsixty\t")
      try text.write(to: file, atomically: true, encoding: .utf8)
      #expect {
        _ = try spool.demands(of: "git")
      } throws: { error in
        "\(error)".contains("demand-0.tsv: record 1 of 20 does not decode")
      }
      try FileManager.default.removeItem(at: file)
      #expect {
        _ = try spool.demands(of: "git")
      } throws: { error in
        "\(error)".contains("cannot read") && "\(error)".contains("topic git")
      }
    }
  }
}
