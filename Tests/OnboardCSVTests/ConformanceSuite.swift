import Foundation
import Testing

/// Finds the shared conformance material: `$ONBOARD_CONFORMANCE_DIR`, else the `shared/conformance`
/// folder next to the repository checkout (found from this file's path).
enum ConformanceSuite {
  /// The conformance root folder (it may not exist).
  static var root: URL {
    if let override = ProcessInfo.processInfo.environment["ONBOARD_CONFORMANCE_DIR"],
      !override.isEmpty
    {
      return URL(fileURLWithPath: override, isDirectory: true)
    }
    let repository = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // OnboardCSVTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // the checkout
    return repository.deletingLastPathComponent()
      .appendingPathComponent("shared/conformance", isDirectory: true)
  }

  /// `root/relative` if it exists. Otherwise the test is skipped with a message, or fails when
  /// `CI=true` (a clean CI run must really exercise the suites).
  static func require(
    _ relative: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> URL {
    let url = root.appendingPathComponent(relative)
    if FileManager.default.fileExists(atPath: url.path) { return url }
    let missing = SuiteMissing(path: url.path)
    if ProcessInfo.processInfo.environment["CI"] == "true" { throw missing }
    try Test.cancel(Comment(rawValue: missing.description), sourceLocation: sourceLocation)
  }

  /// The suite is absent (an error under `CI=true`, a skip otherwise).
  struct SuiteMissing: Error, CustomStringConvertible {
    var path: String
    var description: String {
      "conformance suite not found at \(path); "
        + "set ONBOARD_CONFORMANCE_DIR to the conformance folder"
    }
  }
}
