import Foundation
import OnboardCSV
import Testing

@Suite struct CSVReaderErrorTests {
  func error(_ bytes: [UInt8], options: CSVReaderOptions = .init()) -> CSVError? {
    do {
      _ = try CSV.parse(bytes: bytes, options: options)
      return nil
    } catch {
      return error
    }
  }

  func error(_ text: String) -> CSVError? { error(Array(text.utf8)) }

  @Test func unterminatedQuoteReportsWhereItOpened() throws {
    let found = try #require(error("a,b\n1,\"abc\ndef\n"))
    #expect(found == CSVError(.unterminatedQuote, line: 2, column: 3))
    #expect(
      found.description
        == "line 2, column 3: unterminated quoted field (opened here); expected a closing '\"'")
    #expect(error("ä😀,\"x") == CSVError(.unterminatedQuote, line: 1, column: 4))
  }

  @Test func invalidUTF8ReportsTheBadByte() throws {
    let found = try #require(error(Array("a,b\nxy,".utf8) + [0xFF]))
    #expect(found == CSVError(.invalidUTF8(byte: 0xFF), line: 2, column: 4))
    #expect(found.description.hasPrefix("line 2, column 4: invalid UTF-8"))
    #expect(found.description.contains("0xFF"))
  }

  @Test func invalidUTF8PointsAtTheStartOfABrokenSequence() {
    // Latin-1 "café" (0xE9 then a comma): the sequence starting at 0xE9 is cut short.
    #expect(error(Array("caf".utf8) + [0xE9] + Array(",1".utf8)) == at(0xE9, 1, 4))
    // Cut short by a line break, and by the end of the input.
    #expect(error([0x61, 0xC3, 0x0A]) == at(0xC3, 1, 2))
    #expect(error([0x61, 0x62, 0xE2, 0x82]) == at(0xE2, 1, 3))
    #expect(error([0x22, 0x61, 0xE2, 0x82, 0x22]) == at(0xE2, 1, 3))
    // Overlong "/", a UTF-16 surrogate, a value above U+10FFFF, a lone continuation byte.
    #expect(error([0xC0, 0xAF]) == at(0xC0, 1, 1))
    #expect(error([0x78, 0xED, 0xA0, 0x80]) == at(0xED, 1, 2))
    #expect(error([0xF4, 0x90, 0x80, 0x80]) == at(0xF4, 1, 1))
    #expect(error(Array("é".utf8) + [0x80]) == at(0x80, 1, 2))
    // Inside a quoted field that spans lines.
    #expect(error(Array("\"a\nbc".utf8) + [0xFE, 0x22]) == at(0xFE, 2, 3))
  }

  @Test func validMultiByteUTF8Passes() throws {
    let text = "\u{7F}\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF}"
    #expect(try CSV.parse(text).first?.values == [text])
  }

  func at(_ byte: UInt8, _ line: Int, _ column: Int) -> CSVError {
    CSVError(.invalidUTF8(byte: byte), line: line, column: column)
  }

  @Test func quoteInsideAnUnquotedFieldIsAnError() throws {
    let found = try #require(error("ok\nab\"c,d\n"))
    #expect(found == CSVError(.quoteInUnquotedField, line: 2, column: 3))
    #expect(found.description.hasPrefix("line 2, column 3: unexpected '\"' inside an unquoted"))
  }

  @Test func textAfterAClosingQuoteIsAnError() throws {
    let found = try #require(error("\"abc\"def,x"))
    #expect(found == CSVError(.textAfterClosingQuote(delimiter: 0x2C), line: 1, column: 6))
    #expect(
      found.description
        == "line 1, column 6: unexpected text after a closing quote; "
        + "expected ',' or the end of the line")
    // Even when bare quotes are allowed: this is ambiguous, not just sloppy.
    let lenient = CSVReaderOptions(allowsQuotesInUnquotedFields: true)
    #expect(error(Array("\"a\" b".utf8), options: lenient)?.kind == found.kind)
    // With a semicolon, the message names it.
    let semicolon = try #require(error("a;b\n\"x\"y;z"))
    #expect(semicolon.description.contains("expected ';'"))
    #expect(semicolon.line == 2 && semicolon.column == 4)
  }

  @Test func invalidDelimiterIsRejected() {
    for delimiter in [UInt8(ascii: "\""), 0x0D, 0x0A, 0xC3] {
      #expect(throws: CSVError(.invalidDelimiter(delimiter))) {
        try CSV.parse("a,b", dialect: CSVDialect(delimiter: delimiter))
      }
    }
    #expect(!CSVDialect(delimiter: 0x22).isValid && CSVDialect.tab.isValid)
  }

  @Test func unreadableFileHasNoPosition() throws {
    let url = URL(fileURLWithPath: "/nonexistent/onboard-\(UInt64.random(in: 0...UInt64.max)).csv")
    do {
      _ = try CSVReader(contentsOf: url)
      Issue.record("opening a missing file succeeded")
    } catch {
      guard case .unreadable(let path, let reason) = error.kind else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(path == url.path)
      #expect(reason.contains("No such file"))
      #expect(error.line == 0 && error.description.hasPrefix("cannot read '/nonexistent/"))
    }
  }
}
