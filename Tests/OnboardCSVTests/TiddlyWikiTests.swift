import Foundation
import OnboardCSV
import Testing

/// TiddlyWiki's csv-cases.json (BSD-3-Clause): inputs and their rows as arrays of strings,
/// read with `skipBlankLines: false` since the cases expect blank lines as empty rows.
@Suite struct TiddlyWikiTests {
  /// Cases upstream declares undefined (only "must not crash").
  static let undefined: Set<String> = [
    "Edge case - quote separator", "Edge case - carriage return separator",
    "Edge case - newline separator",
  ]

  /// Our one documented deviation: `"\r\n\r\n"` is two blank lines (RFC 4180 and Python agree:
  /// a final line break ends the last record, it does not start one); TiddlyWiki says three.
  static let deviations: [String: [[String]]] = ["Edge case - only empty rows": [[], []]]

  static let keepBlankLines = CSVReaderOptions(skipBlankLines: false)

  struct Case {
    var name: String
    var csv: String?
    var separator: String?
    var expected: [[String]]
    var isUndefined: Bool
  }

  static func cases() throws -> [Case] {
    let url = try ConformanceSuite.require("csv/tiddlywiki/csv-cases.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    let objects = try #require(json as? [[String: Any]])
    return try objects.map { object in
      let name = try #require(object["name"] as? String)
      let options = object["options"] as? [String: Any]
      return Case(
        name: name, csv: object["csv"] as? String, separator: options?["separator"] as? String,
        expected: try #require(object["json"] as? [[String]], "\(name): json"),
        isUndefined: object["@comment"] != nil)
    }
  }

  static func dialect(_ separator: String?) throws -> CSVDialect {
    guard let separator else { return .comma }
    return CSVDialect(delimiter: try #require(separator.utf8.first))
  }

  @Test func definedCasesMatchTheExpectedRows() throws {
    let cases = try Self.cases().filter { $0.csv != nil && !$0.isUndefined }
    var passed = 0
    var deviated = 0
    for testCase in cases {
      let csv = try #require(testCase.csv)
      let dialect = try Self.dialect(testCase.separator)
      let rows = try CSV.parse(csv, dialect: dialect, options: Self.keepBlankLines).map(\.values)
      if let ours = Self.deviations[testCase.name] {
        #expect(rows == ours, "\(testCase.name): documented deviation changed")
        deviated += 1
        continue
      }
      #expect(rows == testCase.expected, "\(testCase.name)")
      if rows == testCase.expected { passed += 1 }
      if testCase.separator == nil {
        // Delimiter detection must find the comma on its own.
        let detected = try CSV.parse(csv, options: Self.keepBlankLines).map(\.values)
        #expect(detected == testCase.expected, "\(testCase.name) (detected)")
      }
    }
    #expect(cases.count == 17, "21 cases minus 3 undefined and 1 with csv: null")
    #expect(passed + deviated == cases.count, "tiddlywiki: \(passed)/\(cases.count) passed")
  }

  @Test func undefinedCasesDoNotCrashAndRejectTheDelimiter() throws {
    let cases = try Self.cases().filter(\.isUndefined)
    #expect(cases.count == 3)
    for testCase in cases {
      let dialect = try Self.dialect(testCase.separator)
      #expect(throws: CSVError(.invalidDelimiter(dialect.delimiter))) {
        try CSV.parse(testCase.csv ?? "", dialect: dialect, options: Self.keepBlankLines)
      }
    }
  }

  @Test func emptyInputHasNoRows() throws {
    #expect(try CSV.parse("", options: Self.keepBlankLines).isEmpty)
    #expect(try CSV.parse("").isEmpty)
  }
}
