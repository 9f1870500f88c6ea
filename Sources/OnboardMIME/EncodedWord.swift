/// RFC 2047 encoded words (`=?UTF-8?B?…?=` or `=?UTF-8?Q?…?=`) for non-ASCII header text.
enum EncodedWord {
  /// The longest encoded word RFC 2047 allows.
  static let maxLength = 75
  /// `=?UTF-8?B?` plus `?=`.
  private static let overhead = 12

  /// Bytes a Q word may carry literally in any header position (RFC 2047 section 5, rule 3).
  static func isQLiteral(_ byte: UInt8) -> Bool {
    Syntax.isAlphanumeric(byte) || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "*")
      || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
  }

  /// Encodes `text` as words of at most 75 characters, the first at most `firstMax` (the room
  /// left on the header line). Words break between characters (grapheme clusters), and split a
  /// cluster only between its scalars when it does not fit a word, never inside a UTF-8 sequence.
  /// Q is chosen when it is no longer than B for the whole text (mostly-ASCII text stays readable).
  static func words(for text: String, firstMax: Int) -> [String] {
    let bytes = Array(text.utf8)
    let useQ = qLength(bytes) <= bLength(bytes.count)
    // The length of an encoding: Q lengths add up byte by byte, B depends on the count only, so
    // both are kept as running sums instead of re-encoding the chunk for every character.
    func length(q: Int, count: Int) -> Int { useQ ? q : bLength(count) }
    let restBudget = maxLength - overhead
    var budget = max(0, min(maxLength, firstMax) - overhead)
    var chunks: [[UInt8]] = []
    var chunk: [UInt8] = []
    var chunkQ = 0  // qLength(chunk)
    var afterLastSpace = 0  // offset in `chunk` just after its last space, 0 when none
    var qBeforeSpace = 0  // qLength(chunk[..<afterLastSpace])

    func add(_ piece: [UInt8]) {
      let pieceQ = qLength(piece)
      if length(q: chunkQ + pieceQ, count: chunk.count + piece.count) <= budget {
        chunk += piece
        chunkQ += pieceQ
      } else if afterLastSpace > 0 && afterLastSpace < chunk.count
        && length(
          q: chunkQ - qBeforeSpace + pieceQ, count: chunk.count - afterLastSpace + piece.count)
          <= restBudget
      {
        // Break after a space, so parsers that wrongly keep the space between two encoded words
        // (e.g. Python before gh-128110, in display names) show a double space, not a split word.
        chunks.append(Array(chunk[..<afterLastSpace]))
        chunk = Array(chunk[afterLastSpace...]) + piece
        chunkQ = chunkQ - qBeforeSpace + pieceQ
        afterLastSpace = 0
        budget = restBudget
      } else {
        if !chunk.isEmpty { chunks.append(chunk) }
        chunk = piece
        chunkQ = pieceQ
        afterLastSpace = 0
        budget = restBudget
      }
      if piece == [0x20] {
        afterLastSpace = chunk.count
        qBeforeSpace = chunkQ
      }
    }

    for character in text {
      let piece = Array(character.utf8)
      let pieceQ = qLength(piece)
      if length(q: chunkQ + pieceQ, count: chunk.count + piece.count) <= budget
        || length(q: pieceQ, count: piece.count) <= restBudget
      {
        add(piece)
      } else {
        for scalar in character.unicodeScalars { add(Array(scalar.utf8)) }
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
    var out = Array("=?UTF-8?Q?".utf8)
    out.reserveCapacity(bytes.count * 3 + 12)
    for byte in bytes {
      if isQLiteral(byte) {
        out.append(byte)
      } else if byte == 0x20 {
        out.append(UInt8(ascii: "_"))
      } else {
        out.append(UInt8(ascii: "="))
        out.append(contentsOf: Hex.byte(byte).utf8)
      }
    }
    out.append(contentsOf: "?=".utf8)
    return String(decoding: out, as: UTF8.self)
  }

  /// One B-encoded word.
  private static func bWord(_ bytes: [UInt8]) -> String {
    "=?UTF-8?B?" + Base64.encode(bytes) + "?="
  }
}
