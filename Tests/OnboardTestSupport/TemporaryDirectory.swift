import Foundation

/// Temporary folders for tests, scoped to a closure: the folder is removed when the closure
/// returns, throws, or records failed expectations, so a test never leaves files behind.
///
/// Every folder lives inside one folder per test process, `$TMPDIR/onboard-tests-<pid>-<random>/`,
/// which is removed when the process exits. Child processes that the tests start (the built
/// `onboard` binary) get ``childEnvironment``, whose `TMPDIR` points inside that folder, so what
/// they put into their temp folder goes with it. `.ci/run` runs the suite with a TMPDIR of its own
/// and fails when anything is left there.
public enum TemporaryDirectory {
  /// The name prefix of everything the test suite creates in the system temp folder.
  public static let prefix = "onboard-tests-"

  /// This test process's folder in the system temp folder, made on first use and removed at exit.
  public static let processRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(prefix)\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    } catch {
      fatalError("cannot create the tests' temporary folder \(root.path): \(error)")
    }
    atexit { try? FileManager.default.removeItem(at: TemporaryDirectory.processRoot) }
    return root
  }()

  /// `TMPDIR` for the processes the tests start: a folder inside ``processRoot``.
  public static let childTemporaryDirectory: URL = {
    let url = processRoot.appendingPathComponent("child-tmp", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  /// This process's environment with `TMPDIR` set to ``childTemporaryDirectory``.
  public static var childEnvironment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["TMPDIR"] = childTemporaryDirectory.path
    return environment
  }

  /// Runs `body` with a fresh, empty folder named after `name`, then removes the folder and
  /// everything in it, whether `body` returned or threw.
  public static func with<T>(_ name: String, _ body: (URL) throws -> T) throws -> T {
    let url = try make(name)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }

  /// The `async` form of ``with(_:_:)-(_,(URL)->T)``.
  public static func with<T>(_ name: String, _ body: (URL) async throws -> T) async throws -> T {
    let url = try make(name)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
  }

  /// A fresh folder `processRoot/<name>-<random>/`.
  static func make(_ name: String) throws -> URL {
    let url = processRoot.appendingPathComponent(
      "\(name)-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
