/// Applies the spec's standalone-line rules and marks where kept lines start.
///
/// A line holding only whitespace and one tag that cannot produce output (section, inverted
/// section, end, comment, partial, parent, block, set delimiters) is "standalone": the
/// whitespace and the line break are removed. For template inheritance a line may hold several
/// such tags when each neighbouring pair involves a parent's opening or closing tag
/// (`{{<parent}}{{/parent}}`, `{{<parent}}{{$block}}`, `{{/block}}{{/parent}}`): the text
/// inside a parent is ignored anyway.
enum StandaloneLines {
  /// Rewrites a token stream: removes standalone whitespace, records indentation on tags, and
  /// inserts `.lineStart` before every kept, non-empty line.
  static func apply(_ tokens: [Token]) -> [Token] {
    let lines = split(tokens)
    var result: [Token] = []
    result.reserveCapacity(tokens.count + lines.count)
    var openKinds: [TagKind] = []
    for (lineIndex, line) in lines.enumerated() {
      let nextLine = lineIndex + 1 < lines.count ? lines[lineIndex + 1] : []
      if isStandalone(line, openKinds: openKinds) {
        result += standaloneTags(line, nextLine: nextLine)
      } else if !line.isEmpty {
        result.append(.lineStart)
        result += inlineTags(line)
      }
      track(line, openKinds: &openKinds)
    }
    return result
  }

  /// Splits tokens into lines, each ending with its newline token (except perhaps the last).
  private static func split(_ tokens: [Token]) -> [[Token]] {
    var lines: [[Token]] = []
    var current: [Token] = []
    for token in tokens {
      current.append(token)
      if case .newline = token {
        lines.append(current)
        current = []
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  private static func tags(of line: [Token]) -> [Tag] {
    line.compactMap { token in
      if case .tag(let tag) = token { return tag }
      return nil
    }
  }

  private static func isStandalone(_ line: [Token], openKinds: [TagKind]) -> Bool {
    let lineTags = tags(of: line)
    guard !lineTags.isEmpty, lineTags.allSatisfy(\.kind.canStandAlone) else { return false }
    for token in line {
      if case .text(let text) = token, !text.isInlineSpace { return false }
    }
    if lineTags.count == 1 { return true }
    // Several tags: every neighbouring pair must involve a parent's opening or end tag.
    var kinds = openKinds
    var touchesParent: [Bool] = []
    for tag in lineTags {
      if tag.kind.opensSection {
        kinds.append(tag.kind)
        touchesParent.append(tag.kind == .parent)
      } else if tag.kind == .end {
        touchesParent.append(kinds.popLast() == .parent)
      } else {
        touchesParent.append(false)
      }
    }
    return zip(touchesParent, touchesParent.dropFirst()).allSatisfy { $0 || $1 }
  }

  /// Follows open and end tags so multi-tag lines know which end tag closes a parent.
  private static func track(_ line: [Token], openKinds: inout [TagKind]) {
    for tag in tags(of: line) {
      if tag.kind.opensSection {
        openKinds.append(tag.kind)
      } else if tag.kind == .end {
        _ = openKinds.popLast()
      }
    }
  }

  private static func standaloneTags(_ line: [Token], nextLine: [Token]) -> [Token] {
    var leading = ""
    if case .text(let text) = line.first { leading = text }
    let lineTags = tags(of: line)
    var result: [Token] = []
    for (position, var tag) in lineTags.enumerated() {
      tag.standalone = true
      if position == 0, tag.kind == .partial || tag.kind == .parent {
        tag.indent = leading
      }
      if tag.kind == .block, position == lineTags.count - 1 {
        // The block's content starts on the next line: its indentation is that line's.
        if case .text(let text) = nextLine.first { tag.indent = text.leadingInlineSpace }
      }
      result.append(.tag(tag))
    }
    return result
  }

  /// A kept line: a block tag preceded only by whitespace takes that whitespace as indentation.
  private static func inlineTags(_ line: [Token]) -> [Token] {
    var onlySpaceSoFar = true
    var leading = ""
    var result: [Token] = []
    for token in line {
      switch token {
      case .text(let text):
        if onlySpaceSoFar, text.isInlineSpace { leading += text } else { onlySpaceSoFar = false }
        result.append(token)
      case .tag(var tag):
        if tag.kind == .block, onlySpaceSoFar { tag.indent = leading }
        onlySpaceSoFar = false
        result.append(.tag(tag))
      case .newline, .lineStart:
        result.append(token)
      }
    }
    return result
  }
}
