/// Why a CSV input could not be read, and where: 1-based line and column (Unicode scalars).
///
/// `description` reads like `line 3, column 7: unterminated quoted field (opened here); …`,
/// ready to be prefixed with a file name (`file.csv:3:7: …` via ``line`` and ``column``).
public struct CSVError: Error, CustomStringConvertible, Equatable, Hashable, Sendable {
  /// What went wrong.
  public enum Kind: Sendable, Equatable, Hashable {
    /// A field opened with `"` never closed; the position is the opening quote.
    case unterminatedQuote
    /// The bytes are not UTF-8; the position is the first byte of the bad sequence.
    case invalidUTF8(byte: UInt8)
    /// A `"` inside a field that did not start with one (`ab"c`); the position is that quote.
    case quoteInUnquotedField
    /// Text after a closing quote (`"abc"def`); the position is the first character after it.
    case textAfterClosingQuote(delimiter: UInt8)
    /// The dialect's delimiter is `"`, CR, LF or not ASCII (position: line 0, column 0).
    case invalidDelimiter(UInt8)
    /// The file could not be opened or read (position: line 0, column 0).
    case unreadable(path: String, reason: String)
  }

  /// What went wrong.
  public var kind: Kind
  /// 1-based line of the problem; 0 when the problem has no position (I/O, configuration).
  public var line: Int
  /// 1-based column (Unicode scalars) of the problem; 0 when it has no position.
  public var column: Int

  /// An error of `kind` at `line`/`column`.
  public init(_ kind: Kind, line: Int = 0, column: Int = 0) {
    self.kind = kind
    self.line = line
    self.column = column
  }

  /// The message without the position, e.g. `unterminated quoted field (opened here); …`.
  public var message: String {
    switch kind {
    case .unterminatedQuote:
      return "unterminated quoted field (opened here); expected a closing '\"'"
    case .invalidUTF8(let byte):
      return "invalid UTF-8 (byte sequence starting with 0x\(CSVByte.hex(byte))); "
        + "expected the file to be saved as UTF-8"
    case .quoteInUnquotedField:
      return "unexpected '\"' inside an unquoted field; "
        + "expected the whole field in quotes with the quote doubled (\"\")"
    case .textAfterClosingQuote(let delimiter):
      return "unexpected text after a closing quote; "
        + "expected \(CSVDialect(delimiter: delimiter)) or the end of the line"
    case .invalidDelimiter(let byte):
      return "invalid delimiter \(CSVDialect(delimiter: byte)); "
        + "expected an ASCII character other than '\"', CR or LF"
    case .unreadable(let path, let reason):
      return "cannot read '\(path)': \(reason)"
    }
  }

  /// `line L, column C: message`, or just the message when there is no position.
  public var description: String {
    line > 0 ? "line \(line), column \(column): \(message)" : message
  }
}
