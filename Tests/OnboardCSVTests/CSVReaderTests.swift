import Foundation
import OnboardCSV
import Testing

@Suite struct CSVReaderTests {
  func rows(_ text: String, _ dialect: CSVDialect? = nil, keepBlank: Bool = false) throws
    -> [[String]]
  {
    try CSV.parse(text, dialect: dialect, options: .init(skipBlankLines: !keepBlank)).map(\.values)
  }

  @Test func quotedFieldsDoubledQuotesAndDelimitersInQuotes() throws {
    #expect(
      try rows(#"a,"b,c","say ""hi""",""\#n"# + "1,2,3,4") == [
        ["a", "b,c", #"say "hi""#, ""], ["1", "2", "3", "4"],
      ])
  }

  @Test func lineBreaksInsideQuotesAreKeptByteForByte() throws {
    let records = try CSV.parse("\"a\r\nb\",\"c\nd\",\"e\rf\"\r\nx,y,z\r\n")
    #expect(records.count == 2)
    #expect(
      records[0].fields.map { Array($0.value.utf8) } == [
        Array("a\r\nb".utf8), Array("c\nd".utf8), Array("e\rf".utf8),
      ])
    #expect(records[1].values == ["x", "y", "z"])
  }

  @Test func crlfLfAndLoneCrAllEndRecords() throws {
    let records = try CSV.parse("a,1\rb,2\nc,3\r\nd,4")
    #expect(records.map(\.values) == [["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"]])
    #expect(records.map(\.line) == [1, 2, 3, 4])
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("name;age\nÅsa;30\n".utf8)
    var reader = CSVReader(bytes: bytes)
    let header = try #require(try reader.next())
    #expect(header.values == ["name", "age"])
    #expect(header.fields[0].column == 1)
    #expect(reader.dialect == .semicolon)
    #expect(try CSV.parse(bytes: [0xEF, 0xBB, 0xBF]).isEmpty)
    // Only a leading BOM is special; elsewhere U+FEFF is data.
    #expect(try rows("a\n\u{FEFF}b") == [["a"], ["\u{FEFF}b"]])
  }

  @Test func blankLinesAreSkippedButStillCounted() throws {
    let text = "\n\na,b\n\n\r\nc,d\r\n\r\n\n"
    let records = try CSV.parse(text)
    #expect(records.map(\.values) == [["a", "b"], ["c", "d"]])
    #expect(records.map(\.line) == [3, 6])
    #expect(records[1].fields.map(\.line) == [6, 6])
  }

  @Test func blankLinesCanBeKeptAsEmptyRecords() throws {
    let records = try CSV.parse("a\n\nb\r\n\r\n", options: .init(skipBlankLines: false))
    #expect(records.map(\.values) == [["a"], [], ["b"], []])
    #expect(records.map(\.line) == [1, 2, 3, 4])
    // A final line break ends the last record; it does not start another one.
    #expect(try rows("a\n", keepBlank: true) == [["a"]])
    // A line of one empty quoted field is not blank.
    #expect(try rows("\"\"\n\nx") == [[""], ["x"]])
  }

  @Test func emptyFieldsAndTrailingDelimiters() throws {
    #expect(try rows(",,\na,\n,b") == [["", "", ""], ["a", ""], ["", "b"]])
    #expect(try rows(" a , b ") == [[" a ", " b "]])
  }

  @Test func detectsSemicolonAndTab() throws {
    var semicolon = CSVReader(string: "Name;Score;Note\nAda;3,5;\"x;y\"\n")
    #expect(semicolon.dialect == nil)
    #expect(
      try semicolon.readAll().map(\.values) == [
        ["Name", "Score", "Note"], ["Ada", "3,5", "x;y"],
      ])
    #expect(semicolon.dialect == .semicolon)

    var tab = CSVReader(string: "a\tb,c\td\n1\t2\t3\n")
    #expect(try tab.readAll().map(\.values) == [["a", "b,c", "d"], ["1", "2", "3"]])
    #expect(tab.dialect == .tab)
  }

  @Test func detectionCountsOnlyOutsideQuotesOnTheFirstRecord() throws {
    // Three commas inside quotes, one semicolon outside: semicolon.
    #expect(try rows("\"a,b,c,d\";e\n1,2,3,4,5") == [["a,b,c,d", "e"], ["1,2,3,4,5"]])
    // A quoted line break does not end the first record for detection.
    #expect(try rows("\"x\ny;y;y\",z\n") == [["x\ny;y;y", "z"]])
    // Leading blank lines are passed over.
    #expect(try rows("\n\r\na;b") == [["a", "b"]])
  }

  @Test func detectionTiesGoToComma() throws {
    var tie = CSVReader(string: "a,b;c\n")
    #expect(try tie.next()?.values == ["a", "b;c"])
    #expect(tie.dialect == .comma)
    var none = CSVReader(string: "single\n")
    _ = try none.next()
    #expect(none.dialect == .comma)
    var semicolonOverTab = CSVReader(string: "a;b\tc\n")
    _ = try semicolonOverTab.next()
    #expect(semicolonOverTab.dialect == .semicolon)
  }

  @Test func explicitDialectIsNotSecondGuessed() throws {
    #expect(try rows("a;b;c\n", .comma) == [["a;b;c"]])
    #expect(try rows("a,b\tc\n", .tab) == [["a,b", "c"]])
  }

  @Test func recordsAfterAMultiLineFieldKnowTheirLines() throws {
    let text = "id,text,end\n7,\"first\nsecond\r\nthird\",x\n8,plain,y\n"
    let records = try CSV.parse(text)
    #expect(records.map(\.line) == [1, 2, 5])
    let multi = records[1].fields
    #expect(multi.map(\.line) == [2, 2, 4])
    #expect(multi.map(\.column) == [1, 3, 8])
    #expect(records[2].fields.map(\.column) == [1, 3, 9])
  }

  @Test func columnsCountUnicodeScalars() throws {
    let records = try CSV.parse("ä😀,x,e\u{301},y\n")
    #expect(records[0].fields.map(\.column) == [1, 4, 6, 9])
    #expect(records[0].fields.map(\.index) == [0, 1, 2, 3])
  }

  @Test func recordAccessors() throws {
    let record = try #require(try CSV.parse("a,b\n").first)
    #expect(record[0] == "a")
    #expect(record[2] == nil)
    #expect(record.count == 2)
    #expect(record.field(at: 1) == CSVField(value: "b", line: 1, column: 3, index: 1))
    #expect(record.field(at: -1) == nil)
  }

  @Test func quotesInUnquotedFieldsCanBeAllowed() throws {
    let lenient = CSVReaderOptions(allowsQuotesInUnquotedFields: true)
    #expect(try CSV.parse("5'10\",ok\n", options: lenient).map(\.values) == [["5'10\"", "ok"]])
  }

  @Test func readsDataAndStrings() throws {
    var reader = CSVReader(data: Data("x,y\n".utf8))
    #expect(try reader.next()?.values == ["x", "y"])
    #expect(try reader.next() == nil)
    #expect(try reader.next() == nil)
  }
}
