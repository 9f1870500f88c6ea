import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardCSV

/// The fast path (`nextRow`, the word-at-a-time scanner) against the byte-by-byte reference
/// parser: on random inputs built from the bytes that matter (quotes, delimiters, every line break,
/// multi-byte and broken UTF-8), both give the same records with the same positions, or the
/// same error at the same place; and a row's lazy accessors agree with its decoded record.
@Suite struct CSVScannerTests {
  enum Outcome: Equatable {
    case records([CSVRecord], CSVDialect?)
    case failure(CSVError)
  }

  static let pieces: [[UInt8]] = [
    Array("plain".utf8), Array("x".utf8), Array(",".utf8), Array(";".utf8), Array("\t".utf8),
    Array("\"".utf8), Array("\"\"".utf8), Array("\r\n".utf8), Array("\n".utf8), Array("\r".utf8),
    Array("é".utf8), Array("😀".utf8), Array("漢".utf8), Array("abcdefghijkl".utf8),
    // The bytes one above `"`, `,`, `;` and below 0x0E, which the scanner's word test may flag
    // and must then tell apart by the byte itself.
    Array("-".utf8), Array("#".utf8), Array("<".utf8), [0x0B], [0x0C], [0x01], [0x00],
    [0xFF], [0xC3], [0xE2, 0x82], [0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF],
  ]

  static func randomInput(_ generator: inout SeededGenerator, valid: Bool) -> [UInt8] {
    var bytes: [UInt8] = []
    let usable = valid ? Array(pieces.prefix(21)) : pieces
    for _ in 0..<Int.random(in: 0...40, using: &generator) {
      bytes += usable.randomElement(using: &generator) ?? []
    }
    return bytes
  }

  func read(_ make: () throws(CSVError) -> CSVReader, reference: Bool) -> Outcome {
    do {
      var reader = try make()
      var records: [CSVRecord] = []
      while let record = try (reference ? reader.referenceNext() : reader.next()) {
        records.append(record)
      }
      return .records(records, reader.dialect)
    } catch {
      return .failure(error)
    }
  }

  @Test(arguments: [false, true])
  func scannerAgreesWithTheReferenceParser(valid: Bool) throws {
    var generator = SeededGenerator(seed: valid ? 7 : 11)
    var failures = 0
    for round in 0..<3000 {
      let bytes = Self.randomInput(&generator, valid: valid)
      let options = CSVReaderOptions(
        skipBlankLines: round % 2 == 0, allowsQuotesInUnquotedFields: round % 3 == 0)
      let fast = read({ CSVReader(bytes: bytes, options: options) }, reference: false)
      let reference = read({ CSVReader(bytes: bytes, options: options) }, reference: true)
      #expect(fast == reference, "input \(bytes)")
      if case .failure = reference { failures += 1 }
    }
    // The generator reaches both outcomes (so the comparison is not only of successes).
    #expect(failures > 100)
    #expect(failures < 3000)
  }

  @Test func scannerAgreesWithTheReferenceParserAcrossChunks() throws {
    var generator = SeededGenerator(seed: 3)
    try TemporaryDirectory.with("csv-scan") { folder in
      let url = folder.appendingPathComponent("scan.csv")
      for round in 0..<300 {
        let bytes = Self.randomInput(&generator, valid: round % 2 == 0)
        try Data(bytes).write(to: url)
        let reference = read({ CSVReader(bytes: bytes) }, reference: true)
        for chunkSize in [1, 3, 8, 13] {
          let streamed = read(
            { () throws(CSVError) -> CSVReader in
              try CSVReader(contentsOf: url, chunkSize: chunkSize)
            },
            reference: false)
          #expect(streamed == reference, "chunk \(chunkSize), input \(bytes)")
        }
      }
    }
  }

  @Test func rowAccessorsAgreeWithTheDecodedRecord() throws {
    let text = "a,\"b,\"\"c\"\"\",,\"\",Zoë 😀\r\n\"x\ny\",ä😀,\"\"\"\"\n"
    var reader = CSVReader(string: text)
    var rows: [CSVRow] = []
    while let row = try reader.nextRow() { rows.append(row) }
    #expect(rows.count == 2)
    let expected = try CSV.parse(text)
    #expect(rows.map(\.record) == expected)
    for (row, record) in zip(rows, expected) {
      #expect(row.line == record.line)
      #expect(row.count == record.count)
      #expect(row.values == record.values)
      for index in -1...record.count {
        #expect(row[index] == record[index])
        #expect(row.field(at: index) == record.field(at: index))
        #expect(row.utf8(at: index).map(Array.init) == record[index].map { Array($0.utf8) })
        #expect(row.isEmpty(at: index) == (record[index]?.isEmpty ?? true))
      }
    }
    #expect(rows[0][1] == "b,\"c\"")
    #expect(rows[0].isEmpty(at: 3))
    #expect(rows[1].field(at: 1) == CSVField(value: "ä😀", line: 3, column: 4, index: 1))
    #expect(rows[1][2] == "\"")
  }

  @Test func fieldPositionsInOneWalkAgreeWithTheRecord() throws {
    // `positions(of:into:)` skips plain stretches (ASCII, no control byte) without walking: on
    // rows of plain text, multi-byte text, tabs, quotes and every line break, for every field,
    // for random increasing subsets (with indices past the row's end), it gives the decoded
    // record's positions, and ``CSVRow/position(at:)``'s.
    var generator = SeededGenerator(seed: 21)
    let pieces = Self.pieces.prefix(14) + [Array("ab,cd,ef,gh".utf8), Array(",,,".utf8)]
    var positions: [(line: Int, column: Int)] = []
    var compared = 0
    GeneratedText.forEach(
      pieces: pieces.map { String(decoding: $0, as: UTF8.self) }, seed: 17, count: 4000
    ) { text in
      var reader = CSVReader(string: text)
      while let row = try? reader.nextRow() {
        let record = row.record
        var subsets = [Array(0..<(row.count + 2))]
        for _ in 0..<3 {
          subsets.append((0..<(row.count + 2)).filter { _ in Bool.random(using: &generator) })
        }
        for indices in subsets {
          let found: [(line: Int, column: Int)]? = row.withFieldBytes { fields in
            fields.positions(of: indices, into: &positions)
            return positions
          }
          guard let found else { continue }
          let expected = indices.map { index in
            record.field(at: index).map { ($0.line, $0.column) } ?? (row.line, 1)
          }
          #expect(found.map(\.line) == expected.map(\.0), "\(text.debugDescription) \(indices)")
          #expect(found.map(\.column) == expected.map(\.1), "\(text.debugDescription) \(indices)")
          for (index, position) in zip(indices, found) where index < row.count {
            #expect(
              row.position(at: index).map { [$0.line, $0.column] } == [position.0, position.1])
          }
          compared += 1
        }
      }
    }
    #expect(compared > 10_000)
  }

  @Test func columnBasesAgreeWithTheWalkedPositions() throws {
    // `columnBase(from:to:)` (columns as a base plus the offset, for a row without line breaks
    // whose bytes from the first field to the last are ASCII) gives ``CSVRow/position(at:)``'s
    // line and column for every field in its span, and is nil for a row with a line break in
    // it; the rows of plain text that qualify are common (the path is taken).
    var generator = SeededGenerator(seed: 22)
    let pieces = Self.pieces.prefix(14) + [Array("ab,cd,ef,gh".utf8), Array(",,,".utf8)]
    var taken = 0
    GeneratedText.forEach(
      pieces: pieces.map { String(decoding: $0, as: UTF8.self) }, seed: 23, count: 4000
    ) { text in
      var reader = CSVReader(string: text)
      while let row = try? reader.nextRow() {
        guard row.count > 0 else { continue }
        let first = Int.random(in: 0..<row.count, using: &generator)
        let last = Int.random(in: first..<row.count, using: &generator)
        let found: [(line: Int, column: Int)]?? = row.withFieldBytes { fields in
          fields.columnBase(from: first, to: last).map { base in
            (first...last).map { (fields.line, base + fields.startOffset(at: $0)) }
          }
        }
        guard let found = found ?? nil else { continue }
        taken += 1
        for (index, position) in zip(first...last, found) {
          let expected = row.position(at: index)
          #expect(expected?.line == position.line, "\(text.debugDescription) \(index)")
          #expect(expected?.column == position.column, "\(text.debugDescription) \(index)")
        }
        // (The span is on the row's line only when no field of the row holds a line break.)
        #expect(
          !row.record.fields.contains { $0.value.contains(where: \.isNewline) },
          "\(text.debugDescription) has a line break")
      }
    }
    #expect(taken > 1_000)
  }

  @Test func rowsStayValidAfterTheReaderMovesOn() throws {
    try TemporaryDirectory.with("csv-rows") { folder in
      let url = folder.appendingPathComponent("rows.csv")
      let lines = (0..<200).map { "row \($0),\"value \($0)\"" }
      try Data(lines.joined(separator: "\n").utf8).write(to: url)
      var reader = try CSVReader(contentsOf: url, chunkSize: 16)
      var rows: [CSVRow] = []
      while let row = try reader.nextRow() { rows.append(row) }
      #expect(rows.map(\.values) == (0..<200).map { ["row \($0)", "value \($0)"] })
      #expect(rows.map(\.line) == Array(1...200))
    }
  }

  @Test func utf8CheckMatchesTheStandardLibrary() {
    var generator = SeededGenerator(seed: 5)
    for _ in 0..<5000 {
      let bytes: [UInt8] = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        ([0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xF0, 0x90, 0xF4, 0x8F, 0xFF]
          as [UInt8])
          .randomElement(using: &generator) ?? 0
      }
      let valid = bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return true }
        return UTF8Check.isValid(base, from: 0, to: buffer.count)
      }
      var iterator = bytes.makeIterator()
      var codec = UTF8()
      var standard = true
      decoding: while true {
        switch codec.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: break decoding
        case .error:
          standard = false
          break decoding
        }
      }
      #expect(valid == standard, "\(bytes)")
    }
  }
}
