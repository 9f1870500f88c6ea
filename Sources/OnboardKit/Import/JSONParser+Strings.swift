import Foundation

extension JSONParser {
  /// Reads a string (at its opening quote): escapes, surrogate pairs, UTF-8 checked.
  mutating func string(path: String) throws(InputError) -> String {
    advance()  // opening quote
    var utf8: [UInt8] = []
    while true {
      guard let byte = peek else {
        throw error(
          "found the end of the file inside a string; expected a closing `\"`", path: path)
      }
      switch byte {
      case UInt8(ascii: "\""):
        advance()
        guard let text = String(validating: utf8, as: UTF8.self) else {
          throw error("a string is not valid UTF-8; expected the file saved as UTF-8", path: path)
        }
        return text
      case UInt8(ascii: "\\"):
        advance()
        try escape(into: &utf8, path: path)
      case 0x00..<0x20:
        throw error(
          "found \(foundHere) inside a string; expected it escaped (`\\n`, `\\t`, `\\u00XX`)",
          path: path)
      default:
        utf8.append(byte)
        advance()
      }
    }
  }

  private mutating func escape(into utf8: inout [UInt8], path: String) throws(InputError) {
    guard let byte = peek else {
      throw error(
        "found the end of the file after `\\`; expected an escape such as `\\n`", path: path)
    }
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
      UInt8(ascii: "b"): 0x08,
      UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D,
      UInt8(ascii: "t"): 0x09,
    ]
    if let replacement = simple[byte] {
      advance()
      utf8.append(replacement)
      return
    }
    guard byte == UInt8(ascii: "u") else {
      throw error(
        "found the escape `\\\(foundHere.trimmingCharacters(in: ["`"]))`; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
        path: path)
    }
    advance()
    var scalar = try hex4(path: path)
    if (0xD800...0xDBFF).contains(scalar) {
      guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count,
        bytes[index + 1] == UInt8(ascii: "u")
      else {
        throw error(
          "found a lone high surrogate `\\u\(String(scalar, radix: 16, uppercase: true))`; expected a low surrogate `\\uDC00`–`\\uDFFF` after it",
          path: path)
      }
      advance()
      advance()
      let low = try hex4(path: path)
      guard (0xDC00...0xDFFF).contains(low) else {
        throw error(
          "found `\\u\(String(low, radix: 16, uppercase: true))` after a high surrogate; expected a low surrogate `\\uDC00`–`\\uDFFF`",
          path: path)
      }
      scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
    } else if (0xDC00...0xDFFF).contains(scalar) {
      throw error(
        "found a lone low surrogate `\\u\(String(scalar, radix: 16, uppercase: true))`; expected a high surrogate before it",
        path: path)
    }
    guard let unicode = Unicode.Scalar(scalar) else {
      throw error("`\\u` escape is no Unicode scalar; expected a valid code point", path: path)
    }
    utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
  }

  private mutating func hex4(path: String) throws(InputError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = peek, let digit = Self.hexValue(byte) else {
        throw error(
          "found \(foundHere) in a `\\u` escape; expected four hexadecimal digits", path: path)
      }
      value = value * 16 + digit
      advance()
    }
    return value
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case 0x30...0x39: UInt32(byte - 0x30)
    case 0x41...0x46: UInt32(byte - 0x41 + 10)
    case 0x61...0x66: UInt32(byte - 0x61 + 10)
    default: nil
    }
  }
}
