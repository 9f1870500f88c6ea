import Foundation
import OnboardKit

/// Writes a hire's folder all at once: the files go into a temporary folder beside it, which is
/// renamed into place when complete. A run killed half-way leaves no half-written hire folder,
/// only a temporary one that the next run removes.
enum HireFolder {
  static let temporaryPrefix = ".onboard-tmp-"

  static func write(_ files: [OutputFile], folder: String, in out: String, replace: Bool)
    throws(InputError)
  {
    let final = (out as NSString).appendingPathComponent(folder)
    let temporary = (out as NSString).appendingPathComponent(
      "\(temporaryPrefix)\(folder)-\(getpid())")
    try? FileManager.default.removeItem(atPath: temporary)
    try FileSystem.writeFresh(files, in: temporary)
    if FileManager.default.fileExists(atPath: final) {
      guard replace else {
        try? FileManager.default.removeItem(atPath: temporary)
        throw InputError(
          SourceLocation(file: final), "exists from an earlier run; use --force to replace it")
      }
      let old = (out as NSString).appendingPathComponent(
        "\(temporaryPrefix)old-\(folder)-\(getpid())")
      guard rename(final, old) == 0 else {
        throw InputError(
          SourceLocation(file: final),
          "cannot move the earlier plan aside: \(String(cString: strerror(errno)))")
      }
      guard rename(temporary, final) == 0 else {
        _ = rename(old, final)
        throw InputError(
          SourceLocation(file: final),
          "cannot move the new plan into place: \(String(cString: strerror(errno)))")
      }
      try? FileManager.default.removeItem(atPath: old)
    } else if rename(temporary, final) != 0 {
      throw InputError(
        SourceLocation(file: final),
        "cannot move the new plan into place: \(String(cString: strerror(errno)))")
    }
  }

  /// Removes what a killed run left behind.
  static func removeLeftovers(in out: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: out) else { return }
    for name in names where name.hasPrefix(temporaryPrefix) || name.hasPrefix(".onboard-work-") {
      try? FileManager.default.removeItem(atPath: (out as NSString).appendingPathComponent(name))
    }
  }
}
