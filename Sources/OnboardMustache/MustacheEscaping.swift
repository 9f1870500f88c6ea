/// How interpolation tags (`{{name}}`) escape values; `{{{name}}}` and `{{& name}}` never do.
public enum MustacheEscaping: Sendable {
  /// HTML escaping: `&`, `<`, `>`, `"` as the spec requires, plus `'` as `&#39;` so values are
  /// also safe inside single-quoted attributes (the spec neither requires nor forbids it).
  case html
  /// No escaping, for plain-text output such as text email bodies.
  case none
  /// A custom escaping function.
  case custom(@Sendable (String) -> String)

  /// Escapes one interpolated value.
  public func escape(_ text: String) -> String {
    switch self {
    case .html: return Self.escapeHTML(text)
    case .none: return text
    case .custom(let function): return function(text)
    }
  }

  static func escapeHTML(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { "&<>\"'".unicodeScalars.contains($0) }) else {
      return text
    }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
