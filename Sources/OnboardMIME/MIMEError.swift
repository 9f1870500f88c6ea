/// A value the MIME writer refuses; every case names the offending value (shown with escapes).
public enum MIMEError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An email address that is not a plain ASCII `local@domain` addr-spec.
  case invalidAddress(String, reason: String)
  /// An extra header field name that is malformed.
  case invalidHeaderName(String, reason: String)
  /// An extra header whose name the writer produces itself (or `Bcc`, which an .eml must not carry).
  case reservedHeaderName(String)
  /// A Message-ID (or one of its halves) that is not a `dot-atom@dot-atom` id.
  case invalidMessageID(String, reason: String)
  /// A preformatted date that is not an RFC 5322 date-time.
  case invalidDate(String, reason: String)
  /// A UTC offset that is not a whole number of minutes within ±23:59.
  case invalidTimeZoneOffset(seconds: Int)
  /// An attachment content type that is not a plain `type/subtype`.
  case invalidContentType(String, reason: String)
  /// An attachment filename that is empty or contains control characters or path separators.
  case invalidFilename(String, reason: String)
  /// A calendar part whose method or text is unusable.
  case invalidCalendar(String, reason: String)
  /// A message with neither `To` nor `Cc` recipients.
  case noRecipients

  /// A one-line, human-readable explanation naming the value and the field it belongs to.
  public var description: String {
    switch self {
    case .invalidAddress(let value, let reason):
      return "invalid email address \(Self.show(value)): \(reason)"
    case .invalidHeaderName(let value, let reason):
      return "invalid header name \(Self.show(value)): \(reason)"
    case .reservedHeaderName(let value):
      return "header name \(Self.show(value)) is reserved: the writer produces it itself"
    case .invalidMessageID(let value, let reason):
      return "invalid Message-ID \(Self.show(value)): \(reason)"
    case .invalidDate(let value, let reason):
      return "invalid Date \(Self.show(value)): \(reason)"
    case .invalidTimeZoneOffset(let seconds):
      return "invalid UTC offset \(seconds) s: must be whole minutes within ±23:59"
    case .invalidContentType(let value, let reason):
      return "invalid attachment content type \(Self.show(value)): \(reason)"
    case .invalidFilename(let value, let reason):
      return "invalid attachment filename \(Self.show(value)): \(reason)"
    case .invalidCalendar(let value, let reason):
      return "invalid calendar part \(Self.show(value)): \(reason)"
    case .noRecipients:
      return "message has no recipients: To and Cc are both empty"
    }
  }

  /// Quotes a value with Swift escapes so CR, LF and other controls are visible; long values are cut.
  private static func show(_ value: String) -> String {
    let cut = value.count > 80 ? String(value.prefix(80)) + "…" : value
    return String(reflecting: cut)
  }
}
