import Foundation

/// A strict JSON (RFC 8259) parser that remembers where every value is.
///
/// Written by hand rather than with `JSONSerialization` so that a syntax error names its line and
/// column (and the JSON path of the enclosing value), numbers keep their text, `true` stays a
/// Boolean, and a key written twice in one object is reported instead of silently dropped.
struct JSONParser {
  private let file: String
  let bytes: [UInt8]
  var index = 0
  private var line = 1
  private var column = 1
  private var depth = 0
  static let maximumDepth = 256

  /// Parses a whole document (UTF-8, an optional BOM); throws an `InputError` at the first problem.
  static func parse(_ data: Data, file: String) throws(InputError) -> JSONNode {
    var parser = JSONParser(file: file, bytes: Array(data))
    if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
    parser.skipWhitespace()
    let root = try parser.value(path: "$")
    parser.skipWhitespace()
    if parser.index < parser.bytes.count {
      let another =
        parser.bytes[parser.index] == UInt8(ascii: "[")
        || parser.bytes[parser.index] == UInt8(ascii: "{")
      throw parser.error(
        "found \(parser.foundHere) after the end of the JSON value; expected nothing more"
          + (another
            ? " (two JSON documents in one file, such as pages appended to each other: give "
              + "each as its own file)" : ""),
        path: "$")
    }
    return root
  }

  private init(file: String, bytes: [UInt8]) {
    self.file = file
    self.bytes = bytes
  }

  var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  /// Consumes one byte, keeping line and column (columns count Unicode scalars).
  mutating func advance() {
    let byte = bytes[index]
    index += 1
    if byte == 0x0A {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  private mutating func skipWhitespace() {
    while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      advance()
    }
  }

  /// "`}`", "the end of the file", "the character `é`": what is at the current position.
  var foundHere: String {
    guard index < bytes.count else { return "the end of the file" }
    var end = index + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    let text = String(decoding: bytes[index..<end], as: UTF8.self)
    if bytes[index] < 0x20 {
      return "the control character U+\(String(format: "%04X", bytes[index]))"
    }
    return "`\(text)`"
  }

  func error(_ message: String, path: String) -> InputError {
    InputError(
      SourceLocation(file: file, line: line, column: column, jsonPath: path),
      "invalid JSON: " + message)
  }

  private mutating func value(path: String) throws(InputError) -> JSONNode {
    let (startLine, startColumn) = (line, column)
    func node(_ value: JSONNode.Value) -> JSONNode {
      JSONNode(value: value, path: path, line: startLine, column: startColumn)
    }
    switch peek {
    case UInt8(ascii: "{"): return node(try object(path: path))
    case UInt8(ascii: "["): return node(try array(path: path))
    case UInt8(ascii: "\""): return node(.string(try string(path: path)))
    case UInt8(ascii: "t"):
      try literal("true", path: path)
      return node(.bool(true))
    case UInt8(ascii: "f"):
      try literal("false", path: path)
      return node(.bool(false))
    case UInt8(ascii: "n"):
      try literal("null", path: path)
      return node(.null)
    case let byte? where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte):
      return node(try number(path: path))
    default:
      throw error(
        "found \(foundHere); expected a value (an object, array, string, number, true, false or null)",
        path: path)
    }
  }

  private mutating func nested(path: String) throws(InputError) {
    depth += 1
    if depth > Self.maximumDepth {
      throw error(
        "values are nested more than \(Self.maximumDepth) deep; expected at most \(Self.maximumDepth) levels",
        path: "$")
    }
  }

  private mutating func object(path: String) throws(InputError) -> JSONNode.Value {
    try nested(path: path)
    defer { depth -= 1 }
    advance()  // {
    var members: [(key: String, node: JSONNode)] = []
    var seen: [String: Int] = [:]
    skipWhitespace()
    if peek == UInt8(ascii: "}") {
      advance()
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard peek == UInt8(ascii: "\"") else {
        throw error("found \(foundHere); expected a key in double quotes", path: path)
      }
      let keyLine = line
      let key = try string(path: path)
      if let first = seen[key] {
        throw error(
          "the key `\(key)` appears twice in this object (first on line \(first)); expected each key once",
          path: path)
      }
      seen[key] = keyLine
      skipWhitespace()
      guard peek == UInt8(ascii: ":") else {
        throw error("found \(foundHere) after the key `\(key)`; expected `:`", path: path)
      }
      advance()
      skipWhitespace()
      members.append((key, try value(path: JSONNode.path(path, key: key))))
      skipWhitespace()
      switch peek {
      case UInt8(ascii: ","): advance()
      case UInt8(ascii: "}"):
        advance()
        return .object(members)
      default: throw error("found \(foundHere) after a member; expected `,` or `}`", path: path)
      }
    }
  }

  private mutating func array(path: String) throws(InputError) -> JSONNode.Value {
    try nested(path: path)
    defer { depth -= 1 }
    advance()  // [
    var items: [JSONNode] = []
    skipWhitespace()
    if peek == UInt8(ascii: "]") {
      advance()
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try value(path: "\(path)[\(items.count)]"))
      skipWhitespace()
      switch peek {
      case UInt8(ascii: ","): advance()
      case UInt8(ascii: "]"):
        advance()
        return .array(items)
      default:
        throw error("found \(foundHere) after an array item; expected `,` or `]`", path: path)
      }
    }
  }

  private mutating func literal(_ word: String, path: String) throws(InputError) {
    for expected in word.utf8 {
      guard peek == expected else {
        throw error(
          "found \(foundHere) in `\(word)`; expected a value (true, false, null, a number, a string...)",
          path: path)
      }
      advance()
    }
  }

  private mutating func number(path: String) throws(InputError) -> JSONNode.Value {
    let start = index
    func digits() -> Int {
      var count = 0
      while let byte = peek, (0x30...0x39).contains(byte) {
        advance()
        count += 1
      }
      return count
    }
    if peek == UInt8(ascii: "-") { advance() }
    if peek == UInt8(ascii: "0") {
      advance()
      if let byte = peek, (0x30...0x39).contains(byte) {
        throw error(
          "found a number with a leading zero; expected no leading zeros (JSON numbers are decimal)",
          path: path)
      }
    } else if digits() == 0 {
      throw error("found \(foundHere) after `-`; expected a digit", path: path)
    }
    if peek == UInt8(ascii: ".") {
      advance()
      if digits() == 0 {
        throw error("found \(foundHere) after a decimal point; expected a digit", path: path)
      }
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      advance()
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
      if digits() == 0 {
        throw error("found \(foundHere) in an exponent; expected a digit", path: path)
      }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let number = Double(text), number.isFinite else {
      throw error("the number `\(text)` is too large; expected a finite number", path: path)
    }
    return .number(number, text: text)
  }
}

/// Checks that data is one strict JSON document (RFC 8259: no trailing comma, no comment, no key
/// given twice), for callers that read JSON with another reader (`onboard template render
/// --data`); the error names the line and column.
public enum StrictJSON {
  public static func check(_ data: Data, file: String) throws(InputError) {
    _ = try JSONParser.parse(data, file: file)
  }
}
