import Foundation
import Testing

@testable import OnboardKit

/// The import's fast paths give exactly what the general code gives.
@Suite struct ImportFastPathTests {
  @Test func plainNumbersAreReadExactlyAsTheGeneralPathReadsThem() {
    var generator = SeededGenerator(seed: 16)
    let alphabet = Array("0123456789012345678901234567890123456789.,-% ")
    var plain = 0
    for _ in 0..<20_000 {
      let text = String(
        (0..<Int.random(in: 0...18, using: &generator)).map { _ in
          alphabet.randomElement(using: &generator) ?? "0"
        })
      guard let fast = EvidenceImport.plainNumber(text) else { continue }
      plain += 1
      let general = EvidenceImport.generalNumber(text)
      #expect(
        general?.bitPattern == fast.bitPattern, "\(text): \(fast) vs \(String(describing: general))"
      )
    }
    // Typical export scores, and enough random ones, took the fast path.
    for (text, value) in [
      ("45.6", 45.6), ("45,6", 45.6), ("87%", 87.0), ("0.1", 0.1), ("100", 100.0),
    ] {
      #expect(EvidenceImport.plainNumber(text) == value)
    }
    #expect(plain > 1_000)
    // What the fast path leaves to the general one.
    for text in ["5.", ".5", " 5", "5 %", "+5", "1e3", "1.2.3", "1,2.3", "1234567890123456", "%"] {
      #expect(EvidenceImport.plainNumber(text) == nil, "\(text)")
    }
  }

  @Test func emailHashIsStableAndTellsEmailsApart() {
    // The same in every process (Swift's own Hasher is seeded per run): FNV-1a and the
    // MurmurHash3 finaliser of this email, worked out independently (in Python).
    let first = TestGorillaImport.emailHash("ada@example.org")
    #expect(first == 0x008B_5370_AE1C_81EA)
    var seen: Set<UInt64> = []
    for index in 0..<100_000 {
      seen.insert(TestGorillaImport.emailHash("candidate\(index)@example.org"))
    }
    #expect(seen.count == 100_000)
    #expect(!seen.contains(first))
  }

  @Test func wordLowercasingIsTheByteLowercasing() {
    // Every byte value in every one of the eight places, then random words.
    func bytewise(_ word: UInt64) -> UInt64 {
      var result: UInt64 = 0
      for place in 0..<8 {
        let byte = UInt8(truncatingIfNeeded: word >> UInt64(place * 8))
        result |= UInt64(CellBytes.lowercased(byte)) << UInt64(place * 8)
      }
      return result
    }
    var generator = SeededGenerator(seed: 14)
    for place in 0..<8 {
      for value in 0...255 {
        let noise = UInt64.random(in: .min ... .max, using: &generator)
        let mask: UInt64 = 0xFF << UInt64(place * 8)
        let word = (noise & ~mask) | UInt64(value) << UInt64(place * 8)
        #expect(CellBytes.lowercased(word: word) == bytewise(word), "\(value) at \(place)")
      }
    }
    for _ in 0..<20_000 {
      let word = UInt64.random(in: .min ... .max, using: &generator)
      #expect(CellBytes.lowercased(word: word) == bytewise(word))
    }
  }

  @Test func keyAndHashInOnePassAreTheKeyAndItsHash() {
    var generator = SeededGenerator(seed: 12)
    let alphabet = Array("aZzA09.-_@+!~`{|}".utf8)
    for _ in 0..<20_000 {
      let bytes = (0..<Int.random(in: 0...70, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator) ?? 0
      }
      bytes.withUnsafeBufferPointer { bytes in
        let (key, hash) = TestGorillaImport.keyAndHash(bytes)
        let expected = String(decoding: bytes, as: UTF8.self).lowercased()
        #expect(key == expected)
        #expect(hash == TestGorillaImport.emailHash(expected))
      }
    }
  }

  @Test func shortCellCacheGivesWhatItsReadGives() {
    // Many more values than slots, of every length up to 15 and past it, sharing prefixes: every
    // answer is what `read` gives for those bytes (a value never comes back for other bytes).
    var generator = SeededGenerator(seed: 13)
    let cache = ShortCellCache()
    let alphabet = Array("01.,%5 ".utf8)
    var reads = 0
    for _ in 0..<60_000 {
      let bytes = (0..<Int.random(in: 0...18, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator) ?? 0
      }
      bytes.withUnsafeBufferPointer { bytes in
        let slot = cache.slot(bytes) { bytes in
          reads += 1
          let text = String(decoding: bytes, as: UTF8.self)
          return (text, Double(bytes.count))
        }
        // Only 1 to 15 bytes are cached; a slot then holds what `read` gave for them.
        #expect((slot != nil) == (1...15).contains(bytes.count))
        if let slot {
          #expect(cache.texts[slot] == String(decoding: bytes, as: UTF8.self))
          #expect(cache.numbers[slot] == Double(bytes.count))
        }
      }
    }
    #expect(reads < 60_000, "some values came from the cache")
  }
}
