import Testing

/// SplitMix64: a tiny deterministic PRNG, so every generated case can be rebuilt from its seed.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniformly chosen integer in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

  /// One element of a non-empty array.
  mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

  /// The array in a random order.
  mutating func shuffled<T>(_ values: [T]) -> [T] { values.shuffled(using: &self) }

  /// A random subset of `values` of size `count`, in the original order.
  mutating func subset<T>(_ values: [T], count: Int) -> [T] {
    let chosen = Set(shuffled(Array(values.indices)).prefix(count))
    return values.indices.filter { chosen.contains($0) }.map { values[$0] }
  }
}

/// Runs `body` for seeds `0..<count`; stops at the first failing case and records it with its
/// seed, so that a failure is reproducible and does not flood the log.
func forAllSeeds(
  _ count: Int, salt: UInt64, sourceLocation: Testing.SourceLocation = #_sourceLocation,
  _ body: (UInt64, inout SeededGenerator) throws -> String?
) rethrows {
  for index in 0..<count {
    let seed = salt &* 1_000_003 &+ UInt64(index)
    var rng = SeededGenerator(seed: seed)
    if let failure = try body(seed, &rng) {
      Issue.record("seed \(seed): \(failure)", sourceLocation: sourceLocation)
      return
    }
  }
}
