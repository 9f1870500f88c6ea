extension EmailMessage {
  /// Renders the whole message as bytes (7-bit ASCII, CRLF line ends, ending with CRLF).
  ///
  /// Throws `MIMEError.noRecipients` when both `to` and `cc` are empty.
  public func render() throws(MIMEError) -> [UInt8] { try render(flattening: true) }

  /// `render()`, with `flattening` false always by `MIMEPart.serialized()`: the definition the
  /// flattened path is tested against.
  func render(flattening: Bool) throws(MIMEError) -> [UInt8] {
    if to.isEmpty && cc.isEmpty { throw .noRecipients }
    let root = bodyPart()
    // The header block on bytes: the fields before the Message-ID, then those after it.
    var topHeaders: [UInt8] = []
    topHeaders.reserveCapacity(512)
    topHeaders.append(contentsOf: "Date: ".utf8)
    topHeaders.append(contentsOf: date.headerValue.utf8)
    topHeaders.append(contentsOf: [0x0D, 0x0A])
    topHeaders.append(contentsOf: Mailbox.addressList(name: "From", [from]).utf8)
    if !to.isEmpty { topHeaders.append(contentsOf: Mailbox.addressList(name: "To", to).utf8) }
    if !cc.isEmpty { topHeaders.append(contentsOf: Mailbox.addressList(name: "Cc", cc).utf8) }
    if !replyTo.isEmpty {
      topHeaders.append(contentsOf: Mailbox.addressList(name: "Reply-To", replyTo).utf8)
    }
    topHeaders.append(contentsOf: HeaderLine.unstructuredBytes(name: "Subject", value: subject))
    var trailingHeaders: [UInt8] = []
    trailingHeaders.reserveCapacity(512)
    for field in extraHeaders {
      trailingHeaders.append(
        contentsOf: HeaderLine.unstructuredBytes(name: field.name, value: field.value))
    }
    trailingHeaders.append(contentsOf: "MIME-Version: 1.0\r\n".utf8)

    // A given Message-ID and a multipart of leaves (text, HTML, an invitation: every email of
    // a plan): the parts are written straight after the headers, as `serialized()` would join
    // them, instead of being copied into a child, a body and then the message.
    if flattening, let messageID, let flat = root.flatMultipart() {
      trailingHeaders.append(contentsOf: flat.headers.utf8)
      let id = messageID.headerValue
      let delimiter = 2 + flat.boundary.utf8.count
      var size = topHeaders.count + trailingHeaders.count + id.utf8.count + 32 + delimiter + 4
      for part in flat.parts { size += delimiter + part.headers.utf8.count + part.body.count + 6 }
      var out = Self.headerBlock(topHeaders, id: id, trailingHeaders, room: size)
      for part in flat.parts {
        out.append(contentsOf: [0x2D, 0x2D])
        out.append(contentsOf: flat.boundary.utf8)
        out.append(contentsOf: [0x0D, 0x0A])
        out.append(contentsOf: part.headers.utf8)
        out.append(contentsOf: [0x0D, 0x0A])
        out.append(contentsOf: part.body)
        out.append(contentsOf: [0x0D, 0x0A])
      }
      out.append(contentsOf: [0x2D, 0x2D])
      out.append(contentsOf: flat.boundary.utf8)
      out.append(contentsOf: [0x2D, 0x2D, 0x0D, 0x0A])
      return out
    }

    let (contentHeaders, body) = root.serialized()
    trailingHeaders.append(contentsOf: contentHeaders.utf8)
    let id =
      messageID?.headerValue ?? derivedMessageID(topHeaders, trailingHeaders, body)
    var out = Self.headerBlock(
      topHeaders, id: id, trailingHeaders,
      room: topHeaders.count + trailingHeaders.count + body.count + id.utf8.count + 32)
    out.append(contentsOf: body)
    if isMultipart {
      out.append(contentsOf: [0x0D, 0x0A])
    } else if !body.isEmpty && body.suffix(2) != [0x0D, 0x0A] {
      // A single quoted-printable body that does not end with a line break: a soft break ends
      // the file with CRLF without adding a line break to the decoded text.
      out.append(contentsOf: "=\r\n".utf8)
    }
    return out
  }

  /// The message's header block and the blank line after it, in a buffer with room for
  /// `room` bytes (the whole message).
  private static func headerBlock(
    _ top: [UInt8], id: String, _ trailing: [UInt8], room: Int
  ) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(room)
    out.append(contentsOf: top)
    out.append(contentsOf: "Message-ID: ".utf8)
    out.append(contentsOf: id.utf8)
    out.append(contentsOf: [0x0D, 0x0A])
    out.append(contentsOf: trailing)
    out.append(contentsOf: [0x0D, 0x0A])
    return out
  }

  /// Renders the message as a String (the bytes are ASCII, so this is lossless).
  public func renderedString() throws(MIMEError) -> String {
    String(decoding: try render(), as: UTF8.self)
  }

  /// True when the top-level entity is a multipart.
  private var isMultipart: Bool {
    htmlBodyUTF8 != nil || calendar != nil || !attachments.isEmpty
  }

  /// The MIME tree: plain text, alternatives, and the mixed wrapper for attachments.
  private func bodyPart() -> MIMEPart {
    let text = Self.textPart(subtype: "plain", textBodyUTF8)
    var alternatives = [text]
    if let htmlBodyUTF8 { alternatives.append(Self.textPart(subtype: "html", htmlBodyUTF8)) }
    if let calendar {
      let headers =
        HeaderLine.parameterized(
          name: "Content-Type",
          tokens: ["text/calendar", "method=\(calendar.method)", "charset=UTF-8"])
        + "Content-Transfer-Encoding: base64\r\n"
      alternatives.append(
        MIMEPart(headers: headers, content: .leaf(Base64.lines(calendar.icsBytes))))
    }
    var root =
      alternatives.count == 1
      ? text
      : MIMEPart(headers: "", content: .multipart(subtype: "alternative", parts: alternatives))
    if !attachments.isEmpty {
      root = MIMEPart(
        headers: "",
        content: .multipart(subtype: "mixed", parts: [root] + attachments.map(Self.attachmentPart)))
    }
    return root
  }

  /// A `text/<subtype>; charset=UTF-8` part in quoted-printable.
  private static func textPart(subtype: String, _ text: [UInt8]) -> MIMEPart {
    let headers =
      "Content-Type: text/\(subtype); charset=UTF-8\r\n"
      + "Content-Transfer-Encoding: quoted-printable\r\n"
    return MIMEPart(headers: headers, content: .leaf(QuotedPrintable.encodeUTF8(text)))
  }

  /// An attachment part in base64 with `name`/`filename` parameters (RFC 2231 when needed).
  private static func attachmentPart(_ attachment: Attachment) -> MIMEPart {
    let headers =
      HeaderLine.parameterized(
        name: "Content-Type",
        tokens: [attachment.contentType]
          + Parameter.tokens(name: "name", value: attachment.filename))
      + "Content-Transfer-Encoding: base64\r\n"
      + HeaderLine.parameterized(
        name: "Content-Disposition",
        tokens: ["attachment"] + Parameter.tokens(name: "filename", value: attachment.filename))
    return MIMEPart(headers: headers, content: .leaf(Base64.lines(attachment.data)))
  }

  /// `<onboard.HASH@from-domain>`: a deterministic id from everything else in the message.
  private func derivedMessageID(_ top: [UInt8], _ trailing: [UInt8], _ body: [UInt8]) -> String {
    var hash = FNV1a()
    hash.combine(top)
    hash.combine(trailing)
    hash.combine(body)
    return "<onboard.\(Hex.word(hash.value))@\(from.domain)>"
  }
}
