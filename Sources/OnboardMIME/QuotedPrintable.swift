/// Quoted-printable (RFC 2045 section 6.7) for text bodies.
///
/// Line breaks (CRLF, lone CR, lone LF) become CRLF hard breaks; lines longer than 76 characters
/// get soft breaks (`=` CRLF) that never split an `=XX` escape; `=`, controls and non-ASCII bytes
/// are escaped; a space or tab before a line break is escaped. A `.` or `From ` opening a line is
/// escaped too (`=2E`, `=46rom `) so SMTP dot-stuffing and mbox `>From` mangling cannot touch it.
enum QuotedPrintable {
  /// Characters of an encoded line before its soft-break `=`.
  private static let softWidth = 75

  /// The encoded text as ASCII bytes, lines joined by CRLF; ends with CRLF only when `text` ends
  /// with a line break.
  static func encode(_ text: String) -> [UInt8] {
    var text = text
    return text.withUTF8 { encode(utf8: $0) }
  }

  /// `encode` of UTF-8 bytes.
  static func encodeUTF8(_ text: [UInt8]) -> [UInt8] {
    text.withUnsafeBufferPointer { encode(utf8: $0) }
  }

  /// `encode` of UTF-8 bytes through a pointer.
  private static func encode(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    // At most 3 bytes per input byte, a soft break (3) per 24 input bytes or fewer, and 2
    // bytes per hard line break: every byte is written straight into one buffer.
    let capacity = bytes.count * 3 + bytes.count / 8 + bytes.count * 2 + 16
    return [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
      written = encode(bytes, into: out.baseAddress!)
    }
  }

  /// Encodes `bytes` in one pass: hard line breaks (CRLF, CR or LF) become CRLF, soft breaks
  /// keep every line within `softWidth`. Returns the number of bytes written at `out`.
  private static func encode(
    _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var written = 0
    var column = 0
    var index = 0
    let count = bytes.count
    guard let base = bytes.baseAddress else { return 0 }
    byteClass.withUnsafeBufferPointer { table in
      while index < count {
        // Up to eight bytes at once where each would be written as itself by the byte loop
        // below: printable ASCII or a space up to the first other byte (`=`, a control, a line
        // break, non-ASCII), within the line's room, the last not a space (whose next byte might
        // be a line break), and not a `.` or `F` opening a line. The word is stored whole and
        // only `run` of its bytes counted: at least eight more input bytes follow, each writing
        // one byte or more, so the buffer has room for all eight.
        if index + 8 <= count {
          let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
          let special = nonLiteralBytes(word)
          var run = min(special == 0 ? 8 : special.trailingZeroBitCount >> 3, softWidth - column)
          if run > 0 && base[index + run - 1] == 0x20 { run -= 1 }
          if run > 0 && (column > 0 || table[Int(base[index])] == plain) {
            UnsafeMutableRawPointer(out + written).storeBytes(of: word, as: UInt64.self)
            written += run
            column += run
            index += run
            continue
          }
        }
        let byte = bytes[index]
        let kind = table[Int(byte)]
        // Nearly every byte: printable, written as itself, and the line has room.
        if kind == plain && column < softWidth {
          out[written] = byte
          written += 1
          column += 1
          index += 1
          continue
        }
        if kind == lineBreak {
          out[written] = 0x0D
          out[written + 1] = 0x0A
          written += 2
          column = 0
          if byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
          index += 1
          continue
        }
        // A space or tab is escaped at the end of a hard line (or of the text).
        var literal =
          kind == plain || kind == lineStartRisk
          || (kind == blank
            && !(index + 1 == count || table[Int(bytes[index + 1])] == lineBreak))
        let width = literal ? 1 : 3
        if column + width > softWidth {
          out[written] = UInt8(ascii: "=")
          out[written + 1] = 0x0D
          out[written + 2] = 0x0A
          written += 3
          column = 0
        }
        if column == 0 && literal && startsUnsafeLine(bytes, at: index) { literal = false }
        if literal {
          out[written] = byte
          written += 1
          column += 1
        } else {
          out[written] = UInt8(ascii: "=")
          out[written + 1] = hexDigit(byte >> 4)
          out[written + 2] = hexDigit(byte & 0x0F)
          written += 3
          column += 3
        }
        index += 1
      }
    }
    return written
  }

  /// The high bit of each byte of `word` that is not in 0x20...0x7E or is `=`; the lowest set
  /// bit is always such a byte's (a borrow can only mark bytes above a marked one), so its
  /// position is that of the first byte the encoder does not copy as it is.
  @inline(__always)
  static func nonLiteralBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let below20 = (word &- ones &* 0x20) & ~word & highs
    let del = word ^ (ones &* 0x7F)
    let isDEL = (del &- ones) & ~del & highs
    let equals = word ^ (ones &* 0x3D)
    let isEquals = (equals &- ones) & ~equals & highs
    return (word & highs) | below20 | isDEL | isEquals
  }

  /// `byteClass` values: written as itself anywhere; space or tab; `.` or `F` (escaped when they
  /// would open an output line as `.` or `From `); CR or LF; escaped as `=XX`.
  private static let plain: UInt8 = 0
  private static let blank: UInt8 = 1
  private static let lineStartRisk: UInt8 = 2
  private static let lineBreak: UInt8 = 3
  private static let escaped: UInt8 = 4

  /// What each byte is to the encoder: printable ASCII other than `=` is literal (`.` and `F`
  /// apart), space and tab are literal except before a line break, CR and LF break lines, and
  /// everything else (`=`, controls, non-ASCII bytes) is escaped.
  private static let byteClass: [UInt8] = (0..<256).map { byte in
    switch byte {
    case 0x0D, 0x0A: return lineBreak
    case 0x20, 0x09: return blank
    case Int(UInt8(ascii: ".")), Int(UInt8(ascii: "F")): return lineStartRisk
    case Int(UInt8(ascii: "=")): return escaped
    case 33...126: return plain
    default: return escaped
    }
  }

  /// An uppercase hex digit for a value below 16.
  @inline(__always)
  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : 0x37 + value
  }

  /// True when an output line starting at `line[index]` would begin with `.` or `From `. (The
  /// buffer may run past the hard line: a line break can never match `From `.)
  private static func startsUnsafeLine(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let byte = line[index]
    if byte == UInt8(ascii: ".") { return true }
    guard byte == 0x46, line.count - index >= 5 else { return false }
    return line[index + 1] == 0x72 && line[index + 2] == 0x6F && line[index + 3] == 0x6D
      && line[index + 4] == 0x20  // "From "
  }
}
