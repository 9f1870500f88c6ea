/// One record (row) of a CSV input: its fields and the line it starts on.
public struct CSVRecord: Sendable, Equatable, Hashable {
  /// The fields in order. Empty only for a blank line read with `skipBlankLines: false`.
  public var fields: [CSVField]
  /// 1-based line where the record starts (a quoted field may carry it over several lines).
  public var line: Int

  /// A record from its fields and starting line.
  public init(fields: [CSVField], line: Int) {
    self.fields = fields
    self.line = line
  }

  /// The fields' values in order.
  public var values: [String] { fields.map(\.value) }

  /// The number of fields.
  public var count: Int { fields.count }

  /// The value of the field at `index`, or nil when the record is shorter (ragged rows are common).
  public subscript(index: Int) -> String? {
    fields.indices.contains(index) ? fields[index].value : nil
  }

  /// The field at `index` with its position, or nil when the record is shorter.
  public func field(at index: Int) -> CSVField? {
    fields.indices.contains(index) ? fields[index] : nil
  }
}
