import Foundation

/// The inline parser, on the source's UTF-8 bytes.
///
/// The rules are per `Character` (a `*` with a combining mark after it is not a marker). A run of
/// ASCII is split into characters byte by byte; only where a non-ASCII byte is next does the
/// parser ask the string for the grapheme cluster. Each character becomes a `Unit` that compares
/// as one byte, and text is copied from the source bytes, so no `Character` is ever stored or
/// compared.
extension EmailInline {
  /// Parses of the lines of one body, so that its text and HTML parts parse each line once.
  /// Local to one `EmailMarkdown.render` call (a class so the renderers' closures can share it).
  ///
  /// The text part records each line's parse in the order it reads the lines; after `replay()`
  /// the HTML part, which reads the same lines in the same order, gets them back in that order
  /// without hashing a line. A recorded parse is handed back only for the same bytes (the same
  /// storage, or a byte compare: `String`'s `==` is canonical equivalence, which would give
  /// `e` + U+0301 the parse of a precomposed `é`), so another order costs a parse, never a
  /// wrong tree.
  final class Cache {
    private var recorded: [(line: String, nodes: [EmailInline])] = []
    private var replaying = false
    private var cursor = 0

    /// `EmailInline.parse(line)`: recorded, or when replaying, the next recorded parse if it
    /// is of this line.
    func parse(_ line: String) -> [EmailInline] {
      if replaying {
        if cursor < recorded.count, Self.sameBytes(recorded[cursor].line, line) {
          cursor += 1
          return recorded[cursor - 1].nodes
        }
        return EmailInline.parse(line)
      }
      let nodes = EmailInline.parse(line)
      recorded.append((line, nodes))
      return nodes
    }

    /// From now on, hands back the recorded parses in the order they were recorded.
    func replay() {
      replaying = true
      cursor = 0
    }

    /// Whether the two strings have the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
      guard a.utf8.count == b.utf8.count else { return false }
      var a = a  // shares the storage; `withUTF8` needs a variable
      var b = b
      return a.withUTF8 { left in
        b.withUTF8 { right in
          guard let l = left.baseAddress, let r = right.baseAddress, l != r else { return true }
          return memcmp(l, r, left.count) == 0
        }
      }
    }
  }

  /// One character of the source.
  struct Unit {
    /// The ASCII value the character equals (U+1FEF, U+037E and U+212A are canonically equal to
    /// `` ` ``, `;` and `K`), or 0x80 for any other character.
    var key: UInt8
    /// A backslash before it made it literal (or it is such a backslash kept as text).
    var literal: Bool
    /// Whether the character is whitespace (its first scalar is).
    var isWhitespace: Bool
    /// Its bytes in the source.
    var start: Int
    var end: Int
  }

  /// Bit 0: ASCII punctuation or symbol (a backslash makes it literal); bit 1: whitespace; bit
  /// 2: a byte that can open markup (`*`, `` ` ``, `[`, `<`, a backslash).
  private static let asciiClass: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 128)
    for byte in 0x21...0x7E where !(0x30...0x39).contains(byte) {
      let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      if !isLetter { table[byte] = 1 }
    }
    for byte in [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20] { table[byte] = 2 }
    for byte in "*`[<\\".utf8 { table[Int(byte)] |= 4 }
    return table
  }()

  /// The parse of a line that is text alone, or nil when the parser must look. A line is text
  /// alone when it has no byte that can open markup (`*`, `` ` ``, `[`, `<`, a backslash), no
  /// `:/` (a bare address needs `://`) and no U+1FEF (canonically equal to a backtick): then
  /// every character is copied as it is.
  static func plainParse(_ source: String) -> [EmailInline]? {
    var copy = source  // shares the storage; `withUTF8` needs a variable
    let plain = copy.withUTF8 { bytes -> Bool in
      let table = asciiClass
      let count = bytes.count
      var index = 0
      while index < count {
        let byte = bytes[index]
        if byte < 0x80 {
          if table[Int(byte)] & 4 != 0 { return false }
          if byte == UInt8(ascii: ":"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "/") {
            return false
          }
        } else if byte == 0xE1, index + 2 < count, bytes[index + 1] == 0xBF,
          bytes[index + 2] == 0xAF
        {
          return false
        }
        index += 1
      }
      return true
    }
    guard plain else { return nil }
    return source.isEmpty ? [] : [.text(source)]
  }

  /// Parses one line (or table cell) of inline Markdown.
  static func parse(_ source: String) -> [EmailInline] {
    if let plain = plainParse(source) { return plain }
    var copy = source  // shares the storage; `withUTF8` needs a variable
    return copy.withUTF8 { bytes in
      let units = units(of: bytes, in: source)
      // The parser reads the units through a pointer: no bounds checks, no reference counting.
      return units.withUnsafeBufferPointer { units in
        Parser(bytes: bytes, units: units).parse(0..<units.count)
      }
    }
  }

  /// The characters of `bytes` (the UTF-8 of `source`), escapes applied. There are at most as
  /// many as bytes (an escaped character drops its backslash; a kept backslash is a byte of its
  /// own), so they are written straight into a buffer of that size.
  private static func units(of bytes: UnsafeBufferPointer<UInt8>, in source: String) -> [Unit] {
    let count = bytes.count
    return asciiClass.withUnsafeBufferPointer { table in
      [Unit](unsafeUninitializedCapacity: max(count, 1)) { buffer, written in
        guard let out = buffer.baseAddress else { return }
        written = units(of: bytes, in: source, table: table, into: out)
      }
    }
  }

  /// `units(of:in:)` into `out`; returns how many were written.
  private static func units(
    of bytes: UnsafeBufferPointer<UInt8>, in source: String, table: UnsafeBufferPointer<UInt8>,
    into out: UnsafeMutablePointer<Unit>
  ) -> Int {
    var written = 0
    var pendingEscape = -1  // the offset of a backslash waiting for its character, or -1
    var offset = 0
    let count = bytes.count
    while offset < count {
      let byte = bytes[offset]
      var unit: Unit
      var escapable: Bool
      if byte < 0x80, byte != 0x0D, offset + 1 == count || bytes[offset + 1] < 0x80 {
        let kind = table[Int(byte)]
        unit = Unit(
          key: byte, literal: false, isWhitespace: kind & 2 != 0, start: offset, end: offset + 1)
        escapable = kind & 1 != 0
      } else {
        // Ask the string for the cluster that starts here (a known cluster boundary).
        let index = source.utf8.index(source.utf8.startIndex, offsetBy: offset)
        let character = source[index...].first ?? " "
        let width = character.utf8.count
        var key: UInt8 = 0x80
        escapable = false
        if width == 1 {
          key = byte
          escapable = table[Int(byte)] & 1 != 0
        } else if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first {
          switch scalar.value {
          case 0x1FEF: key = UInt8(ascii: "`")
          case 0x037E: key = UInt8(ascii: ";")
          case 0x212A: key = UInt8(ascii: "K")
          default: break
          }
        }
        unit = Unit(
          key: key, literal: false, isWhitespace: character.isWhitespace, start: offset,
          end: offset + width)
      }
      offset = unit.end
      if pendingEscape >= 0 {
        if escapable {
          unit.literal = true
        } else {
          out[written] = Unit(
            key: UInt8(ascii: "\\"), literal: true, isWhitespace: false, start: pendingEscape,
            end: pendingEscape + 1)
          written += 1
        }
        pendingEscape = -1
        out[written] = unit
        written += 1
      } else if unit.key == UInt8(ascii: "\\") && unit.end - unit.start == 1 {
        pendingEscape = unit.start
      } else {
        out[written] = unit
        written += 1
      }
    }
    if pendingEscape >= 0 {
      out[written] = Unit(
        key: UInt8(ascii: "\\"), literal: true, isWhitespace: false, start: pendingEscape,
        end: pendingEscape + 1)
      written += 1
    }
    return written
  }

  /// The recursive descent over the units of one source.
  private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let units: UnsafeBufferPointer<Unit>

    /// The text of `units[range]`: their source bytes one after the other.
    func text(_ range: Range<Int>) -> String {
      var out: [UInt8] = []
      for index in range {
        let unit = units[index]
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[unit.start..<unit.end]))
      }
      return String(decoding: out, as: UTF8.self)
    }

    /// Whether the unit at `index` is the ASCII `key`, not made literal.
    @inline(__always)
    func isMarker(_ index: Int, _ key: UInt8) -> Bool {
      units[index].key == key && !units[index].literal
    }

    /// The first index from `start` where the (non-literal) `marker` follows, within `end`.
    func find(_ marker: UInt8, from start: Int, end: Int) -> Int? {
      var i = start
      while i < end {
        if isMarker(i, marker) { return i }
        i += 1
      }
      return nil
    }

    /// The first index from `start` where the (non-literal) `first`, `second` follow, within
    /// `end`.
    func find(_ first: UInt8, _ second: UInt8, from start: Int, end: Int) -> Int? {
      var i = start
      while i + 2 <= end {
        if isMarker(i, first) && isMarker(i + 1, second) { return i }
        i += 1
      }
      return nil
    }

    func parse(_ range: Range<Int>) -> [EmailInline] {
      var nodes: [EmailInline] = []
      var text: [UInt8] = []
      func flush() {
        if !text.isEmpty { nodes.append(.text(String(decoding: text, as: UTF8.self))) }
        text.removeAll(keepingCapacity: true)
      }
      let end = range.upperBound
      var i = range.lowerBound
      while i < end {
        let unit = units[i]
        if !unit.literal {
          let c = unit.key
          if c == UInt8(ascii: "*"), i + 1 < end, isMarker(i + 1, UInt8(ascii: "*")),
            let close = find(UInt8(ascii: "*"), UInt8(ascii: "*"), from: i + 2, end: end),
            close > i + 2
          {
            flush()
            nodes.append(.strong(parse((i + 2)..<close)))
            i = close + 2
            continue
          }
          if c == UInt8(ascii: "*"), let close = find(UInt8(ascii: "*"), from: i + 1, end: end),
            close > i + 1
          {
            flush()
            nodes.append(.emphasis(parse((i + 1)..<close)))
            i = close + 1
            continue
          }
          if c == UInt8(ascii: "`"), let close = find(UInt8(ascii: "`"), from: i + 1, end: end) {
            flush()
            nodes.append(.code(self.text((i + 1)..<close)))
            i = close + 1
            continue
          }
          if c == UInt8(ascii: "["),
            let close = find(UInt8(ascii: "]"), UInt8(ascii: "("), from: i + 1, end: end),
            let linkEnd = find(UInt8(ascii: ")"), from: close + 2, end: end)
          {
            let url = self.text((close + 2)..<linkEnd)
            if !url.contains(" ") {
              flush()
              nodes.append(.link(parse((i + 1)..<close), url: url))
              i = linkEnd + 1
              continue
            }
          }
          if c == UInt8(ascii: "<"), let close = find(UInt8(ascii: ">"), from: i + 1, end: end) {
            let inner = self.text((i + 1)..<close)
            if !inner.contains(" "),
              isWebAddress(inner) || inner.hasPrefix("mailto:") || isEmail(inner)
            {
              flush()
              let url = isEmail(inner) ? "mailto:" + inner : inner
              nodes.append(.link([.text(inner)], url: url))
              i = close + 1
              continue
            }
          }
        }
        // A bare address written in the template (a value's `:` is escaped, so data never
        // becomes a link by itself).
        if !unit.literal, unit.key == UInt8(ascii: "h"),
          let addressEnd = bareAddressEnd(from: i, end: end)
        {
          flush()
          let url = self.text(i..<addressEnd)
          nodes.append(.link([.text(url)], url: url))
          i = addressEnd
          continue
        }
        // Text: this unit and the units after it that cannot open markup, copied as one run
        // while their bytes follow each other (an escape's backslash ends a run).
        var runEnd = unit.end
        i += 1
        while i < end, units[i].start == runEnd, units[i].literal || !Self.opensMarkup(units[i].key)
        {
          runEnd = units[i].end
          i += 1
        }
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[unit.start..<runEnd]))
      }
      flush()
      return nodes
    }

    /// The length of the `https://` or `http://` (not made literal) at `start`, or nil.
    func schemeLength(at start: Int, end: Int) -> Int? {
      guard start + 7 <= end, isMarker(start, UInt8(ascii: "h")),
        isMarker(start + 1, UInt8(ascii: "t")), isMarker(start + 2, UInt8(ascii: "t")),
        isMarker(start + 3, UInt8(ascii: "p"))
      else { return nil }
      var colon = start + 4
      if isMarker(colon, UInt8(ascii: "s")) { colon += 1 }
      guard colon + 3 <= end, isMarker(colon, UInt8(ascii: ":")),
        isMarker(colon + 1, UInt8(ascii: "/")), isMarker(colon + 2, UInt8(ascii: "/"))
      else { return nil }
      return colon + 3 - start
    }

    /// Where a bare `https://…` or `http://…` address starting at `start` ends (trailing
    /// punctuation left out), or nil when none starts there or its `:` was escaped.
    func bareAddressEnd(from start: Int, end: Int) -> Int? {
      guard let count = schemeLength(at: start, end: end) else { return nil }
      var stop = start + count
      while stop < end, !units[stop].isWhitespace, !Self.isAddressEnd(units[stop].key) {
        stop += 1
      }
      while stop > start + count, Self.isTrailingPunctuation(units[stop - 1].key) { stop -= 1 }
      return stop > start + count ? stop : nil
    }

    /// `*`, `` ` ``, `[`, `<` or `h` (a bare address): a key the parser looks at.
    static func opensMarkup(_ key: UInt8) -> Bool {
      switch key {
      case UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "<"),
        UInt8(ascii: "h"):
        return true
      default: return false
      }
    }

    /// `<`, `>` or `"`: where a bare address stops.
    static func isAddressEnd(_ key: UInt8) -> Bool {
      key == UInt8(ascii: "<") || key == UInt8(ascii: ">") || key == UInt8(ascii: "\"")
    }

    /// `.,;:!?)`: left out at the end of a bare address.
    static func isTrailingPunctuation(_ key: UInt8) -> Bool {
      switch key {
      case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
        UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ")"):
        return true
      default: return false
      }
    }
  }
}
