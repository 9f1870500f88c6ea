import Foundation

/// Inline Markdown of email bodies: bold, emphasis, code, links and backslash escapes.
enum EmailInline: Equatable {
  case text(String)
  case strong([EmailInline])
  case emphasis([EmailInline])
  case code(String)
  case link([EmailInline], url: String)

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
