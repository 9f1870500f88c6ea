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
    switch asciiHref(text) {
    case .some(.some(let href)): href
    case .some(.none): nil
    case .none: externalHrefByScalar(text)
    }
  }

  /// `externalHref` of ASCII text on its bytes (the common case: Foundation's trimming and the
  /// Unicode properties are the slow part), or nil (not `.some(nil)`) for other text.
  ///
  /// For ASCII, the trimmed characters (`.whitespaces`) are space and tab; the whitespace scalars
  /// are TAB–CR and space, all of them at most 0x20; and a character is a byte.
  static func asciiHref(_ text: String) -> String?? {
    var bytes = text.utf8[...]
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
    while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return .some(nil) }
    let scheme = bytes[..<colon].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    let isMailto = scheme.elementsEqual("mailto".utf8)
    guard isMailto || scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8)
    else { return .some(nil) }
    let rest = bytes[bytes.index(after: colon)...]
    if !isMailto, !rest.starts(with: "//".utf8) { return .some(nil) }
    guard rest.count > (isMailto ? 0 : 2) else { return .some(nil) }
    // Whitespace and controls, DEL, `"`, `<`, `>`, `\`, `` ` ``.
    guard
      !bytes.contains(where: {
        $0 <= 0x20 || $0 == 0x7F || $0 == 0x22 || $0 == 0x3C || $0 == 0x3E || $0 == 0x5C
          || $0 == 0x60
      })
    else { return .some(nil) }
    return .some(htmlEscaped(String(Substring(bytes))))
  }

  /// The definition of `externalHref`: trimmed by Foundation, checked scalar by scalar.
  static func externalHrefByScalar(_ text: String) -> String? {
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
