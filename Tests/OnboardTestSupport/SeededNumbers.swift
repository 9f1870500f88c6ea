/// Numbers from a fixed seed (a 64-bit linear congruential generator), for tests that draw many
/// generated cases: the same cases in every run and on every machine.
public struct SeededNumbers {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// A number in `0..<bound` (`bound` > 0).
  public mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
}
