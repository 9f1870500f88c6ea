extension Mailbox {
  /// Checks that `address` is a dot-atom `local@domain` with a host-name domain, ASCII only.
  ///
  /// Quoted local parts, domain literals and RFC 6532 (UTF-8) addresses are refused: mail programs
  /// and relays handle them unevenly. Give international domains in their `xn--` form.
  static func validate(address: String) throws(MIMEError) {
    if isPlainAddress(address) { return }
    try validateByRule(address: address)
  }

  /// True for the everyday address, checked in one pass over the bytes: a dot-atom local part of
  /// 1…64 bytes, one `@`, a host name of letters, digits, inner hyphens and single dots, 254 bytes
  /// at most. Everything it accepts `validateByRule` accepts; anything else goes there (which
  /// says what is wrong).
  static func isPlainAddress(_ address: String) -> Bool {
    var copy = address  // shares the storage; `withUTF8` needs a variable
    return copy.withUTF8 { bytes in
      let count = bytes.count
      guard count > 0, count <= 254 else { return false }
      var index = 0
      // The local part: atext runs separated by single dots.
      var previous: UInt8 = UInt8(ascii: ".")  // a leading dot counts as after a dot
      while index < count, bytes[index] != UInt8(ascii: "@") {
        let byte = bytes[index]
        if byte == UInt8(ascii: ".") {
          if previous == UInt8(ascii: ".") { return false }
        } else if !Syntax.isAtext(byte) {
          return false
        }
        previous = byte
        index += 1
      }
      guard index > 0, index <= 64, index < count, previous != UInt8(ascii: ".") else {
        return false
      }
      // The domain: labels of 1…63 letters, digits and inner hyphens, separated by single dots.
      index += 1
      guard count - index <= 253 else { return false }
      var labelStart = index
      while true {
        let atEnd = index == count
        if atEnd || bytes[index] == UInt8(ascii: ".") {
          let length = index - labelStart
          guard length > 0, length <= 63, bytes[labelStart] != UInt8(ascii: "-"),
            bytes[index - 1] != UInt8(ascii: "-")
          else { return false }
          if atEnd { return true }
          labelStart = index + 1
        } else if bytes[index] != UInt8(ascii: "-") && !Syntax.isAlphanumeric(bytes[index]) {
          return false
        }
        index += 1
      }
    }
  }

  /// The definition of `validate(address:)`, rule by rule, with the reason of the first failure.
  static func validateByRule(address: String) throws(MIMEError) {
    func fail(_ reason: String) -> MIMEError { .invalidAddress(address, reason: reason) }
    let scalars = address.unicodeScalars
    if scalars.isEmpty { throw fail("empty") }
    for scalar in scalars {
      switch scalar {
      case "\r", "\n": throw fail("contains a line break")
      case " ", "\t": throw fail("contains whitespace")
      case "<", ">": throw fail("contains an angle bracket")
      case ",": throw fail("contains a comma")
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          throw fail("contains a control character")
        }
        if scalar.value > 0x7E {
          throw fail("contains a non-ASCII character (RFC 6532 addresses are not supported)")
        }
      }
    }
    if address.utf8.count > 254 { throw fail("longer than 254 characters") }
    let halves = address.split(separator: "@", omittingEmptySubsequences: false)
    guard halves.count == 2 else {
      throw fail(halves.count < 2 ? "missing '@'" : "more than one '@'")
    }
    let local = String(halves[0])
    let domain = String(halves[1])
    if local.isEmpty { throw fail("empty local part before '@'") }
    if local.utf8.count > 64 { throw fail("local part longer than 64 characters") }
    if let problem = Syntax.dotAtomProblem(local) { throw fail("local part \(problem)") }
    if let problem = Syntax.hostNameProblem(domain) { throw fail("domain \(problem)") }
  }
}

/// Small RFC 5322 / RFC 1035 lexical checks shared by the value types.
enum Syntax {
  /// `atext` of RFC 5322: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
  static func isAtext(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
      UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"),
      UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"),
      UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"):
      return true
    default:
      return false
    }
  }

  /// Whether `text` contains the ASCII `needle`: on bytes when `text` is ASCII (no character can
  /// then differ from its byte), else by Foundation's search as before.
  static func contains(_ text: String, ascii needle: String) -> Bool {
    let bytes = text.utf8
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return text.contains(needle) }
    let pattern = Array(needle.utf8)
    guard let first = pattern.first, bytes.count >= pattern.count else { return pattern.isEmpty }
    var window = bytes.startIndex
    while let start = bytes[window...].firstIndex(of: first) {
      if bytes[start...].starts(with: pattern) { return true }
      window = bytes.index(after: start)
    }
    return false
  }

  /// Why `text` is not a dot-atom-text (atext runs separated by single dots), or nil if it is.
  static func dotAtomProblem(_ text: String) -> String? {
    if isDotAtom(text) { return nil }
    return dotAtomProblemByRule(text)
  }

  /// True when `text` is a dot-atom-text, in one pass over its bytes (`dotAtomProblem`'s fast path).
  static func isDotAtom(_ text: String) -> Bool {
    var copy = text  // shares the storage; `withUTF8` needs a variable
    return copy.withUTF8 { bytes in
      guard !bytes.isEmpty else { return false }
      var previous: UInt8 = UInt8(ascii: ".")  // a leading dot counts as after a dot
      for byte in bytes {
        if byte == UInt8(ascii: ".") {
          if previous == UInt8(ascii: ".") { return false }
        } else if !isAtext(byte) {
          return false
        }
        previous = byte
      }
      return previous != UInt8(ascii: ".")
    }
  }

  /// The definition of `dotAtomProblem`, rule by rule.
  static func dotAtomProblemByRule(_ text: String) -> String? {
    if text.isEmpty { return "is empty" }
    if text.hasPrefix(".") || text.hasSuffix(".") { return "starts or ends with '.'" }
    if contains(text, ascii: "..") { return "contains '..'" }
    for byte in text.utf8 where byte != UInt8(ascii: ".") && !isAtext(byte) {
      return "contains the character '\(Character(Unicode.Scalar(byte)))'"
    }
    return nil
  }

  /// Why `text` is not a host name (labels of letters, digits and inner hyphens), or nil if it is.
  static func hostNameProblem(_ text: String) -> String? {
    if text.isEmpty { return "is empty" }
    if text.utf8.count > 253 { return "is longer than 253 characters" }
    for label in text.split(separator: ".", omittingEmptySubsequences: false) {
      if label.isEmpty { return "has an empty label" }
      if label.utf8.count > 63 { return "has a label longer than 63 characters" }
      if label.hasPrefix("-") || label.hasSuffix("-") {
        return "has a label starting or ending with '-'"
      }
      let ok = label.utf8.allSatisfy { byte in
        byte == UInt8(ascii: "-") || isAlphanumeric(byte)
      }
      if !ok { return "label '\(label)' has characters other than letters, digits and '-'" }
    }
    return nil
  }

  /// ASCII letter or digit.
  static func isAlphanumeric(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return false
    }
  }

  /// RFC 2045 `token` character: printable ASCII except space and tspecials.
  static func isToken(_ byte: UInt8) -> Bool {
    guard byte > 0x20 && byte < 0x7F else { return false }
    return !Array("()<>@,;:\\\"/[]?=".utf8).contains(byte)
  }
}
