/// Removes a block's own indentation from its content where the block is defined.
///
/// The spec: "Block indentation is removed at the site of definition and added at the site of
/// expansion." A block's indentation (`Tag.indent`) is stripped from the start of every line of
/// its content, outermost block first, so nested blocks keep only their relative indentation;
/// the renderer adds the expansion site's indentation back at each `.lineStart`.
enum BlockIndentation {
  /// Normalizes every block in the tree.
  static func normalize(_ nodes: [Node]) -> [Node] {
    nodes.map { node in
      switch node {
      case .block(let tag, let children):
        return .block(tag, normalize(strip(tag.indent, from: children)))
      case .section(let tag, let children, let raw):
        return .section(tag, normalize(children), raw: raw)
      case .parent(let tag, let children):
        return .parent(tag, normalize(children))
      case .text, .bytes, .lineStart, .variable, .partial:
        return node
      }
    }
  }

  /// Removes `prefix` (or as much of it as is there) from every line start below `nodes`.
  static func strip(_ prefix: String, from nodes: [Node]) -> [Node] {
    guard !prefix.isEmpty else { return nodes }
    var result: [Node] = []
    result.reserveCapacity(nodes.count)
    var afterLineStart = false
    for node in nodes {
      defer {
        if case .lineStart = node { afterLineStart = true } else { afterLineStart = false }
      }
      switch node {
      case .text(let text) where afterLineStart:
        result.append(.text(removing(prefix, from: text)))
      case .partial(var tag) where tag.standalone:
        tag.indent = removing(prefix, from: tag.indent)
        result.append(.partial(tag))
      case .parent(var tag, let children):
        if tag.standalone { tag.indent = removing(prefix, from: tag.indent) }
        result.append(.parent(tag, strip(prefix, from: children)))
      case .block(var tag, let children):
        tag.indent = removing(prefix, from: tag.indent)
        result.append(.block(tag, strip(prefix, from: children)))
      case .section(let tag, let children, let raw):
        result.append(.section(tag, strip(prefix, from: children), raw: raw))
      default:
        result.append(node)
      }
    }
    return result
  }

  /// Drops the longest common prefix of `text`'s leading whitespace and `prefix`.
  private static func removing(_ prefix: String, from text: String) -> String {
    var remaining = Substring.UnicodeScalarView(text.unicodeScalars)
    for scalar in prefix.unicodeScalars {
      guard let first = remaining.first, first == scalar else { break }
      remaining = remaining.dropFirst()
    }
    return String(String.UnicodeScalarView(remaining))
  }
}
