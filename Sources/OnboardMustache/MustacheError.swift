/// A parse or render error, with the template name and the 1-based line and column of the tag.
public struct MustacheError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// A tag was opened but its closing delimiter never came.
    case unclosedTag
    /// A section, inverted section, parent or block was opened but never closed.
    case unclosedSection(name: String)
    /// An end tag closes a different name than the innermost open section.
    case mismatchedEndTag(expected: String, found: String)
    /// An end tag with no open section.
    case unexpectedEndTag(name: String)
    /// A set-delimiter tag whose content is not two whitespace-separated delimiters without `=`.
    case invalidDelimiters(content: String)
    /// A tag with nothing to name (`{{ }}`, `{{#}}`, `{{>*}}`).
    case emptyTag
    /// Strict mode: the name resolves nowhere in the context stack.
    case missingValue(name: String)
    /// Strict mode: no partial or parent of that name was given.
    case missingPartial(name: String)
    /// Strict mode: a dynamic name (`{{>*name}}`) resolved to something other than a string.
    case invalidDynamicName(name: String)
    /// Partials or parents nested deeper than `MustacheRenderOptions.maxDepth`.
    case recursionLimit(name: String, depth: Int)
    /// Sections, inverted sections, parents or blocks nested deeper than
    /// `TreeBuilder.maximumNesting` in one template.
    case nestedTooDeep(name: String, depth: Int)
    /// The render passed `MustacheRenderOptions.maxOutputBytes` (in the section named).
    case outputTooLarge(name: String, limit: Int)
  }

  /// What went wrong.
  public var kind: Kind
  /// The name of the template holding the tag (a partial's name for errors inside a partial).
  public var templateName: String
  /// The 1-based line of the tag's opening delimiter.
  public var line: Int
  /// The 1-based column (in Unicode scalars) of the tag's opening delimiter.
  public var column: Int
  /// What the message adds for people (an unclosed tag's text and the delimiter it lacks).
  public var detail: String? = nil

  /// Creates an error at a position.
  public init(_ kind: Kind, templateName: String, line: Int, column: Int) {
    self.kind = kind
    self.templateName = templateName
    self.line = line
    self.column = column
  }

  /// `name:line:column: error: message`, as compilers print it.
  public var description: String {
    "\(templateName):\(line):\(column): error: \(message)"
  }

  /// The message without the position.
  public var message: String {
    switch kind {
    case .unclosedTag: return "unclosed tag" + (detail.map { ": \($0)" } ?? "")
    case .unclosedSection(let name): return "section '\(name)' is never closed"
    case .mismatchedEndTag(let expected, let found):
      return "end tag '\(found)' does not match the open section '\(expected)'"
    case .unexpectedEndTag(let name): return "end tag '\(name)' has no open section"
    case .invalidDelimiters(let content): return "invalid set-delimiter tag '\(content)'"
    case .emptyTag: return "tag names nothing"
    case .nestedTooDeep(let name, let depth):
      return
        "section '\(name)' is nested \(depth) deep; expected sections nested at most \(TreeBuilder.maximumNesting) deep"
    case .missingValue(let name): return "no value named '\(name)'"
    case .missingPartial(let name): return "no partial named '\(name)'"
    case .invalidDynamicName(let name):
      return "dynamic name '\(name)' does not resolve to a string"
    case .recursionLimit(let name, let depth):
      return "partial '\(name)' nested deeper than \(depth) levels"
    case .outputTooLarge(let name, let limit):
      return
        "the rendered text passes \(limit >> 20) MiB in section '\(name)'; expected far less "
        + "(a list section inside another repeats its content for every pair of items)"
    }
  }
}
