/// A small SHA-256 (FIPS 180-4) used to derive stable UIDs; CryptoKit is not available on Linux.
enum SHA256 {
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  private static let initialHash: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
    0x5be0_cd19,
  ]

  /// The 32-byte digest of `message`, on unsafe buffers: the message's own bytes for every
  /// whole block, a 128-byte tail for the padding, one 64-word schedule (the UIDs of every event
  /// are hashed, so this runs thousands of times a batch). `digestByArrays` is its definition.
  static func digest(_ message: [UInt8]) -> [UInt8] {
    message.withUnsafeBufferPointer { digest($0) }
  }

  /// `digest` of the bytes in `message`.
  static func digest(_ message: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var state = (
      initialHash[0], initialHash[1], initialHash[2], initialHash[3], initialHash[4],
      initialHash[5], initialHash[6], initialHash[7]
    )
    roundConstants.withUnsafeBufferPointer { k in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
          let whole = message.count / 64
          for block in 0..<whole {
            compress(UnsafeBufferPointer(rebasing: message[(block * 64)...]), &state, w, k)
          }
          // The rest, 0x80, zeros, the bit length: one block or two.
          let rest = message.count - whole * 64
          tail.initialize(repeating: 0)
          for index in 0..<rest { tail[index] = message[whole * 64 + index] }
          tail[rest] = 0x80
          let tailCount = rest < 56 ? 64 : 128
          let bitLength = UInt64(message.count) &* 8
          for index in 0..<8 {
            tail[tailCount - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(index * 8))
          }
          let tailBytes = UnsafeBufferPointer(tail)
          compress(tailBytes, &state, w, k)
          if tailCount == 128 {
            compress(UnsafeBufferPointer(rebasing: tailBytes[64...]), &state, w, k)
          }
        }
      }
    }
    let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
    var out: [UInt8] = []
    out.reserveCapacity(32)
    for word in words {
      out.append(UInt8(truncatingIfNeeded: word >> 24))
      out.append(UInt8(truncatingIfNeeded: word >> 16))
      out.append(UInt8(truncatingIfNeeded: word >> 8))
      out.append(UInt8(truncatingIfNeeded: word))
    }
    return out
  }

  /// One 64-byte block (the first 64 bytes of `block`) into `state`.
  @inline(__always)
  private static func compress(
    _ block: UnsafeBufferPointer<UInt8>,
    _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
    _ w: UnsafeMutableBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>
  ) {
    for index in 0..<16 {
      let base = index * 4
      w[index] =
        UInt32(block[base]) << 24 | UInt32(block[base + 1]) << 16
        | UInt32(block[base + 2]) << 8 | UInt32(block[base + 3])
    }
    for index in 16..<64 {
      let w15 = w[index - 15]
      let w2 = w[index - 2]
      let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3)
      let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10)
      w[index] = w[index - 16] &+ s0 &+ w[index - 7] &+ s1
    }
    var (a, b, c, d, e, f, g, h) = state
    for index in 0..<64 {
      let sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
      let choice = (e & f) ^ (~e & g)
      let temp1 = h &+ sum1 &+ choice &+ k[index] &+ w[index]
      let sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
      let majority = (a & b) ^ (a & c) ^ (b & c)
      let temp2 = sum0 &+ majority
      (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
    }
    state = (
      state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f,
      state.6 &+ g, state.7 &+ h
    )
  }

  /// The definition of `digest`: the padded message and the schedule as arrays.
  static func digestByArrays(_ message: [UInt8]) -> [UInt8] {
    var padded = message
    padded.append(0x80)
    while padded.count % 64 != 56 { padded.append(0) }
    let bitLength = UInt64(message.count) &* 8
    for shift in stride(from: 56, through: 0, by: -8) {
      padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }

    var hash = initialHash
    var schedule = [UInt32](repeating: 0, count: 64)
    for blockStart in stride(from: 0, to: padded.count, by: 64) {
      for index in 0..<16 {
        let base = blockStart + index * 4
        schedule[index] =
          UInt32(padded[base]) << 24 | UInt32(padded[base + 1]) << 16
          | UInt32(padded[base + 2]) << 8 | UInt32(padded[base + 3])
      }
      for index in 16..<64 {
        let w15 = schedule[index - 15]
        let w2 = schedule[index - 2]
        let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3)
        let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10)
        schedule[index] = schedule[index - 16] &+ s0 &+ schedule[index - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, h) =
        (hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7])
      for index in 0..<64 {
        let sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let choice = (e & f) ^ (~e & g)
        let temp1 = h &+ sum1 &+ choice &+ roundConstants[index] &+ schedule[index]
        let sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let majority = (a & b) ^ (a & c) ^ (b & c)
        let temp2 = sum0 &+ majority
        (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
      }
      hash[0] = hash[0] &+ a
      hash[1] = hash[1] &+ b
      hash[2] = hash[2] &+ c
      hash[3] = hash[3] &+ d
      hash[4] = hash[4] &+ e
      hash[5] = hash[5] &+ f
      hash[6] = hash[6] &+ g
      hash[7] = hash[7] &+ h
    }
    var out: [UInt8] = []
    out.reserveCapacity(32)
    for word in hash {
      out.append(UInt8(truncatingIfNeeded: word >> 24))
      out.append(UInt8(truncatingIfNeeded: word >> 16))
      out.append(UInt8(truncatingIfNeeded: word >> 8))
      out.append(UInt8(truncatingIfNeeded: word))
    }
    return out
  }

  /// The digest of `text`'s UTF-8 bytes as lowercase hexadecimal.
  static func hexDigest(_ text: String) -> String {
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    appendHexDigest(text, digits: 64, to: &hex)
    return String(decoding: hex, as: UTF8.self)
  }

  /// Appends the first `digits` (even, at most 64) lowercase hex digits of `text`'s digest.
  static func appendHexDigest(_ text: String, digits: Int, to out: inout [UInt8]) {
    var text = text
    let bytes = text.withUTF8 { Self.digest($0) }
    for byte in bytes.prefix(digits / 2) {
      out.append(lowercaseHexDigit(byte >> 4))
      out.append(lowercaseHexDigit(byte & 0xF))
    }
  }

  /// A lowercase hex digit for a value below 16.
  @inline(__always)
  private static func lowercaseHexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : 0x57 + value
  }

  private static func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value >> count) | (value << (32 - count))
  }
}
