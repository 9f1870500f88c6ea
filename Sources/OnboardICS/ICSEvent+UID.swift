extension ICSEvent {
  /// A UID that stays the same for the same `key` and `domain`: `<32 hex digits of SHA-256>@domain`.
  ///
  /// Use a key that names the session stably (hire id + session id), never a time or a counter, so
  /// that re-sending a changed session updates the attendee's copy instead of adding a second one.
  /// The domain keeps only ASCII letters, digits, `.` and `-` (lowercased); `onboard.invalid` if empty.
  public static func stableUID(key: String, domain: String) -> String {
    // ASCII scalars are exactly the bytes below 0x80 of the UTF-8; lowercasing comes first, as
    // it can turn a non-ASCII letter (KELVIN SIGN) into an ASCII one.
    let allowed = domain.lowercased().utf8.filter { byte in
      (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
        || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
    let cleanDomain = allowed.isEmpty ? "onboard.invalid" : String(decoding: allowed, as: UTF8.self)
    return String(SHA256.hexDigest(key).prefix(32)) + "@" + cleanDomain
  }
}
