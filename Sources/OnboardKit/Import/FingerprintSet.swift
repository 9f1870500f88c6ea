/// The emails seen so far in an export, as 44-bit fingerprints in 5 to 6 bytes per candidate
/// (a `[UInt64: Int]` of hash and first line took about 25; a `Set<String>` about 100), so the
/// duplicate check of a 5-million-row export fits in about 30 MiB.
///
/// A fingerprint is 44 bits of a 64-bit hash: the top 12 choose one of 4,096 shards, the low 32
/// are stored (0 stands for an empty slot, so a fingerprint of 0 is stored as 1). Each shard is
/// an open-addressing table with linear probing whose home slot comes from the stored 32 bits, so
/// a shard grows (by a quarter, at 80 % load) without the original hashes, and only one shard at a
/// time is being copied. The shards are in storage of the set's own (a set is not copyable), so
/// an insert reads two numbers and probes one table, without the checks of an array of arrays.
///
/// ``insert(_:)`` answering "already there" means only that a row *may* repeat an earlier email:
/// two different emails share a fingerprint with a probability of about n² / 2⁴⁵ for n
/// candidates (one in 30 for a million rows). The import confirms such a row exactly before it
/// refuses it (see `TestGorillaImport`): a fingerprint set never decides alone.
struct FingerprintSet: ~Copyable {
  static let shardBits = 12
  private static let shardCount = 1 << shardBits
  /// Each shard's slots, their number and the fingerprints stored there.
  private let shards: UnsafeMutablePointer<UnsafeMutablePointer<UInt32>>
  private let capacities: UnsafeMutablePointer<Int>
  private let counts: UnsafeMutablePointer<Int>
  /// Fingerprints stored.
  private(set) var count = 0

  init() {
    shards = .allocate(capacity: Self.shardCount)
    capacities = .allocate(capacity: Self.shardCount)
    capacities.initialize(repeating: 16, count: Self.shardCount)
    counts = .allocate(capacity: Self.shardCount)
    counts.initialize(repeating: 0, count: Self.shardCount)
    for shard in 0..<Self.shardCount {
      let slots = UnsafeMutablePointer<UInt32>.allocate(capacity: 16)
      slots.initialize(repeating: 0, count: 16)
      (shards + shard).initialize(to: slots)
    }
  }

  deinit {
    for shard in 0..<Self.shardCount { shards[shard].deallocate() }
    shards.deallocate()
    capacities.deallocate()
    counts.deallocate()
  }

  /// Adds the fingerprint of `hash`; false when it was there already (a possible repeat).
  mutating func insert(_ hash: UInt64) -> Bool {
    let shard = Int(truncatingIfNeeded: hash >> (64 - UInt64(Self.shardBits)))
    let low = UInt32(truncatingIfNeeded: hash)
    let fingerprint = low == 0 ? 1 : low
    if (counts[shard] &+ 1) &* 5 > capacities[shard] &* 4 { grow(shard) }
    guard
      Self.insert(
        fingerprint,
        into: UnsafeMutableBufferPointer(start: shards[shard], count: capacities[shard]))
    else { return false }
    counts[shard] &+= 1
    count &+= 1
    return true
  }

  /// The slot a fingerprint starts probing at in a table of `capacity` slots.
  @inline(__always)
  private static func home(_ fingerprint: UInt32, _ capacity: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(fingerprint) &* UInt64(capacity)) >> 32)
  }

  private static func insert(_ fingerprint: UInt32, into slots: UnsafeMutableBufferPointer<UInt32>)
    -> Bool
  {
    var index = home(fingerprint, slots.count)
    while true {
      let slot = slots[index]
      if slot == 0 {
        slots[index] = fingerprint
        return true
      }
      if slot == fingerprint { return false }
      index += 1
      if index == slots.count { index = 0 }
    }
  }

  private func grow(_ shard: Int) {
    let old = UnsafeMutableBufferPointer(start: shards[shard], count: capacities[shard])
    let capacity = old.count + max(8, old.count / 4)
    let grown = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: capacity)
    grown.initialize(repeating: 0)
    for fingerprint in old where fingerprint != 0 { _ = Self.insert(fingerprint, into: grown) }
    old.deallocate()
    shards[shard] = grown.baseAddress.unsafelyUnwrapped
    capacities[shard] = capacity
  }

  /// Bytes held by the slots (for the documentation's figures and tests).
  var slotBytes: Int {
    (0..<Self.shardCount).reduce(0) { $0 + capacities[$1] * MemoryLayout<UInt32>.stride }
  }
}
