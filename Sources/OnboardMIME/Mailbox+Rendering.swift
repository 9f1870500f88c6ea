extension Mailbox {
  /// Appends this mailbox to an address-list header: `name <address>` or the bare address.
  ///
  /// The display name is sanitised (controls → one space, spaces collapsed, trimmed); printable
  /// ASCII made of atoms is written as is, other ASCII as a quoted-string with `\"` and `\\`
  /// escapes, and non-ASCII (or `=?`-looking) names as RFC 2047 encoded words.
  func append(to line: inout HeaderLine) {
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
