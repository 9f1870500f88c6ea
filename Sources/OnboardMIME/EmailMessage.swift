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
  /// The plain-text body (always present; it is what text-only readers show).
  public var textBody: String
  /// The HTML body, written exactly as given: escaping is the caller's job.
  public var htmlBody: String?
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
    self.from = from
    self.to = to
    self.cc = cc
    self.replyTo = replyTo
    self.subject = subject
    self.date = date
    self.messageID = messageID
    self.extraHeaders = extraHeaders
    self.textBody = textBody
    self.htmlBody = htmlBody
    self.calendar = calendar
    self.attachments = attachments
  }
}
