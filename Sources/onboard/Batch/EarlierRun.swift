import Foundation
import OnboardKit

/// What an earlier run left in an `--out` folder that a new run into it must respect: the
/// folder each hire's plan is in (a hire keeps her folder when the roster changes, so a
/// newcomer whose name collides with hers gets the hashed name, not her folder), and the hires
/// its summary.json lists.
struct EarlierRun: Sendable {
  /// Each earlier hire's folder, by email key (lower-case): summary.json's `folder` of each
  /// hire, and for hire folders it does not list (a run stopped before it wrote summary.json,
  /// `--hire` runs) the email in the folder's plan.json.
  var folders: [String: String] = [:]
  /// The email keys summary.json lists (nil without a readable summary.json).
  var listed: Set<String>? = nil

  /// Reads what `out` holds; an empty run for a folder that does not exist or holds no run.
  /// Nothing here is an error: a file this cannot read is an earlier run's only if the
  /// run's own checks (foreign folder, `--force`) say so.
  static func read(_ out: String) -> EarlierRun {
    var run = EarlierRun()
    let summaryPath = (out as NSString).appendingPathComponent("summary.json")
    if let data = FileManager.default.contents(atPath: summaryPath),
      let summary = try? JSONDecoder().decode(ListedHires.self, from: data)
    {
      var listed: Set<String> = []
      for entry in summary.hires {
        guard let email = entry.email?.lowercased() else { continue }
        listed.insert(email)
        if let folder = entry.folder, isFolderName(folder) { run.folders[email] = folder }
      }
      run.listed = listed
    }
    let known = Set(run.folders.values)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
    for name in names.sorted() where !known.contains(name) && isFolderName(name) {
      let folder = (out as NSString).appendingPathComponent(name)
      guard BatchRunner.isHireFolder(folder),
        let data = FileManager.default.contents(
          atPath: (folder as NSString).appendingPathComponent("plan.json")),
        let plan = try? JSONDecoder().decode(PlanHire.self, from: data)
      else { continue }
      let email = plan.hire.email.lowercased()
      if run.folders[email] == nil { run.folders[email] = name }
    }
    return run
  }

  /// Whether `name` can be a hire folder's name: one path component that `fileSafeName` keeps
  /// as it is (an edited summary.json cannot send a plan to `../elsewhere`).
  static func isFolderName(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix(".") && fileSafeName(name) == name
      && !Onboarding.runEntryNames.contains(name)
  }

  /// The part of summary.json read here.
  private struct ListedHires: Decodable {
    struct Entry: Decodable {
      var email: String?
      var folder: String?
    }
    var hires: [Entry]
  }

  /// The part of a plan.json read here.
  private struct PlanHire: Decodable {
    struct Hire: Decodable { var email: String }
    var hire: Hire
  }
}
