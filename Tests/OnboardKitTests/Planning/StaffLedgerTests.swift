import Testing

@testable import OnboardKit

/// `StaffLedger` keeps bookings by person and UTC day; its answers must be those of a plain list
/// of every booking (the reference it replaced), on generated bookings across midnight, long
/// intervals, empty ones and times before 1970.
@Suite struct StaffLedgerTests {
  /// The reference: every booking in one list per person, checked one by one.
  struct PlainLedger {
    var busy: [String: [Range<Int>]] = [:]

    func isFree(_ key: String, _ interval: Range<Int>) -> Bool {
      !(busy[key] ?? []).contains { $0.overlaps(interval) }
    }
  }

  static func interval(_ rng: inout SeededGenerator) -> Range<Int> {
    // Around a few days of 2027 and of 1969, so that day boundaries and negative minutes occur.
    let base = rng.chance(0.2) ? -3 * 1440 : 29_000_000
    let start = base + rng.int(0...(4 * 1440))
    let length = rng.pick([0, 1, 15, 30, 60, 90, 240, 600, 1439, 1440, 2000, 3000])
    return start..<(start + length)
  }

  @Test(arguments: 0..<30)
  func answersLikeAPlainListOfBookings(_ seed: Int) {
    var rng = SeededGenerator(seed: 16_000 + UInt64(seed))
    var ledger = StaffLedger()
    var plain = PlainLedger()
    let people = ["a@example.com", "b@example.com", "c@example.com"]
    for _ in 0..<rng.int(1...60) {
      let key = rng.pick(people)
      let booked = Self.interval(&rng)
      for _ in 0..<20 {
        let asked = Self.interval(&rng)
        let person = rng.pick(people + ["nobody@example.com"])
        #expect(
          ledger.isFree(person, asked) == plain.isFree(person, asked),
          "seed \(seed): \(person) \(asked) against \(plain.busy[person] ?? [])")
      }
      ledger.book(key, booked, week: 0)
      plain.busy[key, default: []].append(booked)
    }
    for person in people {
      #expect(
        (ledger.busy[person] ?? []).sorted {
          ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound)
        }
          == (plain.busy[person] ?? []).sorted {
            ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound)
          })
    }
  }

  @Test func anIntervalTouchingABookingIsFreeAndAnOverlapIsNot() {
    var ledger = StaffLedger()
    ledger.book("t@example.com", 1430..<1450, week: 0)
    #expect(ledger.isFree("t@example.com", 1450..<1500))
    #expect(ledger.isFree("t@example.com", 1400..<1430))
    #expect(!ledger.isFree("t@example.com", 1449..<1460))
    #expect(!ledger.isFree("t@example.com", 1000..<1431))
    #expect(ledger.isFree("t@example.com", 1440..<1440))
  }
}
