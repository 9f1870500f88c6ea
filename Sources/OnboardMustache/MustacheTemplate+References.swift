extension MustacheTemplate {
  /// Every tag that names something, in source order: variables, sections, inverted sections,
  /// partials, parents, blocks (comments, set-delimiter tags and the ignored non-block content
  /// of a parent tag are left out).
  public var references: [MustacheReference] {
    var result: [MustacheReference] = []
    Self.collect(nodes, sectionPath: [], into: &result)
    return result.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
  }

  /// The distinct names looked up in the data, in order of first use.
  public var contextNames: [String] {
    var seen = Set<String>()
    return references.filter(\.isContextName).map(\.name).filter { seen.insert($0).inserted }
  }

  private static func collect(
    _ nodes: [Node], sectionPath: [String], into result: inout [MustacheReference]
  ) {
    func add(_ tag: Tag, _ kind: MustacheReference.Kind) {
      result.append(
        MustacheReference(
          name: tag.name, kind: kind, line: tag.line, column: tag.column, sectionPath: sectionPath))
    }
    for node in nodes {
      switch node {
      case .text, .bytes, .lineStart:
        break
      case .variable(let tag):
        add(tag, tag.kind == .variable ? .variable : .unescapedVariable)
      case .section(let tag, let children, _):
        add(tag, tag.kind == .section ? .section : .invertedSection)
        collect(children, sectionPath: sectionPath + [tag.name], into: &result)
      case .partial(let tag):
        add(tag, tag.isDynamic ? .dynamicPartial : .partial)
      case .parent(let tag, let children):
        add(tag, tag.isDynamic ? .dynamicParent : .parent)
        // Only the blocks inside a parent are rendered; other text and tags there are ignored.
        let blocks = children.filter {
          if case .block = $0 { return true }
          return false
        }
        collect(blocks, sectionPath: sectionPath, into: &result)
      case .block(let tag, let children):
        add(tag, .block)
        collect(children, sectionPath: sectionPath, into: &result)
      }
    }
  }
}
