import Testing

@testable import OnboardKit

/// Every documented conversion of `EvidenceScale` to the one proficiency scale (levels 0–5).
@Suite struct EvidenceScaleTests {
  static func level(_ scale: EvidenceScale, _ value: Double) -> Double? {
    scale.proficiency(of: value).map { ($0.level * 1000).rounded() / 1000 }
  }

  @Test(arguments: [
    (0.0, 0.0), (50, 2.5), (80, 4), (100, 5), (37, 1.85),
  ])
  func percent(value: Double, level: Double) {
    #expect(Self.level(.percent, value) == level)
  }

  @Test(arguments: [(0.0, 0.0), (20, 2.5), (32, 4), (40, 5)])
  func pointsOfAMaximum(value: Double, level: Double) {
    #expect(Self.level(.points(max: 40), value) == level)
  }

  @Test func rubricLevelAndGreenhouseKeepTheNumber() {
    for value in 1...5 {
      #expect(Self.level(.rubric, Double(value)) == Double(value))
      #expect(Self.level(.greenhouse, Double(value)) == Double(value))
    }
    for value in 0...5 { #expect(Self.level(.level, Double(value)) == Double(value)) }
    #expect(Self.level(.level, 2.5) == 2.5)
  }

  @Test func leverSpreadsOneToFourOverOneToFive() {
    #expect(Self.level(.lever, 1) == 1)
    #expect(Self.level(.lever, 2) == 2.333)
    #expect(Self.level(.lever, 3) == 3.667)
    #expect(Self.level(.lever, 4) == 5)
  }

  @Test func aPercentileIsNeverAProficiency() {
    for value in [0.0, 1, 50, 99, 100] {
      #expect(EvidenceScale.percentile.proficiency(of: value) == nil)
    }
  }

  @Test(arguments: [
    (EvidenceScale.percent, -1.0), (.percent, 100.5), (.points(max: 40), -0.5),
    (.points(max: 40), 41), (.points(max: 0), 0), (.rubric, 0), (.rubric, 5.5),
    (.level, -0.1), (.level, 6), (.greenhouse, 0), (.greenhouse, 6), (.lever, 0), (.lever, 5),
    (.percent, .nan), (.rubric, .infinity),
  ])
  func outOfRangeValuesHaveNoProficiency(scale: EvidenceScale, value: Double) {
    #expect(scale.proficiency(of: value) == nil)
  }

  @Test func proficiencyClampsAndNamesLevels() {
    #expect(Proficiency(fraction: 1.5).fraction == 1)
    #expect(Proficiency(fraction: -1).fraction == 0)
    #expect(Proficiency(level: 4).levelName == "advanced")
    #expect(Proficiency(level: 0).levelName == "none")
  }
}
