import Foundation
import OnboardKit

/// `-` for standard input where a command reads one file, and for standard output where it writes
/// one document, as command-line tools conventionally accept.
enum StandardStreams {
  /// The argument that stands for standard input or output.
  static let dash = "-"
  /// How standard input is named in diagnostics (`<stdin>:3:14: error: ...`).
  static let inputName = "<stdin>"

  /// Reads `path`, or all of standard input when `path` is `-`.
  static func read(_ path: String) throws(InputError) -> SourceFile {
    guard path == dash else { return try FileSystem.read(path) }
    let data = FileHandle.standardInput.readDataToEndOfFile()
    return SourceFile(path: inputName, data: data)
  }

  /// Standard input can be read once: a usage error when `-` is given for more than one input.
  static func readOnce(_ paths: [String?]) throws(UsageError) {
    if paths.filter({ $0 == dash }).count > 1 {
      throw UsageError("`-` (standard input) is given for more than one input; it can be read once")
    }
  }

  /// Why `path` cannot be a document's file, or nil when it is a regular file or nothing yet:
  /// checked before any work, --force or not. A folder or a device is never a file to replace,
  /// and a symbolic link is not followed or replaced (`/dev/stdout` is one: an atomic write had
  /// put a file in its place).
  static func notAFileToReplace(_ path: String, example: String) -> String? {
    guard
      let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type]
        as? FileAttributeType
    else { return nil }
    switch type {
    case .typeRegular: return nil
    case .typeDirectory:
      return "is a folder; expected a file path, such as "
        + (path as NSString).appendingPathComponent(example)
    case .typeSymbolicLink:
      let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
      return "is a symbolic link (to \(target)); expected a file path, or - for standard output"
    default:
      return "is not a regular file; expected a file path, or - for standard output"
    }
  }

  /// Where a command's document goes: standard output for `-` (the default), else the file,
  /// written atomically and never over an existing file without `--force`.
  struct Destination {
    var path: String
    var force: Bool

    init(_ arguments: Arguments) throws(UsageError) {
      path = try arguments.value("output") ?? StandardStreams.dash
      force = arguments.flag("force")
      if path.isEmpty { throw UsageError("--output needs a file name, or - for standard output") }
      guard path != StandardStreams.dash else { return }
      if let problem = StandardStreams.notAFileToReplace(path, example: "report.txt") {
        throw UsageError("--output \(path): \(problem)")
      }
    }

    /// Writes `text`; false (after printing the error) when the file could not be written.
    /// Control characters from the inputs are shown, not obeyed (`visibleText`), on the terminal
    /// as in a file.
    func emit(_ text: String) -> Bool {
      let ended = text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
      guard path != StandardStreams.dash else {
        FileHandle.standardOutput.write(Data(visibleText(ended).utf8))
        return true
      }
      let body = visibleDocument(ended)
      if !force, FileManager.default.fileExists(atPath: path) {
        Console.err("\(path): error: exists; use --force to replace it")
        return false
      }
      let url = URL(fileURLWithPath: path)
      do {
        try FileSystem.write(
          [OutputFile(path: url.lastPathComponent, data: Data(body.utf8))],
          in: url.deletingLastPathComponent().path)
        return true
      } catch {
        Console.err(error.description)
        return false
      }
    }
  }
}
