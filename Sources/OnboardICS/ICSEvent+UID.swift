extension ICSEvent {
  /// A UID that stays the same for the same `key` and `domain`: `<32 hex digits of SHA-256>@domain`.
  ///
  /// Use a key that names the session stably (hire id + session id), never a time or a counter, so
  /// that re-sending a changed session updates the attendee's copy instead of adding a second one.
  /// The domain keeps only ASCII letters, digits, `.` and `-` (lowercased); `onboard.invalid` if empty.
  public static func stableUID(key: String, domain: String) -> String {
    let allowed = domain.lowercased().unicodeScalars.filter { scalar in
      scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "."
          || scalar == "-")
    }
    let cleanDomain =
      allowed.isEmpty ? "onboard.invalid" : String(String.UnicodeScalarView(allowed))
    return String(SHA256.hexDigest(key).prefix(32)) + "@" + cleanDomain
  }
}
