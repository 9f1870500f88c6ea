/// An email to be written as an .eml file (RFC 5322 + MIME) that mail programs open.
///
/// Rendering is pure: the same value always gives the same bytes (no clock, no randomness, no
/// locale). The output is 7-bit ASCII with CRLF line ends: bodies are UTF-8 in quoted-printable
/// or base64, non-ASCII header text is in RFC 2047 encoded words. Structure:
/// - text only → `text/plain`;
/// - text + HTML and/or calendar → `multipart/alternative` (plain, HTML, `text/calendar`);
/// - attachments → `multipart/mixed` around that.
public struct EmailMessage: Sendable, Hashable {
  /// The author (`From:`).
  public var from: Mailbox
  /// Primary recipients (`To:`).
  public var to: [Mailbox]
  /// Copied recipients (`Cc:`).
  public var cc: [Mailbox]
  /// Where replies go (`Reply-To:`), omitted when empty.
  public var replyTo: [Mailbox]
  /// The subject; control characters become spaces, leading and trailing spaces are trimmed.
  public var subject: String
  /// The `Date:` value.
  public var date: EmailDate
  /// The `Message-ID:`; when nil one is derived from a hash of the message and the From domain.
  public var messageID: MessageID?
  /// Additional headers in the given order, e.g. `X-Onboard-Template`, written after Message-ID.
  public var extraHeaders: [HeaderField]
  /// The plain-text body's UTF-8 bytes (always present; it is what text-only readers show).
  /// Messages compare and hash by these bytes, which are what they render.
  public var textBodyUTF8: [UInt8]
  /// The HTML body's UTF-8 bytes, written exactly as given: escaping is the caller's job.
  public var htmlBodyUTF8: [UInt8]?
  /// The plain-text body (`textBodyUTF8` as a `String`).
  public var textBody: String {
    get { String(decoding: textBodyUTF8, as: UTF8.self) }
    set { textBodyUTF8 = Array(newValue.utf8) }
  }
  /// The HTML body (`htmlBodyUTF8` as a `String`).
  public var htmlBody: String? {
    get { htmlBodyUTF8.map { String(decoding: $0, as: UTF8.self) } }
    set { htmlBodyUTF8 = newValue.map { Array($0.utf8) } }
  }
  /// An invitation shown by mail programs as an event.
  public var calendar: CalendarPart?
  /// Files attached to the message.
  public var attachments: [Attachment]

  /// Makes a message; nothing is checked here beyond what the value types already guarantee.
  public init(
    from: Mailbox, to: [Mailbox], cc: [Mailbox] = [], replyTo: [Mailbox] = [],
    subject: String, date: EmailDate, messageID: MessageID? = nil,
    extraHeaders: [HeaderField] = [], textBody: String, htmlBody: String? = nil,
    calendar: CalendarPart? = nil, attachments: [Attachment] = []
  ) {
    self.init(
      from: from, to: to, cc: cc, replyTo: replyTo, subject: subject, date: date,
      messageID: messageID, extraHeaders: extraHeaders, textBodyUTF8: Array(textBody.utf8),
      htmlBodyUTF8: htmlBody.map { Array($0.utf8) }, calendar: calendar, attachments: attachments)
  }

  /// Makes a message from bodies given as UTF-8 bytes (as a renderer that writes bytes has them).
  public init(
    from: Mailbox, to: [Mailbox], cc: [Mailbox] = [], replyTo: [Mailbox] = [],
    subject: String, date: EmailDate, messageID: MessageID? = nil,
    extraHeaders: [HeaderField] = [], textBodyUTF8: [UInt8], htmlBodyUTF8: [UInt8]? = nil,
    calendar: CalendarPart? = nil, attachments: [Attachment] = []
  ) {
    self.from = from
    self.to = to
    self.cc = cc
    self.replyTo = replyTo
    self.subject = subject
    self.date = date
    self.messageID = messageID
    self.extraHeaders = extraHeaders
    self.textBodyUTF8 = textBodyUTF8
    self.htmlBodyUTF8 = htmlBodyUTF8
    self.calendar = calendar
    self.attachments = attachments
  }
}
