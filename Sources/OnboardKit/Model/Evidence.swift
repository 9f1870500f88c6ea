import Foundation

/// What kind of observation a piece of evidence is.
public enum EvidenceSource: String, Sendable, Codable, CaseIterable, Comparable {
  /// A skills test (TestGorilla, HackerRank, Codility...).
  case test
  /// A structured-interview rating or scorecard.
  case interview
  /// Anything else a person recorded (a code review, a take-home project).
  case manual

  var rank: Int { EvidenceSource.allCases.firstIndex(of: self) ?? 0 }
  public static func < (lhs: EvidenceSource, rhs: EvidenceSource) -> Bool { lhs.rank < rhs.rank }
}

/// The scale a raw value was given on; each converts to the one internal proficiency scale.
///
/// Conversions (documented in README.md):
/// - `percent`: 0–100 % correct → level = percent / 20 (50 % = 2.5, 80 % = 4).
/// - `points(max)`: points of a maximum → as a percentage of the maximum.
/// - `rubric`: structured-interview 1–5 anchored rating → the same level.
/// - `level`: a 0–5 level given directly.
/// - `greenhouse`: definitely_not 1, no 2, mixed 3, yes 4, strong_yes 5.
/// - `lever`: 1–4 → 1, 2.33, 3.67, 5 (evenly spread over 1–5).
/// - `percentile`: a rank among candidates, **not** a proficiency: no level at all.
public enum EvidenceScale: Hashable, Sendable, Codable, CustomStringConvertible {
  case percent
  case points(max: Double)
  case rubric
  case level
  case greenhouse
  case lever
  case percentile

  public var description: String {
    switch self {
    case .percent: "percent"
    case .points(let max): "points/\(formatNumber(max))"
    case .rubric: "rubric 1-5"
    case .level: "level 0-5"
    case .greenhouse: "greenhouse"
    case .lever: "lever 1-4"
    case .percentile: "percentile"
    }
  }

  /// The proficiency a raw numeric value means on this scale; nil for a percentile (a rank) or a
  /// value outside the scale.
  public func proficiency(of value: Double) -> Proficiency? {
    switch self {
    case .percent:
      guard (0...100).contains(value) else { return nil }
      return Proficiency(fraction: value / 100)
    case .points(let max):
      guard max > 0, (0...max).contains(value) else { return nil }
      return Proficiency(fraction: value / max)
    case .rubric:
      guard (1...5).contains(value) else { return nil }
      return Proficiency(level: value)
    case .level:
      guard (0...5).contains(value) else { return nil }
      return Proficiency(level: value)
    case .greenhouse:
      guard (1...5).contains(value) else { return nil }
      return Proficiency(level: value)
    case .lever:
      guard (1...4).contains(value) else { return nil }
      return Proficiency(level: 1 + (value - 1) * 4 / 3)
    case .percentile:
      return nil
    }
  }

  /// The range of valid raw values, for error messages.
  public var validRange: String {
    switch self {
    case .percent, .percentile: "0 to 100"
    case .points(let max): "0 to \(formatNumber(max))"
    case .rubric, .greenhouse: "1 to 5"
    case .level: "0 to 5"
    case .lever: "1 to 4"
    }
  }
}

/// A proficiency on Onboard's one internal scale, 0…1, shown to people as a level 0–5
/// (0 none, 1 awareness, 2 basic, 3 intermediate, 4 advanced, 5 expert).
public struct Proficiency: Hashable, Comparable, Sendable, Codable {
  /// 0…1.
  public let fraction: Double

  public init(fraction: Double) { self.fraction = min(1, max(0, fraction)) }
  public init(level: Double) { self.init(fraction: level / 5) }

  /// 0–5.
  public var level: Double { fraction * 5 }

  public static func < (lhs: Proficiency, rhs: Proficiency) -> Bool { lhs.fraction < rhs.fraction }

  /// The names of the levels 0–5.
  public static let levelNames = [
    "none", "awareness", "basic", "intermediate", "advanced", "expert",
  ]

  /// The name of the nearest whole level.
  public var levelName: String {
    Proficiency.levelNames[Int((level).rounded(.toNearestOrEven)).clamped(0, 5)]
  }
}

/// One observation of one skill of one hire, and where it came from.
public struct Evidence: Hashable, Sendable, Codable {
  /// The hire's email in lower case (the join key with the roster).
  public var hireKey: String
  public var skillID: String
  public var source: EvidenceSource
  /// What produced it: the test's name, the interview competency, the question.
  public var instrument: String
  /// The value as the export wrote it ("78%", "strong_yes", "4").
  public var rawValue: String
  public var scale: EvidenceScale
  /// The normalised proficiency; nil for a percentile rank.
  public var proficiency: Proficiency?
  /// For percentile scores: the rank among candidates, 0–100.
  public var percentileRank: Double?
  /// The interviewer or the tool.
  public var assessor: String?
  public var date: CalendarDate?
  /// Notes: an interviewer's comment, an anti-cheating flag.
  public var note: String?
  public var origin: SourceLocation
  /// How much this observation says about the skill, 0…1, from the question bank
  /// (`Plans/questions.csv`: a question's primary skill 1, a secondary one less, a general question
  /// little); nil = full weight, as for tests and competency ratings.
  public var weight: Double?

  public init(
    hireKey: String, skillID: String, source: EvidenceSource, instrument: String,
    rawValue: String, scale: EvidenceScale, proficiency: Proficiency?,
    percentileRank: Double? = nil, assessor: String? = nil, date: CalendarDate? = nil,
    note: String? = nil, origin: SourceLocation, weight: Double? = nil
  ) {
    self.hireKey = hireKey
    self.skillID = skillID
    self.source = source
    self.instrument = instrument
    self.rawValue = rawValue
    self.scale = scale
    self.proficiency = proficiency
    self.percentileRank = percentileRank
    self.assessor = assessor
    self.date = date
    self.note = note
    self.origin = origin
    self.weight = weight
  }
}

extension Comparable {
  func clamped(_ low: Self, _ high: Self) -> Self { min(high, max(low, self)) }
}

/// A number without a trailing `.0`: 40 → "40", 2.5 → "2.5", 3.333 → "3.3".
///
/// Rounds half away from zero at `decimals` places. The digits are written by hand
/// (``NumberText``) wherever they are certainly those of `String(format:)`; other values (not
/// finite, 2^53 or more, a fraction of 10^9 or more) take ``formatNumberByFoundation(_:decimals:)``,
/// the definition.
public func formatNumber(_ value: Double, decimals: Int = 1) -> String {
  guard let number = NumberText.decimal(value, decimals: decimals) else {
    return formatNumberByFoundation(value, decimals: decimals)
  }
  return String(unsafeUninitializedCapacity: NumberText.maxLength) {
    NumberText.write(number, into: $0)
  }
}

/// The definition of `formatNumber`: rounded in `Double`, the fraction printed by `String(format:)`.
func formatNumberByFoundation(_ value: Double, decimals: Int = 1) -> String {
  guard value.isFinite else { return "\(value)" }
  let factor = pow(10.0, Double(decimals))
  let rounded = (value * factor).rounded() / factor
  // Beyond 2^53 a Double has no fraction left, and beyond Int.max it is no Int (a fuzzed
  // `points/48888888888888888880` scale trapped here).
  if rounded.magnitude >= 0x1p53 { return String(format: "%.0f", value) }
  if rounded == rounded.rounded() { return String(Int(rounded)) }
  return String(format: "%.\(decimals)f", rounded)
}

/// `formatNumber`'s digits without `String(format:)`: the value as an integer `mantissa` of
/// `decimals` places (mantissa / 10^decimals).
enum NumberText {
  /// 10^0 … 10^6, each exact (so the same `Double`s as `pow(10, d)`).
  static let powersOfTen: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

  /// The most bytes `write` writes: a sign and 16 digits for an integer below 2^53, or a sign,
  /// 15 digits and a point for a fraction below 10^9 with up to 6 places.
  static let maxLength = 24

  /// `formatNumber(value, decimals:)` as digits, or nil where `String(format:)` decides.
  ///
  /// The same `Double` arithmetic as the definition: `rounded` is the nearest `Double` to
  /// `mantissa / 10^decimals`, and below 10^9 it is nearer than half a unit of the last place (for
  /// up to 6 places), so printing it rounded to that place gives the mantissa's digits.
  @inline(__always)
  static func decimal(_ value: Double, decimals: Int) -> (mantissa: Int, decimals: Int)? {
    guard value.isFinite else { return nil }
    let tabled = decimals >= 0 && decimals < powersOfTen.count
    let factor = tabled ? powersOfTen[decimals] : pow(10.0, Double(decimals))
    let scaled = (value * factor).rounded()
    let rounded = scaled / factor
    guard rounded.magnitude < 0x1p53 else { return nil }
    if rounded == rounded.rounded() { return (Int(rounded), 0) }
    guard tabled, decimals > 0, rounded.magnitude < 1e9 else { return nil }
    return (Int(scaled), decimals)
  }

  /// Writes the number's text (at most `maxLength` bytes) from the buffer's start; returns the
  /// count.
  @inline(__always)
  static func write(
    _ number: (mantissa: Int, decimals: Int), into buffer: UnsafeMutableBufferPointer<UInt8>
  ) -> Int {
    var magnitude = number.mantissa.magnitude
    var digits = 1
    var rest = magnitude / 10
    while rest != 0 {
      digits += 1
      rest /= 10
    }
    let negative = number.mantissa < 0
    let places = number.decimals
    let whole = places == 0 ? digits : max(1, digits - places) + 1 + places
    let count = (negative ? 1 : 0) + whole
    var index = count
    if places > 0 {
      for _ in 0..<places {
        index -= 1
        buffer[index] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
        magnitude /= 10
      }
      index -= 1
      buffer[index] = UInt8(ascii: ".")
    }
    repeat {
      index -= 1
      buffer[index] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
      magnitude /= 10
    } while magnitude != 0
    if negative { buffer[0] = UInt8(ascii: "-") }
    return count
  }

  /// Appends `String(value)`'s bytes.
  static func append(integer value: Int, to bytes: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { buffer in
      let count = write((value, 0), into: buffer)
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
    }
  }

  /// Appends `formatNumber(value, decimals:)`'s bytes.
  static func append(_ value: Double, decimals: Int = 1, to bytes: inout [UInt8]) {
    guard let number = decimal(value, decimals: decimals) else {
      bytes.append(contentsOf: formatNumberByFoundation(value, decimals: decimals).utf8)
      return
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { buffer in
      let count = write(number, into: buffer)
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
    }
  }
}
