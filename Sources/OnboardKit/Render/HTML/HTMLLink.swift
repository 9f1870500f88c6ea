import Foundation

/// Links in generated pages: only `http`, `https` and `mailto` URLs, in-page fragments and
/// path-safe relative paths ever become an `href`; anything else (`javascript:`, `data:`, a file
/// path) stays plain text.
enum HTMLLink {
  /// The schemes a link may use.
  static let allowedSchemes = ["http", "https", "mailto"]

  /// `text` as an escaped `href` value when it is an absolute URL with an allowed scheme and no
  /// whitespace or control characters; nil otherwise.
  static func externalHref(_ text: String) -> String? {
    let url = text.trimmingCharacters(in: .whitespaces)
    guard let colon = url.firstIndex(of: ":"), !url.isEmpty else { return nil }
    let scheme = url[..<colon].lowercased()
    guard allowedSchemes.contains(scheme) else { return nil }
    let rest = url[url.index(after: colon)...]
    if scheme != "mailto", !rest.hasPrefix("//") { return nil }
    guard rest.count > (scheme == "mailto" ? 0 : 2) else { return nil }
    for scalar in url.unicodeScalars
    where scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
      || scalar == "\"" || scalar == "<" || scalar == ">" || scalar == "\\" || scalar == "`"
    {
      return nil
    }
    return htmlEscaped(url)
  }

  /// A resource as markup: a link when it is a safe URL, escaped text otherwise.
  static func resource(_ text: String) -> String {
    guard let href = externalHref(text) else { return h(text) }
    return "<a href=\"\(href)\" rel=\"noopener noreferrer\">\(h(text))</a>"
  }

  /// A relative link target `segment/file`: the segment percent-encoded (only ASCII letters,
  /// digits, `-`, `.`, `_`, `~` kept), so it never leaves the folder, never names a scheme and
  /// never breaks out of the attribute; nil for an empty, `.` or `..` segment.
  static func relativeHref(folder: String, file: String) -> String? {
    guard !folder.isEmpty, folder != ".", folder != ".." else { return nil }
    var encoded = ""
    for byte in folder.utf8 {
      let scalar = Unicode.Scalar(byte)
      if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar)
      {
        encoded.unicodeScalars.append(scalar)
      } else {
        encoded += "%" + hexByte(byte)
      }
    }
    return htmlEscaped("\(encoded)/\(file)")
  }

  private static func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
  }
}
