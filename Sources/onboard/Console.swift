import Foundation

/// Prints to stdout and stderr; errors in the compiler's `file:line:column: error: message` style.
enum Console {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  static func err(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
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
