/// Text made from pieces, for tests that compare a fast path with its reference definition:
/// every piece alone, every pair (so each neighbour combination is seen), then `count` joins of
/// 0...`maximumPieces` random pieces from a fixed seed, the same cases in every run.
public enum GeneratedText {
  /// Calls `check` on every generated text.
  public static func forEach(
    pieces: [String], seed: UInt64, count: Int = 20_000, maximumPieces: Int = 11,
    _ check: (String) -> Void
  ) {
    var numbers = SeededNumbers(seed: seed)
    func next(_ bound: Int) -> Int { numbers.next(bound) }
    for first in pieces {
      check(first)
      for second in pieces { check(first + second) }
    }
    for _ in 0..<count {
      check((0..<next(maximumPieces + 1)).map { _ in pieces[next(pieces.count)] }.joined())
    }
  }
}
