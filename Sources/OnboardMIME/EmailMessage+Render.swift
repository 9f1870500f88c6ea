extension EmailMessage {
  /// Renders the whole message as bytes (7-bit ASCII, CRLF line ends, ending with CRLF).
  ///
  /// Throws `MIMEError.noRecipients` when both `to` and `cc` are empty.
  public func render() throws(MIMEError) -> [UInt8] {
    if to.isEmpty && cc.isEmpty { throw .noRecipients }
    let (contentHeaders, body) = bodyPart().serialized()
    var topHeaders = "Date: \(date.headerValue)\r\n"
    topHeaders += Mailbox.addressList(name: "From", [from])
    if !to.isEmpty { topHeaders += Mailbox.addressList(name: "To", to) }
    if !cc.isEmpty { topHeaders += Mailbox.addressList(name: "Cc", cc) }
    if !replyTo.isEmpty { topHeaders += Mailbox.addressList(name: "Reply-To", replyTo) }
    topHeaders += HeaderLine.unstructured(name: "Subject", value: subject)
    var trailingHeaders = ""
    for field in extraHeaders {
      trailingHeaders += HeaderLine.unstructured(name: field.name, value: field.value)
    }
    trailingHeaders += "MIME-Version: 1.0\r\n" + contentHeaders

    let id = messageID?.headerValue ?? derivedMessageID(topHeaders + trailingHeaders, body)
    let head = topHeaders + "Message-ID: \(id)\r\n" + trailingHeaders
    var out = Array(head.utf8) + [0x0D, 0x0A] + body
    if isMultipart {
      out += [0x0D, 0x0A]
    } else if !body.isEmpty && body.suffix(2) != [0x0D, 0x0A] {
      // A single quoted-printable body that does not end with a line break: a soft break ends
      // the file with CRLF without adding a line break to the decoded text.
      out += Array("=\r\n".utf8)
    }
    return out
  }

  /// Renders the message as a String (the bytes are ASCII, so this is lossless).
  public func renderedString() throws(MIMEError) -> String {
    String(decoding: try render(), as: UTF8.self)
  }

  /// True when the top-level entity is a multipart.
  private var isMultipart: Bool {
    htmlBody != nil || calendar != nil || !attachments.isEmpty
  }

  /// The MIME tree: plain text, alternatives, and the mixed wrapper for attachments.
  private func bodyPart() -> MIMEPart {
    let text = Self.textPart(subtype: "plain", textBody)
    var alternatives = [text]
    if let htmlBody { alternatives.append(Self.textPart(subtype: "html", htmlBody)) }
    if let calendar {
      let headers =
        HeaderLine.parameterized(
          name: "Content-Type",
          tokens: ["text/calendar", "method=\(calendar.method)", "charset=UTF-8"])
        + "Content-Transfer-Encoding: base64\r\n"
      alternatives.append(
        MIMEPart(headers: headers, content: .leaf(Base64.lines(Array(calendar.ics.utf8)))))
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
  private static func textPart(subtype: String, _ text: String) -> MIMEPart {
    let headers =
      "Content-Type: text/\(subtype); charset=UTF-8\r\n"
      + "Content-Transfer-Encoding: quoted-printable\r\n"
    return MIMEPart(headers: headers, content: .leaf(QuotedPrintable.encode(text)))
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
  private func derivedMessageID(_ headers: String, _ body: [UInt8]) -> String {
    var hash = FNV1a()
    hash.combine(headers.utf8)
    hash.combine(body)
    return "<onboard.\(Hex.word(hash.value))@\(from.domain)>"
  }
}
