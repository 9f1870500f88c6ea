import OnboardTestSupport
import Testing

@testable import OnboardMIME

/// Header sanitising and quoted-printable on bytes against copies of the code they replaced, on
/// generated text: controls, C1 bytes, separators, spaces next to combining and prepended marks,
/// `=`, `.` and `From ` at line starts, long runs that need soft breaks.
@Suite struct ByteEncodingTests {
  static let pieces: [String] = [
    "a", "Z", "7", " ", "  ", "\t", "\r", "\n", "\r\n", "\u{0B}", "\u{85}", "\u{80}", "\u{9F}",
    "\u{A0}", "\u{7F}", "\u{0}", "\u{2028}", "\u{2029}", "\u{0301}", "\u{0600}", "\u{200D}",
    "é", "Siobhán", "Zoë", "日本語", "👩🏽‍💻", "=", "=?", ".", "From ", "From", "?=",
    String(repeating: "x", count: 40), String(repeating: "é", count: 20), "..", "@",
    "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}\u{309}\u{30A}\u{30B}\u{30C}",
    String(repeating: "👨‍👩‍👧‍👦", count: 3),
    // Runs the encoder copies eight bytes at a time, ending in a space, a `=` or a `.`.
    "Plain words, one after another. ", "ABCDEFG ", "1234567=", "abcdefg.", "~}|{zyx\u{7F}",
  ]

  /// Every piece, every pair, and 20,000 random joins of 0–11 pieces.
  static func generated(_ check: (String) -> Void) {
    GeneratedText.forEach(pieces: pieces, seed: 9, check)
  }

  @Test func sanitizedMatchesTheScalarDefinition() {
    Self.generated { text in
      for collapsing in [false, true] {
        #expect(
          HeaderText.sanitized(text, collapsingSpaces: collapsing)
            == Reference.sanitized(text, collapsingSpaces: collapsing), "\(text.debugDescription)")
      }
    }
    #expect(HeaderText.sanitizedBytes("  Siobhán  O’Brien \r\n", collapsingSpaces: true) != nil)
  }

  @Test func quotedPrintableMatchesTheLineByLineEncoder() {
    Self.generated { text in
      #expect(QuotedPrintable.encode(text) == Reference.quotedPrintable(text))
    }
  }

  @Test func encodedWordsMatchTheReencodingSplitter() {
    Self.generated { text in
      for firstMax in [0, 5, 20, 40, 66, 80] {
        #expect(
          EncodedWord.words(for: text, firstMax: firstMax)
            == Reference.words(for: text, firstMax: firstMax), "\(text.debugDescription)")
      }
      for needle in ["..", "=?", "@"] {
        #expect(Syntax.contains(text, ascii: needle) == text.contains(needle))
      }
    }
  }

  /// The code as it was before the byte paths.
  enum Reference {
    static func words(for text: String, firstMax: Int) -> [String] {
      let bytes = Array(text.utf8)
      func qLength(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { $0 + (EncodedWord.isQLiteral($1) || $1 == 0x20 ? 1 : 3) }
      }
      func bLength(_ count: Int) -> Int { (count + 2) / 3 * 4 }
      let useQ = qLength(bytes) <= bLength(bytes.count)
      let length: ([UInt8]) -> Int = { useQ ? qLength($0) : bLength($0.count) }
      let restBudget = 75 - 12
      var budget = max(0, min(75, firstMax) - 12)
      var chunks: [[UInt8]] = []
      var chunk: [UInt8] = []
      var afterLastSpace = 0
      func add(_ piece: [UInt8]) {
        if length(chunk + piece) <= budget {
          chunk += piece
        } else if afterLastSpace > 0 && afterLastSpace < chunk.count
          && length(Array(chunk[afterLastSpace...]) + piece) <= restBudget
        {
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
      return chunks.map { chunk in
        guard useQ else { return "=?UTF-8?B?" + Base64.encode(chunk) + "?=" }
        var out = "=?UTF-8?Q?"
        for byte in chunk {
          if EncodedWord.isQLiteral(byte) {
            out.unicodeScalars.append(Unicode.Scalar(byte))
          } else if byte == 0x20 {
            out += "_"
          } else {
            out += "=" + Hex.byte(byte)
          }
        }
        return out + "?="
      }
    }

    static func sanitized(_ text: String, collapsingSpaces: Bool) -> String {
      var scalars = String.UnicodeScalarView()
      var lastWasSpace = false
      for scalar in text.unicodeScalars {
        if HeaderText.isControl(scalar) || scalar == " " {
          if collapsingSpaces || HeaderText.isControl(scalar) {
            if !lastWasSpace { scalars.append(" ") }
          } else {
            scalars.append(" ")
          }
          lastWasSpace = true
        } else {
          scalars.append(scalar)
          lastWasSpace = false
        }
      }
      let result = String(scalars)
      return String(
        result.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    static func quotedPrintable(_ text: String) -> [UInt8] {
      var lines: [[UInt8]] = []
      var current: [UInt8] = []
      let bytes = Array(text.utf8)
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x0D || byte == 0x0A {
          lines.append(current)
          current = []
          if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
        } else {
          current.append(byte)
        }
        index += 1
      }
      lines.append(current)
      var out: [UInt8] = []
      for (number, line) in lines.enumerated() {
        if number > 0 { out += [0x0D, 0x0A] }
        encodeLine(line, into: &out)
      }
      return out
    }

    static func encodeLine(_ line: [UInt8], into out: inout [UInt8]) {
      let digits = Array("0123456789ABCDEF".utf8)
      var column = 0
      let last = line.count - 1
      for index in line.indices {
        let byte = line[index]
        var literal =
          (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
          || ((byte == 0x20 || byte == 0x09) && index != last)
        let width = literal ? 1 : 3
        if column + width > 75 {
          out.append(contentsOf: [UInt8(ascii: "="), 0x0D, 0x0A])
          column = 0
        }
        if column == 0 && literal && startsUnsafeLine(line, at: index) { literal = false }
        if literal {
          out.append(byte)
          column += 1
        } else {
          out.append(UInt8(ascii: "="))
          out.append(digits[Int(byte >> 4)])
          out.append(digits[Int(byte & 0x0F)])
          column += 3
        }
      }
    }

    static func startsUnsafeLine(_ line: [UInt8], at index: Int) -> Bool {
      if line[index] == UInt8(ascii: ".") { return true }
      let from: [UInt8] = [0x46, 0x72, 0x6F, 0x6D, 0x20]
      return line.count - index >= from.count
        && line[index..<index + from.count].elementsEqual(from)
    }
  }
}
