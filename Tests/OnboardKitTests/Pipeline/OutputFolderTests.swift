import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardKit

/// `OutputFile.folder(of:)` against `NSString.deletingLastPathComponent`, which it replaced, on
/// generated plain paths (a slash past the start, none doubled, none at the end) with dots,
/// spaces and non-ASCII; other paths against the same paths with their slashes tidied.
/// Foundation is no reference for those: it traps on a one-character name ("o", "o/", "é"),
/// which is how `plan --out o` crashed, and on doubled slashes before non-ASCII ("//é"), and
/// keeps some doubled slashes ("/a//b/" → "/a/").
@Suite struct OutputFolderTests {
  static let pieces: [String] = [
    "/", "/", "a", "plan.md", "calendars", ".", "..", "~", " ", "é", "e\u{301}", "日本", "👩🏽‍💻",
    ".ics", "/tmp/out/.onboard-tmp-x-12", "emails/", "\\", "//",
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

  /// A path with doubled or trailing slashes, or none, has the folder of the same path with
  /// each run of slashes made one and the trailing ones dropped: "" without a slash, "/" for a
  /// name at the root.
  @Test func otherPathsHaveTheFolderOfTheirTidiedPath() {
    var other = 0
    GeneratedText.forEach(pieces: Self.pieces, seed: 19, count: 20_000) { path in
      guard !Self.isPlain(path) else { return }
      other += 1
      var tidy = path
      while tidy.contains("//") { tidy = tidy.replacingOccurrences(of: "//", with: "/") }
      while tidy.count > 1 && tidy.hasSuffix("/") { tidy.removeLast() }
      let expected: String
      if let slash = tidy.lastIndex(of: "/") {
        expected = slash == tidy.startIndex ? "/" : String(tidy[..<slash])
      } else {
        expected = ""
      }
      #expect(OutputFile.folder(of: path) == expected, "\(path.debugDescription)")
    }
    #expect(other > 5_000)
  }

  @Test func namedPathsHaveTheirFolders() {
    let expected: [(String, String)] = [
      ("o", ""), ("o/", ""), ("é", ""), ("o//", ""), ("q/r", "q"), ("plan.md", ""),
      ("/plan.md", "/"), ("a/b/", "a"), ("a//b", "a"), ("/tmp//x/plan.md", "/tmp/x"), ("/", "/"),
      ("//", "/"), ("", ""), ("./o", "."), ("//a", "/"), ("//é", "/"), ("a//é/b", "a/é"),
    ]
    for (path, folder) in expected {
      #expect(OutputFile.folder(of: path) == folder, "\(path.debugDescription)")
    }
  }
}
