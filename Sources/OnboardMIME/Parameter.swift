/// MIME header parameters (`name="value"`), with RFC 2231 for non-ASCII or long values.
enum Parameter {
  /// Longest value chunk per parameter line, so folded lines stay within 78 characters.
  private static let chunkWidth = 50

  /// `name="value"` for short printable ASCII; otherwise `name*=UTF-8''%XX…`, split into
  /// `name*0*=…; name*1*=…` continuations when long (never inside a `%XX` escape).
  static func tokens(name: String, value: String) -> [String] {
    if HeaderText.isPrintableASCII(value) && value.utf8.count <= chunkWidth {
      var quoted = "\""
      for character in value {
        if character == "\"" || character == "\\" { quoted.append("\\") }
        quoted.append(character)
      }
      return ["\(name)=\(quoted)\""]
    }
    var chunks: [String] = []
    var chunk = "UTF-8''"
    for byte in value.utf8 {
      let piece =
        isAttributeChar(byte) ? String(Unicode.Scalar(byte)) : "%" + Hex.byte(byte)
      if chunk.utf8.count + piece.utf8.count > chunkWidth {
        chunks.append(chunk)
        chunk = ""
      }
      chunk += piece
    }
    chunks.append(chunk)
    if chunks.count == 1 { return ["\(name)*=\(chunks[0])"] }
    return chunks.enumerated().map { "\(name)*\($0.offset)*=\($0.element)" }
  }

  /// RFC 2231 `attribute-char`: a token character other than `*`, `'` and `%`.
  private static func isAttributeChar(_ byte: UInt8) -> Bool {
    Syntax.isToken(byte) && byte != UInt8(ascii: "*") && byte != UInt8(ascii: "'")
      && byte != UInt8(ascii: "%")
  }
}
