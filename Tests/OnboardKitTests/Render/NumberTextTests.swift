import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// `formatNumber`'s hand-written digits against a copy of the `String(format:)` code they
/// replaced, on generated numbers: halves at every place (which round away from zero), negatives,
/// numbers next to the 10^9 and 2^53 limits, tiny and huge magnitudes, ±0, ±infinity and NaN.
@Suite struct NumberTextTests {
  /// The `formatNumber` of 3fcdc77, as it was.
  static func reference(_ value: Double, decimals: Int = 1) -> String {
    guard value.isFinite else { return "\(value)" }
    let factor = pow(10.0, Double(decimals))
    let rounded = (value * factor).rounded() / factor
    if rounded.magnitude >= 0x1p53 { return String(format: "%.0f", value) }
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(format: "%.\(decimals)f", rounded)
  }

  /// Numbers of many kinds from a seed: whole, halves and other fractions at 0–7 places, random
  /// bit patterns, neighbours (`nextUp`/`nextDown`) of each.
  static func numbers(seed: UInt64, count: Int) -> [Double] {
    var random = SeededNumbers(seed: seed)
    var values: [Double] = [
      0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.05, 0.15, 0.25, 0.35, 0.45, 0.005, 0.015, 0.125,
      1e9, -1e9, 1e9 - 0.05, 999_999_999.95, 0x1p53, -0x1p53, 0x1p53 - 1, 0x1p63, 1e300, -1e300,
      5e-324, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
      .infinity, -.infinity, .nan, 4.35, 4.45, 2.675, 1.005, 3.333, 2.0 / 3, 40, 88, 4.4,
    ]
    for _ in 0..<count {
      let kind = random.next(6)
      let sign: Double = random.next(2) == 0 ? 1 : -1
      let value: Double
      switch kind {
      case 0:
        // A whole number of some places, or a half of the next: 12.35, 0.005, 7.5.
        let places = random.next(8)
        let mantissa = Double(random.next(2_000_000))
        value = (mantissa + (random.next(2) == 0 ? 0.5 : 0)) / pow(10, Double(places))
      case 1:
        value = Double(random.next(1_000_000)) / Double(1 + random.next(997))
      case 2:
        // Any magnitude: 10^-12 … 10^20.
        let exponent = random.next(33) - 12
        value = Double(random.next(1_000_000_007)) / 1e9 * pow(10, Double(exponent))
      case 3:
        // Random bits (finite ones and others alike).
        let high = UInt64(random.next(1 << 30)) << 34
        let low = UInt64(random.next(1 << 30)) << 4 | UInt64(random.next(16))
        value = Double(bitPattern: high | low)
      case 4:
        // A level, a confidence, a severity, a coordinate: what the renderers format.
        value = Double(random.next(5_001)) / 1000 * (random.next(3) == 0 ? 100 : 1)
      default:
        value = Double(random.next(Int(Int32.max))) * Double(1 + random.next(4_194_304))
      }
      values.append(sign * value)
    }
    return values.flatMap { [$0, $0.nextUp, $0.nextDown] }
  }

  @Test func formatNumberMatchesStringFormat() {
    var fast = 0
    var total = 0
    for decimals in [1, 2, 0, 3, 4, 5, 6, 7, -1] {
      for value in Self.numbers(seed: 16 + UInt64(decimals + 1), count: 8_000) {
        let expected = Self.reference(value, decimals: decimals)
        #expect(
          formatNumber(value, decimals: decimals) == expected, "\(value) at \(decimals) places")
        var bytes: [UInt8] = [0x3C]
        NumberText.append(value, decimals: decimals, to: &bytes)
        #expect(bytes == [0x3C] + Array(expected.utf8), "\(value) at \(decimals) places")
        if NumberText.decimal(value, decimals: decimals) != nil { fast += 1 }
        total += 1
      }
    }
    // The hand-written digits are the common path, not a rarely taken branch.
    #expect(fast * 2 > total)
  }

  @Test func theTableOfPowersIsPow() {
    for (places, power) in NumberText.powersOfTen.enumerated() {
      #expect(power == pow(10.0, Double(places)))
    }
  }

  @Test func examples() {
    #expect(formatNumber(40) == "40")
    #expect(formatNumber(2.5) == "2.5")
    #expect(formatNumber(3.333) == "3.3")
    #expect(formatNumber(-0.04) == "0")
    #expect(formatNumber(-0.05) == "-0.1")
    #expect(formatNumber(0.5, decimals: 2) == "0.50")
    #expect(formatNumber(0.005, decimals: 3) == "0.005")
    #expect(formatNumber(.nan) == "nan")
    #expect(formatNumber(-.infinity) == "-inf")
  }

  @Test func integersMatchStringInterpolation() {
    var random = SeededNumbers(seed: 71)
    var values = [0, 1, -1, 9, 10, -10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1]
    for _ in 0..<20_000 {
      let digits = random.next(19)
      var value = 0
      for _ in 0..<digits { value = value &* 10 &+ random.next(10) }
      values.append(random.next(2) == 0 ? value : -value)
    }
    for value in values {
      var bytes: [UInt8] = [0x3E]
      NumberText.append(integer: value, to: &bytes)
      #expect(bytes == [0x3E] + Array(String(value).utf8), "\(value)")
      let markup: HTMLBytes = "<\(value)>"
      #expect(markup.string == "<\(String(value))>")
    }
    let coordinate = 12.25
    let markup: HTMLBytes = "x=\"\(n: coordinate)\""
    #expect(markup.string == "x=\"\(formatNumber(coordinate))\"")
  }
}
