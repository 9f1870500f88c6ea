/// Choices about inputs that RFC 4180 leaves open or calls malformed.
public struct CSVReaderOptions: Sendable, Equatable, Hashable {
  /// Skip lines that are completely empty (default `true`).
  ///
  /// Skipped lines still count: records and fields after them keep their true line numbers.
  /// When `false`, each blank line yields a record with no fields (and the end of input after
  /// a final line break yields nothing, so `"a\n"` is one record either way).
  public var skipBlankLines: Bool

  /// Treat a `"` inside an unquoted field (`5'10"`) as a literal character instead of an error
  /// (default `false`: strict, as RFC 4180 calls it malformed). Text after a closing quote
  /// (`"abc"def`) is always an error: it is ambiguous rather than merely sloppy.
  public var allowsQuotesInUnquotedFields: Bool

  /// Options; the defaults suit importers: skip blank lines, strict quotes.
  public init(skipBlankLines: Bool = true, allowsQuotesInUnquotedFields: Bool = false) {
    self.skipBlankLines = skipBlankLines
    self.allowsQuotesInUnquotedFields = allowsQuotesInUnquotedFields
  }
}
