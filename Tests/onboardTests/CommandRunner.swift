import Foundation
import OnboardTestSupport

/// Runs the built `onboard` binary like a user would, from the repository root. Folders for its
/// inputs and outputs come from `TemporaryDirectory.with` (removed after each test).
enum CommandRunner {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `onboard` executable next to the test bundle (SwiftPM builds it because this target
  /// depends on it).
  static var executable: URL {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
      URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
    ].map { $0.appendingPathComponent("onboard") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? root.appendingPathComponent(".build/debug/onboard")
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], in directory: URL = root) throws -> Result {
    try runProcess(executable, arguments, in: directory)
  }

  static func runProcess(
    _ program: URL, _ arguments: [String], in directory: URL = root, stdin: Data? = nil
  ) throws -> Result {
    let output = try ChildProcess.run(program, arguments, in: directory, stdin: stdin)
    return Result(
      status: output.status, stdout: String(decoding: output.stdout, as: UTF8.self),
      stderr: String(decoding: output.stderr, as: UTF8.self))
  }

  /// Every file under a folder, relative path → bytes.
  static func snapshot(_ directory: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let base = directory.standardizedFileURL.path
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return result }
    for case let path as String in enumerator {
      var isDirectory: ObjCBool = false
      let full = base + "/" + path
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        result[path] = try Data(contentsOf: URL(fileURLWithPath: full))
      }
    }
    return result
  }

  /// The README's main command's evidence files (`Fixtures/scorecards/*.csv` in the shell).
  static let fixtureEvidence = [
    "Fixtures/testgorilla-candidates.csv", "Fixtures/interview-ratings.csv",
    "Fixtures/evidence.csv",
    "Fixtures/scorecards/siobhan-oconnor-aisha-bello.csv",
    "Fixtures/scorecards/siobhan-oconnor-rahul-mehta.csv",
    "Fixtures/scorecards/yuko-takahashi-kenji-sato.csv",
    "Fixtures/scorecards/yuko-takahashi-sophie-laurent.csv",
    "Fixtures/scorecards/zoe-mueller-luedenscheidt-hannah-okafor.csv",
    "Fixtures/scorecards/zoe-mueller-luedenscheidt-lena-vogel.csv",
    "Fixtures/scorecards/zoe-mueller-luedenscheidt-mateo-garcia.csv",
  ]
}
