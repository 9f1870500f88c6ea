/// An extra header such as `X-Onboard-Template: welcome`: the name is validated, the value made safe.
///
/// The value is unstructured text: control characters become spaces and non-ASCII text is written
/// as RFC 2047 encoded words, so a value can never start another header.
public struct HeaderField: Sendable, Hashable {
  /// The field name as given (letters, digits and hyphens).
  public let name: String
  /// The value as given; sanitised when rendered.
  public let value: String

  /// Names the writer produces itself, compared case-insensitively, plus `Bcc`.
  public static let reservedNames: Set<String> = [
    "from", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "mime-version",
    "content-type", "content-transfer-encoding", "content-disposition", "content-id",
    "content-description",
  ]

  /// Makes a header; the name must be 1–40 letters, digits or inner hyphens and not reserved.
  public init(name: String, value: String) throws(MIMEError) {
    func fail(_ reason: String) -> MIMEError { .invalidHeaderName(name, reason: reason) }
    if name.isEmpty { throw fail("empty") }
    if name.utf8.count > 40 { throw fail("longer than 40 characters") }
    for byte in name.utf8 where byte != UInt8(ascii: "-") && !Syntax.isAlphanumeric(byte) {
      throw fail("only ASCII letters, digits and '-' are allowed")
    }
    if name.hasPrefix("-") || name.hasSuffix("-") { throw fail("starts or ends with '-'") }
    if Self.reservedNames.contains(name.lowercased()) { throw .reservedHeaderName(name) }
    self.name = name
    self.value = value
  }
}
