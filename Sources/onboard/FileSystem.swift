import Foundation
import OnboardKit

/// All file access of the tool: reading inputs and the plan library, writing outputs safely.
enum FileSystem {
  /// Reads a file the user named; a missing or unreadable file is an input error naming it.
  static func read(_ path: String) throws(InputError) -> SourceFile {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError(SourceLocation(file: path), "no such file")
    }
    guard !isDirectory.boolValue else {
      throw InputError(SourceLocation(file: path), "is a folder; expected a file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(SourceLocation(file: path), "cannot read the file (permissions?)")
    }
    return SourceFile(path: path, data: data)
  }

  /// Reads a plan library folder.
  static func readPlans(_ directory: String) throws(InputErrors) -> PlanLibrarySources {
    typealias Name = PlanLibrarySources.FileName
    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
    var errors: [InputError] = []
    func required(_ name: String) -> SourceFile {
      do { return try read(path(name)) } catch {
        errors.append(error)
        return SourceFile(path: path(name), data: Data())
      }
    }
    func optional(_ name: String) -> SourceFile? {
      guard FileManager.default.fileExists(atPath: path(name)) else { return nil }
      let file = required(name)
      // An optional file emptied in an editor (0 bytes, or only a byte-order mark and blank
      // lines) is one left out, said in a note: it had failed every command.
      let text = String(decoding: file.data, as: UTF8.self)
      if text.trimmingCharacters(
        in: CharacterSet(charactersIn: "\u{FEFF}").union(.whitespacesAndNewlines)
      )
      .isEmpty {
        Console.err(
          "\(path(name)): note: the file is empty; read as if it were not there (it is optional: "
            + "give its header row, or delete it)")
        return nil
      }
      return file
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw InputErrors([
        InputError(
          SourceLocation(file: directory),
          "no plan library folder here; expected a folder like Plans/: run from the folder that has one, or give --plans DIR (or set ONBOARD_PLANS)"
        )
      ])
    }
    let skills = required(Name.skills)
    let roles = required(Name.roles)
    let training = required(Name.training)
    let schedule = required(Name.schedule)
    let holidays = optional(Name.holidays)
    let settings = optional(Name.settings)
    let questions = optional(Name.questions)
    let people = optional(Name.people)
    let goals = optional(Name.goals)
    let emailDirectory = path(Name.emails)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: emailDirectory)) ?? []
    let emails = names.filter { $0.hasSuffix("." + Name.templateExtension) && !$0.hasPrefix(".") }
      .sorted()
      .map { required((Name.emails as NSString).appendingPathComponent($0)) }
    if !errors.isEmpty { throw InputErrors(errors) }
    return PlanLibrarySources(
      skills: skills, roles: roles, training: training, schedule: schedule, holidays: holidays,
      settings: settings, emails: emails, questions: questions, goals: goals, people: people)
  }

  /// Paths among `files` (relative to `directory`) that already exist.
  static func existing(_ files: [OutputFile], in directory: String) -> [String] {
    files.map { (directory as NSString).appendingPathComponent($0.path) }
      .filter { FileManager.default.fileExists(atPath: $0) }
  }

  /// Writes each file atomically: a temporary file in the same folder, then a rename, so that a
  /// crash or a kill never leaves a half-written file.
  static func write(_ files: [OutputFile], in directory: String) throws(InputError) {
    for file in files {
      let path = (directory as NSString).appendingPathComponent(file.path)
      let folder = OutputFile.folder(of: path)
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = (folder as NSString).appendingPathComponent(
          ".\((path as NSString).lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary, contents: file.data) else {
          unlink(temporary)
          throw InputError(
            SourceLocation(file: path), "cannot write the file (permissions or disk full?)")
        }
        guard rename(temporary, path) == 0 else {
          let reason = String(cString: strerror(errno))
          unlink(temporary)
          throw InputError(
            SourceLocation(file: path), "cannot move the new file into place: \(reason)")
        }
      } catch let error as InputError {
        throw error
      } catch {
        throw InputError(SourceLocation(file: path), "cannot write: \(error.localizedDescription)")
      }
    }
  }

  /// mkdir(2) of a folder and its missing parents (each created folder remembered in `made`),
  /// mode 0777 less the umask as FileManager makes them; an existing folder is fine. False (errno
  /// set) when a folder cannot be made.
  static func makeFolder(_ folder: String, made: inout Set<String>) -> Bool {
    if mkdir(folder, 0o777) == 0 || errno == EEXIST {
      made.insert(folder)
      return true
    }
    guard errno == ENOENT else { return false }
    let parent = OutputFile.folder(of: folder)
    guard !parent.isEmpty, parent != folder, makeFolder(parent, made: &made) else { return false }
    if mkdir(folder, 0o777) == 0 || errno == EEXIST {
      made.insert(folder)
      return true
    }
    return false
  }

  /// Writes files into a folder that nobody else sees yet (a hire's temporary folder, renamed into
  /// place as a whole afterwards): plain writes, no per-file rename.
  static func writeFresh(_ files: [OutputFile], in directory: String) throws(InputError) {
    var made: Set<String> = []
    for file in files {
      let path = (directory as NSString).appendingPathComponent(file.path)
      let folder = OutputFile.folder(of: path)
      if !made.contains(folder) {
        guard makeFolder(folder, made: &made) else {
          throw InputError(
            SourceLocation(file: folder),
            "cannot create the folder: \(String(cString: strerror(errno)))")
        }
      }
      let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      guard descriptor >= 0 else {
        throw InputError(
          SourceLocation(file: path), "cannot write: \(String(cString: strerror(errno)))")
      }
      defer { close(descriptor) }
      let written = file.data.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        var offset = 0
        while offset < buffer.count {
          let n = Foundation.write(descriptor, base + offset, buffer.count - offset)
          if n <= 0 { return -1 }
          offset += n
        }
        return offset
      }
      guard written == file.data.count else {
        throw InputError(
          SourceLocation(file: path),
          "cannot write (disk full?): \(String(cString: strerror(errno)))")
      }
    }
  }
}
