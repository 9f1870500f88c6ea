/// The knobs of the gap analysis; they live in `Plans/settings.json`, not in code.
public struct AnalysisSettings: Hashable, Sendable, Codable {
  /// How much each kind of evidence counts when kinds are combined.
  public var sourceWeights: [String: Double]
  /// Importance of each tier before the priority-rank factor.
  public var tierWeights: [String: Double]
  /// Observed − target ≥ this (levels) → strength.
  public var strengthMargin: Double
  /// Shortfall ≤ this (levels) → on target.
  public var onTargetTolerance: Double
  /// Shortfall ≥ this (levels) on an essential skill → critical gap.
  public var criticalShortfall: Double
  /// Kinds of evidence this many levels apart (test vs interview) → conflicting.
  public var sourceConflictLevels: Double
  /// Interviewers this many levels apart on one skill → conflicting.
  public var assessorConflictLevels: Double
  /// How much an observation taken with an integrity flag (an anti-cheating "No", a plagiarism
  /// flag) counts, 0…1. 1 (the default): shown everywhere, not down-weighted.
  public var integrityWeight: Double

  public init(
    sourceWeights: [String: Double] = ["test": 1, "interview": 1, "manual": 0.75],
    tierWeights: [String: Double] = ["essential": 3, "important": 2, "nice-to-have": 1],
    strengthMargin: Double = 0.75, onTargetTolerance: Double = 0.5,
    criticalShortfall: Double = 1.5, sourceConflictLevels: Double = 1.5,
    assessorConflictLevels: Double = 2, integrityWeight: Double = 1
  ) {
    self.sourceWeights = sourceWeights
    self.tierWeights = tierWeights
    self.strengthMargin = strengthMargin
    self.onTargetTolerance = onTargetTolerance
    self.criticalShortfall = criticalShortfall
    self.sourceConflictLevels = sourceConflictLevels
    self.assessorConflictLevels = assessorConflictLevels
    self.integrityWeight = integrityWeight
  }

  func weight(of source: EvidenceSource) -> Double { sourceWeights[source.rawValue] ?? 1 }
  func weight(of tier: Tier) -> Double { tierWeights[tier.rawValue] ?? 1 }
}
