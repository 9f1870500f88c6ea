import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// The byte-driven inline parser and the email-Markdown line splitting against copies of the
/// `Character` code they replaced: the parsed trees must be equal on generated lines full of
/// markers next to combining marks, escapes, CRLF, non-ASCII whitespace and U+1FEF/U+037E.
@Suite struct EmailInlineParseTests {
  static let pieces: [String] = [
    "a", "h", "Z", "7", " ", "\t", "\r", "\n", "\r\n", "\u{A0}", "\u{3000}", "\u{2028}",
    "*", "**", "`", "[", "]", "](", "(", ")", "<", ">", "\"", "\\", "https://", "http://",
    "https://x.example/a", "a@b.example", "mailto:", ".", ",", "!", "?", ":", ";", "-",
    "\u{0301}", "\u{0338}", "\u{200D}", "\u{0600}", "\u{1FEF}", "\u{037E}", "\u{212A}",
    "é", "Siobhán", "Zoë", "日本", "👩🏽‍💻", "🇩🇪",
  ]

  static func generated(seed: UInt64, _ check: (String) -> Void) {
    GeneratedText.forEach(pieces: pieces, seed: seed, count: 30_000, maximumPieces: 14, check)
  }

  /// Equal trees with the same scalars (`==` of the `String`s in them is canonical equivalence).
  static func same(_ a: [EmailInline], _ b: [EmailInline]) -> Bool {
    String(reflecting: a).utf8.elementsEqual(String(reflecting: b).utf8)
  }

  @Test func parseTreesMatchTheCharacterParser() {
    Self.generated(seed: 11) { line in
      #expect(Self.same(EmailInline.parse(line), Reference.parse(line)), "\(line.debugDescription)")
    }
  }

  @Test func plainLinesAreTheirTextAlone() {
    var plain = 0
    Self.generated(seed: 13) { line in
      if let nodes = EmailInline.plainParse(line) {
        #expect(Self.same(nodes, Reference.parse(line)), "\(line.debugDescription)")
        plain += 1
      }
      let cache = EmailInline.Cache()
      #expect(Self.same(cache.parse(line), Reference.parse(line)), "\(line.debugDescription)")
    }
    #expect(plain > 1_000)
    #expect(EmailInline.plainParse("Tuesday, 16 February 2027 \u{2013} 09:00") != nil)
    #expect(EmailInline.plainParse("see http://x") == nil)
    #expect(EmailInline.plainParse("a\u{1FEF}b\u{1FEF}") == nil)
  }

  @Test func theCacheTellsApartLinesThatAreOnlyCanonicallyEqual() {
    let cache = EmailInline.Cache()
    #expect(cache.parse("Caf\u{E9} *x*") == Reference.parse("Caf\u{E9} *x*"))
    #expect(cache.parse("Cafe\u{301} *x*") == Reference.parse("Cafe\u{301} *x*"))
    let both = EmailMarkdown.render("Caf\u{E9}\n\nCafe\u{301}")
    #expect(both.text.utf8.elementsEqual("Caf\u{E9}\n\nCafe\u{301}\n".utf8))
  }

  @Test func lineSplittingMatchesTheCharacterSplit() {
    Self.generated(seed: 12) { text in
      #expect(
        EmailMarkdown.lines(text)
          == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
        "\(text.debugDescription)")
      #expect(
        EmailMarkdownText.mayHoldLineBreak(text) == text.contains(EmailMarkdown.lineBreak),
        "\(text.debugDescription)")
      // The `memchr` search over a slice against the byte loop, from several offsets.
      let bytes = Array(text.utf8)
      for start in Set([0, min(1, bytes.count), bytes.count / 2, max(bytes.count - 2, 0)]) {
        #expect(
          EmailMarkdownText.mayHoldLineBreak(bytes[start...])
            == EmailMarkdownText.mayHoldLineBreak(AnySequence(bytes[start...])),
          "\(text.debugDescription) from \(start)")
      }
      #expect(
        EmailContext.placeholderName(text) == EmailContext.placeholderNameByCharacter(text),
        "\(text.debugDescription)")
    }
  }

  /// The parser as it was, on `Character`s.
  enum Reference {
    static func parse(_ source: String) -> [EmailInline] {
      // Each character with whether a backslash made it literal.
      var chars: [(Character, Bool)] = []
      var pendingEscape = false
      for character in source {
        if pendingEscape {
          if character.isASCII, character.isPunctuation || character.isSymbol {
            chars.append((character, true))
          } else {
            chars.append(("\\", true))
            chars.append((character, false))
          }
          pendingEscape = false
        } else if character == "\\" {
          pendingEscape = true
        } else {
          chars.append((character, false))
        }
      }
      if pendingEscape { chars.append(("\\", true)) }
      return parse(chars[...])
    }

    private static func parse(_ chars: ArraySlice<(Character, Bool)>) -> [EmailInline] {
      var nodes: [EmailInline] = []
      var text = ""
      func flush() {
        if !text.isEmpty { nodes.append(EmailInline.text(text)) }
        text = ""
      }
      func find(_ marker: [Character], from start: Int) -> Int? {
        var i = start
        while i + marker.count <= chars.endIndex {
          if (0..<marker.count).allSatisfy({ chars[i + $0].0 == marker[$0] && !chars[i + $0].1 }) {
            return i
          }
          i += 1
        }
        return nil
      }
      var i = chars.startIndex
      while i < chars.endIndex {
        let (c, literal) = chars[i]
        if !literal {
          if c == "*", i + 1 < chars.endIndex, chars[i + 1] == ("*", false),
            let close = find(["*", "*"], from: i + 2), close > i + 2
          {
            flush()
            nodes.append(EmailInline.strong(parse(chars[(i + 2)..<close])))
            i = close + 2
            continue
          }
          if c == "*", let close = find(["*"], from: i + 1), close > i + 1 {
            flush()
            nodes.append(EmailInline.emphasis(parse(chars[(i + 1)..<close])))
            i = close + 1
            continue
          }
          if c == "`", let close = find(["`"], from: i + 1) {
            flush()
            nodes.append(EmailInline.code(String(chars[(i + 1)..<close].map(\.0))))
            i = close + 1
            continue
          }
          if c == "[", let close = find(["]", "("], from: i + 1),
            let end = find([")"], from: close + 2)
          {
            let url = String(chars[(close + 2)..<end].map(\.0))
            if !url.contains(" ") {
              flush()
              nodes.append(EmailInline.link(parse(chars[(i + 1)..<close]), url: url))
              i = end + 1
              continue
            }
          }
          if c == "<", let close = find([">"], from: i + 1) {
            let inner = String(chars[(i + 1)..<close].map(\.0))
            if !inner.contains(" "),
              EmailInline.isWebAddress(inner) || inner.hasPrefix("mailto:")
                || EmailInline.isEmail(inner)
            {
              flush()
              let url = EmailInline.isEmail(inner) ? "mailto:" + inner : inner
              nodes.append(EmailInline.link([.text(inner)], url: url))
              i = close + 1
              continue
            }
          }
        }
        // A bare address written in the template (a value's `:` is escaped, so data never
        // becomes a link by itself).
        if !literal, c == "h", let end = bareAddressEnd(chars, from: i) {
          flush()
          let url = String(chars[i..<end].map(\.0))
          nodes.append(EmailInline.link([.text(url)], url: url))
          i = end
          continue
        }
        text.append(c)
        i += 1
      }
      flush()
      return nodes
    }

    /// Where a bare `https://…` or `http://…` address starting at `start` ends (trailing
    /// punctuation left out), or nil when none starts there or its `:` was escaped.
    private static func bareAddressEnd(_ chars: ArraySlice<(Character, Bool)>, from start: Int)
      -> Int?
    {
      for scheme in ["https://", "http://"] {
        let count = scheme.count
        guard start + count <= chars.endIndex,
          zip(chars[start..<(start + count)], scheme).allSatisfy({ $0.0.0 == $0.1 && !$0.0.1 })
        else { continue }
        var end = start + count
        while end < chars.endIndex, !chars[end].0.isWhitespace, !"<>\"".contains(chars[end].0) {
          end += 1
        }
        while end > start + count, ".,;:!?)".contains(chars[end - 1].0) { end -= 1 }
        return end > start + count ? end : nil
      }
      return nil
    }
  }
}
