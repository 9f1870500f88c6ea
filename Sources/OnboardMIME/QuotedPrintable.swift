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
    var out: [UInt8] = []
    let utf8 = text.utf8
    out.reserveCapacity(utf8.count + utf8.count / 8 + 16)
    if utf8.withContiguousStorageIfAvailable({ encode($0, into: &out) }) == nil {
      Array(utf8).withUnsafeBufferPointer { encode($0, into: &out) }
    }
    return out
  }

  /// Encodes `bytes` line by line: hard lines split at CRLF, CR or LF, then soft breaks.
  private static func encode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    var start = 0
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == 0x0D || byte == 0x0A {
        encodeLine(UnsafeBufferPointer(rebasing: bytes[start..<index]), into: &out)
        out.append(0x0D)
        out.append(0x0A)
        if byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
        start = index + 1
      }
      index += 1
    }
    encodeLine(UnsafeBufferPointer(rebasing: bytes[start..<count]), into: &out)
  }

  /// Encodes one hard line, inserting soft breaks.
  private static func encodeLine(_ line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    // Byte by byte without temporary arrays: this runs for every byte of every email.
    var column = 0
    let last = line.count - 1
    for index in 0..<line.count {
      let byte = line[index]
      var literal =
        (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
        || ((byte == 0x20 || byte == 0x09) && index != last)
      let width = literal ? 1 : 3
      if column + width > softWidth {
        out.append(UInt8(ascii: "="))
        out.append(0x0D)
        out.append(0x0A)
        column = 0
      }
      if column == 0 && literal && startsUnsafeLine(line, at: index) { literal = false }
      if literal {
        out.append(byte)
        column += 1
      } else {
        out.append(UInt8(ascii: "="))
        out.append(hexDigit(byte >> 4))
        out.append(hexDigit(byte & 0x0F))
        column += 3
      }
    }
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
