/// Base64 (RFC 4648) for bodies and encoded words; written here so the output never depends on a
/// platform's line-wrapping options.
enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// Encodes `bytes` on one line, with `=` padding.
  static func encode(_ bytes: [UInt8]) -> String {
    String(decoding: encodedBytes(bytes), as: UTF8.self)
  }

  /// Encodes `bytes` in lines of 76 characters joined by CRLF (no CRLF after the last line),
  /// written straight into one buffer (a line is 57 input bytes, 19 groups).
  static func lines(_ bytes: [UInt8]) -> [UInt8] {
    let encodedCount = (bytes.count + 2) / 3 * 4
    let breaks = encodedCount == 0 ? 0 : (encodedCount - 1) / 76
    return bytes.withUnsafeBufferPointer { input in
      alphabet.withUnsafeBufferPointer { digits in
        [UInt8](unsafeUninitializedCapacity: encodedCount + 2 * breaks) { out, written in
          var at = 0
          var index = 0
          let count = input.count
          // Whole lines first: 57 input bytes, 19 groups of three, then CRLF unless the text
          // ends there (a line ends with CRLF only when another follows).
          while count - index >= 57 {
            for _ in 0..<19 {
              let group =
                UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
                | UInt32(input[index + 2])
              out[at] = digits[Int(group >> 18 & 63)]
              out[at + 1] = digits[Int(group >> 12 & 63)]
              out[at + 2] = digits[Int(group >> 6 & 63)]
              out[at + 3] = digits[Int(group & 63)]
              at += 4
              index += 3
            }
            if index < count {
              out[at] = 0x0D
              out[at + 1] = 0x0A
              at += 2
            }
          }
          // The last, shorter line: whole groups, then one padded group.
          while index < count {
            let left = count - index
            let b0 = UInt32(input[index])
            let b1 = left > 1 ? UInt32(input[index + 1]) : 0
            let b2 = left > 2 ? UInt32(input[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out[at] = digits[Int(group >> 18 & 63)]
            out[at + 1] = digits[Int(group >> 12 & 63)]
            out[at + 2] = left > 1 ? digits[Int(group >> 6 & 63)] : UInt8(ascii: "=")
            out[at + 3] = left > 2 ? digits[Int(group & 63)] : UInt8(ascii: "=")
            at += 4
            index += 3
          }
          written = at
        }
      }
    }
  }

  /// The definition of `lines`: the encoded text cut into lines of 76 characters.
  static func linesByCutting(_ bytes: [UInt8]) -> [UInt8] {
    let flat = encodedBytes(bytes)
    var out: [UInt8] = []
    out.reserveCapacity(flat.count + flat.count / 38)
    var start = 0
    while start < flat.count {
      let end = min(start + 76, flat.count)
      if start > 0 { out += [0x0D, 0x0A] }
      out += flat[start..<end]
      start = end
    }
    return out
  }

  /// The encoded characters as ASCII bytes.
  private static func encodedBytes(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let count = min(3, bytes.count - index)
      let b0 = UInt32(bytes[index])
      let b1 = count > 1 ? UInt32(bytes[index + 1]) : 0
      let b2 = count > 2 ? UInt32(bytes[index + 2]) : 0
      let group = b0 << 16 | b1 << 8 | b2
      out.append(alphabet[Int(group >> 18 & 63)])
      out.append(alphabet[Int(group >> 12 & 63)])
      out.append(count > 1 ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
      out.append(count > 2 ? alphabet[Int(group & 63)] : UInt8(ascii: "="))
      index += 3
    }
    return out
  }
}

/// Uppercase hexadecimal digits.
enum Hex {
  private static let digits = Array("0123456789ABCDEF".utf8)

  /// Two uppercase hex digits for `byte`.
  static func byte(_ byte: UInt8) -> String {
    String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
  }

  /// Sixteen lowercase hex digits for `value`.
  static func word(_ value: UInt64) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: 16 - text.count) + text
  }
}

/// FNV-1a, 64 bits: a small deterministic hash for boundaries and default Message-IDs.
struct FNV1a {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Mixes `bytes` into the hash.
  mutating func combine(_ bytes: some Sequence<UInt8>) {
    if bytes.withContiguousStorageIfAvailable({ combine(buffer: $0) }) != nil { return }
    for byte in bytes {
      value ^= UInt64(byte)
      value = value &* 0x0000_0100_0000_01B3
    }
  }

  /// `combine` through a pointer (no per-byte iterator or bounds checks).
  private mutating func combine(buffer: UnsafeBufferPointer<UInt8>) {
    var hash = value
    for byte in buffer {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    value = hash
  }
}
