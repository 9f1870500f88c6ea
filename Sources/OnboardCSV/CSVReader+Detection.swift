extension CSVReader {
  /// How far delimiter detection looks ahead for the end of the first record.
  static let detectionLimit = 1 << 16

  /// Skips a UTF-8 byte order mark, then settles the dialect.
  mutating func start() throws(CSVError) {
    started = true
    if try input.peek() == 0xEF, try input.peek(ahead: 1) == 0xBB,
      try input.peek(ahead: 2) == 0xBF
    {
      input.advance()
      input.advance()
      input.advance()
    }
    let chosen: CSVDialect
    if let dialect {
      chosen = dialect
    } else {
      chosen = try detectDialect()
    }
    guard chosen.isValid else { throw CSVError(.invalidDelimiter(chosen.delimiter)) }
    dialect = chosen
  }

  /// Picks `,`, `;` or tab: whichever occurs most often outside quotes in the first non-blank
  /// record; a tie (including none at all) goes to the earlier of comma, semicolon, tab.
  private mutating func detectDialect() throws(CSVError) -> CSVDialect {
    var counts = [Int](repeating: 0, count: CSVDialect.detectable.count)
    var inQuotes = false
    var sawContent = false
    var offset = 0
    while offset < Self.detectionLimit, let byte = try input.peek(ahead: offset) {
      offset += 1
      if byte == CSVByte.quote {
        inQuotes.toggle()
      } else if !inQuotes && (byte == CSVByte.cr || byte == CSVByte.lf) {
        if sawContent { break }
        continue
      } else if !inQuotes,
        let index = CSVDialect.detectable.firstIndex(where: { $0.delimiter == byte })
      {
        counts[index] += 1
      }
      sawContent = true
    }
    var best = 0
    for index in counts.indices where counts[index] > counts[best] { best = index }
    return CSVDialect.detectable[best]
  }
}
