/// The reference parser: byte by byte, checking UTF-8 and structure as it goes, so the first
/// problem is reported exactly where it is. The reader uses it for records the scanner finds
/// malformed; tests and the fuzzer read whole inputs with it to check the scanner against it.
extension CSVReader {
  /// The next record read by the reference parser alone, or nil at the end (for tests).
  mutating func referenceNext() throws(CSVError) -> CSVRecord? {
    if !started { try start() }
    guard let dialect else { return nil }
    while let byte = try input.peek() {
      guard byte == CSVByte.cr || byte == CSVByte.lf else {
        return try referenceFields(delimiter: dialect.delimiter)
      }
      let line = position.line
      try consumeLineBreak(byte)
      if !options.skipBlankLines { return CSVRecord(fields: [], line: line) }
    }
    try position.finish()
    return nil
  }

  /// Reads the fields of a record that starts at the current, non-blank position.
  mutating func referenceFields(delimiter: UInt8) throws(CSVError) -> CSVRecord {
    var fields: [CSVField] = []
    let recordLine = position.line
    while true {
      let line = position.line
      let column = position.column
      fieldBytes.removeAll(keepingCapacity: true)
      let recordEnded =
        try input.peek() == CSVByte.quote
        ? try readQuotedField(delimiter: delimiter)
        : try readUnquotedField(delimiter: delimiter)
      let value = String(decoding: fieldBytes, as: UTF8.self)
      fields.append(CSVField(value: value, line: line, column: column, index: fields.count))
      if recordEnded { return CSVRecord(fields: fields, line: recordLine) }
    }
  }

  /// Reads up to the delimiter (consumed; returns false) or the record's end (returns true).
  private mutating func readUnquotedField(delimiter: UInt8) throws(CSVError) -> Bool {
    while true {
      if position.isAtScalarBoundary {
        position.column += input.takePlainASCII(into: &fieldBytes, stop: delimiter)
      }
      guard let byte = try input.peek() else { break }
      switch byte {
      case delimiter:
        try consume(byte)
        return false
      case CSVByte.cr, CSVByte.lf:
        try consumeLineBreak(byte)
        return true
      case CSVByte.quote where !options.allowsQuotesInUnquotedFields:
        throw CSVError(.quoteInUnquotedField, line: position.line, column: position.column)
      default:
        try consume(byte)
        fieldBytes.append(byte)
      }
    }
    try position.finish()
    return true
  }

  /// Reads a field that starts with `"`; returns whether the record ended after it.
  private mutating func readQuotedField(delimiter: UInt8) throws(CSVError) -> Bool {
    let openLine = position.line
    let openColumn = position.column
    try consume(CSVByte.quote)
    while true {
      if position.isAtScalarBoundary {
        position.column += input.takePlainASCII(into: &fieldBytes, stop: CSVByte.quote)
      }
      guard let byte = try input.peek() else {
        throw CSVError(.unterminatedQuote, line: openLine, column: openColumn)
      }
      switch byte {
      case CSVByte.quote:
        try consume(byte)
        guard try input.peek() == CSVByte.quote else { return try endOfQuotedField(delimiter) }
        try consume(byte)
        fieldBytes.append(byte)
      case CSVByte.cr:
        input.advance()
        fieldBytes.append(byte)
        if try input.peek() == CSVByte.lf {
          input.advance()
          fieldBytes.append(CSVByte.lf)
        }
        try position.newLine()
      case CSVByte.lf:
        input.advance()
        fieldBytes.append(byte)
        try position.newLine()
      default:
        try consume(byte)
        fieldBytes.append(byte)
      }
    }
  }

  /// After a closing quote: the delimiter (false), the record's end (true), or an error.
  private mutating func endOfQuotedField(_ delimiter: UInt8) throws(CSVError) -> Bool {
    guard let byte = try input.peek() else {
      try position.finish()
      return true
    }
    switch byte {
    case delimiter:
      try consume(byte)
      return false
    case CSVByte.cr, CSVByte.lf:
      try consumeLineBreak(byte)
      return true
    default:
      throw CSVError(
        .textAfterClosingQuote(delimiter: delimiter), line: position.line,
        column: position.column)
    }
  }

  /// Consumes CR, LF, or CR LF (the byte given is the one at the current position).
  mutating func consumeLineBreak(_ byte: UInt8) throws(CSVError) {
    input.advance()
    if byte == CSVByte.cr, try input.peek() == CSVByte.lf { input.advance() }
    try position.newLine()
  }

  /// Consumes one byte that is not a line break.
  @inline(__always)
  private mutating func consume(_ byte: UInt8) throws(CSVError) {
    try position.consume(byte)
    input.advance()
  }
}
