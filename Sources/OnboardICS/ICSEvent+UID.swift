extension ICSEvent {
  /// A UID that stays the same for the same `key` and `domain`: `<32 hex digits of SHA-256>@domain`.
  ///
  /// Use a key that names the session stably (hire id + session id), never a time or a counter, so
  /// that re-sending a changed session updates the attendee's copy instead of adding a second one.
  /// The domain keeps only ASCII letters, digits, `.` and `-` (lowercased); `onboard.invalid` if empty.
  public static func stableUID(key: String, domain: String) -> String {
    var key = key
    return key.withUTF8 { stableUID(keyBytes: $0, domain: domain) }
  }

  /// `stableUID(key: first + separator + second, domain:)`, the key's bytes put together on the
  /// stack instead of in a new string.
  public static func stableUID(
    key first: String, _ separator: String, _ second: String, domain: String
  ) -> String {
    var first = first
    var separator = separator
    var second = second
    return first.withUTF8 { a in
      separator.withUTF8 { b in
        second.withUTF8 { c in
          withUnsafeTemporaryAllocation(of: UInt8.self, capacity: a.count + b.count + c.count) {
            key in
            var index = 0
            for byte in a {
              key.initializeElement(at: index, to: byte)
              index += 1
            }
            for byte in b {
              key.initializeElement(at: index, to: byte)
              index += 1
            }
            for byte in c {
              key.initializeElement(at: index, to: byte)
              index += 1
            }
            return stableUID(keyBytes: UnsafeBufferPointer(key), domain: domain)
          }
        }
      }
    }
  }

  /// `stableUID(key:domain:)` of a key's UTF-8 bytes.
  static func stableUID(keyBytes key: UnsafeBufferPointer<UInt8>, domain: String) -> String {
    var uid: [UInt8] = []
    uid.reserveCapacity(33 + domain.utf8.count)
    SHA256.appendHexDigest(of: key, digits: 32, to: &uid)
    uid.append(UInt8(ascii: "@"))
    let start = uid.count
    // A domain of lowercase ASCII letters, digits, `.` and `-` only (what settings give) is kept
    // whole by the filter below, so it is appended as it is.
    var plainDomain = domain
    let plain = plainDomain.withUTF8 { bytes -> Bool in
      guard
        !bytes.isEmpty
          && bytes.allSatisfy({
            (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D
          })
      else { return false }
      uid.append(contentsOf: bytes)
      return true
    }
    if plain { return String(decoding: uid, as: UTF8.self) }
    // ASCII scalars are exactly the bytes below 0x80 of the UTF-8; lowercasing comes first, as
    // it can turn a non-ASCII letter (KELVIN SIGN) into an ASCII one. For ASCII text it is only
    // A-Z to a-z, which the filter keeps either way, so ASCII bytes are filtered as they are.
    let ascii = domain.utf8.allSatisfy { $0 < 0x80 }
    for var byte in ascii ? domain.utf8 : domain.lowercased().utf8 {
      if (0x41...0x5A).contains(byte) { byte += 0x20 }
      if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
        || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
      {
        uid.append(byte)
      }
    }
    if uid.count == start { uid.append(contentsOf: "onboard.invalid".utf8) }
    return String(decoding: uid, as: UTF8.self)
  }
}
