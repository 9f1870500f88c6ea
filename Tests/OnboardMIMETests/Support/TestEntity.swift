import Foundation

/// A minimal, independent MIME reader for the tests: headers unfolded, multiparts split.
struct TestEntity {
  /// The header block as written (folded lines joined by CRLF).
  var rawHeader: String
  /// Header fields in order, names as written, values unfolded (CRLF removed, WSP kept).
  var fields: [(name: String, value: String)]
  /// The raw body bytes.
  var body: [UInt8]
  /// Child entities of a multipart.
  var children: [TestEntity]

  /// The first value of the field `name` (case-insensitive).
  func header(_ name: String) -> String? {
    fields.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// The lowercased media type without parameters.
  var mediaType: String {
    let value = header("Content-Type") ?? "text/plain"
    return String(value.split(separator: ";")[0]).trimmingCharacters(in: .whitespaces).lowercased()
  }

  /// The value of a Content-Type parameter, quotes removed.
  func contentTypeParameter(_ name: String) -> String? {
    guard let value = header("Content-Type") else { return nil }
    for piece in value.split(separator: ";").dropFirst() {
      let pair = piece.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if pair.count == 2 && pair[0].lowercased() == name {
        return pair[1].hasPrefix("\"") ? String(pair[1].dropFirst().dropLast()) : pair[1]
      }
    }
    return nil
  }

  /// The decoded body bytes (quoted-printable or base64 according to the header).
  func decodedBody() -> [UInt8]? {
    let text = String(decoding: body, as: UTF8.self)
    switch header("Content-Transfer-Encoding")?.lowercased() {
    case "quoted-printable": return TestDecoders.quotedPrintable(text)
    case "base64":
      return Data(base64Encoded: text.replacingOccurrences(of: "\r\n", with: "")).map {
        [UInt8]($0)
      }
    default: return body
    }
  }

  /// Parses an entity: fields up to the first empty line, then the body (split when multipart).
  static func parse(_ bytes: [UInt8]) throws -> TestEntity {
    let separator: [UInt8] = [13, 10, 13, 10]
    var split = bytes.count
    var index = 0
    while index + 4 <= bytes.count {
      if Array(bytes[index..<index + 4]) == separator {
        split = index
        break
      }
      index += 1
    }
    let head = String(decoding: bytes[0..<split], as: UTF8.self)
    let body = split + 4 <= bytes.count ? Array(bytes[(split + 4)...]) : []
    var fields: [(String, String)] = []
    for line in head.components(separatedBy: "\r\n") {
      if line.hasPrefix(" ") || line.hasPrefix("\t"), let last = fields.popLast() {
        fields.append((last.0, last.1 + line))
      } else if let colon = line.firstIndex(of: ":") {
        let value = line[line.index(after: colon)...].drop { $0 == " " }
        fields.append((String(line[..<colon]), String(value)))
      } else {
        throw TestParseError(message: "header line without a colon: \(line.debugDescription)")
      }
    }
    var entity = TestEntity(rawHeader: head, fields: fields, body: body, children: [])
    if entity.mediaType.hasPrefix("multipart/") {
      guard let boundary = entity.contentTypeParameter("boundary") else {
        throw TestParseError(message: "multipart without boundary")
      }
      entity.children = try splitParts(body, boundary: boundary).map(parse)
    }
    return entity
  }

  /// Splits a multipart body at `--boundary` delimiter lines; requires the closing delimiter.
  static func splitParts(_ body: [UInt8], boundary: String) throws -> [[UInt8]] {
    let text = "\r\n" + String(decoding: body, as: UTF8.self)
    let pieces = text.components(separatedBy: "\r\n--" + boundary)
    guard pieces.count >= 3, pieces.last?.hasPrefix("--") == true else {
      throw TestParseError(message: "missing delimiters for boundary \(boundary)")
    }
    return pieces.dropFirst().dropLast().map { piece in
      guard piece.hasPrefix("\r\n") else { return Array(piece.utf8) }
      return Array(piece.dropFirst().utf8)  // "\r\n" is one Character
    }
  }
}

/// A failure of the test-side reader.
struct TestParseError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
