/// Eight bytes at a time: where the first byte a writer must treat specially is. The masks set
/// the high bit of bytes that match; they may also set it in bytes above a matching one (a
/// borrow runs upward), never below, so the lowest set bit always names a matching byte.
enum ByteScan {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Bytes equal to `byte`.
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (ones &* UInt64(byte))
    return (x &- ones) & ~x & highs
  }

  /// Bytes below 0x20.
  @inline(__always)
  static func control(_ word: UInt64) -> UInt64 {
    (word &- ones &* 0x20) & ~word & highs
  }

  /// The index of the first byte for which `matches` is true, or `count`;
  /// `mask` marks such bytes in a word as described above, `matches` decides one byte.
  @inline(__always)
  static func first(
    in base: UnsafePointer<UInt8>, count: Int, mask: (UInt64) -> UInt64,
    matches: (UInt8) -> Bool
  ) -> Int {
    var index = 0
    while index + 8 <= count {
      let word = UInt64(
        littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
      let marked = mask(word)
      if marked != 0 { return index + marked.trailingZeroBitCount >> 3 }
      index += 8
    }
    while index < count, !matches(base[index]) { index += 1 }
    return index
  }
}
