/// One MIME entity of the message tree, before serialisation.
struct MIMEPart {
  /// A leaf's content or a multipart's children.
  enum Content {
    /// Already-encoded body bytes (quoted-printable or base64), no trailing line break required.
    case leaf([UInt8])
    /// A `multipart/<subtype>` whose boundary is chosen when serialised.
    case multipart(subtype: String, parts: [MIMEPart])
  }

  /// Rendered header fields (CRLF-terminated) other than Content-Type for multiparts.
  var headers: String
  /// The body.
  var content: Content

  /// The entity's header block (without the blank line) and body bytes (without a final CRLF).
  func serialized() -> (headers: String, body: [UInt8]) {
    switch content {
    case .leaf(let bytes):
      return (headers, bytes)
    case .multipart(let subtype, let parts):
      let children = parts.map { part -> [UInt8] in
        let (head, body) = part.serialized()
        var child: [UInt8] = []
        child.reserveCapacity(head.utf8.count + 2 + body.count)
        child.append(contentsOf: head.utf8)
        child.append(0x0D)
        child.append(0x0A)
        child.append(contentsOf: body)
        return child
      }
      let boundary = Self.boundary(kind: subtype, children: children)
      let contentType = HeaderLine.parameterized(
        name: "Content-Type", tokens: ["multipart/\(subtype)", "boundary=\"\(boundary)\""])
      let delimiter = Array("--\(boundary)".utf8)
      var body: [UInt8] = []
      body.reserveCapacity(children.reduce(0) { $0 + $1.count + delimiter.count + 4 } + 80)
      for child in children {
        body.append(contentsOf: delimiter)
        body.append(0x0D)
        body.append(0x0A)
        body.append(contentsOf: child)
        body.append(0x0D)
        body.append(0x0A)
      }
      body.append(contentsOf: delimiter)
      body.append(UInt8(ascii: "-"))
      body.append(UInt8(ascii: "-"))
      return (headers + contentType, body)
    }
  }

  /// A multipart whose parts are all leaves, ready to be written: its header block (`serialized()`'s
  /// headers), its boundary and its parts; nil for a leaf or a multipart with a multipart inside.
  ///
  /// The boundary is `serialized()`'s: the hash is fed the same bytes in the same order (each
  /// child's header block, CRLF and body, then a zero), and a candidate is looked for in each
  /// child's header block and body apart, which finds what a search of the joined child finds,
  /// since no candidate holds a CR or LF and so none can span the CRLF between them.
  func flatMultipart() -> (
    headers: String, boundary: String, parts: [(headers: String, body: [UInt8])]
  )? {
    guard case .multipart(let subtype, let children) = content,
      !subtype.utf8.contains(0x0D), !subtype.utf8.contains(0x0A)
    else { return nil }
    var parts: [(headers: String, body: [UInt8])] = []
    parts.reserveCapacity(children.count)
    var pieces: [[UInt8]] = []
    pieces.reserveCapacity(children.count * 2)
    var hash = FNV1a()
    hash.combine(subtype.utf8)
    for child in children {
      guard case .leaf(let body) = child.content else { return nil }
      parts.append((child.headers, body))
      let head = Array(child.headers.utf8)
      hash.combine(head)
      hash.combine([0x0D, 0x0A])
      hash.combine(body)
      hash.combine([0])
      pieces.append(head)
      pieces.append(body)
    }
    let boundary = Self.boundary(kind: subtype, seed: hash, avoiding: pieces)
    let contentType = HeaderLine.parameterized(
      name: "Content-Type", tokens: ["multipart/\(subtype)", "boundary=\"\(boundary)\""])
    return (headers + contentType, boundary, parts)
  }

  /// A boundary derived from a hash of the children, `=_Onboard_<kind>_<16 hex>` (at most 70
  /// characters). `=_` can never occur in quoted-printable or base64 text; the loop still checks
  /// every child (nested boundaries included) and rehashes with a counter in the impossible case.
  static func boundary(kind: String, children: [[UInt8]]) -> String {
    var hash = FNV1a()
    hash.combine(kind.utf8)
    for child in children {
      hash.combine(child)
      hash.combine([0])
    }
    return boundary(kind: kind, seed: hash, avoiding: children)
  }

  /// The first candidate `=_Onboard_<kind>_<hash of seed and counter>` found in none of `parts`.
  static func boundary(kind: String, seed: FNV1a, avoiding parts: [[UInt8]]) -> String {
    var salt: UInt64 = 0
    while true {
      var salted = seed
      salted.combine(Hex.word(salt).utf8)
      let candidate = "=_Onboard_\(kind.prefix(20))_\(Hex.word(salted.value))"
      let needle = Array(candidate.utf8)
      let shifts = Self.shifts(needle)
      if !parts.contains(where: { contains($0, needle, shifts: shifts) }) { return candidate }
      salt += 1
    }
  }

  /// True when `needle` occurs in `haystack`.
  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    contains(haystack, needle, shifts: shifts(needle))
  }

  /// Horspool's shift table for `needle`: how far a window may move when its last byte is the
  /// index (the needle's length for a byte not in the needle, bar its last byte).
  static func shifts(_ needle: [UInt8]) -> [Int] {
    var table = [Int](repeating: needle.count, count: 256)
    for (index, byte) in needle.dropLast().enumerated() {
      table[Int(byte)] = needle.count - 1 - index
    }
    return table
  }

  /// True when `needle` occurs in `haystack`, by Horspool's search with `shifts` (see `shifts`):
  /// a window is compared only when its last byte matches, and moves on by that byte's shift,
  /// so most bytes of the text are never looked at.
  static func contains(_ haystack: [UInt8], _ needle: [UInt8], shifts: [Int]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    return haystack.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { pin in
        shifts.withUnsafeBufferPointer { shift in
          let count = pin.count
          let lastByte = pin[count - 1]
          var start = 0
          let last = hay.count - count
          while start <= last {
            let byte = hay[start + count - 1]
            if byte == lastByte {
              var matched = 0
              while matched < count - 1 && hay[start + matched] == pin[matched] { matched += 1 }
              if matched == count - 1 { return true }
            }
            start += shift[Int(byte)]
          }
          return false
        }
      }
    }
  }
}
