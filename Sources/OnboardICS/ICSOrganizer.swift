/// The organizer of an event: an email address and an optional display name (`CN`).
public struct ICSOrganizer: Sendable, Hashable {
  /// The email address, written as a `mailto:` URI.
  public var email: String
  /// The display name, written as the `CN` parameter when not empty.
  public var commonName: String?

  /// Creates an organizer.
  public init(email: String, commonName: String? = nil) {
    self.email = email
    self.commonName = commonName
  }
}
