import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// `OutputFile.folder(of:)`'s byte cut against `NSString.deletingLastPathComponent`, which it
/// replaced, on generated plain paths with dots, spaces and non-ASCII; other paths still go to
/// Foundation (which traps on some of the generated ones, so they are only spot-checked).
@Suite struct OutputFolderTests {
  static let pieces: [String] = [
    "/", "/", "a", "plan.md", "calendars", ".", "..", "~", " ", "é", "e\u{301}", "日本", "👩🏽‍💻",
    ".ics", "/tmp/out/.onboard-tmp-x-12", "emails/", "\\",
  ]

  /// What the byte cut takes: a slash past the start, none at the end, none doubled.
  static func isPlain(_ path: String) -> Bool {
    let bytes = Array(path.utf8)
    guard let last = bytes.lastIndex(of: 0x2F), last > 0, last < bytes.count - 1 else {
      return false
    }
    return !zip(bytes, bytes.dropFirst()).contains { $0 == 0x2F && $1 == 0x2F }
  }

  @Test func plainPathsMatchFoundation() {
    var plain = 0
    GeneratedText.forEach(pieces: Self.pieces, seed: 18, count: 20_000) { path in
      guard Self.isPlain(path) else { return }
      plain += 1
      #expect(
        OutputFile.folder(of: path) == (path as NSString).deletingLastPathComponent,
        "\(path.debugDescription)")
    }
    #expect(plain > 5_000)
  }

  @Test func otherPathsAreFoundations() {
    for path in ["plan.md", "/plan.md", "a/b/", "a//b", "/tmp//x/plan.md"] {
      #expect(
        OutputFile.folder(of: path) == (path as NSString).deletingLastPathComponent,
        "\(path.debugDescription)")
    }
  }
}
