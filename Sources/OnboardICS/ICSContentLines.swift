/// Accumulates content lines, folding each at 75 octets and ending each with CRLF (RFC 5545 3.1).
///
/// Works on UTF-8 bytes: each line is written straight into the one output buffer, and only a
/// line longer than 75 octets is copied out again to be folded.
struct ICSContentLines {
  /// The longest a physical line may be, in octets, not counting its CRLF.
  static let maximumOctets = 75

  /// The bytes written so far; every line ends with CRLF.
  private(set) var bytes: [UInt8] = []

  /// The text written so far.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Appends `NAME;PARAM=value...:value`, with parameter values already encoded.
  mutating func append(_ name: String, _ parameters: [(String, String)] = [], value: String) {
    append(name, parameters) { $0.append(contentsOf: value.utf8) }
  }

  /// Appends `NAME;PARAM=value...:` and the value `writeValue` appends to the line's bytes.
  mutating func append(
    _ name: String, _ parameters: [(String, String)] = [],
    writing writeValue: (inout [UInt8]) -> Void
  ) {
    line { bytes in
      bytes.append(contentsOf: name.utf8)
      for (parameter, parameterValue) in parameters {
        bytes.append(UInt8(ascii: ";"))
        bytes.append(contentsOf: parameter.utf8)
        bytes.append(UInt8(ascii: "="))
        bytes.append(contentsOf: parameterValue.utf8)
      }
      bytes.append(UInt8(ascii: ":"))
      writeValue(&bytes)
    }
  }

  /// Appends one content line that `write` appends in full (name, parameters, `:`, value)
  /// straight to the output, folding it afterwards only when it is longer than 75 octets.
  mutating func line<Failure: Error>(_ write: (inout [UInt8]) throws(Failure) -> Void)
    throws(Failure)
  {
    let start = bytes.count
    try write(&bytes)
    guard bytes.count - start > Self.maximumOctets else {
      bytes.append(0x0D)
      bytes.append(0x0A)
      return
    }
    let long = Array(bytes[start...])
    bytes.removeSubrange(start...)
    Self.fold(long, into: &bytes)
  }

  /// Appends `NAME:` and `ICSText.escapeText(text)`, escaped straight into the output.
  mutating func text(_ name: StaticString, _ text: String) {
    line { bytes in
      bytes.append(literal: name)
      bytes.append(UInt8(ascii: ":"))
      ICSText.appendEscapedText(text, to: &bytes)
    }
  }

  /// Appends `BEGIN:component`.
  mutating func begin(_ component: String) {
    append("BEGIN", value: component)
  }

  /// Appends `END:component`.
  mutating func end(_ component: String) {
    append("END", value: component)
  }

  /// Appends the lines of `other` after these.
  mutating func append(contentsOf other: ICSContentLines) {
    bytes.append(contentsOf: other.bytes)
  }

  /// Writes `line` into `output` as physical lines of at most 75 octets each, joined by CRLF SPACE.
  ///
  /// Breaks fall only between Unicode scalars, so no UTF-8 sequence is ever split; unfolding
  /// (removing each CRLF SPACE) gives back `line` exactly.
  static func fold(_ line: String, into output: inout String) {
    var bytes: [UInt8] = []
    fold(Array(line.utf8), into: &bytes)
    output += String(decoding: bytes, as: UTF8.self)
  }

  /// `fold(_:into:)` on the UTF-8 bytes of a line (valid UTF-8: a Swift string's).
  static func fold(_ line: [UInt8], into output: inout [UInt8]) {
    // Most lines fit: append them whole.
    if line.count <= maximumOctets {
      output.append(contentsOf: line)
      output.append(0x0D)
      output.append(0x0A)
      return
    }
    // Whole chunks: as many bytes as fit, cut back to the start of the scalar that does not.
    var start = 0
    var room = maximumOctets
    while true {
      var end = min(start + room, line.count)
      while end < line.count, line[end] & 0xC0 == 0x80 { end -= 1 }
      output.append(contentsOf: line[start..<end])
      guard end < line.count else { break }
      output.append(contentsOf: [0x0D, 0x0A, 0x20])
      start = end
      room = maximumOctets - 1
    }
    output.append(0x0D)
    output.append(0x0A)
  }
}

extension [UInt8] {
  /// Appends the UTF-8 bytes of a literal as one block (`"X".utf8` goes the generic way).
  @inline(__always)
  mutating func append(literal text: StaticString) {
    text.withUTF8Buffer { append(contentsOf: $0) }
  }
}
