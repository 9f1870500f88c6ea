/// A comment tag whose text holds an opening delimiter: `{{! note` with its `}}` forgotten runs
/// on to the `}}` of the next tag, and the text between is never shown. The Mustache spec allows
/// it; in a template people edit by hand it is almost always a typo.
public struct MustacheRunOnComment: Sendable, Equatable {
  /// Where the comment opens (1-based, in Unicode scalars, as errors count).
  public var line: Int
  public var column: Int
  /// Where the opening delimiter inside it is.
  public var innerLine: Int
  public var innerColumn: Int
}

extension MustacheTemplate {
  /// The comments of the source that hold an opening delimiter (see `MustacheRunOnComment`).
  public var runOnComments: [MustacheRunOnComment] {
    var tokenizer = Tokenizer(source, templateName: name)
    guard let tokens = try? tokenizer.tokenize() else { return [] }
    let scalars = tokenizer.scalars
    var found: [MustacheRunOnComment] = []
    for case .tag(let tag) in tokens where tag.kind == .comment {
      let open = tag.delimiters.open
      // The text after `{{!`, up to the closing delimiter.
      var position = tag.range.lowerBound + open.count + 1
      let end = tag.range.upperBound - tag.delimiters.close.count
      var line = tag.line
      var column = tag.column + open.count + 1
      while position + open.count <= end {
        if scalars[position..<(position + open.count)].elementsEqual(open) {
          found.append(
            MustacheRunOnComment(
              line: tag.line, column: tag.column, innerLine: line, innerColumn: column))
          break
        }
        if scalars[position] == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
        position += 1
      }
    }
    return found
  }
}
