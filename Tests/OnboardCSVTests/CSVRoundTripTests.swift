import OnboardCSV
import Testing

/// Whatever the writer writes, the reader reads back as the same values.
@Suite struct CSVRoundTripTests {
  /// Pieces chosen to hit every quoting rule, formula triggers and multi-byte UTF-8.
  static let pieces = [
    "a", "Zoë", "1", "-", "+", "=", "@", "\"", "\"\"", ",", ";", "\t", "\r", "\n", "\r\n", " ",
    "😀", "漢", "e\u{301}", "\u{FEFF}", "'", "x y", ".5", "0",
  ]

  static func randomRecords(seed: UInt64, count: Int, minimumFields: Int = 1) -> [[String]] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { index in
      let fields = Int.random(
        in: (index == 0 ? max(2, minimumFields) : minimumFields)...6,
        using: &generator)
      return (0..<fields).map { _ in
        (0..<Int.random(in: 0...5, using: &generator))
          .map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
      }
    }
  }

  @Test(arguments: [CSVDialect.comma, .semicolon, .tab])
  func randomValuesSurviveWithoutFormulaDefence(dialect: CSVDialect) throws {
    let records = Self.randomRecords(seed: 7 + UInt64(dialect.delimiter), count: 600)
    let text = CSVWriter(dialect: dialect, formulaDefence: .off).write(records)
    #expect(try CSV.parse(text, dialect: dialect).map(\.values) == records)
    // Detection finds the delimiter too (the first record has at least two fields).
    var reader = CSVReader(string: text)
    #expect(try reader.readAll().map(\.values) == records)
    #expect(reader.dialect == dialect)
  }

  @Test func randomValuesSurviveWithFormulaDefenceAsEscaped() throws {
    let records = Self.randomRecords(seed: 2024, count: 600)
    let defence = CSVFormulaDefence.escapeExceptNumbers
    let text = CSVWriter().write(records)
    let read = try CSV.parse(text).map(\.values)
    #expect(read == records.map { $0.map(defence.apply(to:)) })
    // Nothing read back starts a formula.
    let triggers = CSVFormulaDefence.triggers
    for value in read.joined() {
      if let first = value.unicodeScalars.first, triggers.contains(first) {
        #expect(CSVFormulaDefence.isPlainNumber(value), "\(value)")
      }
    }
  }

  @Test func bytesSurviveExactly() throws {
    let records = Self.randomRecords(seed: 99, count: 300)
    let text = CSVWriter(formulaDefence: .off).write(records)
    let read = try CSV.parse(text)
    #expect(
      read.map { $0.values.map { Array($0.utf8) } } == records.map { $0.map { Array($0.utf8) } })
  }

  @Test func emptyRecordsSurviveWhenBlankLinesAreKept() throws {
    let records: [[String]] = [["a"], [], [""], ["", ""], []]
    let text = CSVWriter().write(records)
    let read = try CSV.parse(text, options: .init(skipBlankLines: false)).map(\.values)
    #expect(read == records)
    #expect(try CSV.parse(text).map(\.values) == records.filter { !$0.isEmpty })
  }
}
