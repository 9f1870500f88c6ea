import Foundation
import Testing

@testable import OnboardKit

@Suite struct JSONParserTests {
  func parse(_ text: String) throws -> JSONNode {
    try JSONParser.parse(Data(text.utf8), file: "t.json")
  }

  func failure(_ text: String) -> InputError? {
    do throws(InputError) {
      _ = try JSONParser.parse(Data(text.utf8), file: "t.json")
      return nil
    } catch {
      return error
    }
  }

  @Test func valuesKeepTheirTextPathsAndPositions() throws {
    let root = try parse(
      "{\n  \"a\": [1, 2.50, -3e2],\n  \"odd key\": {\"x\": true, \"y\": null},\n  \"é\": \"ü\"\n}")
    let items = try #require(root["a"]?.array)
    #expect(items.map(\.text) == ["1", "2.50", "-3e2"])
    #expect(items.map(\.number) == [1, 2.5, -300])
    #expect(items[1].path == "$.a[1]")
    #expect((items[1].line, items[1].column) == (2, 12))
    let x = try #require(root["odd key"]?["x"])
    #expect(x.path == "$[\"odd key\"].x")
    #expect(x.text == "true")
    #expect(root["odd key"]?["y"]?.isNull == true)
    #expect(root["é"]?.path == "$[\"é\"]")
    #expect(root["é"]?.string == "ü")
    #expect(root.keys == ["a", "odd key", "é"])
  }

  @Test func columnsCountUnicodeScalarsNotBytes() throws {
    let root = try parse("{\"näme\": \"Zoë\", \"n\": 1}")
    let n = try #require(root["n"])
    #expect((n.line, n.column) == (1, 22))
  }

  @Test func escapesAndSurrogatePairsDecode() throws {
    let root = try parse(#"["a\"b\\c\/d\n\t", "\u00e9\uD83D\uDE00"]"#)
    let items = try #require(root.array)
    #expect(items[0].string == "a\"b\\c/d\n\t")
    #expect(items[1].string == "é😀")
  }

  @Test func aByteOrderMarkAndSurroundingWhitespaceAreAccepted() throws {
    let root = try JSONParser.parse(
      Data([0xEF, 0xBB, 0xBF] + Array(" \r\n [ ] \n".utf8)), file: "t.json")
    #expect(root.array?.isEmpty == true)
  }

  @Test(arguments: [
    ("{\"a\": 1,\n  }", 2, 3, "expected a key in double quotes"),
    ("{\"a\" 1}", 1, 6, "after the key `a`; expected `:`"),
    ("[1, 2", 1, 6, "found the end of the file after an array item; expected `,` or `]`"),
    ("{\"a\": \"open", 1, 12, "inside a string; expected a closing"),
    ("[01]", 1, 3, "leading zero"),
    ("[1.]", 1, 4, "after a decimal point; expected a digit"),
    ("[\"\\x\"]", 1, 4, "found the escape `\\x`"),
    ("[\"\\uD800x\"]", 1, 9, "lone high surrogate"),
    ("[tru]", 1, 5, "in `true`"),
    ("{\"a\": 1}\n}", 2, 1, "after the end of the JSON value"),
    ("[1]\n[2]", 2, 1, "(two JSON documents in one file, such as pages appended"),
    ("{\"a\": 1,\n \"a\": 2}", 2, 5, "the key `a` appears twice in this object (first on line 1)"),
    ("[\"tab\there\"]", 1, 6, "the control character U+0009 inside a string"),
    ("", 1, 1, "found the end of the file; expected a value"),
  ])
  func syntaxErrorsNameLineColumnAndWhatWasExpected(
    text: String, line: Int, column: Int, message: String
  ) throws {
    let error = try #require(failure(text))
    #expect(error.location.file == "t.json")
    #expect(error.location.line == line)
    #expect(error.location.column == column)
    #expect(error.message.hasPrefix("invalid JSON: "))
    #expect(error.message.contains(message), "\(error.message)")
  }

  @Test func syntaxErrorsNameTheEnclosingPath() throws {
    let error = try #require(failure("{\"scorecards\": [{\"attributes\": [{\"rating\": yes}]}]}"))
    #expect(error.location.jsonPath == "$.scorecards[0].attributes[0].rating")
    #expect(
      error.description.hasPrefix(
        "t.json:1:44 ($.scorecards[0].attributes[0].rating): error: invalid JSON: found `y`"))
  }

  @Test func deepNestingIsAnErrorNotACrash() throws {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    let error = try #require(failure(text))
    #expect(error.message.contains("nested more than 256 deep"))
  }

  @Test func invalidUTF8InAStringIsReported() throws {
    let data = Data(Array("[\"a".utf8) + [0xFF] + Array("\"]".utf8))
    #expect(throws: InputError.self) { try JSONParser.parse(data, file: "t.json") }
  }
}

@Suite struct JSONDetectionTests {
  @Test(arguments: [
    ("{\"a\": 1}", true), ("  \n\t[1]", true), ("\u{FEFF}{}", true), ("email,skill\n", false),
    ("", false),
    ("# {", false),
  ])
  func jsonIsRecognisedByItsFirstByte(text: String, isJSON: Bool) {
    #expect(JSONEvidenceImport.looksLikeJSON(Data(text.utf8)) == isJSON)
  }

  @Test func shapesAreRecognised() throws {
    func format(_ text: String) throws -> JSONEvidenceFormat? {
      JSONEvidenceFormat.detect(try JSONParser.parse(Data(text.utf8), file: "t.json"))
    }
    #expect(try format("[{\"candidate_id\": 1, \"attributes\": []}]") == .greenhouse)
    #expect(try format("{\"scorecards\": []}") == .greenhouse)
    #expect(try format("{\"data\": [{\"fields\": []}]}") == .lever)
    #expect(try format("{\"data\": [], \"hasNext\": false}") == .lever)
    #expect(
      try format("{\"data\": [{\"email\": \"a@b.c\", \"percentage_score\": 5}]}") == .hackerRank)
    #expect(try format("{\"data\": [], \"total\": 0}") == .hackerRank)
    #expect(try format("{\"sessions\": []}") == .codility)
    #expect(try format("{\"results\": []}") == .codility)
    #expect(try format("[{\"candidate\": {}, \"tasks\": []}]") == .codility)
    #expect(try format("{\"data\": []}") == nil)
    #expect(try format("[1, 2]") == nil)
  }

  @Test func anUnknownShapeSaysWhatWasFoundAndWhatIsExpected() throws {
    let errors = try JSONTestSupport.thrown("{\"items\": [], \"count\": 0}")
    let error = try #require(errors.first)
    #expect(errors.count == 1)
    #expect(error.location.jsonPath == "$")
    #expect(error.message.contains("found an object with the keys `items`, `count`"))
    #expect(error.message.contains("expected a Greenhouse scorecards export"))
    #expect(error.message.contains("Codility sessions"))
    // Two Greenhouse pages gathered with `jq -s`: said as pages, with the fix (QA7 F8.5).
    let pages = try #require(
      try JSONTestSupport.thrown(
        #"[[{"id": 1, "candidate_id": 2, "attributes": []}], [{"id": 3, "candidate_id": 4, "attributes": []}]]"#
      ).first)
    #expect(pages.message.contains("found an array of 2 items (its items look like pages"))
    #expect(pages.message.contains("`jq add`"), "\(pages.message)")
  }

  /// One page of a paged response (Lever `hasNext`, a `next` link, a `total` above the records)
  /// is a warning: the other pages' candidates would have had no evidence, in silence. The last
  /// page, and a response whose counts match its records, are not warned.
  @Test func onePageOfAPagedResponseIsWarned() throws {
    let lever = try JSONTestSupport.run(
      #"{"data": [{"id": "f", "candidate_email": "a@example.org", "fields": []}], "hasNext": true, "next": "WyIx"}"#
    )
    #expect(
      lever.diagnostics.contains {
        $0.severity == .warning
          && $0.message.contains("one page of a paged response (`hasNext` is true)")
          && $0.location.jsonPath == "$.hasNext"
      }, "\(lever.diagnostics)")
    let hackerRank = try JSONTestSupport.run(
      #"{"test": {"name": "Git"}, "data": [{"email": "a@example.org", "percentage_score": 50}], "total": 30, "offset": 0}"#
    )
    #expect(
      hackerRank.diagnostics.contains {
        $0.message.contains("`total` is 30, the file has 1 record")
      }, "\(hackerRank.diagnostics)")
    // The last page of HackerRank (`next` null, or `offset` + its records = `total`): not warned.
    for ending in [#""total": 30, "next": null"#, #""total": 30, "offset": 29"#] {
      let page = try JSONTestSupport.run(
        #"{"test": {"name": "Git"}, "data": [{"email": "a@example.org", "percentage_score": 50}], "#
          + ending + "}")
      #expect(!page.diagnostics.contains { $0.message.contains("paged") }, "\(ending)")
    }
    let last = try JSONTestSupport.run(
      #"{"data": [{"id": "f", "candidate_email": "a@example.org", "fields": []}], "hasNext": false, "next": "WyIx"}"#
    )
    #expect(!last.diagnostics.contains { $0.message.contains("paged") })
    for name in ["hackerrank-candidates.json", "codility-sessions.json", "lever-feedback.json"] {
      let result = try EvidenceImport.parse(
        JSONTestSupport.fixture(name), skills: JSONTestSupport.skills())
      #expect(!result.diagnostics.contains { $0.message.contains("paged") }, "\(name)")
    }
  }

  @Test func anEmptyResponseImportsNothingWithANote() throws {
    for text in ["[]", "{\"data\": []}"] {
      let result = try JSONTestSupport.run(text)
      #expect(result.evidence.isEmpty && result.rowErrors.isEmpty)
      #expect(
        result.diagnostics.map(\.message) == ["the export lists nothing; no evidence imported"])
    }
  }

  @Test func invalidJSONThroughTheImportHasAPosition() throws {
    let errors = try JSONTestSupport.thrown(
      "{\n  \"data\": [\n    {\"email\": \"a@b.co\",}\n  ]\n}", path: "hr.json")
    let error = try #require(errors.first)
    #expect(error.description.hasPrefix("hr.json:3:24 ($.data[0]): error: invalid JSON: found `}`"))
  }

  @Test func csvStillGoesToTheCSVImporters() throws {
    let result = try JSONTestSupport.run(
      "email,skill,value,scale\na@b.co,SQL,80,percent\n", path: "e.csv")
    #expect(result.evidence.map(\.skillID) == ["sql-databases"])
  }
}
