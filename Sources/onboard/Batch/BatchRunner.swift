import Foundation
import OnboardKit

/// Plans a whole roster: evidence streamed once and spooled by roster chunk, hires planned in
/// parallel (the same bytes as one at a time), each hire's folder written atomically, cohort files
/// written last. Memory holds the roster, one chunk's evidence and a small summary line per hire;
/// what the cohort files need of every hire (calendar events, task rows) is spooled by chunk.
struct BatchRunner: Sendable {
  var library: PlanLibrary
  var templates: [EmailTemplate]
  var hires: [Hire]
  var rosterErrors: [InputError]
  /// The emails of roster rows that failed, by line (`RosterImport.read`).
  var rosterFailedEmails: [Int: String] = [:]
  /// What each failed roster row reads of its hire, by line (`RosterImport.read`).
  var rosterFailedRows: [Int: RosterImport.FailedRow] = [:]
  var overrides: [PlanOverride]
  var evidencePaths: [String]
  var out: String
  var stamp: CalendarDate
  var force: Bool
  var resume: Bool
  var quiet: Bool
  var jobs: Int
  var shareWorkshops: Bool
  /// `--strict`: unknown names are errors of their hires.
  var strict = false
  /// Hires per chunk (a chunk's evidence is in memory at once).
  var chunkSize = 500
  /// How many chunks (the first ones) keep their grouping-pass drafts for planning; the others
  /// are drafted again (memory holds this many chunks of drafts at most).
  var draftChunks = 4
  /// `--replan-from`: hires with a plan.json from an earlier run are re-planned from this date.
  var replanFrom: CalendarDate? = nil
  /// Above this many hires the index shows per-skill counts instead of a column per hire.
  var largeCohort = 1000
  /// Folder names computed from the whole roster (when `hires` is a `--hire` selection); empty:
  /// from `hires`.
  var rosterFolders: [String: String] = [:]
  /// `--hire`: the roster's other hires. Their evidence is theirs (not a stranger's), and the
  /// run-wide files of an earlier run, which list them, are left as they are (rewritten from
  /// the selection they lost every other hire's tasks, calendar events and summary entries).
  var unselected: Set<String> = []
  /// What an earlier run into `out` left (its hires' folders, the hires its summary.json lists).
  var earlier = EarlierRun()

  /// What happened to one hire.
  struct Outcome: Sendable {
    var entry: SummaryEntry
    var index: HTMLIndex.Entry?
    var csvRow: [String]
    var planned: Bool
    /// The hire's items in the calendars of the people who attend them.
    var personEvents: [PersonEvent] = []
    /// The hire's rows of tasks.csv (`TaskCSV.visibleRows` of its tasks, made by the worker).
    var taskRows: [UInt8] = []
    /// The hire's lines for standard output (`PlanCommand.line`), printed in roster order when
    /// the chunk's outcomes are collected (a worker printing them would print them in the order
    /// the hires happen to finish); nil when none are printed.
    var consoleLine: String? = nil
    /// The plan's override warnings (printed even with --quiet, as import warnings are).
    var warnings: [String] = []
    /// The plan's trainer, mentor, HR and IT items nobody was named for, by role.
    var unassigned: [String: Int] = [:]
  }

  /// A plan's items of a role people.csv names (trainer, mentor, HR, IT) that have nobody.
  static func unassigned(_ plan: OnboardingPlan) -> [String: Int] {
    var counts: [String: Int] = [:]
    for item in plan.items
    where item.ownerName == nil && OwnerAssignment.assignedRoles[item.owner] != nil {
      counts[item.owner, default: 0] += 1
    }
    return counts
  }

  /// The run's line about the sessions nobody runs, or nil when every one has somebody:
  /// per-hire notes alone left HR to find 70 of them in 25 plans (QA14 F4).
  static func unassignedWarning(_ counts: [String: Int], hires: Int) -> String? {
    let total = counts.values.reduce(0, +)
    guard total > 0 else { return nil }
    let names = ["trainer": "trainer", "mentor": "mentor", "hr": "HR", "it": "IT"]
    let parts = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
      "\($0.value) \(names[$0.key] ?? $0.key)"
    }
    return
      "warning: \(total) item\(total == 1 ? "" : "s") of \(hires) plan\(hires == 1 ? "" : "s") "
      + "\(total == 1 ? "has" : "have") nobody to run \(total == 1 ? "it" : "them") ("
      + parts.joined(separator: ", ") + "): everyone able is at their weekly onboarding hours "
      + "that week, or people.csv names nobody for them; each plan's notes say which; raise "
      + "weekly_onboarding_hours or add people to people.csv"
  }

  /// A hire after planning, before its people are named: finished already (failed or kept), or a
  /// plan.
  enum Stage: Sendable {
    case finished(Outcome)
    case planned(OnboardingPlan, folder: String, keep: Bool, replan: Replan?)
  }

  func run() -> ExitStatus {
    let started = Date()
    let folders = rosterFolders.isEmpty ? Onboarding.folders(for: hires) : rosterFolders
    let chunkCount = max(1, (hires.count + chunkSize - 1) / chunkSize)
    // Each hire is given its own overrides (not the whole file to filter, hire after hire).
    let overridesByHire = Dictionary(grouping: overrides, by: \.hireKey)
    var chunkOf: [String: Int] = [:]
    for (index, hire) in hires.enumerated() { chunkOf[hire.key] = index / chunkSize }

    // 1. The output folder is this run's alone (a second run refuses at once and touches
    // nothing); a folder this run made is removed again if the run writes nothing into it.
    let createdOut = !FileManager.default.fileExists(atPath: out)
    do {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    } catch {
      Console.err("\(out): error: cannot create the output folder: \(error.localizedDescription)")
      return .failure
    }
    // A folder that holds something else (`/`, the Plans/ library, an inputs folder) is not
    // written into: only an empty folder or the folder of an earlier run (its summary.json, or
    // hire folders with their plan.json when a run was stopped before the end).
    if !createdOut, let refusal = Self.foreignOutput(out) {
      Console.err(refusal)
      return .failure
    }
    let lock: OutputLock
    switch OutputLock.acquire(in: out) {
    case .success(let held): lock = held
    case .failure(let error):
      Console.err(error.description)
      if createdOut { rmdir(out) }
      return .failure
    }
    defer {
      lock.release()
      if createdOut { rmdir(out) }
    }
    // What dead runs left (temporary hire folders, spools) goes, now that no live run owns it.
    HireFolder.removeLeftovers(in: out)

    // 2. Nothing is overwritten without --force (or kept with --resume): check before any work.
    let existing = hires.filter {
      FileManager.default.fileExists(
        atPath: (out as NSString).appendingPathComponent(folders[$0.key] ?? ""))
    }
    // Never, even with --force, in place of something no run of ours wrote (a hire `etc@` had
    // replaced a folder of that name).
    for hire in existing {
      let path = (out as NSString).appendingPathComponent(folders[hire.key] ?? "")
      guard !Self.isHireFolder(path) else { continue }
      Console.err(
        "\(path): error: exists and is not a hire folder of an earlier run (it has no "
          + "plan.json), so it is not replaced, even with --force; move it away or give another --out"
      )
      return .failure
    }
    if !existing.isEmpty, !force, !resume, replanFrom == nil {
      let first = (out as NSString).appendingPathComponent(folders[existing[0].key] ?? "")
      Console.err(
        "\(first): error: exists from an earlier run (the folders of \(existing.count) of this roster's "
          + "\(hires.count) hires are in \(out)); "
          + "use --force to plan them again, or --resume to keep them and plan the rest")
      return .failure
    }
    let cohortFiles = Self.cohortFileNames.filter {
      FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent($0))
    }
    // A re-plan updates them by design; a `--hire` selection leaves them as they are (step 6).
    if !cohortFiles.isEmpty, !force, !resume, replanFrom == nil, unselected.isEmpty {
      Console.err(
        "\((out as NSString).appendingPathComponent(cohortFiles[0])): error: exists from an earlier run "
          + "(\(cohortFiles.joined(separator: ", ")) in \(out)); use --force to replace them, "
          + "or --resume to continue that run")
      return .failure
    }
    let keep = resume ? Set(existing.map(\.key)) : []

    // 3. Import: every export read once, evidence spooled by chunk.
    // The spool lives in the output folder, under the lock: a run killed half-way leaves it to
    // the next run's clean-up; a run that stops at a bad export leaves nothing, not even the folder.
    let work = (out as NSString).appendingPathComponent("\(HireFolder.workPrefix)\(getpid())")
    let spool = EvidenceSpool(
      chunkOf: chunkOf, chunkCount: chunkCount, directory: chunkCount > 1 ? work : nil,
      failedHires: Set(rosterFailedEmails.values.map { $0.lowercased() }), unselected: unselected)
    defer { try? FileManager.default.removeItem(atPath: work) }
    if chunkCount > 1 {
      do {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
      } catch {
        Console.err("\(work): error: cannot create a work folder: \(error.localizedDescription)")
        return .failure
      }
    }
    var fileErrors: [InputError] = []
    // What every file said (notes, skipped records, unknown names, joins waiting for other
    // files); its evidence went to the spool. Joins are resolved once every file is read.
    var imported = EvidenceImportResult()
    // The roster's hires' skills-test results as well, for the attempts rule once every file
    // is read (a retake in another export counts instead of the earlier attempt). Only the
    // hires': an export of every candidate stays on disk in the spool, not in memory.
    let rosterKeys = Set(hires.map(\.key))
    var tests: [Evidence] = []
    for path in evidencePaths {
      do {
        let result = try EvidenceImport.stream(
          path: path, skills: library.skillIndex, questions: library.questionBanks
        ) {
          if $0.source == .test, rosterKeys.contains($0.hireKey) { tests.append($0) }
          spool.add($0)
        }
        imported.merge(result)
      } catch {
        fileErrors += error.errors
      }
    }
    EvidenceImport.resolveJoins(
      &imported, skills: library.skillIndex, rosterEmails: Set(hires.map(\.key)))
    for item in imported.evidence {
      if item.source == .test, rosterKeys.contains(item.hireKey) { tests.append(item) }
      spool.add(item)
    }
    let earlierAttempts = Set(imported.decideAttempts(among: tests).map { tests[$0].origin })
    tests = []
    imported.evidence = []
    if strict { fileErrors += imported.applyStrict() }
    spool.finish()
    if let failure = spool.failure {
      Console.err("\(work): error: \(failure)")
      return .failure
    }
    let rowErrorsByHire = imported.rowErrors
    if !fileErrors.isEmpty { return report(InputErrors(fileErrors)) }
    // Nothing dropped in silence: every record not used is printed and counted.
    Inputs.reportSkipped(imported, quiet: quiet, roster: rosterKeys, unselected: unselected)
    var unjoinedErrors: [InputError] = []
    for (key, errors) in imported.rowErrors where !rosterKeys.contains(key) {
      unjoinedErrors += errors
    }
    // A row error of a candidate not on the roster does not concern the plans: counted (and
    // listed in summary.json). One without a readable address could be a hire's: printed.
    let ofOthers = imported.rowErrors.filter {
      !rosterKeys.contains($0.key) && isPlausibleEmail($0.key)
    }
    for (key, errors) in imported.rowErrors.sorted(by: { $0.key < $1.key })
    where !rosterKeys.contains(key) && !isPlausibleEmail(key) {
      for error in errors { Console.err(error.description) }
    }
    if !ofOthers.isEmpty {
      let count = ofOthers.values.map(\.count).reduce(0, +)
      Console.err(
        "note: \(plural(count, "row error")) of \(plural(ofOthers.count, "candidate")) not on the "
          + "roster \(count == 1 ? "does" : "do") not concern the plans; summary.json lists "
          + "\(count == 1 ? "it" : "them") (`errorsOfNoHire`)")
    }
    if let line = Inputs.skippedLine(imported, notOnRoster: spool.strangerRecordCount), !quiet {
      Console.err(line)
    }
    if spool.strangerCount > 0, !quiet {
      Console.err(
        "note: \(plural(spool.strangerCount, "evidence email")) \(spool.strangerCount == 1 ? "is" : "are") not on the roster (candidates not hired?) and \(spool.strangerCount == 1 ? "was" : "were") ignored: "
          + spool.strangers.sorted().joined(separator: ", ")
          + (spool.strangerCount > 5 ? ", ..." : ""))
    }
    if spool.unselectedRecords > 0, !quiet {
      Console.err(
        "note: \(plural(spool.unselectedRecords, "evidence record")) of the roster's "
          + "\(plural(unselected.count, "other hire")) (not named with --hire) "
          + "\(spool.unselectedRecords == 1 ? "was" : "were") not used")
    }
    if !spool.failedHireRecords.isEmpty, !quiet {
      let lines = Dictionary(
        rosterFailedEmails.map { ($0.value.lowercased(), $0.key) }, uniquingKeysWith: min)
      let total = spool.failedHireRecordCount
      Console.err(
        "note: \(plural(total, "evidence record")) of \(spool.failedHireRecords.count == 1 ? "a hire" : "hires") whose roster row failed \(total == 1 ? "was" : "were") not used: "
          + spool.failedHireRecords.keys.sorted().map { key in
            "\(key) (roster line \(lines[key] ?? 0))"
          }.joined(separator: ", "))
    }
    let importReport = imported
    // Each hire's records the import did not use, looked up by hire (not by a scan of the whole
    // cohort's records for every hire).
    var unusedByHire: [String: EvidenceImportResult] = [:]
    for record in imported.skipped {
      if let key = record.hireKey {
        unusedByHire[key, default: EvidenceImportResult()].skipped.append(record)
      }
    }
    for name in imported.unknownNames {
      if let key = name.hireKey {
        unusedByHire[key, default: EvidenceImportResult()].unknownNames.append(name)
      }
    }
    let unusedRecords = unusedByHire

    // 4. Shared workshops: the cohort's demands, spooled by topic, grouped topic by topic
    // (deterministic, from every hire, whatever the number of workers).
    var sessions: [SharedSession] = []
    // The drafts (planning input and lone plan, or the error) of the first `draftChunks`
    // chunks, kept for step 5: their hires are neither analysed nor, when no shared session
    // changes them, placed again. Memory stays bounded (a few chunks); later chunks are drafted
    // again in step 5.
    var keptDrafts: [[String: Result<Onboarding.PlanDraft, InputError>]] = Array(
      repeating: [:], count: chunkCount)
    if shareWorkshops, hires.count > 1 {
      let progress = ProgressReporter(
        total: hires.count, label: "grouping", enabled: !quiet && Console.stderrIsTerminal)
      let demands = DemandSpool(directory: chunkCount > 1 ? work : nil)
      for chunk in 0..<chunkCount {
        guard
          let evidence = readSpool(
            work,
            { () throws(SpoolError) in
              Self.without(earlierAttempts, try spool.evidence(ofChunk: chunk, jobs: jobs))
            })
        else { return .failure }
        let perHire = parallelMap(chunkHires(chunk)) {
          hire -> (String, Result<Onboarding.PlanDraft, InputError>?) in
          defer { progress.advance() }
          guard rowErrorsByHire[hire.key] == nil else { return (hire.key, nil) }
          do throws(InputError) {
            return (
              hire.key,
              .success(
                try Onboarding.draft(
                  hire: hire, library: library, evidence: evidence[hire.key] ?? [],
                  overrides: overridesByHire[hire.key] ?? []))
            )
          } catch {
            return (hire.key, .failure(error))
          }
        }
        for (key, draft) in perHire {
          guard let draft else { continue }
          if case .success(let made) = draft {
            for demand in made.demands { demands.add(demand) }
          }
          if chunk < draftChunks { keptDrafts[chunk][key] = draft }
        }
      }
      demands.finish()
      if let failure = demands.failure {
        Console.err("\(work): error: \(failure)")
        return .failure
      }
      progress.finish()
      var grouper = SharedSessionGrouper()
      for topic in demands.topics {
        guard
          let topicDemands = readSpool(
            work, { () throws(SpoolError) in try demands.demands(of: topic) })
        else {
          return .failure
        }
        sessions += grouper.group(topic: topicDemands)
      }
    }
    var sessionsByHire: [String: [SharedSession]] = [:]
    for session in sessions {
      for member in session.members { sessionsByHire[member, default: []].append(session) }
    }
    let sharedSessionsByHire = sessionsByHire

    // 5. Plan, render and write, chunk by chunk, hires in parallel.
    let progress = ProgressReporter(
      total: hires.count, label: "planning", enabled: !quiet && Console.stderrIsTerminal)
    let skills = CohortMatrix.skills(of: library.roles, catalog: library.skillsByID)
    // One entry a failed roster row, with every error of its cells.
    var rowErrors: [(line: Int, errors: [String])] = []
    for error in rosterErrors {
      let line = error.location.line ?? 0
      if let last = rowErrors.indices.last, rowErrors[last].line == line {
        rowErrors[last].errors.append(error.description)
      } else {
        rowErrors.append((line, [error.description]))
      }
    }
    var entries: [SummaryEntry] = rowErrors.map {
      let row = rosterFailedRows[$0.line]
      let name = row?.name.trimmingCharacters(in: .whitespaces) ?? ""
      return SummaryEntry(
        hire: name.isEmpty ? "roster line \($0.line)" : "\(name) (roster line \($0.line))",
        email: rosterFailedEmails[$0.line] ?? row.flatMap { $0.email.isEmpty ? nil : $0.email },
        status: "failed", folder: nil, errors: $0.errors, files: [])
    }
    for error in rosterErrors { Console.err(error.description) }
    var index: [HTMLIndex.Entry] = entries.map {
      HTMLIndex.Entry.failed(name: $0.hire, errors: $0.errors)
    }
    var csv = CohortCSV(skills: skills)
    // Every roster row is a row of cohort.csv, a failed one too, so that its count is the
    // roster's (QA14 F10: five of six failed hires were missing from it).
    for (line, _) in rowErrors {
      let row = rosterFailedRows[line]
      csv.append(
        CohortMatrixText.csvRow(
          name: row?.name ?? "", email: rosterFailedEmails[line] ?? row?.email ?? "",
          role: row?.role ?? "", report: nil, skills: skills))
    }
    var counts: [String: [SkillStatus: Int]] = [:]
    var calibration = InterviewerCalibration.Tally()
    var plannedCount = 0
    var keptCount = 0
    var unassigned: [String: Int] = [:]
    var unassignedPlans = 0
    // tasks.csv: the header, then each hire's rows in roster order (the rows of one hire
    // depend only on its tasks, so the workers make them); the people's calendars.
    let outcomeSpool = OutcomeSpool(directory: chunkCount > 1 ? work : nil, bucketCount: chunkCount)
    let ledger = LedgerBox()
    let staff = StaffDirectory(people: library.people)
    for hire in hires where library.member(email: hire.email) != nil {
      // A hire who is also in people.csv runs nobody's sessions while onboarding themselves.
      ledger.ledger.newcomers[hire.key] = hire.requestedStart
    }
    for chunk in 0..<chunkCount {
      let drafts = keptDrafts[chunk]
      keptDrafts[chunk] = [:]
      // A chunk drafted already needs no evidence (a hire with row errors fails without it).
      guard
        let evidence = drafts.isEmpty
          ? readSpool(
            work,
            { () throws(SpoolError) in
              Self.without(earlierAttempts, try spool.evidence(ofChunk: chunk, jobs: jobs))
            }) : [:]
      else { return .failure }
      // Planned in parallel; people named one hire after another, in roster order, against one
      // ledger of the run's bookings (the same for any number of workers), while other workers
      // plan and render; rendered and written in parallel.
      let plan: @Sendable (Hire) -> Stage = { hire in
        prepare(
          hire, folder: folders[hire.key] ?? fileSafeName(hire.key),
          draft: drafts[hire.key], evidence: evidence[hire.key] ?? [],
          errors: rowErrorsByHire[hire.key] ?? [],
          overrides: overridesByHire[hire.key] ?? [],
          notes: unusedRecords[hire.key]?.planNotes(for: hire.key) ?? [],
          keep: keep.contains(hire.key),
          sessions: sharedSessionsByHire[hire.key] ?? [], skills: skills)
      }
      let name: @Sendable (Stage) -> Stage = { stage in
        guard case .planned(let plan, let folder, let keep, let replan) = stage else {
          return stage
        }
        let named = OwnerAssignment.assign(
          plan, staff: staff, ledger: &ledger.ledger, replan: replan)
        return .planned(named, folder: folder, keep: keep, replan: replan)
      }
      let write: @Sendable (Stage) -> Outcome = { stage in
        defer { progress.advance() }
        switch stage {
        case .finished(let outcome): return outcome
        case .planned(let plan, let folder, let keep, let replan):
          return keep
            ? kept(plan, folder: folder, skills: skills)
            : finish(plan, folder: folder, skills: skills, replan: replan)
        }
      }
      let outcomes = OrderedPipeline.run(
        Array(chunkHires(chunk)), workers: jobs, prepare: plan, assign: name, finish: write)
      for outcome in outcomes {
        for warning in outcome.warnings { Console.err(warning) }
        if let line = outcome.consoleLine { Console.out(line) }
        outcomeSpool.add(events: outcome.personEvents, taskRows: outcome.taskRows)
        entries.append(outcome.entry)
        csv.append(outcome.csvRow)
        if !outcome.unassigned.isEmpty { unassignedPlans += 1 }
        unassigned.merge(outcome.unassigned, uniquingKeysWith: +)
        if outcome.entry.status == "ok" { plannedCount += 1 }
        if outcome.entry.status == "kept" { keptCount += 1 }
        if let entry = outcome.index {
          if let report = entry.report { calibration.add(report) }
          for a in entry.report?.assessments ?? [] {
            counts[a.skill.id, default: [:]][a.status, default: 0] += 1
          }
          if hires.count <= largeCohort || !entry.succeeded { index.append(entry) }
        }
        if outcome.entry.status == "failed" {
          for message in outcome.entry.errors { Console.err(message) }
        }
      }
      outcomeSpool.flush()
    }
    progress.finish()
    if let failure = outcomeSpool.failure {
      Console.err("\(work): error: \(failure)")
      return .failure
    }

    // 6. The cohort's files, made on another thread while the first bucket of the people's
    // calendars is (each alone would leave the other core idle); written in the same order.
    let large = hires.count > largeCohort
    let saved = SharedSessionPlanner.trainerMinutesSaved(sessions)
    let evidenceSummary = EvidenceSummary(
      importReport, strangers: spool.strangerRecords, strangerCandidates: spool.strangerCount,
      ofFailedHires: spool.failedHireRecordCount, unjoinedErrors: unjoinedErrors)
    let plannedElsewhere = plannedCount + keptCount
    let cohortData = ResultBox<Result<[OutputFile], any Error>>(count: 1)
    let waiter = DispatchGroup()
    DispatchQueue.global().async(group: waiter) {
      [entries, index, counts, calibration, csv, sessions, unassigned] in
      cohortData.set(
        0,
        Result {
          try cohortFileData(
            entries: entries, index: index, counts: counts, calibration: calibration, csv: csv,
            sessions: sessions, saved: saved, evidence: evidenceSummary,
            plannedElsewhere: plannedElsewhere, large: large, skills: skills,
            unassigned: unassigned)
        })
    }
    // Each person's file name, decided over everyone who can have a calendar (two addresses
    // with one path-safe name, `mia.x@` and `mia-x@`, get one each, told apart by a hash).
    let calendarNames = PersonCalendars.fileNames(
      for: hires.flatMap { [$0.manager.email, $0.buddy.email] } + library.people.map(\.email))
    let firstCalendars = Result { () throws(InputError) -> [OutputFile] in
      try personCalendarFiles(outcomeSpool.events(ofBucket: 0), names: calendarNames)
    }
    waiter.wait()
    let summaryPath = (out as NSString).appendingPathComponent("summary.json")
    if !unselected.isEmpty, FileManager.default.fileExists(atPath: summaryPath) {
      // A selection in the folder of a whole run: its hire folders are written; the run's files
      // still describe the whole roster.
      if !quiet { Console.err(Self.selectionNote(listed: earlier.listed, selected: hires)) }
    } else {
      do {
        // The summary first: when the disk is full it is the one file that says what happened.
        try FileSystem.write(try cohortData.values[0].get(), in: out)
        try outcomeSpool.moveTasks(into: out)
        // calendars/ is written into, never through: a link there (or a file) is replaced by a
        // folder of this run, as a hire folder would be (a linked calendars/ had the people's
        // calendars written, and another file deleted, in the link's target).
        let calendarsPath = (out as NSString).appendingPathComponent("calendars")
        if let type = (try? FileManager.default.attributesOfItem(atPath: calendarsPath))?[.type]
          as? FileAttributeType, type != .typeDirectory
        {
          try? FileManager.default.removeItem(atPath: calendarsPath)
        }
        // One bucket's people at a time (each person's events are all in one bucket).
        var written: Set<String> = []
        for bucket in 0..<outcomeSpool.bucketCount {
          let files =
            bucket == 0
            ? try firstCalendars.get()
            : try personCalendarFiles(
              outcomeSpool.events(ofBucket: bucket), names: calendarNames)
          if let failure = outcomeSpool.failure {
            throw InputError(SourceLocation(file: work), failure)
          }
          try writeInParallel(files, in: out)
          written.formUnion(files.map(\.path))
        }
        // calendars/ describes this run: a person's file an earlier run wrote, of whom this run
        // has no event (a hire no longer on the roster), goes, instead of contradicting
        // summary.json and tasks.csv.
        let stale = Self.staleCalendars(in: out, written: written)
        for name in stale {
          try? FileManager.default.removeItem(
            atPath: ((out as NSString).appendingPathComponent("calendars") as NSString)
              .appendingPathComponent(name))
        }
        if !stale.isEmpty, !quiet {
          Console.err(
            "note: calendars/: removed \(plural(stale.count, "person's calendar", "people's calendars")) "
              + "of an earlier run with no event in this one: "
              + stale.prefix(10).joined(separator: ", ") + (stale.count > 10 ? ", ..." : ""))
        }
        // Hire folders are never removed; those of hires not on this roster are named.
        let others = Self.otherHireFolders(in: out, roster: Set(folders.values))
        if !others.isEmpty, !quiet {
          Console.err(
            "note: \(plural(others.count, "hire folder")) of an earlier run \(others.count == 1 ? "is" : "are") "
              + "not on this roster and \(others.count == 1 ? "was" : "were") left as "
              + "\(others.count == 1 ? "it was" : "they were") (summary.json does not list "
              + "\(others.count == 1 ? "it" : "them")): "
              + others.prefix(10).joined(separator: ", ") + (others.count > 10 ? ", ..." : ""))
        }
      } catch {
        Console.err("\(out): error: cannot write the cohort files: \(error)")
        return .failure
      }
    }
    if let warning = Self.unassignedWarning(unassigned, hires: unassignedPlans) {
      Console.err(warning)
    }
    let failed = entries.filter { $0.status == "failed" }
    if !quiet || !failed.isEmpty {
      var line = "\(plannedCount) of \(entries.count) hires planned in \(out)/"
      if keptCount > 0 { line += "; \(keptCount) kept from an earlier run" }
      if !sessions.isEmpty {
        line +=
          "; \(sessions.count) shared workshop\(sessions.count == 1 ? "" : "s") save \(formatNumber(Double(saved) / 60)) trainer hours"
      }
      if !failed.isEmpty {
        line +=
          "; failed: " + failed.prefix(10).map { $0.email ?? $0.hire }.joined(separator: ", ")
          + (failed.count > 10 ? ", ..." : "")
      }
      if hires.count > 50 { line += String(format: " (%.1f s)", Date().timeIntervalSince(started)) }
      Console.out(singleLine(line))
    }
    return failed.isEmpty ? .success : .failure
  }

  /// summary.json, index.html, cohort.md and cohort.csv (in the order they are written), made
  /// at once when the run has more than one worker: each depends only on the run's tallies
  /// (index.html, with a column per hire, takes the longest; made alone it would leave a core
  /// idle at the end of a run).
  func cohortFileData(
    entries: [SummaryEntry], index: [HTMLIndex.Entry], counts: [String: [SkillStatus: Int]],
    calibration: InterviewerCalibration.Tally, csv: CohortCSV, sessions: [SharedSession],
    saved: Int, evidence: EvidenceSummary, plannedElsewhere: Int, large: Bool, skills: [Skill],
    unassigned: [String: Int] = [:]
  ) throws -> [OutputFile] {
    let countRows = skills.map { (skill: $0, counts: counts[$0.id] ?? [:]) }
    let files = ResultBox<Result<OutputFile, any Error>>(count: 4)
    let make: @Sendable (Int) -> Void = { part in
      files.set(
        part,
        Result { () throws -> OutputFile in
          switch part {
          case 0:
            var summary = Summary(
              hires: entries, sharedSessions: sessions.map(SharedSessionSummary.init),
              trainerHoursSaved: Double(saved) / 60)
            summary.evidence = evidence
            summary.unassigned = unassigned.isEmpty ? nil : unassigned
            return OutputFile(path: "summary.json", data: try summary.encoded())
          case 1:
            let indexHTML =
              large
              ? HTMLIndex.render(
                entries: index, counts: countRows, plannedElsewhere: plannedElsewhere,
                calibration: calibration.calibration())
              : HTMLIndex.render(entries: index, calibration: calibration.calibration())
            return OutputFile(path: "index.html", data: Data(visibleDocument(indexHTML).utf8))
          case 2:
            let text: String
            if large {
              text = CohortMatrixText.countsMarkdown(countRows)
            } else {
              let matrix = CohortMatrix(
                columns: index.compactMap { entry in
                  entry.report.map {
                    CohortMatrix.Column(name: entry.name, email: entry.email ?? "", report: $0)
                  }
                })
              text = CohortMatrixText.markdown(matrix)
            }
            return OutputFile(path: "cohort.md", data: Data(visibleDocument(text).utf8))
          default:
            // With a UTF-8 byte-order mark, as the interview scorecards: a spreadsheet opened
            // by double-click reads the file as UTF-8, so Zoë is not `ZoÃ«`.
            return OutputFile(
              path: "cohort.csv", data: Data(("\u{FEFF}" + visibleDocument(csv.text)).utf8))
          }
        })
    }
    // `--jobs 1` keeps to one thread here too.
    if jobs > 1 {
      DispatchQueue.concurrentPerform(iterations: 4, execute: make)
    } else {
      for part in 0..<4 { make(part) }
    }
    return try files.values.map { try $0.get() }
  }

  /// What a spool read gives, or nil once it has printed why the spool cannot be read (the run
  /// then stops: planning on would leave evidence or demands out in silence).
  func readSpool<T>(_ work: String, _ read: () throws(SpoolError) -> T) -> T? {
    do {
      return try read()
    } catch {
      Console.err("\(work): error: \(error)")
      return nil
    }
  }

  /// The files written once per run, kept like hire folders without --force.
  static let cohortFileNames = [
    "summary.json", "index.html", "cohort.md", "cohort.csv", "tasks.csv", "calendars",
  ]

  func chunkHires(_ chunk: Int) -> ArraySlice<Hire> {
    hires[(chunk * chunkSize)..<min(hires.count, (chunk + 1) * chunkSize)]
  }

  /// One hire: skipped (kept from an earlier run), failed, or planned (named and written later).
  /// With the hire's `draft` from the grouping pass (its evidence not needed then), planned from
  /// it: the same plan, or the same error, as from the evidence.
  /// A chunk's evidence without the results an attempts decision left out.
  static func without(_ origins: Set<SourceLocation>, _ evidence: [String: [Evidence]])
    -> [String: [Evidence]]
  {
    guard !origins.isEmpty else { return evidence }
    return evidence.mapValues { items in items.filter { !origins.contains($0.origin) } }
  }

  func prepare(
    _ hire: Hire, folder: String, draft: Result<Onboarding.PlanDraft, InputError>? = nil,
    evidence: [Evidence], errors: [InputError],
    overrides: [PlanOverride], notes: [String], keep: Bool,
    sessions: [SharedSession], skills: [Skill]
  ) -> Stage {
    if !errors.isEmpty { return .finished(failure(hire, errors.map(\.description), skills)) }
    do throws(InputError) {
      var replan: Replan? = nil
      let path = ((out as NSString).appendingPathComponent(folder) as NSString)
        .appendingPathComponent("plan.json")
      if keep, FileManager.default.fileExists(atPath: path),
        let file = try? FileSystem.read(path), let from = Replan.replannedFrom(file)
      {
        // A kept folder that an earlier run re-planned (`--hire … --replan-from`, then
        // `--resume`): the run's calendars/, tasks.csv and cohort files follow that re-plan,
        // made again from the folder's plan.json, not a fresh plan (QA13 F5: the trainer's
        // calendar had a session two days before the hire's, under the same UID).
        replan = try? Replan.reading(file, from: from)
      }
      if let replanFrom, !keep {
        if FileManager.default.fileExists(atPath: path) {
          var earlier = try Replan.reading(try FileSystem.read(path), from: replanFrom)
          // A folder moved by hand: another hire's plan is not this hire's history.
          if let email = earlier.hireEmail, email.lowercased() != hire.key {
            throw InputError(
              SourceLocation(file: path),
              "is the plan of \(email), not of \(hire.email); expected this hire's own earlier "
                + "plan (put the folders back as the earlier run wrote them, or plan this hire "
                + "without --replan-from)"
            )
          }
          // The emails sent before the re-plan date, kept byte for byte.
          let base = (out as NSString).appendingPathComponent(folder) as NSString
          earlier.sent = earlier.emailsSent.map { summary in
            SentEmail(
              summary: summary,
              data: FileManager.default.contents(
                atPath: base.appendingPathComponent(summary.file)))
          }
          replan = earlier
        }
      }
      var plan: OnboardingPlan
      if let draft {
        plan = try Onboarding.plan(
          try draft.get(), library: library, sharedSessions: sessions, importNotes: notes,
          replan: replan)
      } else {
        plan = try Onboarding.plan(
          hire: hire, library: library, evidence: evidence, overrides: overrides,
          sharedSessions: sessions, importNotes: notes, replan: replan)
      }
      if let replanFrom, replan == nil, !keep {
        // Nothing to re-plan from: a first plan, said so (its emails are not "already sent").
        let text =
          "no earlier plan.json for \(hire.email) in \(folder)/: planned from scratch, not "
          + "re-planned from \(replanFrom.shortText)"
        plan.notes.append(text.prefix(1).uppercased() + text.dropFirst() + ".")
        plan.planWarnings.append(
          Diagnostic(
            .note, SourceLocation(file: (out as NSString).appendingPathComponent(folder)), text))
      }
      return .planned(plan, folder: folder, keep: keep, replan: replan)
    } catch {
      return .finished(failure(hire, error.all.map(\.description), skills))
    }
  }

  /// A hire kept from an earlier run: not written again, but planned and named like the others,
  /// so that the people's calendars, tasks.csv and the later hires' bookings are those of a full run.
  func kept(_ plan: OnboardingPlan, folder: String, skills: [Skill]) -> Outcome {
    let hire = plan.hire
    let report = plan.report
    // The files the folder holds from the earlier run, as a planned hire's are listed.
    let path = (out as NSString).appendingPathComponent(folder)
    let files =
      hires.count > largeCohort
      ? []
      : (FileManager.default.subpaths(atPath: path) ?? []).filter { name in
        var isFolder: ObjCBool = false
        let whole = (path as NSString).appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: whole, isDirectory: &isFolder)
          && !isFolder.boolValue
      }.sorted { (Self.fileRank($0), $0) < (Self.fileRank($1), $1) }
    return Outcome(
      entry: SummaryEntry(
        hire: hire.fullName, email: hire.email, status: "kept", folder: folder, errors: [],
        files: files, notes: Self.noteCount(ofPlanIn: path) ?? plan.notes.count),
      index: HTMLIndex.Entry(
        name: hire.fullName, email: hire.email, role: report.role, start: plan.start,
        folder: folder, report: report.withoutEvidence),
      csvRow: CohortMatrixText.csvRow(
        name: hire.fullName, email: hire.email, role: report.role, report: report,
        skills: skills),
      planned: false,
      personEvents: PersonCalendars.events(
        of: plan, people: library.people, settings: library.settings, stamp: stamp),
      taskRows: TaskCSV.visibleRows(OnboardingTask.tasks(of: plan)),
      unassigned: Self.unassigned(plan))
  }

  /// How many notes the plan.json in a hire folder has (the folder's plan, which rendering gave
  /// notes the plan before it lacks), or nil when it cannot be read.
  static func noteCount(ofPlanIn folder: String) -> Int? {
    guard
      let data = FileManager.default.contents(
        atPath: (folder as NSString).appendingPathComponent("plan.json")),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let notes = object["notes"] as? [Any]
    else { return nil }
    return notes.count
  }

  /// A hire folder's files in the order a planned hire's are listed: the plan's pages and
  /// calendar, then the rest (emails) by name.
  static func fileRank(_ name: String) -> Int {
    ["plan.md", "plan.html", "plan.json", "sessions.ics"].firstIndex(of: name) ?? 4
  }

  func failure(_ hire: Hire, _ messages: [String], _ skills: [Skill]) -> Outcome {
    Outcome(
      entry: .failed(hire, messages), index: .failed(hire, errors: messages),
      csvRow: CohortMatrixText.csvRow(
        name: hire.fullName, email: hire.email, role: hire.role, report: nil, skills: skills),
      planned: false)
  }

  /// A planned hire with its people named: rendered and written.
  func finish(_ plan: OnboardingPlan, folder: String, skills: [Skill], replan: Replan? = nil)
    -> Outcome
  {
    let hire = plan.hire
    var plan = plan
    keepTicks(of: &plan, in: (out as NSString).appendingPathComponent(folder))
    do {
      let output = try Onboarding.render(
        plan, folder: folder, library: library, templates: templates, stamp: stamp,
        replan: replan)
      try HireFolder.write(
        output.files, folder: folder, in: out, replace: force || plan.replannedFrom != nil)
      let consoleLine =
        !quiet && hires.count <= 50
        ? PlanCommand.line(for: output, directory: (out as NSString).appendingPathComponent(folder))
        : nil
      var entry = HTMLIndex.Entry(output: output)
      entry.report = output.plan.report.withoutEvidence
      return Outcome(
        entry: SummaryEntry(
          hire: hire.fullName, email: hire.email, status: "ok", folder: folder, errors: [],
          files: hires.count <= largeCohort ? output.files.map(\.path) : [],
          notes: output.plan.notes.count),
        index: entry,
        csvRow: CohortMatrixText.csvRow(
          name: hire.fullName, email: hire.email, role: output.plan.role.title,
          report: output.plan.report, skills: skills),
        planned: true,
        personEvents: PersonCalendars.events(
          of: output.plan, people: library.people, settings: library.settings, stamp: stamp,
          itemEvents: output.itemEvents),
        taskRows: TaskCSV.visibleRows(output.tasks), consoleLine: consoleLine,
        warnings: output.plan.planWarnings.map(\.description),
        unassigned: Self.unassigned(output.plan))
    } catch {
      return failure(hire, [error.description], skills)
    }
  }

  /// The `.ics` files in `out/calendars/` that are not among `written` (paths `calendars/x.ics`),
  /// sorted.
  static func staleCalendars(in out: String, written: Set<String>) -> [String] {
    let folder = (out as NSString).appendingPathComponent("calendars")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".ics") && !written.contains("calendars/\($0)") }.sorted()
  }

  /// The tasks ticked in the plan.md the folder holds (a manager's record of what is done): kept
  /// ticked in the new plan.md, and those no longer in the plan named in a note, instead of
  /// being overwritten in silence (QA11 #2).
  func keepTicks(of plan: inout OnboardingPlan, in folder: String) {
    let path = (folder as NSString).appendingPathComponent("plan.md")
    guard let data = FileManager.default.contents(atPath: path),
      let ticked = try? TaskProgress.doneIDs(SourceFile(path: path, data: data)), !ticked.isEmpty
    else { return }
    let ids = Set(OnboardingTask.tasks(of: plan).map(\.id))
    plan.doneTaskIDs = ticked.intersection(ids)
    let gone = ticked.subtracting(ids).filter { $0.hasPrefix("onb-") }.sorted()
    guard !gone.isEmpty else { return }
    let text =
      "\(plural(gone.count, "task")) ticked in the earlier plan.md \(gone.count == 1 ? "is" : "are") "
      + "no longer in the plan: " + gone.prefix(5).joined(separator: ", ")
      + (gone.count > 5 ? ", ..." : "")
    plan.notes.append(text.prefix(1).uppercased() + text.dropFirst() + ".")
    plan.planWarnings.append(Diagnostic(.note, SourceLocation(file: path), text))
  }

  /// The note of a `--hire` run into the folder of an earlier run, whose run-wide files it leaves
  /// as they are: what they list (`listed`, the hires in summary.json), and which of the
  /// `selected` hires they miss (the earlier run was itself a `--hire` run, or a smaller roster).
  static func selectionNote(listed: Set<String>?, selected: [Hire]) -> String {
    let files = "summary.json, index.html, cohort.md, cohort.csv, tasks.csv and calendars/"
    let advice =
      "plan the whole roster (--resume keeps the plans written already) to bring them up to date"
    guard let listed else {
      return "note: --hire: \(files) are left as the earlier run wrote them; \(advice)"
    }
    let missing = selected.filter { !listed.contains($0.key) }.map(\.email)
    var text =
      "note: --hire: \(files) are left as the earlier run wrote them: they list "
      + plural(listed.count, "hire")
    if !missing.isEmpty {
      text +=
        "; \(missing.prefix(5).joined(separator: ", "))\(missing.count > 5 ? ", ..." : "") "
        + (missing.count == 1 ? "is" : "are") + " not among them"
    }
    return text + "; \(advice)"
  }

  /// Whether `path` is a hire folder a run wrote: a folder (not a link) with a plan.json.
  static func isHireFolder(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return attributes?[.type] as? FileAttributeType == .typeDirectory
      && FileManager.default.fileExists(
        atPath: (path as NSString).appendingPathComponent("plan.json"), isDirectory: &isFolder)
      && !isFolder.boolValue
  }

  /// The error for an existing --out that is neither empty nor an earlier run's folder (no
  /// summary.json, and no hire folder with a plan.json), or nil.
  static func foreignOutput(_ out: String) -> String? {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [])
      .filter {
        !$0.hasPrefix(".onboard-") && !$0.hasPrefix(HireFolder.foundationTemporaryPrefix)
          && $0 != ".DS_Store"
      }
    guard !names.isEmpty, !names.contains("summary.json"),
      !names.contains(where: { isHireFolder((out as NSString).appendingPathComponent($0)) })
    else { return nil }
    return "\(out): error: the folder is not empty and holds no earlier run of onboard (no "
      + "summary.json, no hire folder), for example \(names.sorted().prefix(3).map { "`\($0)`" }.joined(separator: ", ")); "
      + "give a new or empty folder as --out"
  }

  /// The folders in `out` that hold a `plan.json` and are not among `roster` (the folders of
  /// this run's hires), sorted.
  static func otherHireFolders(in out: String, roster: Set<String>) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
    return names.filter { name in
      !roster.contains(name) && !name.hasPrefix(".")
        && FileManager.default.fileExists(
          atPath: ((out as NSString).appendingPathComponent(name) as NSString)
            .appendingPathComponent("plan.json"))
    }.sorted()
  }

  /// calendars/<person>.ics, the people rendered in parallel: the same files, in the same order,
  /// as `PersonCalendars.files` of all the events (one person's file depends only on their events).
  func personCalendarFiles(_ events: [PersonEvent], names: [String: String]) throws(InputError)
    -> [OutputFile]
  {
    var grouped: [String: [PersonEvent]] = [:]
    for event in events { grouped[event.personKey, default: []].append(event) }
    let byPerson = grouped
    let files = parallelMap(byPerson.keys.sorted()) { key -> Result<[OutputFile], InputError> in
      do throws(InputError) {
        return .success(try PersonCalendars.files(byPerson[key] ?? [], names: names))
      } catch {
        return .failure(error)
      }
    }
    var result: [OutputFile] = []
    for file in files { result += try file.get() }
    return result
  }

  /// `FileSystem.write` of files that do not depend on each other (the people's calendars), by
  /// the workers at once (written one by one, they kept a core idle at the end of a run); the
  /// first failure in the files' order is thrown, after every other file has been tried.
  func writeInParallel(_ files: [OutputFile], in directory: String) throws(InputError) {
    let failures = parallelMap(files) { file -> InputError? in
      do throws(InputError) {
        try FileSystem.write([file], in: directory)
        return nil
      } catch {
        return error
      }
    }
    if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
  }

  /// Maps in parallel over `jobs` workers; results keep the input order. Workers take the next
  /// item as they finish one (not a fixed share), so a worker slowed by other load on the machine
  /// does not keep the others waiting at the end.
  func parallelMap<S: Sendable, T: Sendable>(
    _ items: some Collection<S>, _ transform: @Sendable (S) -> T
  ) -> [T] {
    let list = Array(items)
    guard jobs > 1, list.count > 1 else { return list.map(transform) }
    let results = ResultBox<T>(count: list.count)
    let workers = min(jobs, list.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let index = results.claim() {
        results.set(index, transform(list[index]))
      }
    }
    return results.values
  }
}

/// The run's `StaffLedger`, changed only by `OrderedPipeline`'s `assign` stage (one hire at a
/// time, in roster order: the pipeline's lock orders the calls).
final class LedgerBox: @unchecked Sendable {
  var ledger = StaffLedger()
}

/// Results written by parallel workers, each to its own slot.
final class ResultBox<T>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()

  private var next = 0

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// The next slot nobody has claimed yet (nil when all are).
  func claim() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    next += 1
    return next - 1
  }

  func set(_ index: Int, _ value: T) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  /// Every slot is set before the workers join (each index is claimed once and set before its
  /// worker asks for another); a hole would be a bug here, so it stops the run instead of leaving
  /// a hire out of the outputs in silence.
  var values: [T] {
    slots.enumerated().map { index, value in
      guard let value else { preconditionFailure("parallel map: item \(index) has no result") }
      return value
    }
  }
}

/// cohort.csv, one row per hire, built as hires finish.
struct CohortCSV {
  private(set) var text: String

  init(skills: [Skill]) {
    text = CohortMatrixText.csvRecord(CohortMatrixText.csvHeader(skills: skills))
  }

  mutating func append(_ row: [String]) { text += CohortMatrixText.csvRecord(row) }
}
