import OnboardTestSupport
import Testing

@testable import OnboardICS

/// The byte writers of the ICS values against the string code they replaced: SHA-256 on unsafe
/// buffers against the array version, DATE and DATE-TIME digits against `pad`.
@Suite struct ByteFormattingTests {
  @Test func sha256MatchesTheArrayVersionForEveryLengthAroundTheBlocks() {
    var numbers = SeededNumbers(seed: 0x1234_5678_9ABC_DEF0)
    func next() -> UInt8 { UInt8(numbers.next(256)) }
    for length in 0...400 {
      for _ in 0..<3 {
        let message = (0..<length).map { _ in next() }
        #expect(SHA256.digest(message) == SHA256.digestByArrays(message), "length \(length)")
      }
    }
  }

  @Test func sha256OfEveryLengthUpTo300MatchesTheArrayVersionAsBytesAndHex() {
    var numbers = SeededNumbers(seed: 0x0DD_BA11)
    for length in 0...300 {
      for round in 0..<4 {
        // Random bytes, and random ASCII text for the hex digits of a string's digest.
        let message = (0..<length).map { _ in UInt8(numbers.next(256)) }
        #expect(SHA256.digest(message) == SHA256.digestByArrays(message), "length \(length)")
        let text = String(
          decoding: (0..<length).map { _ in UInt8(0x20 + numbers.next(95)) }, as: UTF8.self)
        let digits = [64, 32, 2, 0][round]
        var hex: [UInt8] = []
        SHA256.appendHexDigest(text, digits: digits, to: &hex)
        let expected = SHA256.digestByArrays(Array(text.utf8)).prefix(digits / 2).flatMap {
          let digits = Array("0123456789abcdef".utf8)
          return [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]]
        }
        #expect(hex == expected, "length \(length), \(digits) digits")
      }
    }
  }

  @Test func datesAndDateTimesAreWrittenAsPadWritesThem() {
    let years =
      Array(-20...120) + Array(900...1100) + Array(1960...2210) + [9998, 9999, 10_000]
      + [12_345, -9999, Int.max, Int.min]
    let small = Array(-12...130) + [999, 1000, Int.min, Int.max]
    for year in years {
      for month in [-1, 0, 1, 9, 10, 12, 13, 100] {
        let date = ICSDate(year: year, month: month, day: (year & 31) - 1)
        #expect(
          date.description == pad(year, 4) + pad(month, 2) + pad(date.day, 2), "\(year)-\(month)")
      }
    }
    // Every part in and out of its width, the year too, so both ways of writing are taken.
    for year in years {
      for value in [-1, 0, 9, 10, 59, 99, 100] {
        let dateTime = ICSDateTime(
          year: year, month: value & 15, day: value, hour: value, minute: 99 - (value & 63),
          second: value == 100 ? 5 : value)
        let date = dateTime.date
        #expect(
          dateTime.description
            == pad(year, 4) + pad(date.month, 2) + pad(date.day, 2) + "T" + pad(dateTime.hour, 2)
            + pad(dateTime.minute, 2) + pad(dateTime.second, 2), "\(year) \(value)")
      }
    }
    for value in small {
      let dateTime = ICSDateTime(
        date: ICSDate(year: 2026, month: 12, day: 2), hour: value, minute: 59 &- value,
        second: value &* 7)
      #expect(
        dateTime.description
          == "20261202T" + pad(value, 2) + pad(59 &- value, 2) + pad(value &* 7, 2), "\(value)")
      for width in 1...4 {
        var bytes: [UInt8] = []
        appendPadded(value, width, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == pad(value, width), "\(value) \(width)")
      }
    }
  }
}
