import Foundation
import OnboardMustache

/// Escapes untrusted text for Markdown: punctuation that could start markup is backslash-escaped,
/// line breaks become spaces (a table cell or list item stays one line).
public func markdownEscaped(_ text: String) -> String {
  var result = ""
  result.reserveCapacity(text.utf8.count)
  for character in text {
    switch character {
    case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "{", "}", "~":
      result.append("\\")
      result.append(character)
    case "\r\n", "\n", "\r", "\u{2028}", "\u{2029}":
      result.append(" ")
    default:
      result.append(character)
    }
  }
  return result
}

/// Escapes untrusted text for HTML element content and attribute values: the same escaping the
/// email templates' HTML bodies get (`&`, `<`, `>`, `"`, `'`).
public func htmlEscaped(_ text: String) -> String { MustacheEscaping.html.escape(text) }

/// A file-name-safe slug for a hire: ASCII letters, digits, `.`, `-` from the email's local part.
/// Never empty, never `.`/`..`, never a path separator.
public func fileSafeName(_ text: String) -> String {
  var result = ""
  // "José Ångström" → "jose-angstrom": accents folded first, so names stay recognisable.
  let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
  for scalar in folded.lowercased().unicodeScalars {
    if scalar.isASCII,
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
    {
      result.unicodeScalars.append(scalar)
    } else if scalar == "." || scalar == "_" || scalar == "+" {
      result.append(result.last == "-" || result.isEmpty ? "" : "-")
    } else if !result.isEmpty, result.last != "-" {
      result.append("-")
    }
  }
  while result.hasSuffix("-") { result.removeLast() }
  return result.isEmpty ? "hire" : String(result.prefix(64))
}
