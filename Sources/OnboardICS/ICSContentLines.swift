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
  var bytes: [UInt8] = []

  /// Makes room for `count` bytes in all.
  mutating func reserveCapacity(_ count: Int) {
    bytes.reserveCapacity(count)
  }

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
    finishLine(from: start)
  }

  /// Ends the content line written into `bytes` from `start` on: its CRLF, and the folds when
  /// it is longer than 75 octets, made in place (the same breaks as `fold(_:into:)`).
  mutating func finishLine(from start: Int) {
    let length = bytes.count - start
    guard length > Self.maximumOctets else {
      bytes.append(0x0D)
      bytes.append(0x0A)
      return
    }
    // Where each physical line after the first begins, relative to `start`.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: length / (Self.maximumOctets - 1) + 2) {
      breaks in
      var count = 0
      bytes.withUnsafeBufferPointer { output in
        let line = UnsafeBufferPointer(rebasing: output[start...])
        var chunkStart = 0
        var room = Self.maximumOctets
        while true {
          var end = min(chunkStart + room, length)
          while end < length, line[end] & 0xC0 == 0x80 { end -= 1 }
          guard end < length else { break }
          breaks[count] = end
          count += 1
          chunkStart = end
          room = Self.maximumOctets - 1
        }
      }
      // Room for CRLF SPACE at each break and the CRLF at the end, then each chunk moved up,
      // the last first, with its CRLF SPACE before it.
      bytes.append(contentsOf: repeatElement(0x0A, count: 3 * count + 2))
      bytes.withUnsafeMutableBufferPointer { output in
        guard let base = output.baseAddress.map({ $0 + start }) else { return }
        base[length + 3 * count] = 0x0D
        base[length + 3 * count + 1] = 0x0A
        var chunkEnd = length
        for index in stride(from: count - 1, through: 0, by: -1) {
          let chunkStart = breaks[index]
          let shift = 3 * (index + 1)
          memmove(base + chunkStart + shift, base + chunkStart, chunkEnd - chunkStart)
          base[chunkStart + shift - 3] = 0x0D
          base[chunkStart + shift - 2] = 0x0A
          base[chunkStart + shift - 1] = 0x20
          chunkEnd = chunkStart
        }
      }
    }
  }

  /// Appends a whole line given as a literal (at most 75 octets, no line break) and its CRLF.
  mutating func line(literal: StaticString) {
    bytes.append(literal: literal)
    bytes.append(0x0D)
    bytes.append(0x0A)
  }

  /// Appends bytes that are whole lines already (each ending with CRLF, folded).
  mutating func append(bytes lines: [UInt8]) {
    bytes.append(contentsOf: lines)
  }

  /// Appends `NAME:` and `ICSText.escapeText(text)`, escaped straight into the output.
  mutating func text(_ name: StaticString, _ text: String) {
    let start = bytes.count
    bytes.append(literal: name)
    bytes.append(UInt8(ascii: ":"))
    ICSText.appendEscapedText(text, to: &bytes)
    finishLine(from: start)
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
