/// Trimming without Foundation's `NSString` bridge, which dominated import profiles: the same
/// characters as `trimmingCharacters(in: .whitespaces)` and `(in: .whitespacesAndNewlines)`,
/// and no copy when there is nothing to trim (most cells). Like Foundation, U+200B (zero width
/// space) counts as a space.
extension String {
  /// Without leading and trailing spaces and tabs (Unicode `Zs`, U+0009 and U+200B), like
  /// `trimmingCharacters(in: .whitespaces)`.
  func trimmingSpaces() -> String {
    guard let first = unicodeScalars.first, let last = unicodeScalars.last,
      Substring.isSpace(first) || Substring.isSpace(last)
    else {
      return self
    }
    return self[...].trimmingSpaces()
  }

  /// Without leading and trailing white space and line breaks (Unicode `White_Space` and
  /// U+200B), like
  /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
  func trimmingSpacesAndNewlines() -> String {
    guard let first = unicodeScalars.first, let last = unicodeScalars.last,
      Substring.isSpaceOrNewline(first) || Substring.isSpaceOrNewline(last)
    else {
      return self
    }
    return self[...].trimming(where: Substring.isSpaceOrNewline)
  }

  /// Whether the text is empty or only white space and line breaks.
  var isBlankText: Bool {
    unicodeScalars.allSatisfy(Substring.isSpaceOrNewline)
  }
}

extension Substring {
  /// Without leading and trailing spaces and tabs (Unicode `Zs`, U+0009 and U+200B).
  func trimmingSpaces() -> String { trimming(where: Self.isSpace) }

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t"
      || (!scalar.isASCII
        && (scalar.properties.generalCategory == .spaceSeparator || scalar == "\u{200B}"))
  }

  static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII
      ? scalar == " " || (0x09...0x0D).contains(scalar.value)
      : scalar.properties.isWhitespace || scalar == "\u{200B}"
  }

  fileprivate func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
    let scalars = unicodeScalars
    guard let first = scalars.first, let last = scalars.last, isTrimmed(first) || isTrimmed(last)
    else {
      return String(self)
    }
    guard let start = scalars.firstIndex(where: { !isTrimmed($0) }),
      let end = scalars.lastIndex(where: { !isTrimmed($0) })
    else {
      return ""
    }
    return String(Substring(scalars[start...end]))
  }
}
