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
      text.append(c)
      i += 1
    }
    flush()
    return nodes
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
        return (insideLink ? htmlEscaped(text) : linkingBareAddresses(text)).replacingOccurrences(
          of: String(EmailMarkdown.lineBreak), with: "<br>")
      case .code(let text): return "<code>\(htmlEscaped(text))</code>"
      case .strong(let inner): return "<strong>\(html(inner, insideLink: insideLink))</strong>"
      case .emphasis(let inner): return "<em>\(html(inner, insideLink: insideLink))</em>"
      case .link(let inner, let url):
        let label = html(inner, insideLink: true)
        guard isWebAddress(url) || url.hasPrefix("mailto:") else {
          return "\(label) (\(htmlEscaped(url)))"
        }
        return "<a href=\"\(htmlEscaped(url))\" style=\"color: #0b4f6c;\">\(label)</a>"
      }
    }.joined()
  }

  /// Escaped text in which `https://…` addresses become links (trailing punctuation stays out).
  static func linkingBareAddresses(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let range = rest.range(of: "http") {
      let candidate = rest[range.lowerBound...]
      guard candidate.hasPrefix("https://") || candidate.hasPrefix("http://") else {
        out += htmlEscaped(String(rest[..<range.upperBound]))
        rest = rest[range.upperBound...]
        continue
      }
      out += htmlEscaped(String(rest[..<range.lowerBound]))
      var url = candidate.prefix { !$0.isWhitespace && $0 != "<" && $0 != ">" && $0 != "\"" }
      while let last = url.last, ".,;:!?)".contains(last) { url = url.dropLast() }
      out +=
        "<a href=\"\(htmlEscaped(String(url)))\" style=\"color: #0b4f6c;\">\(htmlEscaped(String(url)))</a>"
      rest = candidate[url.endIndex...]
    }
    return out + htmlEscaped(String(rest))
  }
}
