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
    String(repeating: "x", count: 40), String(repeating: "é", count: 20),
  ]

  /// Every piece, every pair, and 20,000 random joins of 0–11 pieces.
  static func generated(_ check: (String) -> Void) {
    var state: UInt64 = 9
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for first in pieces {
      check(first)
      for second in pieces { check(first + second) }
    }
    for _ in 0..<20_000 {
      check((0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined())
    }
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

  /// The code as it was before the byte paths.
  enum Reference {
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
