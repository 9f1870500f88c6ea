/// The version `onboard --version` prints. Raise it with every release; the formats it writes
/// carry their own schema versions (`onboard.plan/1`, `onboard.summary/1`, ...).
enum OnboardVersion {
  static let current = "0.9.0"
}
