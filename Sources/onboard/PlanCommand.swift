import Foundation
import OnboardKit

/// `onboard plan`: the main job.
enum PlanCommand {
  static let usage = """
    OVERVIEW: Plans the first 90 days of every hire of a roster (the main job).

    USAGE: onboard plan --roster ROSTER.csv --evidence FILE... --out DIR [options]

    Plans one hire or a whole start cohort (`onboard batch` is the same command). Writes, for every
    hire of the roster, DIR/<hire>/plan.md, plan.html, plan.json, sessions.ics and
    emails/*.eml; for the cohort DIR/index.html (hires and the skills matrix), cohort.md, cohort.csv,
    summary.json, tasks.csv (Asana's CSV import format) and calendars/<person>.ics for every
    manager, buddy, trainer, mentor, HR and IT person, in their own time zone. One bad hire does
    not stop the others; the summary names it.

    OPTIONS:
      --roster FILE        the hires (CSV: first_name,last_name,email,role,start_date,...);
                           - reads standard input
      --evidence FILE...   assessment exports: TestGorilla CSV, interview ratings CSV, interview
                           scorecards (onboard interview-kit), plain evidence CSV,
                           Greenhouse / Lever / HackerRank / Codility JSON (recognised automatically)
      --out DIR            where to write (created if missing)
      --plans DIR          the plan library (default: $ONBOARD_PLANS, else Plans)
      --people FILE        the managers, buddies, trainers, mentors, HR and IT people (CSV like
                           Plans/people.csv), instead of the plan library's people.csv
      --hire EMAIL         only this hire (repeatable); in the folder of an earlier run the
                           run's files (summary.json, tasks.csv, calendars/...) stay as they are
      --overrides FILE     a manager's changes (CSV: email,action,target,date,time,duration_minutes,
                           title,owner,note; actions skip, move, add, away, buddy, manager), applied
                           on every rerun and marked in the plan; - reads standard input
      --today YYYY-MM-DD   the day the plan is made (default: today); dates calendar stamps, so the
                           same inputs and the same --today give byte-identical outputs
      --replan-from DATE   re-plan from new evidence: for every hire with a plan.json in DIR from
                           an earlier run, items before DATE stay as they were, from DATE the
                           plan is rebuilt on the latest levels and lists what changed (kept
                           events keep their UIDs, changed ones get a higher SEQUENCE); emails
                           dated before DATE are kept as sent, and a sent invitation of a moved
                           or removed session gets an update or a cancellation email; DATE is
                           --today or later (what came before was held and sent)
      --force              plan hires again whose folders exist from an earlier run (replaced whole)
      --resume             keep the hire folders of an earlier run (e.g. one that was stopped) and
                           plan the rest
      --jobs N             hires planned in parallel (default: the number of cores); the output is
                           the same for any N
      --no-shared-workshops  do not group hires who need the same workshop in the same week
      --chunk-size N       hires whose evidence is in memory at once (default 500); the output is
                           the same for any N
      --strict             a name no skill has (a test, attribute, field, task) fails its hire,
                           instead of a warning
      --quiet              print only errors and warnings
      -h, --help           show this help

    EXAMPLES:
      onboard plan --roster Fixtures/roster.csv --evidence Fixtures/testgorilla-candidates.csv \\
        Fixtures/interview-ratings.csv --out out
      onboard plan --roster Fixtures/roster.csv --evidence Fixtures/evidence.csv --out out \\
        --hire jose.angstrom@example.org --force
      onboard plan --roster Fixtures/roster.csv --evidence Fixtures/evidence.csv --out out --resume

    EXIT STATUS:
      0 every hire planned; 1 a hire failed (the others are written; summary.json names it), or an
      input could not be read (nothing written); 2 usage error
    """

  static func run(_ args: [String]) throws(UsageError) -> ExitStatus {
    let arguments = try Arguments(
      args,
      options: [
        "roster", "out", "plans", "today", "overrides", "jobs", "chunk-size", "replan-from",
        "people",
      ],
      multi: ["evidence", "hire"],
      flags: ["force", "resume", "quiet", "help", "no-shared-workshops", "strict"])
    if arguments.flag("help") {
      Console.out(usage)
      return .success
    }
    let roster = try arguments.required("roster")
    let out = try arguments.required("out")
    let plans = try arguments.value("plans") ?? defaultPlans()
    let stamp = try today(arguments)
    let only = Set(arguments.list("hire").map { $0.lowercased() })
    let overridesPath = try arguments.value("overrides")
    let peoplePath = try arguments.value("people")
    try StandardStreams.readOnce([roster, overridesPath])
    if arguments.list("evidence").contains(StandardStreams.dash) {
      throw UsageError(
        "--evidence -: plan streams its exports from files; save standard input to a file first "
          + "(`onboard evidence -` reads one from standard input)")
    }
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    if let text = try arguments.value("jobs") {
      guard let value = Int(text), value >= 1 else {
        throw UsageError("--jobs \(text): expected a number of workers ≥ 1")
      }
      jobs = value
    }
    var chunkSize = 500
    if let text = try arguments.value("chunk-size") {
      guard let value = Int(text), value >= 1 else {
        throw UsageError("--chunk-size \(text): expected a number of hires ≥ 1")
      }
      chunkSize = value
    }
    if arguments.flag("force"), arguments.flag("resume") {
      throw UsageError("--force and --resume exclude each other")
    }

    if let problem = OutputFolder.validate(out) { return report(InputErrors([problem])) }

    var library: PlanLibrary
    let templates: [EmailTemplate]
    let hires: [Hire]
    var rosterErrors: [InputError]
    let failedEmails: [Int: String]
    let failedRows: [Int: RosterImport.FailedRow]
    do {
      (library, templates) = try Inputs.library(plans)
      if let people = peoplePath {
        library.people = try library.people(from: try FileSystem.read(people))
      }
      let rosterFile = try StandardStreams.read(roster)
      (hires, rosterErrors, failedEmails, failedRows) = try RosterImport.read(rosterFile)
      if let unread = RosterImport.unreadColumns(rosterFile) { Console.err(unread.description) }
      // A failed row's role is checked too, with its other cells' errors (QA15 F4: an unknown
      // role showed only once the row's other mistakes were mended).
      // (Not when the row's cells are shifted: its role cell holds another column's value.)
      let shifted = Set(
        rosterErrors.filter {
          $0.message.hasPrefix("the row has ") || $0.message.contains("is the column shifted?")
        }.compactMap(\.location.line))
      for (line, row) in failedRows
      where !shifted.contains(line) && !row.role.isEmpty && library.role(named: row.role) == nil {
        rosterErrors.append(
          Onboarding.unknownRoleError(
            row.role, of: row.email, at: row.roleOrigin, library: library))
      }
      rosterErrors.sort {
        ($0.location.line ?? 0, $0.location.column ?? 0)
          < ($1.location.line ?? 0, $1.location.column ?? 0)
      }
    } catch let error as InputErrors {
      return report(error)
    } catch let error as InputError {
      return report(InputErrors([error]))
    } catch {
      return report(InputErrors([InputError(SourceLocation(file: roster), "\(error)")]))
    }
    var overrides: [PlanOverride] = []
    if let overridesPath {
      do {
        overrides = try OverridesImport.parse(try StandardStreams.read(overridesPath))
      } catch let error as InputErrors {
        return report(error)
      } catch let error as InputError {
        return report(InputErrors([error]))
      } catch {
        return report(InputErrors([InputError(SourceLocation(file: overridesPath), "\(error)")]))
      }
      let known = Set(hires.map(\.key))
      let strangers = overrides.filter { !known.contains($0.hireKey) }
      if !strangers.isEmpty {
        return report(
          InputErrors(strangers.map { InputError($0.origin, "\($0.hireKey) is not on the roster") })
        )
      }
    }
    var selected = hires
    if !only.isEmpty {
      selected = hires.filter { only.contains($0.key) }
      let missing = only.subtracting(selected.map(\.key))
      for email in missing.sorted() {
        Console.err("\(roster): error: \(email) is not on the roster")
      }
      if !missing.isEmpty { return .failure }
    }
    var runner = BatchRunner(
      library: library, templates: templates, hires: selected,
      rosterErrors: only.isEmpty ? rosterErrors : [],
      rosterFailedEmails: only.isEmpty ? failedEmails : [:],
      rosterFailedRows: only.isEmpty ? failedRows : [:],
      overrides: overrides, evidencePaths: Inputs.distinct(arguments.list("evidence")), out: out,
      stamp: stamp,
      force: arguments.flag("force"), resume: arguments.flag("resume"),
      quiet: arguments.flag("quiet"),
      jobs: jobs, shareWorkshops: !arguments.flag("no-shared-workshops"))
    runner.chunkSize = chunkSize
    // Folder names from the whole roster: `--hire` plans a hire into the folder a full run gives
    // it; a hire an earlier run into --out planned keeps the folder it gave her.
    let earlier = EarlierRun.read(out)
    runner.earlier = earlier
    runner.rosterFolders = Onboarding.folders(for: hires, earlier: earlier.folders)
    if !only.isEmpty {
      runner.unselected = Set(hires.map(\.key)).subtracting(selected.map(\.key))
    }
    runner.strict = arguments.flag("strict")
    if let text = try arguments.value("replan-from") {
      guard let date = CalendarDate(iso: text) else {
        throw UsageError("--replan-from \(text): expected a date YYYY-MM-DD")
      }
      // What came before today has happened: its sessions were held and its emails sent, so a
      // re-plan never rewrites them (a slipped year re-planned a held skill check and replaced
      // a sent invitation in silence).
      guard date >= stamp else {
        throw UsageError(
          "--replan-from \(text) is before the day the plan is made (\(stamp.iso)"
            + ((try? arguments.value("today")) != nil ? ", --today" : ", today") + "): the "
            + "plan's items before it were held and its emails sent; expected \(stamp.iso) or later"
        )
      }
      runner.replanFrom = date
    }
    return runner.run()
  }

  static func line(for output: HireOutput, directory: String) -> String {
    let plan = output.plan
    let weak = plan.report.weakAreas.prefix(3).map(\.skill.name)
    var text = "\(output.hire.fullName) (\(plan.role.title)): starts \(plan.start.longText)"
    if plan.startMovedReason != nil { text += " (moved from \(output.hire.requestedStart.iso))" }
    text += "; " + plural(plan.items.filter { $0.kind == .training }.count, "training session")
    if !weak.isEmpty { text += "; top gaps: \(weak.joined(separator: ", "))" }
    let unknown = plan.report.unassessedEssentials.map(\.skill.name)
    if !unknown.isEmpty { text += "; unassessed: \(unknown.joined(separator: ", "))" }
    let conflicts = plan.report.conflicts.map(\.skill.name)
    if !conflicts.isEmpty { text += "; conflicting: \(conflicts.joined(separator: ", "))" }
    if let overdue = plan.notes.first(where: { $0.hasSuffix("send now.") }) {
      text +=
        "; "
        + (overdue.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) }
          ?? "emails overdue")
    }
    // The plan's notes (people outside their hours, a location without holidays, moves that
    // did not fit) are counted here, so a run does not look all green while plan.md warns.
    let notes = plan.notes.count
    let notesLine =
      notes == 0
      ? ""
      : "\n  ! \(plural(notes, "note")) in plan.md, the first: "
        + GapTable.printable(shortened(plan.notes[0], to: 160))
    // Names come from exports: never let them move the cursor or start a new line on the terminal.
    return GapTable.printable(text)
      + "\n  → \(directory)/ (plan.md, plan.html, plan.json, sessions.ics, \(plural(output.emails.count, "email")))"
      + notesLine
  }
}

/// One hire's line in `summary.json`.
struct SummaryEntry: Codable, Sendable {
  var hire: String
  var email: String?
  var status: String
  var folder: String?
  var errors: [String]
  var files: [String]
  /// How many notes the hire's plan.md carries (people outside their hours, moves that did not
  /// fit, a location without holidays): a cohort run is not all green while a plan warns.
  var notes = 0

  static func failed(_ hire: Hire, _ errors: [String]) -> SummaryEntry {
    SummaryEntry(
      hire: hire.fullName, email: hire.email, status: "failed", folder: nil, errors: errors,
      files: [])
  }
}

/// `summary.json`: every hire with its status (`ok`, `kept` from an earlier run, `failed`), its
/// files or errors, and the cohort's shared workshops.
struct Summary: Codable {
  var schema = "onboard.summary/1"
  var hires: [SummaryEntry]
  var sharedSessions: [SharedSessionSummary] = []
  var trainerHoursSaved: Double = 0
  /// What the import read and did not use.
  var evidence: EvidenceSummary?
  /// The trainer, mentor, HR and IT items nobody was named for, by role (`trainer`, `it`, ...);
  /// left out when every item has somebody.
  var unassigned: [String: Int]?

  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }
}

/// The evidence part of `summary.json`: every file's summary, every record not used (reason,
/// where, whose) but those of candidates not on the roster (counted, by file and in all), counts
/// by reason, and row errors of no hire. Counts are of records, as the terminal gives them:
/// `unjoined` is the sum of the files' `unjoined`, and `skippedByReason` is the files' `skipped`
/// added up, with the records of hires whose roster row failed.
struct EvidenceSummary: Codable {
  struct Skipped: Codable {
    var reason: String
    var location: String
    var hire: String?
    var message: String
  }
  var files: [EvidenceFileSummary]
  var skipped: [Skipped]
  var skippedByReason: [String: Int]
  var unjoined: Int
  /// How many candidates (emails) not on the roster the evidence has.
  var candidatesNotOnRoster: Int
  var unknownNames: [String]
  var errorsOfNoHire: [String]

  init(
    _ result: EvidenceImportResult, strangers: [String: Int], strangerCandidates: Int,
    ofFailedHires: Int = 0, unjoinedErrors: [InputError]
  ) {
    files = result.fileSummaries
    for index in files.indices {
      // The strangers' records of each file, counted by the batch without being kept.
      guard let count = strangers[files[index].path], count > 0 else { continue }
      files[index].skipped[SkipReason.notOnRoster.rawValue, default: 0] += count
      files[index].unjoined += count
    }
    skipped = result.skipped.map {
      Skipped(
        reason: $0.reason.rawValue, location: $0.location.description, hire: $0.hireKey,
        message: singleLine($0.message))
    }
    var counts: [String: Int] = [:]
    for record in result.skipped { counts[record.reason.rawValue, default: 0] += 1 }
    let strangerRecords = strangers.values.reduce(0, +)
    if strangerRecords > 0 {
      counts[SkipReason.notOnRoster.rawValue, default: 0] += strangerRecords
    }
    if ofFailedHires > 0 { counts["of a hire whose roster row failed"] = ofFailedHires }
    skippedByReason = counts
    unjoined = result.skipped.filter(\.reason.isUnjoined).count + strangerRecords
    candidatesNotOnRoster = strangerCandidates
    unknownNames = Array(Set(result.unknownNames.map { singleLine($0.name) })).sorted()
    errorsOfNoHire = unjoinedErrors.map(\.description)
  }
}

/// A shared workshop in `summary.json`.
struct SharedSessionSummary: Codable {
  var id: String
  var topic: String
  var date: String
  var start: String
  var minutes: Int
  var attendees: [String]

  init(_ session: SharedSession) {
    id = session.id
    topic = session.topicID
    date = session.date.iso
    start = session.start.description
    minutes = session.minutes
    attendees = session.members
  }
}
