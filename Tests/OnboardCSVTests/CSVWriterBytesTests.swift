import OnboardCSV
import Testing

/// The writer decides quoting on UTF-8 bytes and copies a quoted value without `"` whole; these
/// tests compare it, byte for byte, with the scalar-by-scalar writer it replaced.
@Suite struct CSVWriterBytesTests {
  /// The writer as it was: quoting decided and quotes doubled on Unicode scalars.
  static func referenceRecord(_ values: [String], writer: CSVWriter) -> String {
    func needsQuotes(_ value: String) -> Bool {
      let scalars = value.unicodeScalars
      guard let first = scalars.first, let last = scalars.last else { return false }
      if first == " " || last == " " || first == "\u{FEFF}" { return true }
      let delimiter = Unicode.Scalar(writer.dialect.delimiter)
      return scalars.contains { scalar in
        switch scalar {
        case ",", ";", "\t", "\"", "\r", "\n": return true
        default: return scalar == delimiter
        }
      }
    }
    var text = ""
    for (index, value) in values.enumerated() {
      if index > 0 { text.append(Character(Unicode.Scalar(writer.dialect.delimiter))) }
      let safe = writer.formulaDefence.apply(to: value)
      if needsQuotes(safe) || (values.count == 1 && safe.isEmpty) {
        text.append("\"")
        for scalar in safe.unicodeScalars {
          if scalar == "\"" { text.append("\"") }
          text.unicodeScalars.append(scalar)
        }
        text.append("\"")
      } else {
        text.append(safe)
      }
    }
    return text + "\r\n"
  }

  @Test(arguments: [
    CSVDialect.comma, CSVDialect(delimiter: UInt8(ascii: ";")), CSVDialect(delimiter: 0x09),
    CSVDialect(delimiter: UInt8(ascii: "|")),
  ])
  func sameBytesAsTheScalarWriter(dialect: CSVDialect) {
    let writer = CSVWriter(dialect: dialect)
    let records =
      CSVRoundTripTests.randomRecords(seed: 16, count: 3_000)
      + [["\"\u{301}x"], ["a|b"], ["\u{FEFF}"], [" é"], ["é "], [""], ["", ""]]
    for values in records {
      let written = writer.record(values)
      let expected = Self.referenceRecord(values, writer: writer)
      #expect(Array(written.utf8) == Array(expected.utf8), "\(values)")
    }
  }

  /// The byte writer (`append(_:to:)` on `[UInt8]`) against the `String` writer: every dialect,
  /// every formula defence, values starting with each trigger, plain numbers, BOMs and quotes.
  @Test(arguments: [
    CSVDialect.comma, CSVDialect(delimiter: UInt8(ascii: ";")), CSVDialect(delimiter: 0x09),
    CSVDialect(delimiter: UInt8(ascii: "|")), CSVDialect(delimiter: 0xE9),
  ])
  func byteWriterMatchesTheStringWriter(dialect: CSVDialect) {
    let extra: [[String]] = [
      ["-3", "+1.5", "-2.5e3", "=1+2", "@SUM(A1)", "\t=x", "\r=x", "-", "+", "", "é-"],
      ["\"\u{301}x"], ["a|b"], ["\u{FEFF}"], [" é"], ["é "], [""], ["", ""], ["=\"a,b\""],
    ]
    let records = CSVRoundTripTests.randomRecords(seed: 61, count: 3_000) + extra
    for defence in [CSVFormulaDefence.off, .escapeAll, .escapeExceptNumbers] {
      let writer = CSVWriter(dialect: dialect, formulaDefence: defence)
      var bytes: [UInt8] = []
      var text = ""
      for values in records {
        var one: [UInt8] = []
        writer.append(values, to: &one)
        #expect(one == Array(writer.record(values).utf8), "\(values)")
        writer.append(values, to: &bytes)
        writer.append(values, to: &text)
      }
      #expect(bytes == Array(text.utf8))
    }
  }
}
