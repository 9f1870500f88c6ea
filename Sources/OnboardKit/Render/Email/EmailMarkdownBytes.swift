/// `EmailMarkdown.render` on the body's UTF-8 bytes, for the bodies where every rule of the
/// `Character` path can be decided byte by byte: no `String`, no block of `String`s, no inline
/// node tree. Blocks hold byte ranges of the body; inline markup is written to the output as it
/// is parsed.
///
/// A body qualifies (`qualifies(_:)`) when it has no CR, no ASCII control but tab and LF, and
/// every non-ASCII scalar is from a small set of letters and punctuation (`isPlainScalar`) that
/// are never part of a larger grapheme cluster, never white space, never canonically equal to
/// another scalar or to an ASCII character, and never U+2028 (a value's carried line break).
/// Then every scalar is a `Character` of its own, every ASCII byte is one, and each rule of the
/// `Character` path (markers, trimming, table widths, links) gives the same result on the
/// bytes. Any other body takes the `Character` path (`render(byReference:)`).
enum EmailMarkdownBytes {
  /// A parsed block: ranges of the body's bytes.
  indirect enum Block {
    case paragraph([Range<Int>])
    case heading(Int, Range<Int>)
    case list(ordered: Bool, items: [[Block]])
    case note([Range<Int>])
    case table(header: [Range<Int>]?, rows: [[Range<Int>]])
  }

  /// The text and HTML parts of `body`, or nil when it does not qualify.
  static func render(_ body: UnsafeBufferPointer<UInt8>) -> (text: [UInt8], html: [UInt8])? {
    guard qualifies(body) else { return nil }
    var lines: [Range<Int>] = []
    var start = 0
    for index in 0..<body.count where body[index] == 0x0A {
      lines.append(start..<index)
      start = index + 1
    }
    lines.append(start..<body.count)
    let blocks = Parser(body: body).parse(lines[...])
    var inline = Inline(body: body)
    var text = TextWriter(inline: inline)
    text.render(blocks)
    inline = text.inline
    var html = HTMLWriter(inline: inline)
    html.render(blocks)
    return (text.out, html.out)
  }

  // MARK: Which bodies

  /// Whether the byte rules decide every rule for `body` (see the type's comment).
  static func qualifies(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = body.count
    var index = 0
    guard let base = body.baseAddress else { return true }
    while index < count {
      // Eight bytes at once where all are printable ASCII (0x20–0x7E).
      if index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (word &- ones &* 0x20) & ~word & highs
        let del = word ^ (ones &* 0x7F)
        let isDEL = (del &- ones) & ~del & highs
        if word & highs == 0 && below20 | isDEL == 0 {
          index += 8
          continue
        }
      }
      let byte = body[index]
      if byte < 0x80 {
        if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return false }
        index += 1
        continue
      }
      // Two- and three-byte scalars only (every four-byte one is outside the set).
      guard byte >= 0xC2, byte <= 0xEF, index + 1 < count, body[index + 1] & 0xC0 == 0x80 else {
        return false
      }
      var scalar = UInt32(byte & 0x1F) << 6 | UInt32(body[index + 1] & 0x3F)
      var width = 2
      if byte >= 0xE0 {
        guard index + 2 < count, body[index + 2] & 0xC0 == 0x80 else { return false }
        scalar =
          UInt32(byte & 0x0F) << 12 | UInt32(body[index + 1] & 0x3F) << 6
          | UInt32(body[index + 2] & 0x3F)
        guard scalar >= 0x800 else { return false }
        width = 3
      }
      guard isPlainScalar(scalar) else { return false }
      index += width
    }
    return true
  }

  /// Latin-1 letters and signs (not U+00A0, U+00AD), Latin Extended-A and -B, IPA and spacing
  /// modifier letters, Greek (not U+0374, U+037E, U+0387 and the marks before U+0386), Cyrillic
  /// (not its combining marks U+0483–U+0489), Latin Extended Additional, the dashes, quotes and
  /// other punctuation of U+2010–U+2027 and U+2030–U+205E, and the currency signs: scalars with
  /// grapheme break property Other, not white space, not `Zs`, and no canonical singletons.
  static func isPlainScalar(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0xA1...0xAC, 0xAE...0x2FF: return true
    case 0x386, 0x388...0x3FF: return true
    case 0x400...0x482, 0x48A...0x4FF: return true
    case 0x1E00...0x1EFF: return true
    case 0x2010...0x2027, 0x2030...0x205E: return true
    case 0x20A0...0x20BF: return true
    default: return false
    }
  }

  // MARK: Blocks

  /// The block rules of `EmailMarkdown.parse`, on ranges of the body.
  struct Parser {
    let body: UnsafeBufferPointer<UInt8>

    func isBlank(_ line: Range<Int>) -> Bool {
      for index in line where body[index] != 0x20 && body[index] != 0x09 { return false }
      return true
    }

    /// The line without its leading spaces and tabs.
    func trimmingLeadingSpace(_ line: Range<Int>) -> Range<Int> {
      var start = line.lowerBound
      while start < line.upperBound, body[start] == 0x20 || body[start] == 0x09 { start += 1 }
      return start..<line.upperBound
    }

    func hasPrefix(_ line: Range<Int>, _ byte: UInt8) -> Bool {
      !line.isEmpty && body[line.lowerBound] == byte
    }

    func hasPrefix(_ line: Range<Int>, _ first: UInt8, _ second: UInt8) -> Bool {
      line.count >= 2 && body[line.lowerBound] == first && body[line.lowerBound + 1] == second
    }

    func heading(_ line: Range<Int>) -> Block? {
      var hashes = 0
      while line.lowerBound + hashes < line.upperBound, body[line.lowerBound + hashes] == 0x23 {
        hashes += 1
      }
      guard (1...3).contains(hashes), line.lowerBound + hashes < line.upperBound,
        body[line.lowerBound + hashes] == 0x20
      else { return nil }
      return .heading(
        hashes, trimmingLeadingSpace((line.lowerBound + hashes + 1)..<line.upperBound))
    }

    /// `- x`, `* x` or `12. x`: whether ordered, and the item's text.
    func listMarker(_ line: Range<Int>) -> (ordered: Bool, text: Range<Int>)? {
      guard !line.isEmpty else { return nil }
      if hasPrefix(line, 0x2D, 0x20) || hasPrefix(line, 0x2A, 0x20) {
        return (false, (line.lowerBound + 2)..<line.upperBound)
      }
      var digits = 0
      while line.lowerBound + digits < line.upperBound,
        (0x30...0x39).contains(body[line.lowerBound + digits])
      {
        digits += 1
      }
      if digits > 0, digits <= 9,
        hasPrefix((line.lowerBound + digits)..<line.upperBound, 0x2E, 0x20)
      {
        return (true, (line.lowerBound + digits + 2)..<line.upperBound)
      }
      return nil
    }

    func isTableRow(_ line: Range<Int>) -> Bool { hasPrefix(trimmingLeadingSpace(line), 0x7C) }

    func parse(_ lines: ArraySlice<Range<Int>>) -> [Block] {
      var blocks: [Block] = []
      var index = lines.startIndex
      let end = lines.endIndex
      while index < end {
        let line = lines[index]
        if isBlank(line) {
          index += 1
          continue
        }
        if let heading = heading(line) {
          blocks.append(heading)
          index += 1
        } else if let first = listMarker(line) {
          var items: [[Block]] = []
          while index < end, let marker = listMarker(lines[index]), marker.ordered == first.ordered
          {
            var itemLines = [marker.text]
            index += 1
            while index < end, hasPrefix(lines[index], 0x20, 0x20) {
              itemLines.append((lines[index].lowerBound + 2)..<lines[index].upperBound)
              index += 1
            }
            items.append(parse(itemLines[...]))
          }
          blocks.append(.list(ordered: first.ordered, items: items))
        } else if hasPrefix(line, 0x3E) {
          var noteLines: [Range<Int>] = []
          while index < end, hasPrefix(lines[index], 0x3E) {
            noteLines.append(
              trimmingLeadingSpace((lines[index].lowerBound + 1)..<lines[index].upperBound))
            index += 1
          }
          blocks.append(.note(noteLines))
        } else if isTableRow(line) {
          var rows: [[Range<Int>]] = []
          var header: [Range<Int>]? = nil
          while index < end, isTableRow(lines[index]) {
            let cells = tableCells(lines[index])
            if rows.count == 1, header == nil, cells.allSatisfy(isSeparatorCell) {
              header = rows.removeFirst()
            } else {
              rows.append(cells)
            }
            index += 1
          }
          blocks.append(.table(header: header, rows: rows))
        } else {
          var paragraph: [Range<Int>] = []
          while index < end, !isBlank(lines[index]), heading(lines[index]) == nil,
            listMarker(lines[index]) == nil || paragraph.isEmpty, !hasPrefix(lines[index], 0x3E),
            !isTableRow(lines[index])
          {
            paragraph.append(trimmingLeadingSpace(lines[index]))
            index += 1
          }
          blocks.append(.paragraph(paragraph))
        }
      }
      return blocks
    }

    /// The cell without its leading and trailing spaces and tabs.
    func trimmingSpaces(_ cell: Range<Int>) -> Range<Int> {
      var start = cell.lowerBound
      var end = cell.upperBound
      while start < end, body[start] == 0x20 || body[start] == 0x09 { start += 1 }
      while end > start, body[end - 1] == 0x20 || body[end - 1] == 0x09 { end -= 1 }
      return start..<end
    }

    /// The cells of a `| a | b |` row; `\|` stays inside its cell.
    func tableCells(_ line: Range<Int>) -> [Range<Int>] {
      var index = trimmingLeadingSpace(line).lowerBound
      if index < line.upperBound, body[index] == 0x7C { index += 1 }
      var cells: [Range<Int>] = []
      var start = index
      while index < line.upperBound {
        let byte = body[index]
        if byte == 0x5C {
          index += 2
        } else if byte == 0x7C {
          cells.append(trimmingSpaces(start..<index))
          index += 1
          start = index
        } else {
          index += 1
        }
      }
      let last = trimmingSpaces(start..<line.upperBound)
      if !last.isEmpty { cells.append(last) }
      return cells
    }

    func isSeparatorCell(_ cell: Range<Int>) -> Bool {
      var dash = false
      for index in cell {
        if body[index] == 0x2D {
          dash = true
        } else if body[index] != 0x3A {
          return false
        }
      }
      return dash
    }
  }

  // MARK: Inline

  /// The inline rules of `EmailInline.parse` with `appendPlainText` and `appendHTML`, written
  /// as the markup is found. A range is first copied with its escapes applied (`cook`): the
  /// bytes without the backslashes that made a character literal, and which bytes are literal.
  struct Inline {
    let body: UnsafeBufferPointer<UInt8>
    /// The cooked bytes and which of them are literal (scratch space, reused for every line).
    var keys: [UInt8] = []
    var literal: [Bool] = []

    init(body: UnsafeBufferPointer<UInt8>) {
      self.body = body
    }

    /// ASCII punctuation or symbol: a character a backslash makes literal.
    @inline(__always)
    static func isEscapable(_ byte: UInt8) -> Bool {
      (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte)
        || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// `*`, `` ` ``, `[`, `<` or `h` (a bare address): a key the parser looks at.
    @inline(__always)
    static func opensMarkup(_ byte: UInt8) -> Bool {
      switch byte {
      case 0x2A, 0x60, 0x5B, 0x3C, 0x68: return true
      default: return false
      }
    }

    /// Writes the line's plain text (`html: false`) or HTML.
    mutating func write(_ line: Range<Int>, html: Bool, into out: inout [UInt8]) {
      if isTextAlone(line) {
        let bytes = UnsafeBufferPointer(rebasing: body[line])
        if html { Self.escape(bytes, into: &out) } else { out.append(contentsOf: bytes) }
        return
      }
      // A line has at most as many units as bytes: an escape drops its backslash.
      if keys.count < line.count {
        keys = [UInt8](repeating: 0, count: line.count * 2)
        literal = [Bool](repeating: false, count: line.count * 2)
      }
      let body = body
      keys.withUnsafeMutableBufferPointer { keys in
        literal.withUnsafeMutableBufferPointer { literal in
          let count = Self.cook(body, line, keys: keys, literal: literal)
          Emitter(
            keys: UnsafeBufferPointer(rebasing: keys[0..<count]),
            literal: UnsafeBufferPointer(rebasing: literal[0..<count])
          ).emit(0, count, html: html, insideLink: false, into: &out)
        }
      }
    }

    /// No byte that can open markup or escape (`*`, `` ` ``, `[`, `<`, a backslash), and no
    /// `:/` (a bare address needs `://`).
    func isTextAlone(_ line: Range<Int>) -> Bool {
      var index = line.lowerBound
      let end = line.upperBound
      while index < end {
        switch body[index] {
        case 0x2A, 0x60, 0x5B, 0x3C, 0x5C: return false
        case 0x3A:
          if index + 1 < end && body[index + 1] == 0x2F { return false }
        default: break
        }
        index += 1
      }
      return true
    }

    /// Writes the line's bytes with escapes applied into `keys` and `literal`; returns how many.
    static func cook(
      _ body: UnsafeBufferPointer<UInt8>, _ line: Range<Int>,
      keys: UnsafeMutableBufferPointer<UInt8>, literal: UnsafeMutableBufferPointer<Bool>
    ) -> Int {
      var written = 0
      var pendingEscape = false
      for index in line {
        let byte = body[index]
        if pendingEscape {
          pendingEscape = false
          if isEscapable(byte) {
            keys[written] = byte
            literal[written] = true
            written += 1
            continue
          }
          keys[written] = 0x5C
          literal[written] = true
          written += 1
        } else if byte == 0x5C {
          pendingEscape = true
          continue
        }
        keys[written] = byte
        literal[written] = false
        written += 1
      }
      if pendingEscape {
        keys[written] = 0x5C
        literal[written] = true
        written += 1
      }
      return written
    }

    /// HTML-escapes `bytes` as `MustacheEscaping.html` does (`&`, `<`, `>`, `"`, `'`).
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
      var start = 0
      for index in 0..<bytes.count {
        let entity: StaticString
        switch bytes[index] {
        case 0x26: entity = "&amp;"
        case 0x3C: entity = "&lt;"
        case 0x3E: entity = "&gt;"
        case 0x22: entity = "&quot;"
        case 0x27: entity = "&#39;"
        default: continue
        }
        if start < index {
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        }
        entity.withUTF8Buffer { out.append(contentsOf: $0) }
        start = index + 1
      }
      if start < bytes.count {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
      }
    }
  }

  /// The recursive descent of `EmailInline`'s parser over one cooked line, writing as it goes.
  struct Emitter {
    let keys: UnsafeBufferPointer<UInt8>
    let literal: UnsafeBufferPointer<Bool>

    @inline(__always)
    func isMarker(_ index: Int, _ key: UInt8) -> Bool { keys[index] == key && !literal[index] }

    func find(_ marker: UInt8, from start: Int, end: Int) -> Int? {
      var i = start
      while i < end {
        if isMarker(i, marker) { return i }
        i += 1
      }
      return nil
    }

    func find(_ first: UInt8, _ second: UInt8, from start: Int, end: Int) -> Int? {
      var i = start
      while i + 2 <= end {
        if isMarker(i, first) && isMarker(i + 1, second) { return i }
        i += 1
      }
      return nil
    }

    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: keys[range])
    }

    func hasSpace(_ range: Range<Int>) -> Bool { bytes(range).contains(0x20) }

    static func hasPrefix(_ bytes: some Collection<UInt8>, _ prefix: StaticString) -> Bool {
      prefix.withUTF8Buffer { head in
        bytes.count >= head.count && bytes.prefix(head.count).elementsEqual(head)
      }
    }

    static func isWebAddress(_ bytes: some Collection<UInt8>) -> Bool {
      hasPrefix(bytes, "https://") || hasPrefix(bytes, "http://")
    }

    /// `EmailInline.isEmail`: one `@` with text before it and a `.` after it, and no `:`.
    static func isEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let at = bytes.firstIndex(of: 0x40), at > 0, !bytes.contains(0x3A) else { return false }
      let domain = bytes[(at + 1)...]
      return !domain.contains(0x40) && domain.contains(0x2E)
    }

    func text(_ range: Range<Int>, html: Bool, into out: inout [UInt8]) {
      guard !range.isEmpty else { return }
      if html {
        Inline.escape(bytes(range), into: &out)
      } else {
        out.append(contentsOf: bytes(range))
      }
    }

    /// The units `start..<end` as `EmailInline.parse` reads them, written as plain text or HTML.
    func emit(_ start: Int, _ end: Int, html: Bool, insideLink: Bool, into out: inout [UInt8]) {
      var textStart = start
      var i = start
      while i < end {
        if !literal[i] {
          let c = keys[i]
          if c == 0x2A {
            if i + 1 < end, isMarker(i + 1, 0x2A),
              let close = find(0x2A, 0x2A, from: i + 2, end: end),
              close > i + 2
            {
              text(textStart..<i, html: html, into: &out)
              if html { append("<strong>", to: &out) }
              emit(i + 2, close, html: html, insideLink: insideLink, into: &out)
              if html { append("</strong>", to: &out) }
              i = close + 2
              textStart = i
              continue
            }
            if let close = find(0x2A, from: i + 1, end: end), close > i + 1 {
              text(textStart..<i, html: html, into: &out)
              if html { append("<em>", to: &out) }
              emit(i + 1, close, html: html, insideLink: insideLink, into: &out)
              if html { append("</em>", to: &out) }
              i = close + 1
              textStart = i
              continue
            }
          } else if c == 0x60 {
            if let close = find(0x60, from: i + 1, end: end) {
              text(textStart..<i, html: html, into: &out)
              if html { append("<code>", to: &out) }
              text((i + 1)..<close, html: html, into: &out)
              if html { append("</code>", to: &out) }
              i = close + 1
              textStart = i
              continue
            }
          } else if c == 0x5B {
            if let close = find(0x5D, 0x28, from: i + 1, end: end),
              let linkEnd = find(0x29, from: close + 2, end: end), !hasSpace((close + 2)..<linkEnd)
            {
              text(textStart..<i, html: html, into: &out)
              link(
                label: (i + 1)..<close, labelIsText: false,
                url: Array(bytes((close + 2)..<linkEnd)),
                html: html, insideLink: insideLink, into: &out)
              i = linkEnd + 1
              textStart = i
              continue
            }
          } else if c == 0x3C {
            if let close = find(0x3E, from: i + 1, end: end) {
              let inner = bytes((i + 1)..<close)
              let email = Self.isEmail(inner)
              if !inner.contains(0x20),
                Self.isWebAddress(inner) || Self.hasPrefix(inner, "mailto:") || email
              {
                text(textStart..<i, html: html, into: &out)
                link(
                  label: (i + 1)..<close, labelIsText: true,
                  url: email ? Array("mailto:".utf8) + inner : Array(inner), html: html,
                  insideLink: insideLink, into: &out)
                i = close + 1
                textStart = i
                continue
              }
            }
          } else if c == 0x68, let addressEnd = bareAddressEnd(from: i, end: end) {
            text(textStart..<i, html: html, into: &out)
            link(
              label: i..<addressEnd, labelIsText: true, url: Array(bytes(i..<addressEnd)),
              html: html, insideLink: insideLink, into: &out)
            i = addressEnd
            textStart = i
            continue
          }
        }
        // Text: this unit and those after it that cannot open markup.
        i += 1
        while i < end, literal[i] || !Inline.opensMarkup(keys[i]) { i += 1 }
      }
      text(textStart..<end, html: html, into: &out)
    }

    func append(_ markup: StaticString, to out: inout [UInt8]) {
      markup.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// A link node: its label (parsed, or text alone for `<…>` and bare addresses) and address.
    func link(
      label: Range<Int>, labelIsText: Bool, url: [UInt8], html: Bool, insideLink: Bool,
      into out: inout [UInt8]
    ) {
      func writeLabel(_ html: Bool, insideLink: Bool) {
        if labelIsText {
          text(label, html: html, into: &out)
        } else {
          emit(label.lowerBound, label.upperBound, html: html, insideLink: insideLink, into: &out)
        }
      }
      url.withUnsafeBufferPointer { url in
        let isMail = Self.hasPrefix(url, "mailto:")
        if !html {
          let start = out.count
          writeLabel(false, insideLink: false)
          let shown = isMail ? UnsafeBufferPointer(rebasing: url[7...]) : url
          if start == out.count {
            out.append(contentsOf: shown)
            return
          }
          if out[start...].elementsEqual(shown) { return }
          let ascii = out[start...].allSatisfy { $0 < 0x80 } && shown.allSatisfy { $0 < 0x80 }
          if !ascii,
            String(decoding: out[start...], as: UTF8.self) == String(decoding: shown, as: UTF8.self)
          {
            out.removeSubrange(start...)
            out.append(contentsOf: shown)
            return
          }
          append(" (", to: &out)
          out.append(contentsOf: shown)
          out.append(0x29)
          return
        }
        if insideLink {
          writeLabel(true, insideLink: true)
        } else if Self.isWebAddress(url) || isMail {
          append("<a href=\"", to: &out)
          Inline.escape(url, into: &out)
          append("\" style=\"color: #0b4f6c;\">", to: &out)
          writeLabel(true, insideLink: true)
          append("</a>", to: &out)
        } else {
          writeLabel(true, insideLink: true)
          append(" (", to: &out)
          Inline.escape(url, into: &out)
          out.append(0x29)
        }
      }
    }

    /// The length of the `https://` or `http://` (not made literal) at `start`, or nil.
    func schemeLength(at start: Int, end: Int) -> Int? {
      guard start + 7 <= end, isMarker(start, 0x68), isMarker(start + 1, 0x74),
        isMarker(start + 2, 0x74), isMarker(start + 3, 0x70)
      else { return nil }
      var colon = start + 4
      if isMarker(colon, 0x73) { colon += 1 }
      guard colon + 3 <= end, isMarker(colon, 0x3A), isMarker(colon + 1, 0x2F),
        isMarker(colon + 2, 0x2F)
      else { return nil }
      return colon + 3 - start
    }

    /// Where a bare address from `start` ends (trailing punctuation left out), or nil.
    func bareAddressEnd(from start: Int, end: Int) -> Int? {
      guard let count = schemeLength(at: start, end: end) else { return nil }
      var stop = start + count
      while stop < end {
        let key = keys[stop]
        // White space (the qualifying bodies have no other) or `<`, `>`, `"`.
        if key == 0x20 || key == 0x09 || key == 0x3C || key == 0x3E || key == 0x22 { break }
        stop += 1
      }
      while stop > start + count {
        switch keys[stop - 1] {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29: stop -= 1
        default: return stop > start + count ? stop : nil
        }
      }
      return nil
    }
  }

  // MARK: Writers

  /// `EmailMarkdownText.Writer` on byte ranges.
  struct TextWriter {
    var out: [UInt8] = []
    var inline: Inline
    var firstLine = true
    var items: [(marker: [UInt8], pending: Bool)] = []

    init(inline: Inline) {
      self.inline = inline
      out.reserveCapacity(4096)
    }

    mutating func render(_ blocks: [Block]) {
      for (index, block) in blocks.enumerated() {
        if index > 0 { out.append(contentsOf: [0x0A, 0x0A]) }
        firstLine = true
        self.block(block)
      }
      if !out.isEmpty { out.append(0x0A) }
    }

    mutating func startLine() {
      if !firstLine { out.append(0x0A) }
      firstLine = false
      for index in items.indices {
        if items[index].pending {
          out.append(contentsOf: items[index].marker)
          items[index].pending = false
        } else {
          out.append(contentsOf: repeatElement(0x20, count: items[index].marker.count))
        }
      }
    }

    mutating func block(_ block: Block) {
      switch block {
      case .paragraph(let lines), .note(let lines):
        for line in lines {
          startLine()
          inline.write(line, html: false, into: &out)
        }
      case .heading(_, let text):
        startLine()
        var plain: [UInt8] = []
        inline.write(text, html: false, into: &plain)
        if plain.allSatisfy({ $0 < 0x80 }) {
          for byte in plain { out.append((0x61...0x7A).contains(byte) ? byte - 0x20 : byte) }
        } else {
          out.append(contentsOf: String(decoding: plain, as: UTF8.self).uppercased().utf8)
        }
      case .list(let ordered, let items):
        for (number, item) in items.enumerated() {
          self.items.append((ordered ? Array("\(number + 1). ".utf8) : [0x2D, 0x20], true))
          for block in item { self.block(block) }
          self.items.removeLast()
        }
      case .table(let header, let rows):
        table((header.map { [$0] } ?? []) + rows)
      }
    }

    mutating func table(_ rows: [[Range<Int>]]) {
      var cells: [UInt8] = []
      var placed: [[(range: Range<Int>, width: Int)]] = []
      var widths: [Int] = []
      for row in rows {
        var cellsOfRow: [(range: Range<Int>, width: Int)] = []
        for (column, cell) in row.enumerated() {
          let start = cells.count
          inline.write(cell, html: false, into: &cells)
          // Every scalar of a qualifying body is a character: count the bytes that start one.
          var width = 0
          for index in start..<cells.count where cells[index] & 0xC0 != 0x80 { width += 1 }
          cellsOfRow.append((start..<cells.count, width))
          if column == widths.count { widths.append(0) }
          widths[column] = max(widths[column], width)
        }
        placed.append(cellsOfRow)
      }
      for row in placed {
        startLine()
        for (column, cell) in row.enumerated() {
          if column > 0 { out.append(contentsOf: [0x20, 0x20]) }
          out.append(contentsOf: cells[cell.range])
          if column != row.count - 1 {
            out.append(contentsOf: repeatElement(0x20, count: widths[column] - cell.width))
          }
        }
      }
    }
  }

  /// `EmailMarkdownHTML.Writer` on byte ranges.
  struct HTMLWriter {
    var out: [UInt8] = []
    var inline: Inline

    init(inline: Inline) {
      self.inline = inline
      out.reserveCapacity(8192)
    }

    mutating func render(_ blocks: [Block]) {
      out.append(contentsOf: EmailMarkdownHTML.wrapper.utf8)
      for block in blocks {
        out.append(0x0A)
        self.block(block, indent: 2)
      }
      literal("\n</div>\n")
    }

    mutating func spaces(_ count: Int) { out.append(contentsOf: repeatElement(0x20, count: count)) }

    mutating func literal(_ text: StaticString) {
      text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    mutating func inline(_ range: Range<Int>) { inline.write(range, html: true, into: &out) }

    mutating func lines(_ lines: [Range<Int>], indent: Int) {
      for (index, line) in lines.enumerated() {
        if index > 0 {
          literal("<br>\n")
          spaces(indent)
        }
        inline(line)
      }
    }

    mutating func block(_ block: Block, indent: Int, tight: Bool = false, indented: Bool = true) {
      if indented { spaces(indent) }
      switch block {
      case .paragraph(let lines):
        if !tight { literal("<p>") }
        self.lines(lines, indent: indent)
        if !tight { literal("</p>") }
      case .note(let lines):
        literal(
          "<p style=\"background-color: #fff8e1; border-left: 4px solid #f5a623; padding: 8px 12px;\">"
        )
        self.lines(lines, indent: indent)
        literal("</p>")
      case .heading(let level, let text):
        switch level {
        case 1: literal("<h2 style=\"font-size: 20px; ")
        case 2: literal("<h3 style=\"font-size: 17px; ")
        default: literal("<h4 style=\"font-size: 15px; ")
        }
        literal("margin: 20px 0 4px 0; color: #0b4f6c;\">")
        inline(text)
        switch level {
        case 1: literal("</h2>")
        case 2: literal("</h3>")
        default: literal("</h4>")
        }
      case .list(let ordered, let items):
        if ordered {
          literal("<ol style=\"margin-top: 0;\">")
        } else {
          literal("<ul style=\"margin-top: 0;\">")
        }
        for item in items {
          literal("\n")
          spaces(indent)
          literal("  <li>")
          let start = out.count
          for (index, block) in item.enumerated() {
            if index > 0 { literal("\n") }
            self.block(block, indent: indent + 4, tight: index == 0, indented: index > 0)
          }
          // The item's content without its leading spaces and tabs.
          var first = start
          while first < out.count, out[first] == 0x20 || out[first] == 0x09 { first += 1 }
          if first > start { out.removeSubrange(start..<first) }
          if item.count == 1, case .paragraph = item[0] {
            literal("</li>")
          } else {
            literal("\n")
            spaces(indent)
            literal("  </li>")
          }
        }
        literal("\n")
        spaces(indent)
        if ordered { literal("</ol>") } else { literal("</ul>") }
      case .table(let header, let rows):
        literal("<table style=\"border-collapse: collapse; margin: 4px 0 12px 0;\">")
        if let header { row(header, header: true, indent: indent) }
        for cells in rows { row(cells, header: false, indent: indent) }
        literal("\n")
        spaces(indent)
        literal("</table>")
      }
    }

    mutating func row(_ cells: [Range<Int>], header: Bool, indent: Int) {
      literal("\n")
      spaces(indent)
      literal("  <tr>")
      for cell in cells {
        if header {
          literal("<th style=\"")
        } else {
          literal("<td style=\"")
        }
        out.append(contentsOf: EmailMarkdownHTML.cell.utf8)
        literal("\">")
        inline(cell)
        if header { literal("</th>") } else { literal("</td>") }
      }
      literal("</tr>")
    }
  }
}
