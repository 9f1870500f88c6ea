import OnboardCSV
import Testing

@Suite struct CSVWriterTests {
  let writer = CSVWriter()

  @Test func plainFieldsAreWrittenAsIsWithCRLF() {
    #expect(writer.write([["a", "b"], ["1", "2.5"]]) == "a,b\r\n1,2.5\r\n")
    #expect(writer.record(["Zoë", "😀"]) == "Zoë,😀\r\n")
  }

  @Test func quotesWhenNeededAndDoublesQuotes() {
    #expect(writer.field("a,b") == "\"a,b\"")
    #expect(writer.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(writer.field("line\nbreak") == "\"line\nbreak\"")
    #expect(writer.field("cr\rhere") == "\"cr\rhere\"")
    #expect(writer.field("crlf\r\nhere") == "\"crlf\r\nhere\"")
    #expect(writer.field(" lead") == "\" lead\"")
    #expect(writer.field("trail ") == "\"trail \"")
    #expect(writer.field("in side") == "in side")
    #expect(writer.field("") == "")
    #expect(writer.field("\u{FEFF}bom") == "\"\u{FEFF}bom\"")
  }

  @Test func quotesEveryDetectableDelimiterWhateverTheDialect() {
    let semicolon = CSVWriter(dialect: .semicolon)
    #expect(semicolon.record(["a;b", "c,d", "e"]) == "\"a;b\";\"c,d\";e\r\n")
    let tab = CSVWriter(dialect: .tab)
    #expect(tab.record(["a\tb", "c"]) == "\"a\tb\"\tc\r\n")
    let pipe = CSVWriter(dialect: CSVDialect(delimiter: UInt8(ascii: "|")))
    #expect(pipe.record(["a|b", "c"]) == "\"a|b\"|c\r\n")
  }

  @Test func aLoneEmptyFieldIsQuotedSoItIsNotABlankLine() {
    #expect(writer.record([""]) == "\"\"\r\n")
    #expect(writer.record(["", ""]) == ",\r\n")
    #expect(writer.record([]) == "\r\n")
  }

  @Test func formulasAreNeutralisedByDefault() {
    #expect(writer.field("=1+2") == "'=1+2")
    #expect(writer.field("@SUM(A1:A9)") == "'@SUM(A1:A9)")
    #expect(writer.field("+cmd") == "'+cmd")
    #expect(writer.field("-2+3+cmd|' /C calc'!A0") == "'-2+3+cmd|' /C calc'!A0")
    #expect(
      writer.field("=HYPERLINK(\"http://x\",\"y\")")
        == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
    #expect(writer.field("\t=1") == "\"'\t=1\"")
    #expect(writer.field("\r=1") == "\"'\r=1\"")
    #expect(writer.field("a=1") == "a=1")
  }

  @Test func plainNumbersStayNumbersUnlessEverythingIsEscaped() {
    for number in ["-3", "+3", "-0.5", "-.5", "+1e5", "-2.5E-3", "-3."] {
      #expect(writer.field(number) == number)
      #expect(CSVWriter(formulaDefence: .escapeAll).field(number) == "'" + number)
    }
    for notNumber in ["-", "+", "-e5", "-3e", "-1,5", "- 3", "-3 ", "-0x1F", "-3-4", "-.", "-1e+"] {
      #expect(!CSVFormulaDefence.isPlainNumber(notNumber), "\(notNumber)")
      #expect(writer.field(notNumber).contains("'-") || writer.field(notNumber).contains("'+"))
    }
    #expect(CSVFormulaDefence.isPlainNumber("42") && CSVFormulaDefence.isPlainNumber("3.14"))
  }

  @Test func formulaDefenceCanBeTurnedOff() {
    let raw = CSVWriter(formulaDefence: .off)
    #expect(raw.record(["=1+2", "@x", "-y"]) == "=1+2,@x,-y\r\n")
    #expect(CSVFormulaDefence.off.apply(to: "=x") == "=x")
    #expect(CSVFormulaDefence.escapeExceptNumbers.apply(to: "") == "")
  }

  @Test func appendBuildsOneText() {
    var text = "# header\r\n"
    writer.append(["a", "b c"], to: &text)
    writer.append(["d"], to: &text)
    #expect(text == "# header\r\na,b c\r\nd\r\n")
  }
}
