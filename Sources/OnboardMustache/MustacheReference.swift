/// One tag of a template that names something: for checking templates against known names.
public struct MustacheReference: Sendable, Equatable, CustomStringConvertible {
  /// What kind of tag names it.
  public enum Kind: Sendable, Equatable {
    /// `{{name}}`
    case variable
    /// `{{{name}}}` or `{{& name}}`
    case unescapedVariable
    /// `{{#name}}`
    case section
    /// `{{^name}}`
    case invertedSection
    /// `{{> name}}`: `name` is a partial name.
    case partial
    /// `{{> *name}}`: `name` is a context name whose value is the partial name.
    case dynamicPartial
    /// `{{< name}}`: `name` is a partial name.
    case parent
    /// `{{< *name}}`: `name` is a context name whose value is the parent name.
    case dynamicParent
    /// `{{$ name}}`: `name` is a block name, not a context name.
    case block
  }

  /// The name as written in the tag, trimmed (without the `*` of dynamic names).
  public var name: String
  /// The kind of tag.
  public var kind: Kind
  /// The 1-based line of the tag.
  public var line: Int
  /// The 1-based column of the tag's opening delimiter.
  public var column: Int
  /// The names of the enclosing sections and inverted sections, outermost first: a name inside
  /// `{{#tasks}}` may resolve against each task rather than the root.
  public var sectionPath: [String]

  /// Creates a reference.
  public init(name: String, kind: Kind, line: Int, column: Int, sectionPath: [String] = []) {
    self.name = name
    self.kind = kind
    self.line = line
    self.column = column
    self.sectionPath = sectionPath
  }

  /// Whether `name` is looked up in the data (variables, sections and dynamic names).
  public var isContextName: Bool {
    switch kind {
    case .variable, .unescapedVariable, .section, .invertedSection, .dynamicPartial,
      .dynamicParent:
      return true
    case .partial, .parent, .block:
      return false
    }
  }

  /// `line:column: kind name`.
  public var description: String { "\(line):\(column): \(kind) \(name)" }
}
