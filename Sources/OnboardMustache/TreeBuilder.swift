/// Builds the node tree from tokens, matching open and end tags.
struct TreeBuilder {
  let scalars: [Unicode.Scalar]
  let templateName: String
  /// The deepest nesting of sections a template may have: far more than any real template needs,
  /// and few enough that rendering (which recurses per level) cannot exhaust the stack.
  static let maximumNesting = 100

  private struct Frame {
    var tag: Tag
    var nodes: [Node] = []
  }

  /// Builds the tree; reports unmatched end tags and unclosed sections.
  func build(_ tokens: [Token]) throws(MustacheError) -> [Node] {
    var root: [Node] = []
    var frames: [Frame] = []
    func append(_ node: Node) {
      if frames.isEmpty { root.append(node) } else { frames[frames.count - 1].nodes.append(node) }
    }
    func appendText(_ text: String) {
      let last = frames.isEmpty ? root.last : frames[frames.count - 1].nodes.last
      if case .text(let previous) = last {
        if frames.isEmpty {
          root[root.count - 1] = .text(previous + text)
        } else {
          let top = frames.count - 1
          frames[top].nodes[frames[top].nodes.count - 1] = .text(previous + text)
        }
      } else {
        append(.text(text))
      }
    }
    for token in tokens {
      switch token {
      case .text(let text), .newline(let text):
        appendText(text)
      case .lineStart:
        append(.lineStart)
      case .tag(let tag):
        switch tag.kind {
        case .variable, .unescaped: append(.variable(tag))
        case .partial: append(.partial(tag))
        case .comment, .setDelimiters: break
        case .section, .inverted, .parent, .block:
          guard frames.count < Self.maximumNesting else {
            throw error(.nestedTooDeep(name: tag.name, depth: frames.count + 1), at: tag)
          }
          frames.append(Frame(tag: tag))
        case .end:
          guard let frame = frames.popLast() else {
            throw error(.unexpectedEndTag(name: tag.name), at: tag)
          }
          guard frame.tag.name == tag.name, frame.tag.isDynamic == tag.isDynamic else {
            let expected = (frame.tag.isDynamic ? "*" : "") + frame.tag.name
            let found = (tag.isDynamic ? "*" : "") + tag.name
            throw error(.mismatchedEndTag(expected: expected, found: found), at: tag)
          }
          append(close(frame, endTag: tag))
        }
      }
    }
    if let open = frames.last {
      throw error(.unclosedSection(name: open.tag.name), at: open.tag)
    }
    return Self.textAsBytes(BlockIndentation.normalize(root))
  }

  /// The tree with every `.text` as `.bytes`, for rendering.
  static func textAsBytes(_ nodes: [Node]) -> [Node] {
    nodes.map { node in
      switch node {
      case .text(let text): return .bytes(Array(text.utf8))
      case .section(let tag, let children, let raw):
        return .section(tag, textAsBytes(children), raw: raw)
      case .parent(let tag, let children): return .parent(tag, textAsBytes(children))
      case .block(let tag, let children): return .block(tag, textAsBytes(children))
      case .bytes, .lineStart, .variable, .partial: return node
      }
    }
  }

  private func close(_ frame: Frame, endTag: Tag) -> Node {
    switch frame.tag.kind {
    case .parent:
      return .parent(frame.tag, frame.nodes)
    case .block:
      return .block(frame.tag, frame.nodes)
    default:
      let rawRange = frame.tag.range.upperBound..<endTag.range.lowerBound
      let raw = String(String.UnicodeScalarView(scalars[rawRange]))
      return .section(frame.tag, frame.nodes, raw: raw)
    }
  }

  private func error(_ kind: MustacheError.Kind, at tag: Tag) -> MustacheError {
    MustacheError(kind, templateName: templateName, line: tag.line, column: tag.column)
  }
}
