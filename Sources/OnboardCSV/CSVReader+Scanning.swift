extension CSVReader {
  /// Reads the record that starts at the current, non-blank position with the scanner, reading
  /// more of the file while the window ends inside it; a malformed record goes to the reference
  /// parser, which throws the precise error.
  mutating func scanRow(delimiter: UInt8) throws(CSVError) -> CSVRow {
    let scanner = CSVScanner(
      delimiter: delimiter, allowsQuotesInUnquotedFields: options.allowsQuotesInUnquotedFields)
    while true {
      let start = input.position
      let end = input.end
      let atEnd = input.atEnd
      var count = 0
      let outcome = input.buffer.withUnsafeBufferPointer { buffer -> CSVScanner.Outcome in
        guard let base = buffer.baseAddress else { return atEnd ? .problem : .needMore }
        return ends.withUnsafeMutableBufferPointer { ends in
          scanner.scan(base, start: start, end: end, atEnd: atEnd, ends: ends, count: &count)
        }
      }
      switch outcome {
      case .record(let next, let lineBreaks):
        // The breaks it spans, less the one that ends it (after its last field, if any).
        let inside = lineBreaks - (count > 0 && next > ends[count - 1] ? 1 : 0)
        let row = CSVRow(
          bytes: input.buffer, ends: ends, count: count, start: start, line: position.line,
          singleLine: inside == 0)
        input.position = next
        position.line += lineBreaks
        return row
      case .needMore:
        _ = try input.readMore()
      case .needRoom:
        ends.append(contentsOf: repeatElement(0, count: max(16, ends.count)))
      case .problem:
        return CSVRow(record: try referenceFields(delimiter: delimiter))
      }
    }
  }
}
