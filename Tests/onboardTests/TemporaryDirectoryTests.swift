import Foundation
import OnboardTestSupport
import Testing

/// The scoped temporary folders the tests use: gone after the scope, whether it ended well or not.
@Suite struct TemporaryDirectoryTests {
  struct Planned: Error {}

  @Test func theFolderIsRemovedAfterTheScope() throws {
    let used = try TemporaryDirectory.with("hygiene") { folder in
      try Data("x".utf8).write(to: folder.appendingPathComponent("b.txt"))
      #expect(FileManager.default.fileExists(atPath: folder.path))
      return folder
    }
    #expect(!FileManager.default.fileExists(atPath: used.path))
    #expect(used.path.hasPrefix(TemporaryDirectory.processRoot.path + "/"))
  }

  @Test func theFolderIsRemovedWhenTheScopeThrows() throws {
    var used: URL?
    #expect(throws: Planned.self) {
      try TemporaryDirectory.with("hygiene-throw") { folder in
        used = folder
        try FileManager.default.createDirectory(
          at: folder.appendingPathComponent("nested/deeper"), withIntermediateDirectories: true)
        throw Planned()
      }
    }
    let folder = try #require(used)
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }

  @Test func childProcessesGetATempFolderInsideTheTests() throws {
    let tmp = try #require(TemporaryDirectory.childEnvironment["TMPDIR"])
    #expect(tmp.hasPrefix(TemporaryDirectory.processRoot.path + "/"))
    #expect(
      TemporaryDirectory.processRoot.lastPathComponent.hasPrefix(TemporaryDirectory.prefix))
    // The built binary sees it: `sh -c 'echo $TMPDIR'` run the way the tests run `onboard`.
    let echo = try CommandRunner.runProcess(
      URL(fileURLWithPath: "/bin/sh"), ["-c", "printf %s \"$TMPDIR\""])
    #expect(echo.stdout == tmp)
  }
}
