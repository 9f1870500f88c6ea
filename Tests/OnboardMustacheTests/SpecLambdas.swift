import Foundation
import OnboardMustache

/// Swift versions of the code strings in `~lambdas.json`, keyed by test name.
enum SpecLambdas {
  /// The test names mapped here (all ten of the spec file).
  static let mappedNames: Set<String> = [
    "Interpolation", "Interpolation - Expansion", "Interpolation - Alternate Delimiters",
    "Interpolation - Multiple Calls", "Escaping", "Section", "Section - Expansion",
    "Section - Alternate Delimiters", "Section - Multiple Calls", "Inverted Section",
  ]

  static func lambda(for testName: String) -> MustacheLambda? {
    switch testName {
    case "Interpolation": return MustacheLambda { _ in "world" }
    case "Interpolation - Expansion": return MustacheLambda { _ in "{{planet}}" }
    case "Interpolation - Alternate Delimiters":
      return MustacheLambda { _ in "|planet| => {{planet}}" }
    case "Interpolation - Multiple Calls":
      let counter = Counter()
      return MustacheLambda { _ in String(counter.next()) }
    case "Escaping": return MustacheLambda { _ in ">" }
    case "Section": return MustacheLambda { text in text == "{{x}}" ? "yes" : "no" }
    case "Section - Expansion": return MustacheLambda { text in text + "{{planet}}" + text }
    case "Section - Alternate Delimiters":
      return MustacheLambda { text in text + "{{planet}} => |planet|" + text }
    case "Section - Multiple Calls": return MustacheLambda { text in "__" + text + "__" }
    case "Inverted Section": return MustacheLambda { _ in "" }
    default: return nil
    }
  }
}

/// A thread-safe call counter for the "Multiple Calls" lambda.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}
