import Foundation
import OnboardKit

/// The inputs most commands share: the plan library, the roster and the evidence files.
struct Inputs {
  var library: PlanLibrary
  var templates: [EmailTemplate]
  var hires: [Hire]
  /// Roster rows that could not be read.
  var rosterErrors: [InputError]
  var evidence: EvidenceImportResult

  /// Loads the plan library and checks it as `onboard check` does.
  static func library(_ directory: String) throws(InputErrors) -> (PlanLibrary, [EmailTemplate]) {
    let library = try PlanLibrary.load(try FileSystem.readPlans(directory))
    let templates = try library.compileTemplates()
    let problems = library.validate(templates)
    if !problems.isEmpty { throw InputErrors(problems) }
    return (library, templates)
  }

  /// Reads evidence exports; a file that cannot be read at all stops the run. Interview
  /// scorecards are checked against the question banks. Joins across files (Greenhouse
  /// candidates, Lever opportunities and users, HackerRank tests) are resolved after every file
  /// is read, so the files may come in any order. With `strict`, unknown names are errors of the
  /// hires whose records carry them (or of the run).
  static func evidence(
    _ paths: [String], skills: SkillIndex, questions: [QuestionBank] = [], strict: Bool = false,
    rosterEmails: Set<String> = []
  ) throws(InputErrors) -> EvidenceImportResult {
    var result = EvidenceImportResult()
    var errors: [InputError] = []
    for path in distinct(paths) {
      do {
        result.merge(
          try EvidenceImport.parse(
            try StandardStreams.read(path), skills: skills, questions: questions,
            resolveJoins: false))
      } catch let error as InputErrors {
        errors += error.errors
      } catch let error as InputError {
        errors.append(error)
      } catch {
        errors.append(InputError(SourceLocation(file: path), "\(error)"))
      }
    }
    EvidenceImport.resolveJoins(&result, skills: skills, rosterEmails: rosterEmails)
    if strict { errors += result.applyStrict() }
    if !errors.isEmpty { throw InputErrors(errors) }
    return result
  }

  /// The evidence files once each: a file named twice (`a.csv ./a.csv`) would count its evidence
  /// twice. Each repeat is named in a note.
  static func distinct(_ paths: [String]) -> [String] {
    var seen: Set<String> = []
    var result: [String] = []
    for path in paths {
      let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
      if seen.insert(key).inserted {
        result.append(path)
      } else {
        Console.err("\(path): note: this evidence file is given more than once; it is read once")
      }
    }
    return result
  }

  /// Prints what the import did not use, as warnings and notes on stderr: every skipped record
  /// (with its reason) and every import note, so that nothing is dropped in silence.
  ///
  /// With the run's `roster` (its hires' keys), the notes and skipped records about candidates
  /// not on it are counted in one line instead (they are in summary.json): an export of every
  /// candidate had printed 22,783 lines about people not hired, and buried the one error.
  /// `unselected` (with `--hire`) are the roster's hires not named: theirs are counted apart,
  /// never called candidates not on the roster.
  static func reportSkipped(
    _ result: EvidenceImportResult, quiet: Bool = false, roster: Set<String>? = nil,
    unselected: Set<String> = []
  ) {
    var others: Set<String> = []
    var hidden = 0
    var unselectedHires: Set<String> = []
    var hiddenOfUnselected = 0
    /// Whether the line is about someone this run does not plan (then counted, not printed).
    func counted(_ key: String?) -> Bool {
      guard let roster, let key, !key.isEmpty, !roster.contains(key) else { return false }
      if unselected.contains(key) {
        hiddenOfUnselected += 1
        unselectedHires.insert(key)
      } else {
        hidden += 1
        others.insert(key)
      }
      return true
    }
    for diagnostic in result.diagnostics where !quiet || diagnostic.severity == .warning {
      if counted(diagnostic.hireKey) { continue }
      Console.err(diagnostic.description)
    }
    for record in result.skipped
    where !quiet || [.noEmail, .invalidEmail, .unresolvedID].contains(record.reason) {
      if record.reason != .notOnRoster, counted(record.hireKey) { continue }
      Console.err(record.description)
    }
    guard !quiet else { return }
    let tail =
      "not printed (summary.json lists the skipped records; `onboard evidence` with the same "
      + "files prints every note)"
    if hidden > 0 {
      Console.err(
        "note: \(plural(hidden, "note")) and skipped record\(hidden == 1 ? "" : "s") about "
          + "\(plural(others.count, "candidate")) not on the roster \(hidden == 1 ? "is" : "are") "
          + tail)
    }
    if hiddenOfUnselected > 0 {
      Console.err(
        "note: \(plural(hiddenOfUnselected, "note")) and skipped record"
          + "\(hiddenOfUnselected == 1 ? "" : "s") about the roster's "
          + "\(plural(unselectedHires.count, "other hire")) (not named with --hire) "
          + "\(hiddenOfUnselected == 1 ? "is" : "are") " + tail)
    }
  }

  /// One line counting the records not used by reason: "skipped 3 evidence records: 1 invalid
  /// email, 2 not on the roster", or nil when none. `notOnRoster` counts the records of
  /// strangers a batch counted without keeping them (one per email and file, as `skipStrangers`).
  static func skippedLine(_ result: EvidenceImportResult, notOnRoster: Int = 0) -> String? {
    guard !result.skipped.isEmpty || notOnRoster > 0 else { return nil }
    var counts: [SkipReason: Int] = [:]
    for record in result.skipped { counts[record.reason, default: 0] += 1 }
    if notOnRoster > 0 { counts[.notOnRoster, default: 0] += notOnRoster }
    let parts = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }
    let unjoined = result.skipped.filter(\.reason.isUnjoined).count + notOnRoster
    return
      "note: skipped \(plural(result.skipped.count + notOnRoster, "evidence record")) (\(parts.joined(separator: ", "))); "
      + "\(unjoined) unjoined to a hire"
  }

  static func load(
    plans: String, roster: String, evidence paths: [String], strict: Bool = false
  ) throws(InputErrors) -> Inputs {
    let (library, templates) = try library(plans)
    let rosterFile: SourceFile
    do { rosterFile = try StandardStreams.read(roster) } catch { throw InputErrors([error]) }
    let (hires, rosterErrors) = try RosterImport.parse(rosterFile)
    if let unread = RosterImport.unreadColumns(rosterFile) { Console.err(unread.description) }
    var evidence = try evidence(
      paths, skills: library.skillIndex, questions: library.questionBanks, strict: strict,
      rosterEmails: Set(hires.map(\.key)))
    evidence.skipStrangers(roster: Set(hires.map(\.key)))
    return Inputs(
      library: library, templates: templates, hires: hires, rosterErrors: rosterErrors,
      evidence: evidence)
  }
}

/// Prints input errors the compiler way and returns the failure status.
func report(_ errors: InputErrors) -> ExitStatus {
  for error in errors.errors { Console.err(error.description) }
  return .failure
}

/// Today's date (UTC) or the `--today` option.
func today(_ arguments: Arguments) throws(UsageError) -> CalendarDate {
  if let text = try arguments.value("today") {
    guard let date = CalendarDate(iso: text) else {
      throw UsageError("--today \(text): expected a date YYYY-MM-DD")
    }
    return date
  }
  return CalendarDate(dayNumber: Int((Date().timeIntervalSince1970 / 86400).rounded(.down)))
}

/// The plan library when `--plans` is not given: `$ONBOARD_PLANS`, else `Plans` in the current
/// folder.
func defaultPlans() -> String {
  if let path = ProcessInfo.processInfo.environment["ONBOARD_PLANS"], !path.isEmpty { return path }
  return "Plans"
}
