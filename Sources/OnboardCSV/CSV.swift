/// Shortcuts for small inputs that fit in memory.
public enum CSV {
  /// All records of `string`; `dialect: nil` detects `,`, `;` or tab from the first record.
  public static func parse(
    _ string: String, dialect: CSVDialect? = nil, options: CSVReaderOptions = .init()
  ) throws(CSVError) -> [CSVRecord] {
    var reader = CSVReader(string: string, dialect: dialect, options: options)
    return try reader.readAll()
  }

  /// All records of `bytes` (UTF-8, optionally with a BOM).
  public static func parse(
    bytes: [UInt8], dialect: CSVDialect? = nil, options: CSVReaderOptions = .init()
  ) throws(CSVError) -> [CSVRecord] {
    var reader = CSVReader(bytes: bytes, dialect: dialect, options: options)
    return try reader.readAll()
  }
}
