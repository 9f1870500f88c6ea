/// Byte-table fast paths for the text escapers, on a string's UTF-8 code units.
///
/// Each returns nil when the bytes could mean something different as `Character`s (grapheme
/// clusters) than as single bytes; the caller then takes the character-by-character path, which
/// is the definition. So the output is the same bytes either way.
enum UTF8Escaping {
  /// What a byte is to `markdownEscaped`: 0 copied, 1 backslash-escaped, 2 CR, 3 LF, 4 the lead
  /// byte of U+2028/U+2029, 5 the lead byte of U+1FEF (canonically equal to `` ` ``).
  static let markdownClass: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    for byte in "\\`*_[]<>|#{}~".utf8 { table[Int(byte)] = 1 }
    table[0x0D] = 2
    table[0x0A] = 3
    table[0xE2] = 4
    table[0xE1] = 5
    return table
  }()

  /// `markdownEscaped` on bytes, or nil when the character path must decide.
  static func markdown(_ text: String) -> String? {
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
      guard let first = firstMarkdownSpecial(bytes) else {
        return .some(nil)  // nothing to change
      }
      var decided = true
      let escaped = String(unsafeUninitializedCapacity: markdownLimit(bytes.count)) { out in
        guard let base = out.baseAddress, let count = writeMarkdown(bytes, from: first, to: base)
        else {
          decided = false
          return 0
        }
        return count
      }
      return decided ? .some(escaped) : nil
    }
    switch result {
    case .some(.some(.some(let escaped))): return escaped
    case .some(.some(.none)): return text
    default: return nil
    }
  }

  /// The index of the first byte `markdownEscaped` may change, or nil when it changes none.
  @inline(__always)
  static func firstMarkdownSpecial(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let table = markdownClass
    return table.withUnsafeBufferPointer { table in
      bytes.firstIndex(where: { table[Int($0)] != 0 })
    }
  }

  /// The most bytes `writeMarkdown` writes for `count` bytes (each at most doubles).
  static func markdownLimit(_ count: Int) -> Int { count * 2 }

  /// Writes `markdownEscaped` of `bytes` at `out` (room for `markdownLimit(bytes.count)`):
  /// the bytes before `first` as they are, then byte by byte. Returns the count written, or nil
  /// when the character path must decide.
  static func writeMarkdown(
    _ bytes: UnsafeBufferPointer<UInt8>, from first: Int, to out: UnsafeMutablePointer<UInt8>
  ) -> Int? {
    guard let base = bytes.baseAddress else { return 0 }
    out.initialize(from: base, count: first)
    var end = first
    @inline(__always) func put(_ byte: UInt8) {
      out[end] = byte
      end += 1
    }
    return markdownClass.withUnsafeBufferPointer { table -> Int? in
      var index = first
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        switch table[Int(byte)] {
        case 0:
          put(byte)
        case 1:
          guard isAlone(bytes, at: index) else { return nil }
          put(UInt8(ascii: "\\"))
          put(byte)
        case 2:
          put(UInt8(ascii: " "))
          if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
        case 3:
          put(UInt8(ascii: " "))
        case 4:
          if index + 2 < count, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
          {
            put(UInt8(ascii: " "))
            index += 2
          } else {
            put(byte)
          }
        default:
          if index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xAF { return nil }
          put(byte)
        }
        index += 1
      }
      return end
    }
  }

  /// Whether the ASCII byte at `index` is a grapheme cluster of its own: its neighbours are
  /// ASCII too (only a non-ASCII scalar can extend a cluster or prepend to one).
  @inline(__always)
  static func isAlone(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    (index == 0 || bytes[index - 1] < 0x80) && (index + 1 == bytes.count || bytes[index + 1] < 0x80)
  }

  /// The definition of `markdownEscaped`, character by character.
  static func markdownByCharacter(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "{", "}", "~":
        result.append("\\")
        result.append(character)
      case "\r\n", "\n", "\r", "\u{2028}", "\u{2029}":
        result.append(" ")
      default:
        result.append(character)
      }
    }
    return result
  }

  /// False when `visibleText` certainly leaves the text as it is: no C0 control outside
  /// `allowed`, no DEL, no C1 control (C2 80–9F), no bidirectional control (E2 80 AA–AE,
  /// E2 81 A6–A9, D8 9C). True means: look scalar by scalar.
  ///
  /// Eight bytes at a time where all are printable ASCII (0x20–0x7E), byte by byte elsewhere.
  static func mayNeedVisibleChange(_ text: String, allowing allowed: Set<Unicode.Scalar>) -> Bool {
    var allowedMask: UInt32 = 0
    for scalar in allowed where scalar.value < 32 { allowedMask |= 1 << scalar.value }
    let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      let count = bytes.count
      var index = 0
      var end = 0
      while index < count {
        if index == end {
          if index + 8 <= count, let base = bytes.baseAddress {
            let word = UInt64(
              littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if isPrintableASCII(word) {
              index += 8
              end = index
              continue
            }
            end = index + 8
          } else {
            end = count
          }
        }
        let byte = bytes[index]
        if byte < 0x20 {
          if allowedMask & (1 << UInt32(byte)) == 0 { return true }
        } else if byte >= 0x7F {
          let next = index + 1 < count ? bytes[index + 1] : 0
          let third = index + 2 < count ? bytes[index + 2] : 0
          switch byte {
          case 0x7F: return true
          case 0xC2 where next >= 0x80 && next <= 0x9F: return true
          case 0xD8 where next == 0x9C: return true
          case 0xE2 where next == 0x80 && third >= 0xAA && third <= 0xAE: return true
          case 0xE2 where next == 0x81 && third >= 0xA6 && third <= 0xA9: return true
          default: break
          }
        }
        index += 1
      }
      return false
    }
    return answer ?? true
  }

  /// Whether all eight bytes of `word` are 0x20–0x7E: none has the high bit, none is below 0x20
  /// (the borrow test finds any such byte), none is 0x7F (adding 1 sets its high bit; no carry
  /// crosses bytes once none has the high bit).
  @inline(__always)
  static func isPrintableASCII(_ word: UInt64) -> Bool {
    let highBits: UInt64 = 0x8080_8080_8080_8080
    let high = word & highBits
    let control = (word &- 0x2020_2020_2020_2020) & ~word & highBits
    let delete = (word &+ 0x0101_0101_0101_0101) & highBits
    return high | control | delete == 0
  }
}

extension UTF8Escaping {
  /// What a byte is to `EmailMarkdown.escape`: bit 0 escaped anywhere (`\*[]<>|`:`), bit 1
  /// escaped at a line's start (`-+#>`), bit 2 escaped after a line's leading digits (`.`, `)`),
  /// bit 3 a digit, bit 4 a line break byte (LF, VT, FF, CR), bit 5 a lead byte to look at
  /// (C2: NEL; E2: U+2028/U+2029; E1: U+1FEF).
  static let emailClass: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    for byte in "\\*[]<>|`:".utf8 { table[Int(byte)] |= 1 }
    for byte in "-+#>".utf8 { table[Int(byte)] |= 2 }
    for byte in ".)".utf8 { table[Int(byte)] |= 4 }
    for byte in "0123456789".utf8 { table[Int(byte)] |= 8 }
    for byte: UInt8 in [0x0A, 0x0B, 0x0C, 0x0D] { table[Int(byte)] |= 16 }
    for byte: UInt8 in [0xC2, 0xE1, 0xE2] { table[Int(byte)] |= 32 }
    return table
  }()

  /// `EmailMarkdown.escape` on bytes, or nil when the character path must decide.
  static func emailMarkdown(_ value: String) -> String? {
    let result = value.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
      let table = emailClass
      guard bytes.contains(where: { table[Int($0)] != 0 }) else { return .some(nil) }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 8)
      guard emailMarkdown(escaping: bytes, into: &out) else { return nil }
      return .some(String(decoding: out, as: UTF8.self))
    }
    switch result {
    case .some(.some(.some(let escaped))): return escaped
    case .some(.some(.none)): return value
    default: return nil
    }
  }

  /// Appends the bytes of `EmailMarkdown.escape(value)` to `out`, or returns false (with `out`
  /// as it was) when the character path must decide.
  static func emailMarkdown(_ value: String, into out: inout [UInt8]) -> Bool {
    var copy = value  // shares the storage; `withUTF8` needs a variable
    return copy.withUTF8 { bytes in
      let table = emailClass
      guard bytes.contains(where: { table[Int($0)] != 0 }) else {
        out.append(contentsOf: bytes)
        return true
      }
      return emailMarkdown(escaping: bytes, into: &out)
    }
  }

  /// The escaping loop of `emailMarkdown`, appending to `out`; false (and `out` as it was) when
  /// the character path must decide.
  private static func emailMarkdown(
    escaping bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]
  ) -> Bool {
    let table = emailClass
    let start = out.count
    var atLineStart = true
    var digits = false
    var index = 0
    let count = bytes.count
    func appendLineBreak() {
      out.append(0xE2)
      out.append(0x80)
      out.append(0xA8)
    }
    while index < count {
      let byte = bytes[index]
      let kind = table[Int(byte)]
      if kind == 0 {
        // A run of bytes that are never escaped and never break a line: copied at once.
        var end = index + 1
        while end < count && table[Int(bytes[end])] == 0 { end += 1 }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
        atLineStart = false
        digits = false
        index = end
        continue
      }
      if kind & 16 != 0 {
        appendLineBreak()
        if byte == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
        atLineStart = true
        digits = false
        index += 1
        continue
      }
      if kind & 32 != 0 {
        let next = index + 1 < count ? bytes[index + 1] : 0
        let third = index + 2 < count ? bytes[index + 2] : 0
        if byte == 0xC2 && next == 0x85 {
          appendLineBreak()
          atLineStart = true
          digits = false
          index += 2
          continue
        }
        if byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9) {
          appendLineBreak()
          atLineStart = true
          digits = false
          index += 3
          continue
        }
        if byte == 0xE1 && next == 0xBF && third == 0xAF {
          out.removeSubrange(start...)
          return false
        }
        out.append(byte)
        atLineStart = false
        digits = false
        index += 1
        continue
      }
      // An ASCII character that would be escaped must be a cluster of its own (joined to a mark,
      // the character rule sees a larger character and leaves it). One that is not escaped gives
      // the same bytes either way, and the same state after its cluster: a mark joined to it is
      // non-ASCII, and a non-ASCII byte leaves `atLineStart` and `digits` false in both paths.
      if (atLineStart && kind & 2 != 0) || kind & 1 != 0 || (digits && kind & 4 != 0) {
        guard isAlone(bytes, at: index) else {
          out.removeSubrange(start...)
          return false
        }
        out.append(UInt8(ascii: "\\"))
      }
      digits = (atLineStart || digits) && kind & 8 != 0
      atLineStart = false
      out.append(byte)
      index += 1
    }
    return true
  }

  /// `htmlEscaped(text)` with every U+2028 (the carried line break) as `<br>`, or nil when an
  /// U+2028 has a non-ASCII neighbour (Foundation's search then decides).
  static func htmlWithBreaks(_ text: String) -> String? {
    let escaped = htmlEscaped(text)
    let result = escaped.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
      guard bytes.contains(0xE2) else { return .some(nil) }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 8)
      var index = 0
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 {
          let before = index == 0 || bytes[index - 1] < 0x80
          let after = index + 3 == count || bytes[index + 3] < 0x80
          guard before && after else { return nil }
          out.append(contentsOf: "<br>".utf8)
          index += 3
        } else {
          out.append(byte)
          index += 1
        }
      }
      return .some(String(decoding: out, as: UTF8.self))
    }
    switch result {
    case .some(.some(.some(let replaced))): return replaced
    case .some(.some(.none)): return escaped
    default: return nil
    }
  }
}

extension UTF8Escaping {
  /// `fileSafeName` for ASCII text (folding ASCII only lowercases it), or nil for other text.
  static func fileSafeASCIIName(_ text: String) -> String? {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(min(text.utf8.count, 64))
    for var byte in text.utf8 {
      if (0x41...0x5A).contains(byte) { byte += 0x20 }
      if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D {
        result.append(byte)
      } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+")
      {
        if !result.isEmpty, result.last != 0x2D { result.append(0x2D) }
      } else if !result.isEmpty, result.last != 0x2D {
        result.append(0x2D)
      }
    }
    while result.last == 0x2D { result.removeLast() }
    return result.isEmpty ? "hire" : String(decoding: result.prefix(64), as: UTF8.self)
  }
}

extension UTF8Escaping {
  /// `text.replacingOccurrences(of: target, with: replacement)` for ASCII text and a non-empty
  /// ASCII target, on bytes; nil for other text (Foundation's search there matches canonically
  /// equivalent characters, not bytes).
  static func asciiReplacing(_ text: String, _ target: String, with replacement: String)
    -> String?
  {
    let needle = Array(target.utf8)
    guard let first = needle.first, needle.allSatisfy({ $0 < 0x80 }) else { return nil }
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      let count = bytes.count
      let last = count - needle.count
      var out: [UInt8] = []
      var copied = 0
      var index = 0
      while index <= last {
        if bytes[index] == first, matches(needle, in: bytes, at: index) {
          if out.isEmpty { out.reserveCapacity(count + 16) }
          out.append(contentsOf: bytes[copied..<index])
          out.append(contentsOf: replacement.utf8)
          index += needle.count
          copied = index
        } else {
          index += 1
        }
      }
      guard copied > 0 else { return .some(nil) }
      out.append(contentsOf: bytes[copied..<count])
      return .some(String(decoding: out, as: UTF8.self))
    }
    switch result {
    case .some(.some(.some(let replaced))): return replaced
    case .some(.some(.none)): return text
    default: return nil
    }
  }

  @inline(__always)
  private static func matches(
    _ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int
  ) -> Bool {
    for offset in 1..<needle.count where bytes[index + offset] != needle[offset] { return false }
    return true
  }
}
