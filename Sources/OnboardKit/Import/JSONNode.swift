import Foundation

/// One value of a parsed JSON document, with where it is: its JSON path and the 1-based line and
/// Unicode-scalar column where it starts, so that every error can point at the exact value.
struct JSONNode: Sendable {
  /// The value itself; object members keep their file order.
  enum Value: Sendable {
    case null
    case bool(Bool)
    /// A number and its text as written (`78.50` stays `78.50` in messages and raw values).
    case number(Double, text: String)
    case string(String)
    case array([JSONNode])
    case object([(key: String, node: JSONNode)])
  }

  var value: Value
  /// `$`, `$.scorecards[3].attributes[1].rating`, `$["odd key"]`.
  var path: String
  var line: Int
  var column: Int

  /// The member for `key`, or nil (also when this is no object).
  subscript(key: String) -> JSONNode? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.node
  }

  /// The first member present (and not null) among `keys`.
  func first(_ keys: [String]) -> JSONNode? {
    for key in keys {
      if let node = self[key], !node.isNull { return node }
    }
    return nil
  }

  var isNull: Bool {
    if case .null = value { return true }
    return false
  }

  var string: String? {
    if case .string(let text) = value { return text }
    return nil
  }

  var number: Double? {
    if case .number(let number, _) = value { return number }
    return nil
  }

  var array: [JSONNode]? {
    if case .array(let items) = value { return items }
    return nil
  }

  var isObject: Bool {
    if case .object = value { return true }
    return false
  }

  /// The keys of an object, in file order; empty for anything else.
  var keys: [String] {
    guard case .object(let members) = value else { return [] }
    return members.map(\.key)
  }

  /// The value as a user wrote it, for raw values: `78.5`, `strong_yes`, `true`, `null`.
  var text: String {
    switch value {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .number(_, let text): text
    case .string(let text): text
    case .array(let items): "[\(items.count) items]"
    case .object(let members): "{\(members.count) members}"
    }
  }

  /// What this value is, for "found …" in messages: "the string `mayb`", "the number `7`", "null".
  var found: String {
    switch value {
    case .null: "null"
    case .bool(let flag): "`\(flag)`"
    case .number(_, let text): "the number `\(text)`"
    case .string(let text): "the string `\(Self.clip(text))`"
    case .array(let items): "an array of \(items.count) item\(items.count == 1 ? "" : "s")"
    case .object: "an object"
    }
  }

  /// Where the value is in `file`: line, column and JSON path.
  func location(_ file: String) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column, jsonPath: path)
  }

  /// An error about this value: "found …; expected …".
  func error(_ file: String, expected: String) -> InputError {
    InputError(location(file), "found \(found); expected \(expected)")
  }

  /// An error about this value with a message of its own.
  func error(_ file: String, _ message: String) -> InputError {
    InputError(location(file), message)
  }

  /// The path of a member of this object.
  func path(of key: String) -> String { Self.path(path, key: key) }

  static func path(_ parent: String, key: String) -> String {
    let plain =
      !key.isEmpty
      && key.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0))
      }
      && !("0"..."9").contains(key.unicodeScalars.first ?? "0")
    if plain { return parent + "." + key }
    // Escaped as a JSON string, control characters included, so a path stays on one line.
    var escaped = ""
    for scalar in key.unicodeScalars {
      switch scalar {
      case "\\": escaped += "\\\\"
      case "\"": escaped += "\\\""
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      default:
        if scalar.properties.generalCategory == .control || scalar == "\u{2028}"
          || scalar == "\u{2029}"
        {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          escaped += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return parent + "[\"" + escaped + "\"]"
  }

  static func clip(_ text: String) -> String {
    text.count > 60 ? String(text.prefix(57)) + "..." : text
  }
}
