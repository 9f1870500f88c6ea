/// The shell every generated page shares: doctype, language, charset, a Content-Security-Policy that
/// forbids scripts and network loads, and the inline stylesheet.
enum HTMLPage {
  /// A complete HTML5 document around `body` (which must already be escaped markup).
  static func document(title: String, body: String) -> String {
    document(title: title, body: HTMLBytes(markup: body)).string
  }

  /// The same document around markup already in bytes.
  static func document(title: String, body: HTMLBytes) -> HTMLBytes {
    var page = head(title: title, capacity: body.count + HTMLStyle.css.utf8.count + 1_024)
    page += body
    page += tail
    return page
  }

  /// The document up to and including `<body>` and its line break: a page's body is appended to
  /// it, then `tail` (together the bytes of `document`, without copying the body).
  static func head(title: String, capacity: Int) -> HTMLBytes {
    var page = HTMLBytes(capacity: capacity)
    page += headMarkup(title: title)
    return page
  }

  /// What follows the body.
  static let tail = "\n</body>\n</html>\n"

  private static func headMarkup(title: String) -> HTMLBytes {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
    <meta name="generator" content="Onboard">
    <title>\(h: title)</title>
    <style>
    \(HTMLStyle.css)
    </style>
    </head>
    <body>

    """
  }
}

/// Escapes text for element content and attribute values (shorthand for `htmlEscaped`).
func h(_ text: String) -> String { htmlEscaped(text) }

/// Escaped text isolated from the surrounding text's direction (names may be right-to-left).
func bdi(_ text: String) -> String { "<bdi>\(htmlEscaped(text))</bdi>" }

/// A string shortened to `limit` characters with an ellipsis (whole characters, never half an emoji).
func truncated(_ text: String, limit: Int) -> String {
  text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
}

/// A stable, attribute-safe fragment id from arbitrary text: `prefix-` then an ASCII slug.
func anchorID(_ prefix: String, _ text: String) -> String {
  let body = slug(text)
  return body.isEmpty ? prefix : "\(prefix)-\(body)"
}
