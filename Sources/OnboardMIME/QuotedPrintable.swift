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
    for (index, line) in hardLines(Array(text.utf8)).enumerated() {
      if index > 0 { out += [0x0D, 0x0A] }
      encodeLine(line, into: &out)
    }
    return out
  }

  /// Splits at CRLF, CR or LF; the last element is empty when the text ends with a line break.
  private static func hardLines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0D || byte == 0x0A {
        lines.append(current)
        current = []
        if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
      } else {
        current.append(byte)
      }
      index += 1
    }
    lines.append(current)
    return lines
  }

  /// Encodes one hard line, inserting soft breaks.
  private static func encodeLine(_ line: [UInt8], into out: inout [UInt8]) {
    // Byte by byte without temporary arrays: this runs for every byte of every email.
    let digits = Array("0123456789ABCDEF".utf8)
    var column = 0
    let last = line.count - 1
    for index in line.indices {
      let byte = line[index]
      var literal =
        (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
        || ((byte == 0x20 || byte == 0x09) && index != last)
      let width = literal ? 1 : 3
      if column + width > softWidth {
        out.append(contentsOf: [UInt8(ascii: "="), 0x0D, 0x0A])
        column = 0
      }
      if column == 0 && literal && startsUnsafeLine(line, at: index) { literal = false }
      if literal {
        out.append(byte)
        column += 1
      } else {
        out.append(UInt8(ascii: "="))
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
        column += 3
      }
    }
  }

  /// True when an output line starting at `line[index]` would begin with `.` or `From `.
  private static func startsUnsafeLine(_ line: [UInt8], at index: Int) -> Bool {
    if line[index] == UInt8(ascii: ".") { return true }
    let from: [UInt8] = [0x46, 0x72, 0x6F, 0x6D, 0x20]  // "From "
    return line.count - index >= from.count && line[index..<index + from.count].elementsEqual(from)
  }
}
