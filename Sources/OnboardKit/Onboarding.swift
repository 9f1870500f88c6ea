import Foundation
import OnboardICS

/// A file the pipeline produced, relative to the hire's output folder.
public struct OutputFile: Sendable, Hashable {
  public var path: String
  public var data: Data

  public init(path: String, data: Data) {
    self.path = path
    self.data = data
  }

  /// The folder of a path, as `NSString.deletingLastPathComponent` gives it ("a/b/c.md" → "a/b",
  /// "c.md" → "", "/c.md" → "/", "a//b/" → "a"), without Foundation: its version traps on a
  /// one-character name ("o", "o/", "é": `--out o` crashed), and costs more than writing the
  /// file. A plain path (a slash past the start, none doubled, none at the end) is cut at its
  /// last slash; another is taken apart into its names. "//" gives "/" (Foundation: "").
  public static func folder(of path: String) -> String {
    var path = path
    let cut = path.withUTF8 { bytes -> Int? in
      let slash = UInt8(ascii: "/")
      guard let last = bytes.lastIndex(of: slash), last > 0, last < bytes.count - 1 else {
        return nil
      }
      for index in 1..<bytes.count where bytes[index] == slash && bytes[index - 1] == slash {
        return nil
      }
      return last
    }
    guard let cut else {
      let names = path.split(separator: "/", omittingEmptySubsequences: true)
      let root = path.hasPrefix("/") ? "/" : ""
      return root + names.dropLast().joined(separator: "/")
    }
    return String(decoding: path.utf8.prefix(cut), as: UTF8.self)
  }
}

/// Everything produced for one hire.
public struct HireOutput: Sendable {
  public var hire: Hire
  public var plan: OnboardingPlan
  /// The hire's folder name (path-safe, unique in the roster).
  public var folder: String
  public var files: [OutputFile]
  public var emails: [EmailSummary]
  public var notes: [String]
  /// The plan's tasks (plan.md's task list; a run's tasks.csv), made once.
  public var tasks: [OnboardingTask] = []
  /// The sessions.ics event of each of `plan.items`, by position (nil before day 1), for
  /// `PersonCalendars.events(of:people:settings:stamp:itemEvents:)`.
  public var itemEvents: [ICSEvent?] = []
}

/// The whole pipeline for one hire: analyse → plan → render. Pure: values in, files as values out.
public enum Onboarding {
  /// Builds the gap report of a hire (or an error when the roster names an unknown role).
  public static func report(
    for hire: Hire, library: PlanLibrary, evidence: [Evidence]
  ) throws(InputError) -> (RoleProfile, GapReport) {
    guard let role = library.role(named: hire.role) else {
      throw unknownRoleError(
        hire.role, of: hire.email, at: hire.roleOrigin ?? hire.origin, library: library)
    }
    let report = GapAnalysis.analyze(
      hireKey: hire.key, role: role, skills: library.skillsByID, evidence: evidence,
      settings: library.settings.analysis)
    return (role, report)
  }

  /// The error of a roster role that roles.csv does not have, with the closest one (also for a
  /// roster row that failed on other cells, so that one run names all its mistakes).
  public static func unknownRoleError(
    _ title: String, of email: String, at location: SourceLocation, library: PlanLibrary
  ) -> InputError {
    let typed = title.lowercased()
    let closest = library.roles.map(\.title).min {
      (editDistance(typed, $0.lowercased()), $0) < (editDistance(typed, $1.lowercased()), $1)
    }
    let suggestion =
      closest.flatMap {
        editDistance(typed, $0.lowercased()) <= max(2, typed.count / 4)
          ? " Did you mean `\($0)`?" : nil
      } ?? ""
    return InputError(
      location,
      "column `role`: role `\(title)` of \(email.isEmpty ? "this row" : email) is not in "
        + "Plans/roles.csv; known roles: "
        + library.roles.map { "`\($0.title)`" }.joined(separator: ", ") + "." + suggestion)
  }

  /// Plans a hire and renders plan.md, plan.json, sessions.ics and the emails (one hire alone:
  /// its people are booked against nobody else's plans; a run uses `plan`, `OwnerAssignment` with
  /// one ledger for all its hires, then `render`).
  ///
  /// `stamp` is the day the plan is made (the `--today` of the command line): it dates the
  /// calendar's DTSTAMP, so that the same inputs and the same day give the same bytes.
  /// `importNotes` (the hire's evidence records the import did not use) join the plan's notes.
  public static func process(
    hire rosterHire: Hire, folder: String, library: PlanLibrary, templates: [EmailTemplate],
    evidence: [Evidence], overrides: [PlanOverride] = [], sharedSessions: [SharedSession] = [],
    importNotes: [String] = [], stamp: CalendarDate, replan: Replan? = nil
  ) throws(InputError) -> HireOutput {
    var ledger = StaffLedger()
    let plan = OwnerAssignment.assign(
      try self.plan(
        hire: rosterHire, library: library, evidence: evidence, overrides: overrides,
        sharedSessions: sharedSessions, importNotes: importNotes, replan: replan),
      people: library.people, ledger: &ledger, replan: replan)
    return try render(
      plan, folder: folder, library: library, templates: templates, stamp: stamp, replan: replan)
  }

  /// Plans a hire (before its people are named): the planner's plan, the import's and the
  /// location's notes added; an override that matches nothing is an error.
  public static func plan(
    hire rosterHire: Hire, library: PlanLibrary, evidence: [Evidence],
    overrides: [PlanOverride] = [], sharedSessions: [SharedSession] = [],
    importNotes: [String] = [], replan: Replan? = nil
  ) throws(InputError) -> OnboardingPlan {
    var input = try planningInput(
      hire: rosterHire, library: library, evidence: evidence, overrides: overrides)
    input.replan = replan
    input.sharedSessions = sharedSessions.filter { $0.members.contains(rosterHire.key) }
    return try finish(
      Planner.plan(input), hire: input.hire, library: library, importNotes: importNotes,
      overrides: input.overrides)
  }

  /// A hire's planning input and lone plan, made once by a run's grouping pass (`draft`) and
  /// used again to plan the hire (`plan(_:library:sharedSessions:importNotes:replan:)`): the gap
  /// report is built once, and a hire no shared session or re-plan changes is not placed again.
  public struct PlanDraft: Sendable {
    let hireKey: String
    let lone: LonePlan
    /// The hire's workshop needs (`workshopDemands`).
    public var demands: [WorkshopDemand] { lone.demands }
  }

  /// The draft of a hire's plan: `workshopDemands` of the same arguments, kept for planning.
  public static func draft(
    hire: Hire, library: PlanLibrary, evidence: [Evidence], overrides: [PlanOverride] = []
  ) throws(InputError) -> PlanDraft {
    PlanDraft(
      hireKey: hire.key,
      lone: Planner.lonePlan(
        try planningInput(hire: hire, library: library, evidence: evidence, overrides: overrides),
        catalog: library.catalogByID))
  }

  /// `plan(hire:library:evidence:overrides:sharedSessions:importNotes:replan:)` of the draft's
  /// arguments: the same plan, or the same error.
  public static func plan(
    _ draft: PlanDraft, library: PlanLibrary, sharedSessions: [SharedSession] = [],
    importNotes: [String] = [], replan: Replan? = nil
  ) throws(InputError) -> OnboardingPlan {
    let sessions = sharedSessions.filter { $0.members.contains(draft.hireKey) }
    return try finish(
      Planner.plan(draft.lone, sharedSessions: sessions, replan: replan),
      hire: draft.lone.beforeTraining.input.hire, library: library, importNotes: importNotes,
      overrides: draft.lone.beforeTraining.input.overrides)
  }

  /// The planner's plan with the import's and the location's notes; an override that matches
  /// nothing is an error.
  private static func finish(
    _ planned: OnboardingPlan, hire: Hire, library: PlanLibrary, importNotes: [String],
    overrides: [PlanOverride]
  ) throws(InputError) -> OnboardingPlan {
    var plan = planned
    plan.notes += importNotes
    // An override of a session this re-plan removed no longer applies: a warning, not the
    // hire's failure (QA13 F14: every re-plan that dropped a session the manager had moved
    // failed, with an error pointing at plan.json ids the item still had).
    let removed = Set(plan.cancelled.map(\.id))
    var stale: [PlanOverride] = []
    for override in plan.unappliedOverrides {
      let target: String?
      switch override.action {
      case .skip(let id), .move(let id, _, _): target = id
      default: target = nil
      }
      // A skip of a session the re-plan no longer plans at all has its way already.
      let skipsWhatIsGone: Bool
      if case .skip = override.action { skipsWhatIsGone = true } else { skipsWhatIsGone = false }
      if let target, plan.replannedFrom != nil, removed.contains(target) || skipsWhatIsGone {
        plan.planWarnings.append(
          Diagnostic(
            .warning, override.origin,
            "\(override.action) of \(hire.email) no longer applies: this re-plan "
              + (removed.contains(target)
                ? "removed `\(target)` (plan.md says why under what changed)"
                : "does not plan `\(target)`")
              + "; remove the row",
            hireKey: hire.key))
        plan.notes.append(
          "The override \(override.action) (\(override.origin)) no longer applies: this re-plan "
            + (removed.contains(target) ? "removed the session." : "does not plan it."))
      } else {
        stale.append(override)
      }
    }
    plan.unappliedOverrides = stale
    if !plan.unappliedOverrides.isEmpty {
      let errors = plan.unappliedOverrides.map {
        staleOverrideError($0, plan: plan, overrides: overrides)
      }
      var error = errors[0]
      error.others = Array(errors.dropFirst())
      throw error
    }
    if let (interviewer, skills, count) = plan.report.oneInterviewersConflicts {
      // Said before the buddy spends hours on skill checks that one scorecard caused.
      let text =
        "\(interviewer)'s ratings are one side of \(skills.count) of the \(count) conflicting "
        + "skills (\(skills.prefix(4).joined(separator: ", "))\(skills.count > 4 ? ", ..." : "")), "
        + "so the plan's skill checks for them follow from that one scorecard: check it (is it "
        + "this hire's? `onboard analyze --calibration` compares the interviewers) before they "
        + "are held"
      plan.notes.append(text + ".")
      plan.planWarnings.append(Diagnostic(.warning, hire.origin, text, hireKey: hire.key))
    }
    if let warning = library.locationWarning(for: hire) {
      plan.notes.append(warning)
      if let near = library.nearLocation(to: hire.location) {
        // A near miss of a known location is said where it was written, not only in the plan:
        // the hire's holidays, and those of the people chosen for them, hang on it.
        plan.planWarnings.append(
          Diagnostic(
            .warning, hire.locationOrigin ?? hire.origin,
            "column `location`: found `\(hire.location)`, which has no holidays in holidays.csv "
              + "(did you mean `\(near)`?); the plan schedules through that location's holidays",
            hireKey: hire.key))
      }
    }
    // The roster's hours and the company's day: a longer day than the company's is cut, and a
    // full-time hire with a part-time week is probably a typo; both are said, at the row.
    let settings = library.settings
    let companyDay = settings.dayEnd.minutes - settings.dayStart.minutes - settings.lunchMinutes
    if let hours = plan.hire.hoursPerDay, Int((hours * 60).rounded()) > companyDay {
      plan.planWarnings.append(
        Diagnostic(
          .warning, hire.origin,
          "\(hire.email): hours_per_day \(formatNumber(hours)) is longer than the working day "
            + "(\(formatNumber(Double(companyDay) / 60)) h, \(settings.dayStart)–\(settings.dayEnd)); "
            + "the plan uses \(plan.calendar.dayStart)–\(plan.calendar.dayEnd)"))
    }
    if plan.hire.employment == .fullTime,
      plan.calendar.workDays.count < 4 || (plan.hire.hoursPerDay ?? 8) < 6
    {
      plan.planWarnings.append(
        Diagnostic(
          .warning, hire.origin,
          "\(hire.email): employment is full-time, but the row gives "
            + "\(plural(plan.calendar.workDays.count, "working day")) a week"
            + (plan.hire.hoursPerDay.map { " of \(formatNumber($0)) h" } ?? "")
            + "; check employment, work_days and hours_per_day"))
    }
    // The roster's manager and buddy against people.csv: one address, two names is a slip in
    // one of them ("To: Maricel Santos <jun.reyes@…>" went out in silence).
    for (role, person) in [("manager", plan.hire.manager), ("buddy", plan.hire.buddy)] {
      guard let member = library.member(email: person.email),
        Self.nameWords(member.name) != Self.nameWords(person.name)
      else { continue }
      plan.planWarnings.append(
        Diagnostic(
          .warning, hire.origin,
          "\(hire.email): the roster's \(role) is \(person.name) <\(person.email)>, but people.csv "
            + "names that address \(member.name) (\(member.origin)); the emails use the roster's "
            + "name, the hours and time zone are people.csv's: check the \(role) columns"))
    }
    // A hire who is also in people.csv (an internal move, a trainer who starts now) can be
    // booked to run others' sessions in their own first weeks.
    if let member = library.member(email: hire.email) {
      plan.planWarnings.append(
        Diagnostic(
          .warning, hire.origin,
          "\(hire.email) is a new hire and also in people.csv (\(member.origin), "
            + member.roles.map(\.rawValue).sorted().joined(separator: ", ")
            + "): they run none of their own onboarding, and no other hire's sessions before "
            + "\(hire.requestedStart.adding(days: 98).shortText), 14 weeks after their start; "
            + "the others of people.csv do"))
    }
    if plan.hire.manager.email.lowercased() == plan.hire.buddy.email.lowercased() {
      // One person in both roles: the buddy is meant to be someone to ask without the manager.
      plan.planWarnings.append(
        Diagnostic(
          .warning, hire.origin,
          "\(hire.email): the manager and the buddy are the same person "
            + "(\(plan.hire.manager.email)); the buddy's sessions and the manager's 1:1s both go to "
            + "them. Name another buddy (the roster's buddy columns or a `buddy` override)"))
    }
    return plan
  }

  /// A name as a set of words, without case, accents or punctuation: "Bergström, Ingrid" and
  /// "ingrid bergstrom" are one name.
  static func nameWords(_ name: String) -> Set<String> {
    Set(
      name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        .split { !$0.isLetter && !$0.isNumber }.map(String.init))
  }

  /// Why an override matched nothing: the item is skipped by another line, or its id is not in
  /// the plan (with the closest id of the plan when one is near).
  static func staleOverrideError(
    _ stale: PlanOverride, plan: OnboardingPlan, overrides: [PlanOverride]
  ) -> InputError {
    let hire = plan.hire
    var target: String? = nil
    switch stale.action {
    case .skip(let id), .move(let id, _, _): target = id
    default: break
    }
    let skip = overrides.first {
      guard case .skip(let skipped) = $0.action else { return false }
      return skipped == target && $0.origin != stale.origin
    }
    if let target, let skip {
      return InputError(
        stale.origin,
        "this override of \(hire.email) (\(stale.action)) names `\(target)`, which line "
          + "\(skip.origin.line.map(String.init) ?? "?") of this file skips; expected one of the two"
      )
    }
    var suggestion = ""
    if let target, let hash = target.lastIndex(of: "#") {
      // A recurring item's number past its last: say how many there are, not a near number.
      let base = String(target[...hash])
      let numbers = plan.items.compactMap { item -> Int? in
        item.id.hasPrefix(base) ? Int(item.id.dropFirst(base.count)) : nil
      }
      if let last = numbers.max() {
        suggestion = " The plan has `\(base)1` to `\(base)\(last)`."
      }
    }
    if suggestion.isEmpty, let target {
      let ids = Set(plan.items.map(\.id) + plan.items.compactMap(\.topicID))
      let best = ids.min {
        (editDistance(target, $0), $0) < (editDistance(target, $1), $1)
      }
      if let best, editDistance(target, best) <= max(3, target.count / 4) {
        suggestion = " Did you mean `\(best)`?"
      }
    }
    return InputError(
      stale.origin,
      "this override of \(hire.email) matches nothing in the plan (\(stale.action)); "
        + "expected the id of an item or topic of this hire's plan (see the `id` fields of "
        + "plan.json).\(suggestion)")
  }

  /// Renders a planned hire: plan.md, plan.html, plan.json, sessions.ics and the emails.
  ///
  /// With `replan` (and its `sent` emails read from the folder), the emails sent before the
  /// re-plan date are kept as they were and the rest follow `EmailSchedule.afterReplan`.
  public static func render(
    _ planned: OnboardingPlan, folder: String, library: PlanLibrary, templates: [EmailTemplate],
    stamp: CalendarDate, replan: Replan? = nil
  ) throws(InputError) -> HireOutput {
    var plan = planned
    let hire = plan.hire
    let settings = library.settings
    var (events, emailNotes) = EmailSchedule.events(
      for: plan, templates: templates.map(\.file), defaultTime: settings.defaultSendTime)
    var replanEmails: ReplanEmails? = nil
    if let replan {
      let reconciled = EmailSchedule.afterReplan(
        events, sent: replan.sent, from: replan.from, plan: plan,
        templateIDs: templates.map(\.id), defaultTime: settings.defaultSendTime)
      events = reconciled.events
      emailNotes += reconciled.notes
      for email in replan.sent where email.data == nil {
        emailNotes.append(
          "\(email.summary.file), sent on \(email.summary.date.longText), is no longer in the "
            + "folder; it is listed as sent and not written again.")
      }
      replanEmails = reconciled
    }
    // What the schedule of emails could not do, and emails already due, go into the plan's notes.
    plan.notes += emailNotes
    // A first plan made late: items already due when it is made are said to be so.
    let pastItems = plan.replannedFrom == nil ? plan.items.filter { $0.date < stamp } : []
    if !pastItems.isEmpty {
      plan.notes.append(
        "\(plural(pastItems.count, "item was", "items were")) due before today, \(stamp.longText): "
          + listText(pastItems.prefix(3).map { "\($0.title) (\($0.date.shortText))" })
          + (pastItems.count > 3 ? " and \(pastItems.count - 3) more" : "")
          + "; do \(pastItems.count == 1 ? "it" : "them") now, or tick \(pastItems.count == 1 ? "it" : "them") off if done."
      )
    }
    let overdue = events.filter { $0.date < stamp }
    if !overdue.isEmpty {
      let names = Array(Set(overdue.map(\.templateID))).sorted().joined(separator: ", ")
      plan.notes.append(
        "\(overdue.count) email\(overdue.count == 1 ? " was" : "s were") due before \(stamp.longText) "
          + "(\(names)); \(overdue.count == 1 ? "it is" : "they are") dated on the due day: send now."
      )
    }
    let byID = Dictionary(templates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var files: [OutputFile] = []
    var summaries: [EmailSummary] = []
    // The interviewers' comparison once, for the emails, plan.md and plan.html.
    let comparisons = InterviewerComparison.compare(
      plan.report, threshold: settings.analysis.assessorConflictLevels)
    let baseContext = EmailContext.base(
      plan: plan, settings: settings, templates: templates.map(\.file), events: events,
      comparisons: comparisons, people: library.people)
    // The items' events once, for sessions.ics, the invitations and the people's calendars.
    let itemEvents = CalendarFile.itemEvents(plan, settings: settings, stamp: stamp)
    if let replan {
      // The emails sent before the re-plan date, byte for byte under their numbers.
      for email in replan.sent {
        if let data = email.data { files.append(OutputFile(path: email.summary.file, data: data)) }
        summaries.append(email.summary)
      }
    }
    // The emails to send, in send order: the schedule's, and a re-plan's cancellations (on the
    // re-plan date), numbered after the emails already sent.
    let updates = replanEmails?.updates ?? [:]
    let cancellations = replanEmails?.cancellations ?? []
    var outgoing: [(date: CalendarDate, time: LocalTime, event: EmailEvent?, cancel: Int?)] =
      events.map { ($0.date, $0.time, $0, nil) }
    if !cancellations.isEmpty {
      for position in cancellations.indices {
        outgoing.append((cancellations[position].date, cancellations[position].time, nil, position))
      }
      outgoing = outgoing.enumerated().sorted {
        ($0.element.date, $0.element.time, $0.offset) < (
          $1.element.date, $1.element.time, $1.offset
        )
      }.map(\.element)
    }
    let firstNumber = (replanEmails?.lastSentNumber ?? 0) + 1
    for (index, next) in outgoing.enumerated() {
      let email: RenderedEmail
      if let event = next.event {
        guard let template = byID[event.templateID] else { continue }
        email = try EmailRenderer.render(
          template, event: event, sequence: firstNumber + index, plan: plan, settings: settings,
          stamp: stamp, baseContext: baseContext, itemEvents: itemEvents,
          update: updates[event], people: library.people)
      } else if let position = next.cancel,
        let template = byID[cancellations[position].templateID]
      {
        email = try EmailRenderer.cancellation(
          cancellations[position], template: template, sequence: firstNumber + index, plan: plan,
          settings: settings, stamp: stamp, people: library.people)
      } else {
        continue
      }
      files.append(OutputFile(path: "emails/\(email.fileName)", data: email.data))
      summaries.append(email.summary)
    }
    if replan != nil {
      summaries.sort { ($0.date, $0.time, $0.file) < ($1.date, $1.time, $1.file) }
    }
    let tasks = OnboardingTask.tasks(of: plan)
    var markdown = MarkdownPlan.renderBuffer(
      plan, emails: summaries, settings: settings.analysis, comparisons: comparisons)
    markdown.append(TaskListMarkdown.renderBuffer(tasks, done: plan.doneTaskIDs))
    let json: Data
    do {
      json = try PlanDocument(plan: plan, emails: summaries).encoded()
    } catch {
      throw InputError(hire.origin, "cannot encode the plan as JSON: \(error)")
    }
    let sessions = try CalendarFile.sessions(
      plan, itemEvents: itemEvents, settings: settings, stamp: stamp)
    files.insert(
      contentsOf: [
        OutputFile(path: "plan.md", data: visibleDocument(buffer: consume markdown)),
        OutputFile(
          path: "plan.html",
          data: visibleDocument(
            buffer: HTMLPlan.renderBuffer(
              plan, emails: summaries, settings: settings.analysis, comparisons: comparisons))),
        OutputFile(path: "plan.json", data: json),
        OutputFile(path: "sessions.ics", data: sessions),
      ], at: 0)
    return HireOutput(
      hire: hire, plan: plan, folder: folder, files: files, emails: summaries, notes: emailNotes,
      tasks: tasks, itemEvents: itemEvents)
  }

  /// The planner's input for a hire: the manager's buddy/manager changes applied, the gap report
  /// built, the hire's overrides attached.
  static func planningInput(
    hire rosterHire: Hire, library: PlanLibrary, evidence: [Evidence], overrides: [PlanOverride]
  ) throws(InputError) -> PlanningInput {
    let overrides = overrides.filter { $0.hireKey == rosterHire.key }
    // An added item may not take the id of a schedule activity: two events with one UID, of
    // which a calendar keeps one. (An added id is a slug: it has no `:` of a session's id or
    // `#` of a recurring activity's.)
    for override in overrides {
      guard case .add(let id, _, _, _, _, _) = override.action else { continue }
      if library.schedule.contains(where: { $0.id == id }) {
        throw InputError(
          override.origin,
          "column `target`: `\(id)` is the id of an item the plan makes; expected an id of its own "
            + "for the added item (or leave target empty)")
      }
    }
    var hire = rosterHire
    for override in overrides {
      if case .buddy(let person) = override.action { hire.buddy = person }
      if case .manager(let person) = override.action { hire.manager = person }
    }
    let (role, report) = try report(for: hire, library: library, evidence: evidence)
    return PlanningInput(
      hire: hire, role: role, report: report, catalog: library.catalog, schedule: library.schedule,
      holidays: library.holidays, settings: library.settings, overrides: overrides,
      goals: library.goals(for: role))
  }

  /// A hire's workshop needs for cohort grouping: where the plan the hire would get alone puts
  /// them (the demands of its ``draft(hire:library:evidence:overrides:)``).
  public static func workshopDemands(
    hire: Hire, library: PlanLibrary, evidence: [Evidence], overrides: [PlanOverride] = []
  ) throws(InputError) -> [WorkshopDemand] {
    try draft(hire: hire, library: library, evidence: evidence, overrides: overrides).demands
  }

  /// The first working day of a hire: the roster's date, or the next working day after it.
  public static func startDate(of hire: Hire, library: PlanLibrary) -> CalendarDate {
    let calendar = WorkCalendar(hire: hire, settings: library.settings, holidays: library.holidays)
    return calendar.workingDay(onOrAfter: hire.requestedStart) ?? hire.requestedStart
  }

  /// What a run writes beside the hire folders; a hire named `calendars@…` gets a hashed folder.
  public static let runEntryNames: Set<String> = [
    "calendars", "summary.json", "index.html", "cohort.md", "cohort.csv", "tasks.csv",
  ]

  /// Folder names for a roster, unique by construction: the email's local part made path-safe
  /// (`jose-angstrom`), and where two hires' names would be the same (`jose.angstrom@`,
  /// `jose_angstrom@`, `jose+angstrom@`, the same local part on two domains, local parts that only
  /// differ after 64 characters) each of them gets a short hash of the whole email as well
  /// (`jose-angstrom-1f0c3a9e`). A name still taken (a hash clash, a local part that looks like a
  /// hashed name) gets `-2`, `-3`... in roster order, so no two hires ever share a folder. The
  /// names of the run's own files and folders (``runEntryNames``) count as taken.
  ///
  /// `earlier` holds the folders an earlier run into the same place gave (by email key): a hire
  /// keeps hers, and those of hires not on this roster stay taken, so a newcomer whose name
  /// collides with an earlier hire's gets a hashed name instead of that hire's folder (with it,
  /// her re-plan and `--resume` would have started from nothing, and the newcomer's plan could
  /// have replaced hers).
  public static func folders(for hires: [Hire], earlier: [String: String] = [:]) -> [String: String]
  {
    var counts: [String: Int] = [:]
    let base = hires.map { fileSafeName(String($0.key.split(separator: "@").first ?? "")) }
    for name in base { counts[name, default: 0] += 1 }
    var result: [String: String] = [:]
    var used = runEntryNames
    if !earlier.isEmpty {
      used.formUnion(earlier.values)
      var kept: Set<String> = []
      for hire in hires {
        guard let folder = earlier[hire.key], !runEntryNames.contains(folder),
          !kept.contains(folder)
        else { continue }
        kept.insert(folder)
        result[hire.key] = folder
      }
    }
    for (hire, name) in zip(hires, base) where result[hire.key] == nil {
      let hashed = "\(name.prefix(55))-\(stableHash(hire.key).prefix(8))"
      var folder = counts[name, default: 0] > 1 || runEntryNames.contains(name) ? hashed : name
      if used.contains(folder) { folder = hashed }
      var suffix = 2
      while used.contains(folder) {
        folder = "\(hashed)-\(suffix)"
        suffix += 1
      }
      used.insert(folder)
      result[hire.key] = folder
    }
    return result
  }
}
