import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardICS

/// The zone table (each zone's transitions and offsets, asked of Foundation once per process) and
/// the cached VTIMEZONE blocks against Foundation asked every time, the code they replaced.
@Suite struct ZoneTableTests {
  /// Zones of every kind: DST north and south, half-hour, no DST, offsets changed since 1970.
  static let zones = [
    "Europe/Berlin", "Europe/London", "America/New_York", "Asia/Dubai", "Asia/Kolkata",
    "Australia/Lord_Howe", "Australia/Sydney", "America/Santiago", "Pacific/Apia", "Asia/Tehran",
    "Africa/Casablanca", "America/Sao_Paulo", "Europe/Moscow", "Pacific/Chatham", "UTC",
    "Etc/GMT+5", "America/St_Johns", "Asia/Kathmandu", "Antarctica/Troll", "Europe/Dublin",
  ]

  @Test func offsetsAreFoundationsAtEveryTransitionAndBetween() throws {
    var numbers = SeededNumbers(seed: 0x5EED_2026)
    let known = TimeZone.knownTimeZoneIdentifiers
    // Every zone the system knows, a few of them on every side of every transition.
    for (position, identifier) in known.enumerated() {
      guard let builder = ICSTimeZoneBuilder(identifier: identifier) else { continue }
      let zone = builder.zone
      func foundation(_ instant: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
      }
      var instants: [Int] = [-86_400 * 400, -1, 0, 1, 7_258_118_399, 7_258_118_400, 8_000_000_000]
      let thorough = Self.zones.contains(identifier) || position % 10 == 0
      for transition in builder.table.seconds where thorough {
        let second = Int(transition)
        instants += [second - 3601, second - 1, second, second + 1, second + 3600]
      }
      for _ in 0..<40 { instants.append(numbers.next(7_400_000_000) - 100_000_000) }
      for instant in instants {
        #expect(builder.offset(at: instant) == foundation(instant), "\(identifier) \(instant)")
      }
    }
  }

  @Test func instantsAreFoundationsForWallClockReadings() throws {
    var numbers = SeededNumbers(seed: 77)
    for identifier in Self.zones {
      let builder = try #require(ICSTimeZoneBuilder(identifier: identifier))
      var readings: [ICSDateTime] = []
      // Around each transition of 2020...2030 (gaps and overlaps), then anywhere.
      for transition in builder.table.seconds
      where (1_577_836_800...1_924_992_000).contains(Int(transition)) {
        for delta in stride(from: -7200, through: 7200, by: 900) {
          readings.append(ICSDateTime(secondsSince1970: Int(transition) + delta))
        }
      }
      for _ in 0..<300 {
        readings.append(ICSDateTime(secondsSince1970: numbers.next(7_400_000_000) - 100_000_000))
      }
      for reading in readings {
        #expect(
          builder.instant(of: reading) == builder.instantByFoundation(of: reading),
          "\(identifier) \(reading)")
      }
    }
  }

  @Test func blocksAreTheObservancesFoundationGives() throws {
    var numbers = SeededNumbers(seed: 1234)
    for identifier in Self.zones {
      let builder = try #require(ICSTimeZoneBuilder(identifier: identifier))
      for round in 0..<150 {
        // Near the epoch, before it, after 2200, and ordinary spans of days to years.
        let start: Int
        switch round % 5 {
        case 0: start = numbers.next(200_000) - 100_000
        case 1: start = -numbers.next(2_000_000_000)
        case 2: start = 7_258_118_400 + numbers.next(100_000_000) - 50_000_000
        default: start = numbers.next(2_100_000_000)
        }
        let end = start + [0, 3600, 86_400 * 62, 86_400 * 400, 86_400 * 3000][numbers.next(5)]
        let observances = builder.observancesByFoundation(from: start, through: end)
        #expect(builder.observances(from: start, through: end) == observances, "\(start)")
        var expected = ICSContentLines()
        builder.write(observances, into: &expected)
        // Twice: the first makes the cached block, the second copies it.
        for _ in 0..<2 {
          var lines = ICSContentLines()
          builder.writeBlock(from: start, through: end, into: &lines)
          #expect(lines.bytes == expected.bytes, "\(identifier) \(start)...\(end)")
        }
      }
    }
  }
}
