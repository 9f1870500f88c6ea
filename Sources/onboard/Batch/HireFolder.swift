import Foundation
import OnboardKit

/// Writes a hire's folder all at once: the files go into a temporary folder beside it, which is
/// renamed into place when complete. A run killed half-way leaves no half-written hire folder,
/// only a temporary one that the next run removes.
enum HireFolder {
  static let temporaryPrefix = ".onboard-tmp-"
  /// An earlier plan moved aside while the new one is renamed into place (with --force).
  static let asidePrefix = ".onboard-old-"
  /// A run's evidence and workshop spool.
  static let workPrefix = ".onboard-work-"

  static func write(_ files: [OutputFile], folder: String, in out: String, replace: Bool)
    throws(InputError)
  {
    let final = (out as NSString).appendingPathComponent(folder)
    let temporary = (out as NSString).appendingPathComponent(
      "\(temporaryPrefix)\(folder)-\(getpid())")
    // Only a killed run of this process id leaves one (the lookup is cheaper than a failed removal).
    var info = stat()
    if lstat(temporary, &info) == 0 { try? FileManager.default.removeItem(atPath: temporary) }
    do {
      try FileSystem.writeFresh(files, in: temporary)
    } catch {
      // A write error (disk full): what this hire started goes, so the disk is not left full.
      try? FileManager.default.removeItem(atPath: temporary)
      var located = error
      if error.location.file.hasPrefix(temporary) {
        located.location.file = final + error.location.file.dropFirst(temporary.count)
      }
      located.message += "; nothing of this hire's folder was kept"
      throw located
    }
    if FileManager.default.fileExists(atPath: final) {
      guard replace else {
        try? FileManager.default.removeItem(atPath: temporary)
        throw InputError(
          SourceLocation(file: final), "exists from an earlier run; use --force to replace it")
      }
      let old = (out as NSString).appendingPathComponent(
        "\(asidePrefix)\(folder)-\(getpid())")
      guard rename(final, old) == 0 else {
        try? FileManager.default.removeItem(atPath: temporary)
        throw InputError(
          SourceLocation(file: final),
          "cannot move the earlier plan aside: \(String(cString: strerror(errno)))")
      }
      guard rename(temporary, final) == 0 else {
        _ = rename(old, final)
        try? FileManager.default.removeItem(atPath: temporary)
        throw InputError(
          SourceLocation(file: final),
          "cannot move the new plan into place: \(String(cString: strerror(errno)))")
      }
      try? FileManager.default.removeItem(atPath: old)
    } else if rename(temporary, final) != 0 {
      try? FileManager.default.removeItem(atPath: temporary)
      throw InputError(
        SourceLocation(file: final),
        "cannot move the new plan into place: \(String(cString: strerror(errno)))")
    }
  }

  /// Removes what a killed run left behind; called with the output folder's lock held, so nothing
  /// found here belongs to a live run. An earlier plan left aside (a kill between the two renames
  /// of --force) is put back when its hire folder is missing.
  static func removeLeftovers(in out: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: out) else { return }
    for name in names where name.hasPrefix(asidePrefix) {
      let folder = String(
        name.dropFirst(asidePrefix.count).reversed().drop { $0 != "-" }.dropFirst().reversed())
      let final = (out as NSString).appendingPathComponent(folder)
      if !folder.isEmpty, !FileManager.default.fileExists(atPath: final) {
        _ = rename((out as NSString).appendingPathComponent(name), final)
      }
    }
    let again = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
    for name in again
    where name.hasPrefix(temporaryPrefix) || name.hasPrefix(workPrefix)
      || name.hasPrefix(asidePrefix) || name.hasPrefix(foundationTemporaryPrefix)
    {
      try? FileManager.default.removeItem(atPath: (out as NSString).appendingPathComponent(name))
    }
    // The half-written file of an atomic write a stopped run left in calendars/ goes too.
    let calendars = (out as NSString).appendingPathComponent("calendars")
    for name in (try? FileManager.default.contentsOfDirectory(atPath: calendars)) ?? []
    where name.hasPrefix(foundationTemporaryPrefix) {
      try? FileManager.default.removeItem(
        atPath: (calendars as NSString).appendingPathComponent(name))
    }
  }

  /// The name Foundation gives the temporary file of an atomic `Data.write` (`.dat.nosyncXXXX.…`,
  /// beside the file): a run stopped while writing a cohort file leaves it.
  static let foundationTemporaryPrefix = ".dat.nosync"
}
