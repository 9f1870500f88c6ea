import Testing

@testable import OnboardMIME

/// MIME rules that no sample name or body happened to reach, each at its boundary.
@Suite struct MIMERuleTests {
  @Test func underscoreInsideAQEncodedWordIsEscaped() throws {
    // Mostly ASCII with one "é", so Q is chosen. In a Q word "_" means a space (RFC 2047 4.2),
    // so a literal "_" of the text must be written "=5F".
    let name = "Renée_Dupont from accounting team"
    let words = EncodedWord.words(for: name, firstMax: 75)
    #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?Q?") }, "\(words)")
    let joined = words.joined()
    #expect(joined.contains("=5F"), "\(joined)")
    #expect(!joined.dropFirst(2).dropLast(2).contains("_Dupont"), "\(joined)")
    var decoded: [UInt8] = []
    for word in words {
      let payload = String(word.dropFirst("=?UTF-8?Q?".count).dropLast(2))
      decoded += try #require(TestDecoders.decodeWord(scheme: "Q", payload))
    }
    #expect(String(decoding: decoded, as: UTF8.self) == name)
    #expect(!EncodedWord.isQLiteral(UInt8(ascii: "_")))
  }

  @Test func dotAndFromAreProtectedAfterASoftBreak() {
    // 75 characters fill an encoded line; the next character opens a new line after "=" CRLF.
    let fill = String(repeating: "a", count: 75)
    let encode = { String(decoding: QuotedPrintable.encode($0), as: UTF8.self) }
    #expect(encode(fill + ".b") == fill + "=\r\n=2Eb")
    #expect(encode(fill + "From me") == fill + "=\r\n=46rom me")
    // Not at a line start, nothing is escaped.
    #expect(encode("a.b From x") == "a.b From x")
    for text in [fill + ".b", fill + "From me"] {
      let encoded = encode(text)
      #expect(TestDecoders.quotedPrintable(encoded) == Array(text.utf8))
      for line in encoded.components(separatedBy: "\r\n") {
        #expect(!line.hasPrefix(".") && !line.hasPrefix("From "), "\(line)")
      }
    }
  }
}
