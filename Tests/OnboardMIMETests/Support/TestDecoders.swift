import Foundation

/// Decoders written independently of the library, used to check its encodings round-trip.
enum TestDecoders {
  /// Decodes quoted-printable text (CRLF lines, `=` soft breaks); nil on a malformed escape or
  /// on a line longer than 76 characters.
  static func quotedPrintable(_ text: String) -> [UInt8]? {
    var out: [UInt8] = []
    let lines = text.components(separatedBy: "\r\n")
    for (lineIndex, line) in lines.enumerated() {
      if line.utf8.count > 76 { return nil }
      var bytes = Array(line.utf8)
      var soft = false
      if bytes.last == UInt8(ascii: "=") {
        soft = true
        bytes.removeLast()
      }
      var index = 0
      while index < bytes.count {
        if bytes[index] == UInt8(ascii: "=") {
          guard index + 2 < bytes.count,
            let value = UInt8(
              String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
          else { return nil }
          out.append(value)
          index += 3
        } else {
          out.append(bytes[index])
          index += 1
        }
      }
      if !soft && lineIndex < lines.count - 1 { out += [13, 10] }
    }
    return out
  }

  /// Decodes an unfolded unstructured header value made of RFC 2047 encoded words and plain text;
  /// whitespace between two adjacent encoded words is dropped, as RFC 2047 requires.
  static func encodedWords(_ value: String) -> String? {
    var out: [UInt8] = []
    var previousWasEncoded = false
    for (index, token) in value.split(separator: " ", omittingEmptySubsequences: false).enumerated()
    {
      let isEncoded = token.hasPrefix("=?") && token.hasSuffix("?=") && token.count > 4
      if index > 0 && !(isEncoded && previousWasEncoded) { out.append(32) }
      if isEncoded {
        let inner = token.dropFirst(2).dropLast(2).split(
          separator: "?", omittingEmptySubsequences: false)
        guard inner.count == 3, inner[0].uppercased() == "UTF-8",
          let bytes = decodeWord(scheme: inner[1].uppercased(), String(inner[2]))
        else { return nil }
        out += bytes
      } else {
        out += Array(token.utf8)
      }
      previousWasEncoded = isEncoded
    }
    return String(validating: out, as: UTF8.self)
  }

  /// Decodes the payload of one B or Q word; nil when malformed (e.g. a split UTF-8 sequence is
  /// only caught by the caller, since a word may be valid bytes on its own).
  static func decodeWord(scheme: String, _ payload: String) -> [UInt8]? {
    if scheme == "B" { return Data(base64Encoded: payload).map { [UInt8]($0) } }
    guard scheme == "Q" else { return nil }
    var out: [UInt8] = []
    let bytes = Array(payload.utf8)
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "_"):
        out.append(32)
        index += 1
      case UInt8(ascii: "="):
        guard index + 2 < bytes.count,
          let value = UInt8(
            String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
        else { return nil }
        out.append(value)
        index += 3
      default:
        out.append(bytes[index])
        index += 1
      }
    }
    return out
  }

  /// The encoded words of a header value (tokens of the form `=?…?=`).
  static func encodedWordTokens(_ value: String) -> [String] {
    value.split(separator: " ").map(String.init).filter { $0.hasPrefix("=?") && $0.hasSuffix("?=") }
  }
}
