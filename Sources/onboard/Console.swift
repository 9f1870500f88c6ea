import Foundation
import OnboardKit

/// Prints to stdout and stderr; errors in the compiler's `file:line:column: error: message` style.
/// Everything printed goes through `visibleText`: a name or a note with an escape sequence (a
/// title change, a screen clear) or a bidirectional override is shown, never obeyed.
enum Console {
  static func out(_ text: String) {
    let safe = visibleText(text)
    FileHandle.standardOutput.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
  }

  static func err(_ text: String) {
    let safe = visibleText(text)
    FileHandle.standardError.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
  }

  /// Whether stderr is a terminal (progress and colour only then).
  static var stderrIsTerminal: Bool { isatty(FileHandle.standardError.fileDescriptor) != 0 }
}

/// How a command ended.
enum ExitStatus: Int32 {
  case success = 0
  case failure = 1
  case usage = 2
}
