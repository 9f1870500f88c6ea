/// The kinds of tag, by sigil.
enum TagKind: Sendable, Equatable {
  case variable  // {{name}}
  case unescaped  // {{{name}}} or {{&name}}
  case section  // {{#name}}
  case inverted  // {{^name}}
  case end  // {{/name}}
  case comment  // {{!text}}
  case partial  // {{>name}}
  case parent  // {{<name}}
  case block  // {{$name}}
  case setDelimiters  // {{=<% %>=}}

  /// Tags that may stand alone on a line, which removes the whole line from the output.
  var canStandAlone: Bool { self != .variable && self != .unescaped }

  /// Tags that open a section that an end tag closes.
  var opensSection: Bool {
    self == .section || self == .inverted || self == .parent || self == .block
  }
}

/// One tag as read from the source.
struct Tag: Sendable {
  var kind: TagKind
  /// The trimmed name; for dynamic names, without the leading `*`.
  var name: String {
    didSet { path = NamePath(name) }
  }
  /// The name as the context stack looks it up, split at its dots once (not at every render).
  private(set) var path: NamePath
  /// `{{>*name}}` / `{{<*name}}`: the name is looked up in the context to get the partial name.
  var isDynamic = false
  var line: Int
  var column: Int
  /// Scalar offsets of the whole tag in the source, delimiters included.
  var range: Range<Int>
  /// The delimiters in effect where the tag was read (section lambdas render with them).
  var delimiters: Delimiters
  /// The tag's line was removed from the output (standalone rules).
  var standalone = false
  /// Partials and parents: the indentation that prefixes each line of the included template.
  /// Blocks: the indentation of the block's content, removed where it is defined and added
  /// where it is expanded.
  var indent = ""

  init(
    kind: TagKind, name: String, line: Int, column: Int, range: Range<Int>,
    delimiters: Delimiters
  ) {
    self.kind = kind
    self.name = name
    self.path = NamePath(name)
    self.line = line
    self.column = column
    self.range = range
    self.delimiters = delimiters
  }
}

/// An opening and closing delimiter pair.
struct Delimiters: Sendable, Equatable {
  var open: [Unicode.Scalar]
  var close: [Unicode.Scalar]

  static let standard = Delimiters(open: ["{", "{"], close: ["}", "}"])
}

/// A lexical token; text tokens never contain a line break.
enum Token: Sendable {
  case text(String)
  case newline(String)
  case tag(Tag)
  /// The start of a source line that is kept: where an indented partial inserts its indentation.
  case lineStart
}

/// A node of a parsed template.
indirect enum Node: Sendable {
  case text(String)
  /// Text as its UTF-8 bytes: every `.text` of a built tree becomes one (`TreeBuilder.build`),
  /// so that rendering copies the bytes as they are instead of reading a `String`.
  case bytes([UInt8])
  case lineStart
  case variable(Tag)
  /// A section or inverted section (see the tag's kind) with its children and raw source text.
  case section(Tag, [Node], raw: String)
  case partial(Tag)
  /// A parent with its children; only its direct block children matter.
  case parent(Tag, [Node])
  case block(Tag, [Node])
}

extension Unicode.Scalar {
  /// Space or tab: the whitespace the standalone rules allow around a tag.
  var isInlineSpace: Bool { self == " " || self == "\t" }
}

extension String {
  /// Whether the text is only spaces and tabs.
  var isInlineSpace: Bool { unicodeScalars.allSatisfy(\.isInlineSpace) }

  /// The leading spaces and tabs.
  var leadingInlineSpace: String {
    String(String.UnicodeScalarView(unicodeScalars.prefix(while: \.isInlineSpace)))
  }

  /// Trims spaces, tabs and line breaks from both ends.
  var trimmedTagContent: String {
    let scalars = unicodeScalars
    let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
