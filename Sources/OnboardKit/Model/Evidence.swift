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
public func formatNumber(_ value: Double, decimals: Int = 1) -> String {
  guard value.isFinite else { return "\(value)" }
  let factor = pow(10.0, Double(decimals))
  let rounded = (value * factor).rounded() / factor
  // Beyond 2^53 a Double has no fraction left, and beyond Int.max it is no Int (a fuzzed
  // `points/48888888888888888880` scale trapped here).
  if rounded.magnitude >= 0x1p53 { return String(format: "%.0f", value) }
  if rounded == rounded.rounded() { return String(Int(rounded)) }
  return String(format: "%.\(decimals)f", rounded)
}
