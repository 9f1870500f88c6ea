import Testing

@testable import OnboardKit

/// `OwnerAssignment.baseID`'s byte scan against the splits it replaced, on every id of up to six
/// characters over `a # : b` and on ids with non-ASCII characters.
@Suite struct BaseIDTests {
  @Test func matchesTheSplitsOnEveryShortID() {
    let alphabet: [Character] = ["a", "#", ":", "b"]
    var ids: [String] = [""]
    var frontier: [String] = [""]
    for _ in 0..<6 {
      frontier = frontier.flatMap { id in alphabet.map { id + String($0) } }
      ids += frontier
    }
    ids += [
      "weekly-1-1#3", "training:sql-indexing", "training:sql#2", "é:x#1", "#\u{301}a:b",
      "a:\u{301}b",
      ":é#", "verify:naïve",
    ]
    for id in ids {
      #expect(
        OwnerAssignment.baseID(id) == OwnerAssignment.referenceBaseID(id), "\(id.debugDescription)")
    }
  }
}
