/// RFC 2047 encoded words (`=?UTF-8?B?…?=` or `=?UTF-8?Q?…?=`) for non-ASCII header text.
enum EncodedWord {
  /// The longest encoded word RFC 2047 allows.
  static let maxLength = 75
  /// `=?UTF-8?B?` plus `?=`.
  private static let overhead = 12

  /// Bytes a Q word may carry literally in any header position (RFC 2047 section 5, rule 3).
  static func isQLiteral(_ byte: UInt8) -> Bool {
    Syntax.isAlphanumeric(byte) || Array("!*+-/".utf8).contains(byte)
  }

  /// Encodes `text` as words of at most 75 characters, the first at most `firstMax` (the room
  /// left on the header line). Words break between characters (grapheme clusters), and split a
  /// cluster only between its scalars when it does not fit a word, never inside a UTF-8 sequence.
  /// Q is chosen when it is no longer than B for the whole text (mostly-ASCII text stays readable).
  static func words(for text: String, firstMax: Int) -> [String] {
    let bytes = Array(text.utf8)
    let useQ = qLength(bytes) <= bLength(bytes.count)
    let length: ([UInt8]) -> Int = { useQ ? qLength($0) : bLength($0.count) }
    let restBudget = maxLength - overhead
    var budget = max(0, min(maxLength, firstMax) - overhead)
    var chunks: [[UInt8]] = []
    var chunk: [UInt8] = []
    var afterLastSpace = 0  // offset in `chunk` just after its last space, 0 when none

    func add(_ piece: [UInt8]) {
      if length(chunk + piece) <= budget {
        chunk += piece
      } else if afterLastSpace > 0 && afterLastSpace < chunk.count
        && length(Array(chunk[afterLastSpace...]) + piece) <= restBudget
      {
        // Break after a space, so parsers that wrongly keep the space between two encoded words
        // (e.g. Python before gh-128110, in display names) show a double space, not a split word.
        chunks.append(Array(chunk[..<afterLastSpace]))
        chunk = Array(chunk[afterLastSpace...]) + piece
        afterLastSpace = 0
        budget = restBudget
      } else {
        if !chunk.isEmpty { chunks.append(chunk) }
        chunk = piece
        afterLastSpace = 0
        budget = restBudget
      }
      if piece == [0x20] { afterLastSpace = chunk.count }
    }

    for character in text {
      let piece = Array(String(character).utf8)
      if length(chunk + piece) <= budget || length(piece) <= restBudget {
        add(piece)
      } else {
        for scalar in character.unicodeScalars { add(Array(String(scalar).utf8)) }
      }
    }
    if !chunk.isEmpty || chunks.isEmpty { chunks.append(chunk) }
    return chunks.map { useQ ? qWord($0) : bWord($0) }
  }

  /// Length of the Q encoding of `bytes`.
  private static func qLength(_ bytes: [UInt8]) -> Int {
    bytes.reduce(0) { $0 + (isQLiteral($1) || $1 == 0x20 ? 1 : 3) }
  }

  /// Length of the B (base64) encoding of `count` bytes.
  private static func bLength(_ count: Int) -> Int {
    (count + 2) / 3 * 4
  }

  /// One Q-encoded word: literals kept, space as `_`, everything else `=XX`.
  private static func qWord(_ bytes: [UInt8]) -> String {
    var out = "=?UTF-8?Q?"
    for byte in bytes {
      if isQLiteral(byte) {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else if byte == 0x20 {
        out += "_"
      } else {
        out += "=" + Hex.byte(byte)
      }
    }
    return out + "?="
  }

  /// One B-encoded word.
  private static func bWord(_ bytes: [UInt8]) -> String {
    "=?UTF-8?B?" + Base64.encode(bytes) + "?="
  }
}
