import Foundation
import OnboardKit

/// A run's claim on its output folder: an advisory `flock` on `DIR/.onboard-lock`, held for the
/// whole run. The kernel drops the lock when the process ends, however it ends (kill -9 too), so a
/// crashed run never leaves the folder locked; the file's text names the run that holds it. A
/// second run into the same folder refuses at once and touches nothing.
final class OutputLock {
  static let fileName = ".onboard-lock"
  let path: String
  private var descriptor: Int32

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  /// Takes the lock of `directory` (which exists), or says who holds it.
  static func acquire(in directory: String) -> Result<OutputLock, InputError> {
    let path = (directory as NSString).appendingPathComponent(fileName)
    for _ in 0..<10 {
      let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else {
        return .failure(
          InputError(
            SourceLocation(file: path),
            "cannot create the lock file: \(String(cString: strerror(errno))); expected a folder you can write to"
          ))
      }
      if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
        let busy = errno == EWOULDBLOCK
        let reason = String(cString: strerror(errno))
        close(descriptor)
        guard busy else {
          return .failure(
            InputError(SourceLocation(file: path), "cannot lock the output folder: \(reason)"))
        }
        let holder = holderText(path)
        return .failure(
          InputError(
            SourceLocation(file: directory),
            "another onboard run is writing into this folder\(holder.isEmpty ? "" : " (\(holder))"); "
              + "wait for it to finish, or choose another --out"))
      }
      // The holder before us may have removed the file after we opened it: lock the file that is
      // there now, or two runs could each hold a lock on a different file.
      var held = stat()
      var current = stat()
      if fstat(descriptor, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino,
        held.st_dev == current.st_dev
      {
        let text =
          "pid \(getpid()), started \(ISO8601DateFormatter().string(from: Date())): onboard \(CommandLine.arguments.dropFirst().prefix(1).joined())\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return .success(OutputLock(path: path, descriptor: descriptor))
      }
      close(descriptor)
    }
    return .failure(
      InputError(
        SourceLocation(file: path), "cannot lock the output folder: the lock file keeps changing"))
  }

  /// Who holds the lock, from the lock file's text (one line, at most 200 characters).
  private static func holderText(_ path: String) -> String {
    for _ in 0..<5 {
      if let data = FileManager.default.contents(atPath: path), !data.isEmpty {
        return singleLine(String(decoding: data.prefix(200), as: UTF8.self))
          .trimmingCharacters(in: .whitespaces)
      }
      usleep(10_000)
    }
    return ""
  }

  /// Removes the lock file and lets go of the lock (the file goes first, while still held).
  func release() {
    guard descriptor >= 0 else { return }
    unlink(path)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}

/// Checks `--out` before any work: not empty, not a file, and a folder (or the folder it will be
/// made in) that can be written.
enum OutputFolder {
  static func validate(_ out: String) -> InputError? {
    guard !out.trimmingCharacters(in: .whitespaces).isEmpty else {
      return InputError(SourceLocation(file: "--out"), "is empty; expected a folder to write into")
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        return InputError(
          SourceLocation(file: out),
          "is a file; expected a folder to write into (or a path that does not exist yet)")
      }
      guard access(out, W_OK | X_OK) == 0 else {
        return InputError(SourceLocation(file: out), "cannot write into this folder (permissions?)")
      }
      return nil
    }
    // The nearest folder that exists must be a folder we can create the output folder in.
    var parent = OutputFile.folder(of: out)
    while !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
      let up = OutputFile.folder(of: parent)
      if up == parent { break }
      parent = up
    }
    if parent.isEmpty { parent = "." }
    guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      return InputError(
        SourceLocation(file: out), "cannot be made: `\(parent)` is a file, not a folder")
    }
    guard access(parent, W_OK | X_OK) == 0 else {
      return InputError(
        SourceLocation(file: out), "cannot be made: `\(parent)` is not writable (permissions?)")
    }
    return nil
  }
}
