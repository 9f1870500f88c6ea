import Foundation

/// Accumulates content lines, folding each at 75 octets and ending each with CRLF (RFC 5545 3.1).
///
/// Works on UTF-8 bytes: each line is written straight into the one output buffer, and a line
/// longer than 75 octets is folded where it is.
struct ICSContentLines {
  /// The longest a physical line may be, in octets, not counting its CRLF.
  static let maximumOctets = 75

  /// The bytes written so far; every line ends with CRLF, but for one being written straight
  /// into them, which `finishLine(from:)` then ends.
  var out: ICSByteWriter

  /// No lines yet, with room for `capacity` bytes.
  init(capacity: Int = 256) {
    out = ICSByteWriter(capacity: capacity)
  }

  /// A copy of the bytes written so far (setting it replaces them).
  var bytes: [UInt8] {
    get { out.bytes }
    set { out = ICSByteWriter(newValue) }
  }

  /// Makes room for `count` bytes in all.
  mutating func reserveCapacity(_ count: Int) {
    out.reserve(max(0, count - out.count))
  }

  /// The text written so far.
  var text: String { out.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) } }

  /// Appends `NAME;PARAM=value...:value`, with parameter values already encoded.
  mutating func append(_ name: String, _ parameters: [(String, String)] = [], value: String) {
    append(name, parameters) { $0.append(utf8: value) }
  }

  /// Appends `NAME;PARAM=value...:` and the value `writeValue` appends to the line's bytes.
  mutating func append(
    _ name: String, _ parameters: [(String, String)] = [],
    writing writeValue: (inout ICSByteWriter) -> Void
  ) {
    line { out in
      out.append(utf8: name)
      for (parameter, parameterValue) in parameters {
        out.append(UInt8(ascii: ";"))
        out.append(utf8: parameter)
        out.append(UInt8(ascii: "="))
        out.append(utf8: parameterValue)
      }
      out.append(UInt8(ascii: ":"))
      writeValue(&out)
    }
  }

  /// Appends one content line that `write` appends in full (name, parameters, `:`, value)
  /// straight to the output, folding it afterwards only when it is longer than 75 octets.
  mutating func line<Failure: Error>(_ write: (inout ICSByteWriter) throws(Failure) -> Void)
    throws(Failure)
  {
    let start = out.count
    try write(&out)
    out.finishLine(from: start)
  }

  /// Ends the content line written into `out` from `start` on: its CRLF, and the folds when
  /// it is longer than 75 octets, made in place (the same breaks as `fold(_:into:)`).
  mutating func finishLine(from start: Int) {
    out.finishLine(from: start)
  }

  /// Appends a whole line given as a literal (at most 75 octets, no line break) and its CRLF.
  @inline(__always)
  mutating func line(literal: StaticString) {
    out.append(literal: literal)
    out.appendCRLF()
  }

  /// Appends bytes that are whole lines already (each ending with CRLF, folded).
  mutating func append(bytes lines: [UInt8]) {
    out.append(contentsOf: lines)
  }

  /// Appends `NAME:` and `ICSText.escapeText(text)`, escaped straight into the output.
  @inline(__always)
  mutating func text(_ name: StaticString, _ text: String) {
    let start = out.count
    out.append(literal: name)
    out.append(UInt8(ascii: ":"))
    ICSText.appendEscapedText(text, to: &out)
    out.finishLine(from: start)
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
    other.out.withUnsafeBufferPointer { out.append($0) }
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
    line.withUnsafeBufferPointer { fold($0, into: &output) }
  }

  /// `fold(_:into:)` on the UTF-8 bytes of a line in a buffer.
  static func fold(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
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
      output.append(contentsOf: UnsafeBufferPointer(rebasing: line[start..<end]))
      guard end < line.count else { break }
      output.append(0x0D)
      output.append(0x0A)
      output.append(0x20)
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

  /// Appends the UTF-8 bytes of `text` as one block (`text.utf8` goes the generic way).
  @inline(__always)
  mutating func append(utf8 text: String) {
    var text = text  // shares the storage; `withUTF8` needs a variable
    text.withUTF8 { append(contentsOf: $0) }
  }
}
