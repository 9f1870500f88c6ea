extension Mailbox {
  /// Appends this mailbox to an address-list header: `name <address>` or the bare address.
  ///
  /// The display name is sanitised (controls → one space, spaces collapsed, trimmed); printable
  /// ASCII made of atoms is written as is, other ASCII as a quoted-string with `\"` and `\\`
  /// escapes, and non-ASCII (or `=?`-looking) names as RFC 2047 encoded words.
  func append(to line: inout HeaderLine) {
    var name = displayName ?? ""  // shares the storage; `withUTF8` needs a variable
    if name.withUTF8({ appendAtoms($0, to: &line) }) { return }
    appendByRule(to: &line)
  }

  /// `append(to:)` in one pass for a display name of atoms and spaces (no `=?`, no word over 60
  /// bytes), where sanitising only collapses and trims spaces: its words, then `<address>`.
  /// Returns false, having written nothing, for any other name.
  func appendAtoms(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout HeaderLine) -> Bool {
    let count = bytes.count
    var run = 0
    var words = 0
    for index in 0..<count {
      let byte = bytes[index]
      if byte == 0x20 {
        run = 0
        continue
      }
      guard Syntax.isAtext(byte) else { return false }
      if byte == UInt8(ascii: "="), index + 1 < count, bytes[index + 1] == UInt8(ascii: "?") {
        return false
      }
      if run == 0 { words += 1 }
      run += 1
      if run > 60 { return false }
    }
    guard words > 0 else { return false }
    var wordStart = -1
    for index in 0...count {
      if index == count || bytes[index] == 0x20 {
        if wordStart >= 0 {
          line.append(utf8: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]))
          wordStart = -1
        }
      } else if wordStart < 0 {
        wordStart = index
      }
    }
    line.append("<\(address)>")
    return true
  }

  /// The definition of `append(to:)`, rule by rule.
  func appendByRule(to line: inout HeaderLine) {
    let name = HeaderText.sanitized(displayName ?? "", collapsingSpaces: true)
    if name.isEmpty {
      line.append(address)
      return
    }
    if HeaderText.needsEncodedWords(name) {
      for word in EncodedWord.words(for: name, firstMax: line.remaining) {
        line.append(word)
      }
    } else {
      let words = name.split(separator: " ").map(String.init)
      let isAtoms = words.allSatisfy { $0.utf8.allSatisfy(Syntax.isAtext) }
      if isAtoms {
        for word in words { line.append(word) }
      } else {
        for (index, word) in words.enumerated() {
          var escaped = ""
          for character in word {
            if character == "\"" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
          }
          let open = index == 0 ? "\"" : ""
          let close = index == words.count - 1 ? "\"" : ""
          line.append(open + escaped + close)
        }
      }
    }
    line.append("<\(address)>")
  }

  /// Renders `name: a, b, c` folded at mailbox and word boundaries.
  static func addressList(name: String, _ mailboxes: [Mailbox]) -> String {
    var line = HeaderLine(name: name)
    for (index, mailbox) in mailboxes.enumerated() {
      mailbox.append(to: &line)
      if index < mailboxes.count - 1 { line.glue(",") }
    }
    return line.rendered
  }
}
