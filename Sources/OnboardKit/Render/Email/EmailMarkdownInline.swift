import Foundation
import OnboardMustache

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

  /// Appends the words a reader sees, for the plain-text part: a link shows its address after
  /// the label (unless the label is the address).
  static func appendPlainText(_ nodes: [EmailInline], to out: inout [UInt8]) {
    for node in nodes {
      switch node {
      case .text(let text), .code(let text): out.append(contentsOf: text.utf8)
      case .strong(let inner), .emphasis(let inner): appendPlainText(inner, to: &out)
      case .link(let inner, let url):
        let start = out.count
        appendPlainText(inner, to: &out)
        let shown = url.hasPrefix("mailto:") ? String(url.dropFirst("mailto:".count)) : url
        if start == out.count || out[start...].elementsEqual(shown.utf8) {
          if start == out.count { out.append(contentsOf: shown.utf8) }
          continue
        }
        // `==` of strings is canonical equivalence: then the address is shown, not the label.
        let ascii = out[start...].allSatisfy { $0 < 0x80 } && shown.utf8.allSatisfy { $0 < 0x80 }
        if !ascii, String(decoding: out[start...], as: UTF8.self) == shown {
          out.removeSubrange(start...)
          out.append(contentsOf: shown.utf8)
          continue
        }
        out.append(contentsOf: " (".utf8)
        out.append(contentsOf: shown.utf8)
        out.append(UInt8(ascii: ")"))
      }
    }
  }

  /// Appends the HTML of inline nodes: text escaped, links only for web and mail addresses.
  static func appendHTML(_ nodes: [EmailInline], insideLink: Bool = false, to out: inout [UInt8]) {
    for node in nodes {
      switch node {
      case .text(let text):
        let start = out.count
        MustacheEscaping.html.escape(text, into: &out)
        // A carried line break (U+2028) becomes `<br>`.
        if EmailMarkdownText.mayHoldLineBreak(out[start...]) {
          out.removeSubrange(start...)
          let html =
            UTF8Escaping.htmlWithBreaks(text)
            ?? htmlEscaped(text).replacingOccurrences(
              of: String(EmailMarkdown.lineBreak), with: "<br>")
          out.append(contentsOf: html.utf8)
        }
      case .code(let text):
        out.append(contentsOf: "<code>".utf8)
        MustacheEscaping.html.escape(text, into: &out)
        out.append(contentsOf: "</code>".utf8)
      case .strong(let inner):
        out.append(contentsOf: "<strong>".utf8)
        appendHTML(inner, insideLink: insideLink, to: &out)
        out.append(contentsOf: "</strong>".utf8)
      case .emphasis(let inner):
        out.append(contentsOf: "<em>".utf8)
        appendHTML(inner, insideLink: insideLink, to: &out)
        out.append(contentsOf: "</em>".utf8)
      case .link(let inner, let url):
        // A link inside a link's label stays its label: anchors do not nest.
        if insideLink {
          appendHTML(inner, insideLink: true, to: &out)
        } else if isWebAddress(url) || url.hasPrefix("mailto:") {
          out.append(contentsOf: "<a href=\"".utf8)
          MustacheEscaping.html.escape(url, into: &out)
          out.append(contentsOf: "\" style=\"color: #0b4f6c;\">".utf8)
          appendHTML(inner, insideLink: true, to: &out)
          out.append(contentsOf: "</a>".utf8)
        } else {
          appendHTML(inner, insideLink: true, to: &out)
          out.append(contentsOf: " (".utf8)
          MustacheEscaping.html.escape(url, into: &out)
          out.append(UInt8(ascii: ")"))
        }
      }
    }
  }
}
