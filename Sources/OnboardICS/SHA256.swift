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

  /// The eight words of a hash state (H0...H7).
  typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

  /// The 32-byte digest of `message`. `digestByArrays` is its definition.
  static func digest(_ message: [UInt8]) -> [UInt8] {
    message.withUnsafeBufferPointer { digest($0) }
  }

  /// `digest` of the bytes in `message`.
  static func digest(_ message: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    let state = digestWords(message)
    var out: [UInt8] = []
    out.reserveCapacity(32)
    for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
      out.append(UInt8(truncatingIfNeeded: word &>> 24))
      out.append(UInt8(truncatingIfNeeded: word &>> 16))
      out.append(UInt8(truncatingIfNeeded: word &>> 8))
      out.append(UInt8(truncatingIfNeeded: word))
    }
    return out
  }

  /// The digest of `message` as its eight big-endian words, on unsafe buffers: whole blocks are
  /// read in place as words, the padding goes into a 128-byte tail on the stack, and the rounds
  /// are unrolled eight at a time over local words with masking shifts (the UIDs of every event
  /// are hashed, so this runs thousands of times a batch).
  static func digestWords(_ message: UnsafeBufferPointer<UInt8>) -> State {
    var state: State = (
      0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
      0x5be0_cd19
    )
    roundConstants.withUnsafeBufferPointer { k in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        let whole = message.count / 64
        if let base = message.baseAddress, whole > 0 {
          let raw = UnsafeRawPointer(base)
          for block in 0..<whole {
            compress(raw + block * 64, &state, w, k)
          }
        }
        // The rest, 0x80, zeros, the bit length: one block or two.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
          let rest = message.count - whole * 64
          tail.initialize(repeating: 0)
          for index in 0..<rest { tail[index] = message[whole * 64 + index] }
          tail[rest] = 0x80
          let tailCount = rest < 56 ? 64 : 128
          let bitLength = UInt64(truncatingIfNeeded: message.count) &* 8
          for index in 0..<8 {
            tail[tailCount - 1 - index] = UInt8(
              truncatingIfNeeded: bitLength &>> UInt64(truncatingIfNeeded: index * 8))
          }
          guard let tailBase = tail.baseAddress else { return }
          let raw = UnsafeRawPointer(tailBase)
          compress(raw, &state, w, k)
          if tailCount == 128 { compress(raw + 64, &state, w, k) }
        }
      }
    }
    return state
  }

  /// One 64-byte block at `block` into `state`; `w` holds the 64-word schedule.
  @inline(__always)
  private static func compress(
    _ block: UnsafeRawPointer, _ state: inout State,
    _ w: UnsafeMutableBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>
  ) {
    for index in 0..<16 {
      w[index] = UInt32(
        bigEndian: block.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
    }
    for index in 16..<64 {
      let w15 = w[index &- 15]
      let w2 = w[index &- 2]
      let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
      let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
      w[index] = w[index &- 16] &+ s0 &+ w[index &- 7] &+ s1
    }
    var (a, b, c, d, e, f, g, h) = state
    var index = 0
    while index < 64 {
      // Eight rounds with the roles of the words rotated instead of the words moved.
      round(a, b, c, &d, e, f, g, &h, k[index] &+ w[index])
      round(h, a, b, &c, d, e, f, &g, k[index &+ 1] &+ w[index &+ 1])
      round(g, h, a, &b, c, d, e, &f, k[index &+ 2] &+ w[index &+ 2])
      round(f, g, h, &a, b, c, d, &e, k[index &+ 3] &+ w[index &+ 3])
      round(e, f, g, &h, a, b, c, &d, k[index &+ 4] &+ w[index &+ 4])
      round(d, e, f, &g, h, a, b, &c, k[index &+ 5] &+ w[index &+ 5])
      round(c, d, e, &f, g, h, a, &b, k[index &+ 6] &+ w[index &+ 6])
      round(b, c, d, &e, f, g, h, &a, k[index &+ 7] &+ w[index &+ 7])
      index &+= 8
    }
    state = (
      state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f,
      state.6 &+ g, state.7 &+ h
    )
  }

  /// One round: `d` becomes the next round's `e` and `h` its `a` (the others shift by name).
  /// `Ch(e, f, g)` is written `g ^ (e & (f ^ g))` and `Maj(a, b, c)` `(a & b) | (c & (a | b))`,
  /// the same functions with fewer operations.
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
  ) {
    let sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
    let temp1 = h &+ sum1 &+ (g ^ (e & (f ^ g))) &+ kw
    let sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
    d = d &+ temp1
    h = temp1 &+ sum0 &+ ((a & b) | (c & (a | b)))
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
        let s0 = rotrByShifts(w15, 7) ^ rotrByShifts(w15, 18) ^ (w15 >> 3)
        let s1 = rotrByShifts(w2, 17) ^ rotrByShifts(w2, 19) ^ (w2 >> 10)
        schedule[index] = schedule[index - 16] &+ s0 &+ schedule[index - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, h) =
        (hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7])
      for index in 0..<64 {
        let sum1 = rotrByShifts(e, 6) ^ rotrByShifts(e, 11) ^ rotrByShifts(e, 25)
        let choice = (e & f) ^ (~e & g)
        let temp1 = h &+ sum1 &+ choice &+ roundConstants[index] &+ schedule[index]
        let sum0 = rotrByShifts(a, 2) ^ rotrByShifts(a, 13) ^ rotrByShifts(a, 22)
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

  /// Appends the first `digits` (even, at most 64) lowercase hex digits of `text`'s digest,
  /// straight from the digest's words.
  static func appendHexDigest(_ text: String, digits: Int, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendHexDigest(of: $0, digits: digits, to: &out) }
  }

  /// `appendHexDigest` of the bytes in `message`.
  static func appendHexDigest(
    of message: UnsafeBufferPointer<UInt8>, digits: Int, to out: inout [UInt8]
  ) {
    let state = Self.digestWords(message)
    let count = min(32, max(0, digits / 2)) * 2
    // The digits go into a buffer on the stack and are appended in one block.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { hex in
      withUnsafeBytes(of: state) { raw in
        for index in 0..<count {
          // The words sit in order in the tuple; each word's nibbles go from the high end.
          let word = raw.load(fromByteOffset: (index / 8) * 4, as: UInt32.self)
          let shift = UInt32(truncatingIfNeeded: 28 - (index % 8) * 4)
          hex[index] = lowercaseHexDigit(UInt8(truncatingIfNeeded: word &>> shift) & 0xF)
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: hex[0..<count]))
    }
  }

  /// A lowercase hex digit for a value below 16.
  @inline(__always)
  private static func lowercaseHexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : 0x57 + value
  }

  /// Rotates right by `count` (1...31), with masking shifts (no overshift checks).
  @inline(__always)
  private static func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value &>> count) | (value &<< (32 &- count))
  }

  /// `rotr` with Swift's checked shifts, as `digestByArrays` (the definition) has always done it.
  private static func rotrByShifts(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value >> count) | (value << (32 - count))
  }
}
