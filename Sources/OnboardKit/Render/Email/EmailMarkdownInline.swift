import Foundation

/// Inline Markdown of email bodies: bold, emphasis, code, links and backslash escapes.
enum EmailInline: Equatable {
  case text(String)
  case strong([EmailInline])
  case emphasis([EmailInline])
  case code(String)
  case link([EmailInline], url: String)

  /// Parses one line (or table cell) of inline Markdown.
  static func parse(_ source: String) -> [EmailInline] {
    // Each character with whether a backslash made it literal.
    var chars: [(Character, Bool)] = []
    var pendingEscape = false
    for character in source {
      if pendingEscape {
        if character.isASCII, character.isPunctuation || character.isSymbol {
          chars.append((character, true))
        } else {
          chars.append(("\\", true))
          chars.append((character, false))
        }
        pendingEscape = false
      } else if character == "\\" {
        pendingEscape = true
      } else {
        chars.append((character, false))
      }
    }
    if pendingEscape { chars.append(("\\", true)) }
    return parse(chars[...])
  }

  private static func parse(_ chars: ArraySlice<(Character, Bool)>) -> [EmailInline] {
    var nodes: [EmailInline] = []
    var text = ""
    func flush() {
      if !text.isEmpty { nodes.append(.text(text)) }
      text = ""
    }
    func find(_ marker: [Character], from start: Int) -> Int? {
      var i = start
      while i + marker.count <= chars.endIndex {
        if (0..<marker.count).allSatisfy({ chars[i + $0].0 == marker[$0] && !chars[i + $0].1 }) {
          return i
        }
        i += 1
      }
      return nil
    }
    var i = chars.startIndex
    while i < chars.endIndex {
      let (c, literal) = chars[i]
      if !literal {
        if c == "*", i + 1 < chars.endIndex, chars[i + 1] == ("*", false),
          let close = find(["*", "*"], from: i + 2), close > i + 2
        {
          flush()
          nodes.append(.strong(parse(chars[(i + 2)..<close])))
          i = close + 2
          continue
        }
        if c == "*", let close = find(["*"], from: i + 1), close > i + 1 {
          flush()
          nodes.append(.emphasis(parse(chars[(i + 1)..<close])))
          i = close + 1
          continue
        }
        if c == "`", let close = find(["`"], from: i + 1) {
          flush()
          nodes.append(.code(String(chars[(i + 1)..<close].map(\.0))))
          i = close + 1
          continue
        }
        if c == "[", let close = find(["]", "("], from: i + 1),
          let end = find([")"], from: close + 2)
        {
          let url = String(chars[(close + 2)..<end].map(\.0))
          if !url.contains(" ") {
            flush()
            nodes.append(.link(parse(chars[(i + 1)..<close]), url: url))
            i = end + 1
            continue
          }
        }
        if c == "<", let close = find([">"], from: i + 1) {
          let inner = String(chars[(i + 1)..<close].map(\.0))
          if !inner.contains(" "),
            isWebAddress(inner) || inner.hasPrefix("mailto:") || isEmail(inner)
          {
            flush()
            let url = isEmail(inner) ? "mailto:" + inner : inner
            nodes.append(.link([.text(inner)], url: url))
            i = close + 1
            continue
          }
        }
      }
      // A bare address written in the template (a value's `:` is escaped, so data never
      // becomes a link by itself).
      if !literal, c == "h", let end = bareAddressEnd(chars, from: i) {
        flush()
        let url = String(chars[i..<end].map(\.0))
        nodes.append(.link([.text(url)], url: url))
        i = end
        continue
      }
      text.append(c)
      i += 1
    }
    flush()
    return nodes
  }

  /// Where a bare `https://…` or `http://…` address starting at `start` ends (trailing
  /// punctuation left out), or nil when none starts there or its `:` was escaped.
  private static func bareAddressEnd(_ chars: ArraySlice<(Character, Bool)>, from start: Int)
    -> Int?
  {
    for scheme in ["https://", "http://"] {
      let count = scheme.count
      guard start + count <= chars.endIndex,
        zip(chars[start..<(start + count)], scheme).allSatisfy({ $0.0.0 == $0.1 && !$0.0.1 })
      else { continue }
      var end = start + count
      while end < chars.endIndex, !chars[end].0.isWhitespace, !"<>\"".contains(chars[end].0) {
        end += 1
      }
      while end > start + count, ".,;:!?)".contains(chars[end - 1].0) { end -= 1 }
      return end > start + count ? end : nil
    }
    return nil
  }

  static func isWebAddress(_ text: String) -> Bool {
    text.hasPrefix("https://") || text.hasPrefix("http://")
  }

  static func isEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
      && !text.contains(":")
  }

  /// The words a reader sees, for the plain-text part: a link shows its address after the label.
  static func plainText(_ nodes: [EmailInline]) -> String {
    nodes.map { node in
      switch node {
      case .text(let text), .code(let text): return text
      case .strong(let inner), .emphasis(let inner): return plainText(inner)
      case .link(let inner, let url):
        let label = plainText(inner)
        let shown = url.hasPrefix("mailto:") ? String(url.dropFirst("mailto:".count)) : url
        return label == shown || label.isEmpty ? shown : "\(label) (\(shown))"
      }
    }.joined()
  }

  /// HTML for inline nodes: text escaped, links only for web and mail addresses.
  static func html(_ nodes: [EmailInline], insideLink: Bool = false) -> String {
    nodes.map { node in
      switch node {
      case .text(let text):
        return UTF8Escaping.htmlWithBreaks(text)
          ?? htmlEscaped(text).replacingOccurrences(
            of: String(EmailMarkdown.lineBreak), with: "<br>")
      case .code(let text): return "<code>\(htmlEscaped(text))</code>"
      case .strong(let inner): return "<strong>\(html(inner, insideLink: insideLink))</strong>"
      case .emphasis(let inner): return "<em>\(html(inner, insideLink: insideLink))</em>"
      case .link(let inner, let url):
        let label = html(inner, insideLink: true)
        // A link inside a link's label stays its label: anchors do not nest.
        guard !insideLink else { return label }
        guard isWebAddress(url) || url.hasPrefix("mailto:") else {
          return "\(label) (\(htmlEscaped(url)))"
        }
        return "<a href=\"\(htmlEscaped(url))\" style=\"color: #0b4f6c;\">\(label)</a>"
      }
    }.joined()
  }
}
