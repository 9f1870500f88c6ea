import Foundation
import Testing

/// The conformance suites vendored in this repository under `Tests/Conformance/` (found from this
/// file's path, so a clone on its own has them; see `Tests/Conformance/README.md`).
enum ConformanceSuite {
  /// `Tests/Conformance/` of this checkout.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // OnboardCSVTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Conformance", isDirectory: true)

  /// `root/relative`; a missing file throws, so the test fails: a suite that cannot be read is a
  /// failure, never a skip.
  static func require(_ relative: String) throws -> URL {
    let url = root.appendingPathComponent(relative)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw SuiteMissing(path: url.path)
    }
    return url
  }

  /// A vendored suite file is absent (the checkout is incomplete).
  struct SuiteMissing: Error, CustomStringConvertible {
    var path: String
    var description: String {
      "conformance suite not found at \(path); it is part of the repository (Tests/Conformance/)"
    }
  }
}
