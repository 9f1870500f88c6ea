import Foundation

/// Runs a program the tests need (the built `onboard`, `python3`) with the tests' own temp folder,
/// and returns its exit status and both outputs. Standard error is read on another thread while
/// standard output is read here, so a child that fills either pipe never blocks.
public enum ChildProcess {
  /// What a finished child left: its status and the bytes it wrote to each stream.
  public struct Output: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data
  }

  /// Runs `program` with `arguments` in `directory` (default: the current one), writing `stdin`
  /// to it when given.
  public static func run(
    _ program: URL, _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil
  ) throws -> Output {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    // The child's temp folder is the tests' own: whatever it leaves there goes with them.
    process.environment = TemporaryDirectory.childEnvironment
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    if stdin != nil { process.standardInput = input }
    try process.run()
    let errorBytes = ErrorBytes()
    let reader = Thread { errorBytes.data = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    if let stdin {
      input.fileHandleForWriting.write(stdin)
      try input.fileHandleForWriting.close()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    errorBytes.done.wait()
    return Output(status: process.terminationStatus, stdout: stdout, stderr: errorBytes.data)
  }

  /// Standard error as the reader thread collects it; `done` is signalled when it has it all.
  private final class ErrorBytes: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var data = Data() {
      didSet { done.signal() }
    }
  }
}
