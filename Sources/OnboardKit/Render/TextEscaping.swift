import Foundation
import OnboardMustache

/// Escapes untrusted text for Markdown: punctuation that could start markup is backslash-escaped,
/// line breaks become spaces (a table cell or list item stays one line).
///
/// The rule is per `Character`; this runs on the UTF-8 bytes with a table, which gives the same
/// bytes whenever each markup character stands alone between ASCII neighbours (a combining mark
/// after `*` would make `*́` one character, which is not escaped). Other text takes the
/// character-by-character path.
public func markdownEscaped(_ text: String) -> String {
  UTF8Escaping.markdown(text) ?? UTF8Escaping.markdownByCharacter(text)
}

/// Escapes untrusted text for HTML element content and attribute values: the same escaping the
/// email templates' HTML bodies get (`&`, `<`, `>`, `"`, `'`).
public func htmlEscaped(_ text: String) -> String { MustacheEscaping.html.escape(text) }

/// A file-name-safe slug for a hire: ASCII letters, digits, `.`, `-` from the email's local part.
/// Never empty, never `.`/`..`, never a path separator.
public func fileSafeName(_ text: String) -> String {
  UTF8Escaping.fileSafeASCIIName(text) ?? fileSafeNameByScalar(text)
}

/// The definition of `fileSafeName`: folded by Foundation, then scalar by scalar.
func fileSafeNameByScalar(_ text: String) -> String {
  var result = ""
  // "José Ångström" → "jose-angstrom": accents folded first, so names stay recognisable.
  let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
  for scalar in folded.lowercased().unicodeScalars {
    if scalar.isASCII,
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
    {
      result.unicodeScalars.append(scalar)
    } else if scalar == "." || scalar == "_" || scalar == "+" {
      result.append(result.last == "-" || result.isEmpty ? "" : "-")
    } else if !result.isEmpty, result.last != "-" {
      result.append("-")
    }
  }
  while result.hasSuffix("-") { result.removeLast() }
  return result.isEmpty ? "hire" : String(result.prefix(64))
}

/// 16 hex digits of a 64-bit FNV-1a hash of the text's UTF-8: a short, stable tag that tells
/// apart what a slug merges (folder names, Message-IDs of two hires whose slugs are the same).
public func stableHash(_ text: String) -> String {
  let hex = String(fnv1a64(text), radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}

/// The 64-bit FNV-1a hash of the text's UTF-8: the same in every run.
public func fnv1a64(_ text: String) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01b3
  }
  return hash
}

/// The one sanitiser for untrusted text at the edges (the terminal, plan.md, plan.html,
/// index.html, cohort.md, cohort.csv): control characters are shown, never obeyed.
///
/// - C0 controls and DEL become their visible symbols (`␛`, `␀`, `␇`, `␡`), except the line
///   breaks and tab the format allows (`allowed`);
/// - C1 controls (U+0080–U+009F, which some terminals read as escape sequences) become `�`;
/// - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, U+061C) are removed, so a
///   name cannot reverse the text that follows it.
///
/// Text without any of these is returned unchanged.
public func visibleText(_ text: String, allowing allowed: Set<Unicode.Scalar> = ["\n", "\t"])
  -> String
{
  func needsChange(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 || value == 0x7F { return !allowed.contains(scalar) }
    if value < 0x80 { return false }
    return (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value) || value == 0x061C
  }
  guard UTF8Escaping.mayNeedVisibleChange(text, allowing: allowed),
    text.unicodeScalars.contains(where: needsChange)
  else { return text }
  var result = String.UnicodeScalarView()
  for scalar in text.unicodeScalars {
    guard needsChange(scalar) else {
      result.append(scalar)
      continue
    }
    switch scalar.value {
    case 0..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
    case 0x7F: result.append("\u{2421}")
    case 0x80...0x9F: result.append("\u{FFFD}")
    default: break  // bidirectional controls: removed
    }
  }
  return String(result)
}

/// `visibleText` for a whole document: its line breaks (CR too, for CSV's CRLF) and tabs stay.
public func visibleDocument(_ text: String) -> String {
  visibleText(text, allowing: ["\n", "\r", "\t"])
}

/// `visibleDocument` of a document already in UTF-8 bytes (a rendered page): the bytes are
/// scanned for what `visibleText` changes and returned as they are when there is none, so the
/// common document never becomes a `String`; one that needs a change takes the `String` path.
///
/// The bytes must be valid UTF-8 (markup built from `String`s is), or the fast path would keep
/// what `String(decoding:)` repairs.
func visibleDocument(bytes: [UInt8]) -> [UInt8] {
  guard VisibleBytes.mayNeedChange(bytes) else { return bytes }
  return Array(visibleDocument(String(decoding: bytes, as: UTF8.self)).utf8)
}

/// `visibleDocument(bytes:)` of a document built in a buffer, as the file's `Data`: the buffer's
/// own block when nothing changes (no copy).
func visibleDocument(buffer: consuming ByteBuffer) -> Data {
  guard buffer.withBytes({ VisibleBytes.mayNeedChange($0) }) else { return buffer.data() }
  return Data(visibleDocument(buffer.string).utf8)
}

/// The byte scan behind `visibleDocument(bytes:)`.
enum VisibleBytes {
  /// Whether `visibleDocument` may change the text whose UTF-8 is `bytes`: a C0 control other
  /// than TAB, LF, CR; DEL; a C1 control (C2 80–9F); a bidirectional control (E2 80 AA–AE,
  /// E2 81 A6–A9, D8 9C). Eight bytes at a time: a word of printable ASCII and line feeds is
  /// skipped whole (a page has a line feed every few dozen bytes), another is looked at byte by
  /// byte.
  static func mayNeedChange(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { mayNeedChange($0) }
  }

  /// `mayNeedChange` of bytes in memory.
  static func mayNeedChange(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = buffer.baseAddress else { return false }
    let count = buffer.count
    var index = 0
    while index + 8 <= count {
      let word = UInt64(
        littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
      if isDocumentASCII(word) {
        index += 8
        continue
      }
      for offset in index..<index + 8 where needsChange(at: offset, in: buffer) { return true }
      index += 8
    }
    while index < count {
      if needsChange(at: index, in: buffer) { return true }
      index += 1
    }
    return false
  }

  /// Every byte of the word is 0x20–0x7E or LF: the bytes `visibleDocument` keeps whatever
  /// follows them (TAB and CR too, but they are rare in a page and take the byte loop).
  @inline(__always)
  static func isDocumentASCII(_ word: UInt64) -> Bool {
    if isPrintableASCII(word) { return true }
    // Each LF (0x0A) becomes 0x2A, printable; `equal` flags exactly the LF bytes, so no other
    // byte can become printable.
    return isPrintableASCII(word | equal(word, 0x0A) >> 2)
  }

  /// Every byte of the word is 0x20–0x7E.
  @inline(__always)
  static func isPrintableASCII(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    // A byte below 0x20 borrows into its high bit; one of 0x7F or more carries into it (or has
    // it already). Neither sum crosses into the next byte for bytes below 0x80.
    let below = (word &- ones &* 0x20) & ~word & high
    let above = ((word & ~high) &+ ones) | word
    return (below | above) & high == 0
  }

  /// The high bit of each byte of `word` that is `byte`, and no other bit.
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let high: UInt64 = 0x8080_8080_8080_8080
    let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    // A byte's high bit is set here unless the byte of `difference` is zero.
    return ~(((difference & ~high) &+ ~high) | difference) & high
  }

  /// Whether the character starting at `index` is one `visibleDocument` changes (a continuation
  /// byte never is: only the lead byte of a sequence decides).
  @inline(__always)
  static func needsChange(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let byte = bytes[index]
    if byte < 0x20 { return byte != 0x09 && byte != 0x0A && byte != 0x0D }
    if byte < 0x7F { return false }
    if byte == 0x7F { return true }
    let next = index + 1 < bytes.count ? bytes[index + 1] : 0
    switch byte {
    case 0xC2: return next >= 0x80 && next <= 0x9F
    case 0xD8: return next == 0x9C
    case 0xE2:
      let third = index + 2 < bytes.count ? bytes[index + 2] : 0
      return (next == 0x80 && third >= 0xAA && third <= 0xAE)
        || (next == 0x81 && third >= 0xA6 && third <= 0xA9)
    default: return false
    }
  }
}

/// `text.replacingOccurrences(of: target, with: replacement)`, on bytes for ASCII text (the
/// renderers' common case) and by Foundation for other text.
func replacingText(_ text: String, _ target: String, with replacement: String) -> String {
  UTF8Escaping.asciiReplacing(text, target, with: replacement)
    ?? text.replacingOccurrences(of: target, with: replacement)
}
