/// One decoded field of a record, with where it starts in the input.
public struct CSVField: Sendable, Equatable, Hashable {
  /// The field's text: quotes removed, `""` turned into `"`, line breaks inside quotes kept as is.
  public var value: String
  /// 1-based line of the field's first character (its opening quote if quoted).
  public var line: Int
  /// 1-based column of the field's first character, counted in Unicode scalars on that line.
  public var column: Int
  /// 0-based position of the field in its record.
  public var index: Int

  /// A field with its value and position.
  public init(value: String, line: Int, column: Int, index: Int) {
    self.value = value
    self.line = line
    self.column = column
    self.index = index
  }
}
