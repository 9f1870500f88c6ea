import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// `HTMLLink.externalHref`'s byte path for ASCII text against the Foundation and Unicode-property
/// definition it stands in for, on generated URLs: schemes in any case, missing slashes, spaces,
/// tabs and other whitespace at the ends and inside, controls, the refused punctuation, non-ASCII.
@Suite struct HTMLLinkFastPathTests {
  static let pieces: [String] = [
    "http", "HTTP", "https", "hTtPs", "mailto", "MailTo", "ftp", "javascript", ":", "//", "/",
    "a", "x.example", "@", "?q=1&b=2", "#frag", " ", "\t", "\u{0B}", "\u{0C}", "\r", "\n",
    "\u{7F}", "\u{1}", "\"", "<", ">", "\\", "`", "'", "%20", "é", "\u{A0}", "\u{2028}",
    "\u{3000}", "日本",
  ]

  @Test func asciiHrefMatchesTheDefinition() {
    var fast = 0
    var total = 0
    GeneratedText.forEach(pieces: Self.pieces, seed: 61, count: 20_000, maximumPieces: 8) {
      text in
      let expected = HTMLLink.externalHrefByScalar(text)
      #expect(HTMLLink.externalHref(text) == expected, "\(text.debugDescription)")
      if let bytes = HTMLLink.asciiHref(text) {
        #expect(bytes == expected, "\(text.debugDescription)")
        fast += 1
      }
      total += 1
    }
    #expect(fast * 3 > total)
    #expect(
      HTMLLink.asciiHref(" https://x.example/a?b=1&c=2\t")
        == .some("https://x.example/a?b=1&amp;c=2"))
    #expect(HTMLLink.asciiHref("MAILTO:a@x.example") == .some("MAILTO:a@x.example"))
  }
}
