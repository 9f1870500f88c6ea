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
    return text.withUTF8 { bytes in
      // At most 3 bytes per input byte, a soft break (3) per 24 input bytes or fewer, and 2
      // bytes per hard line break: every byte is written straight into one buffer.
      let capacity = bytes.count * 3 + bytes.count / 8 + bytes.count * 2 + 16
      return [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
        written = encode(bytes, into: out.baseAddress!)
      }
    }
  }

  /// Encodes `bytes` line by line: hard lines split at CRLF, CR or LF, then soft breaks.
  /// Returns the number of bytes written at `out`.
  private static func encode(
    _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var written = 0
    var start = 0
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == 0x0D || byte == 0x0A {
        written = encodeLine(
          UnsafeBufferPointer(rebasing: bytes[start..<index]), into: out, at: written)
        out[written] = 0x0D
        out[written + 1] = 0x0A
        written += 2
        if byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
        start = index + 1
      }
      index += 1
    }
    return encodeLine(UnsafeBufferPointer(rebasing: bytes[start..<count]), into: out, at: written)
  }

  /// Whether a byte is written as itself anywhere but at a line's end (a space or tab there is
  /// escaped): printable ASCII other than `=`, space and tab.
  private static let isLiteral: [Bool] = (0..<256).map { byte in
    (byte >= 33 && byte <= 126 && byte != Int(UInt8(ascii: "="))) || byte == 0x20 || byte == 0x09
  }

  /// Encodes one hard line at `out + written`, inserting soft breaks; returns the new count.
  private static func encodeLine(
    _ line: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, at written: Int
  ) -> Int {
    // Byte by byte without temporary arrays: this runs for every byte of every email.
    var written = written
    var column = 0
    let last = line.count - 1
    isLiteral.withUnsafeBufferPointer { table in
      for index in 0..<line.count {
        let byte = line[index]
        var literal = table[Int(byte)] && !((byte == 0x20 || byte == 0x09) && index == last)
        let width = literal ? 1 : 3
        if column + width > softWidth {
          out[written] = UInt8(ascii: "=")
          out[written + 1] = 0x0D
          out[written + 2] = 0x0A
          written += 3
          column = 0
        }
        if column == 0 && literal && startsUnsafeLine(line, at: index) { literal = false }
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
      }
    }
    return written
  }

  /// An uppercase hex digit for a value below 16.
  @inline(__always)
  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : 0x37 + value
  }

  /// True when an output line starting at `line[index]` would begin with `.` or `From `.
  private static func startsUnsafeLine(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let byte = line[index]
    if byte == UInt8(ascii: ".") { return true }
    guard byte == 0x46, line.count - index >= 5 else { return false }
    return line[index + 1] == 0x72 && line[index + 2] == 0x6F && line[index + 3] == 0x6D
      && line[index + 4] == 0x20  // "From "
  }
}
