import OnboardTestSupport
import Testing

@testable import OnboardKit
@testable import OnboardMustache

/// The byte fast paths of the email glue and of Mustache's HTML escaping against copies of the
/// code they replaced, on generated text (line breaks of every kind, the five HTML specials next
/// to combining marks and multi-byte characters).
@Suite struct EmailGlueFastPathTests {
  static let pieces: [String] = [
    "a", "Z", "7", " ", "\t", "\r", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}",
    "\u{2029}", "\u{2027}", "\u{A0}", "\u{0301}", "é", "e\u{301}", "日本語", "👩🏽‍💻", "&", "<", ">",
    "\"", "'", "&amp;", "<b>", "'\u{0301}", "&\u{0301}", "Welcome", "Ada's", "\u{C2}", "\u{E2}",
    String(repeating: "x", count: 40),
  ]

  /// The old `MustacheEscaping.escapeHTML`, kept as the definition.
  enum Reference {
    static func escapeHTML(_ text: String) -> String {
      let utf8 = text.utf8
      guard let first = utf8.firstIndex(where: MustacheEscaping.isHTMLSpecial) else { return text }
      var result: [UInt8] = []
      result.append(contentsOf: utf8[..<first])
      for byte in utf8[first...] {
        switch byte {
        case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
        default: result.append(byte)
        }
      }
      return String(decoding: result, as: UTF8.self)
    }
  }

  @Test func htmlEscapingMatchesTheOldCode() {
    GeneratedText.forEach(pieces: Self.pieces, seed: 41) { text in
      let expected = Reference.escapeHTML(text)
      #expect(Array(MustacheEscaping.escapeHTML(text).utf8) == Array(expected.utf8))
      var bytes: [UInt8] = [0x41]
      MustacheEscaping.appendHTML(text, to: &bytes)
      #expect(bytes == [0x41] + Array(expected.utf8), "\(text.debugDescription)")
    }
  }

  @Test func subjectOnOneLineMatchesTheCharacterSplit() {
    var unchanged = 0
    GeneratedText.forEach(pieces: Self.pieces, seed: 43) { text in
      let expected = EmailRenderer.oneLineByCharacter(text)
      #expect(
        Array(EmailRenderer.oneLine(text).utf8) == Array(expected.utf8), "\(text.debugDescription)")
      if !EmailRenderer.mayHoldLineBreak(text) {
        unchanged += 1
        let hasNewline = text.contains { $0.isNewline }
        #expect(!hasNewline, "\(text.debugDescription)")
      }
    }
    #expect(unchanged > 1000)
  }

  /// The old `ContextStack.resolve`, kept as the definition.
  static func referenceResolve(_ name: String, in frames: [MustacheValue]) -> MustacheValue? {
    if name == "." { return frames.last }
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    guard let first = parts.first else { return nil }
    var current: MustacheValue?
    for frame in frames.reversed() {
      if case .object(let fields) = frame, let value = fields[String(first)] {
        current = value
        break
      }
    }
    for part in parts.dropFirst() {
      guard case .object(let fields)? = current, let value = fields[String(part)] else {
        return nil
      }
      current = value
    }
    return current
  }

  @Test func nameResolutionMatchesTheOldCode() {
    let names = ["a", "b", ".", "", "é", "a\u{301}", "\u{0600}", "x", "\u{301}"]
    let inner: MustacheValue = .object([
      "a": "inner a", "é": "inner é", "": "inner empty", "a\u{301}": "inner a-acute",
      "x": .object(["b": "deep b", "a": .object(["a": "deeper"])]),
    ])
    let frames: [MustacheValue] = [
      .object(["a": "root a", "b": "root b", "x": inner, "\u{0600}": "prepended", "": inner]),
      .list(["not an object"]),
      .object(["é": .object(["a": "top é.a"]), "a\u{301}": inner]),
    ]
    let stack = ContextStack(frames: frames)
    var dotted = 0
    GeneratedText.forEach(pieces: names, seed: 67, count: 5_000, maximumPieces: 5) { base in
      for name in [base, String(base.map { $0 == "b" ? "." : $0 })] {
        if name.contains(".") { dotted += 1 }
        let fast = stack.resolve(name).map { String(describing: $0) }
        let slow = Self.referenceResolve(name, in: frames).map { String(describing: $0) }
        #expect(fast == slow, "\(name.debugDescription)")
        let dots = name.utf8.enumerated().filter { $0.element == UInt8(ascii: ".") }.map(\.offset)
        if let parts = ContextStack.parts(of: name, dots: dots) {
          #expect(
            parts.map { Array($0.utf8) }
              == ContextStack.partsByCharacter(name).map { Array($0.utf8) },
            "\(name.debugDescription)")
        }
      }
    }
    #expect(dotted > 1000)
  }
}
