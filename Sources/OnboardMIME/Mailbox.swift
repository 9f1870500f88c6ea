/// An email address with an optional display name, rendered as `Ada Lovelace <ada@example.com>`.
///
/// The address is validated when the value is made; the display name may be any text: control
/// characters in it (CR, LF, TAB, …) are replaced by spaces when rendered, so it can never start a
/// new header line, and non-ASCII names are sent as RFC 2047 encoded words.
public struct Mailbox: Sendable, Hashable {
  /// The display name as given by the caller (`nil` or empty: the bare address is written).
  public let displayName: String?
  /// The validated ASCII addr-spec, `local@domain`.
  public let address: String

  /// Makes a mailbox, throwing `MIMEError.invalidAddress` when `address` is not a sane addr-spec.
  public init(_ address: String, displayName: String? = nil) throws(MIMEError) {
    try Self.validate(address: address)
    self.address = address
    self.displayName = displayName
  }

  /// The domain half of the address (after the `@`).
  public var domain: String {
    guard let at = address.lastIndex(of: "@") else { return address }
    return String(address[address.index(after: at)...])
  }
}
