/// Renders a plan as Markdown for the manager: the gap summary with its evidence, week 1 day by
/// day, weeks 2–4 week by week, months 2–3 month by month, and what did not fit.
public enum MarkdownPlan {
  /// `settings` decides when interviewers diverge in the gap summary's notes.
  public static func render(
    _ plan: OnboardingPlan, emails: [EmailSummary] = [],
    settings: AnalysisSettings = AnalysisSettings()
  ) -> String {
    String(decoding: renderBytes(plan, emails: emails, settings: settings), as: UTF8.self)
  }

  /// The Markdown's UTF-8 bytes: what `render` returns, before it is a `String`.
  public static func renderBytes(
    _ plan: OnboardingPlan, emails: [EmailSummary] = [],
    settings: AnalysisSettings = AnalysisSettings()
  ) -> [UInt8] {
    renderBytes(plan, emails: emails, settings: settings, comparisons: nil)
  }

  /// `renderBytes` with the interviewers' comparison already made (`Onboarding.render` makes it
  /// once per hire): `comparisons` must be `InterviewerComparison.compare` of the plan's report
  /// at the settings' threshold; nil makes it here.
  static func renderBytes(
    _ plan: OnboardingPlan, emails: [EmailSummary], settings: AnalysisSettings,
    comparisons: [InterviewerComparison]?
  ) -> [UInt8] {
    renderBuffer(plan, emails: emails, settings: settings, comparisons: comparisons).array
  }

  /// `renderBytes` in the buffer it is built in (no copy).
  static func renderBuffer(
    _ plan: OnboardingPlan, emails: [EmailSummary], settings: AnalysisSettings,
    comparisons: [InterviewerComparison]?
  ) -> ByteBuffer {
    var out = MarkdownWriter(capacity: 16_384 + plan.items.count * 256)
    let hire = plan.hire
    out.line("# Onboarding plan: \(md: hire.fullName), \(md: plan.role.title)")
    out.blank()
    out.line(
      "- **Start:** \(long: plan.start)\(plan.startMovedReason == nil ? "" : " (moved, see note)")"
    )
    out.line("- **Manager:** \(md: hire.manager.name) · **Buddy:** \(md: hire.buddy.name)")
    out.line(
      "- **Location:** \(md: hire.location) (\(md: hire.timeZone), \(hire.workMode.rawValue)) · "
        + "**Working days:** \(plan.calendar.workDays.map(\.shortName).joined(separator: ", ")), "
        + "\(plan.calendar.dayStart)–\(plan.calendar.dayEnd)")
    out.blank()
    for note in plan.notes {
      out.line("> **Note:** \(md: note)")
      out.blank()
    }
    renderChanges(plan, into: &out)
    renderGoals(plan, into: &out)
    GapSummaryMarkdown.render(
      plan.report, settings: settings, comparisons: comparisons, into: &out)
    renderPreboarding(plan, into: &out)
    renderWeekOne(plan, into: &out)
    renderWeeks(plan, into: &out)
    renderMonths(plan, into: &out)
    renderUnscheduled(plan, into: &out)
    if !emails.isEmpty {
      out.line("## Emails")
      out.blank()
      for email in emails {
        out.line(
          "- \(short: email.date) \(email.time): **\(md: email.subject)** to \(md: email.to.joined(separator: ", "))"
        )
      }
      out.blank()
    }
    return out.buffer
  }

  static func md(_ text: String) -> String { markdownEscaped(text) }

  /// What a month lists as its sessions: training, skill checks, practice and follow-ups.
  static let sessionKinds: Set<PlanItem.Kind> = [.training, .verification, .practice, .followUp]

  /// A re-plan's changes from its date on (added, changed, removed items).
  private static func renderChanges(_ plan: OnboardingPlan, into out: inout MarkdownWriter) {
    guard let from = plan.replannedFrom else { return }
    out.line("## What changed: re-planned from \(long: from)")
    out.blank()
    out.line(
      "Everything before \(short: from) is as it was. From \(short: from) the plan is rebuilt "
        + "on the latest levels; calendar events keep their ids, changed ones carry a new sequence."
    )
    out.blank()
    if plan.changes.isEmpty { out.line("- Nothing changed.") }
    if plan.changesAsLastRun {
      out.line("Nothing changed since this re-plan was last run; what it changed then:")
      out.blank()
    }
    for change in plan.changes {
      out.line("- \(change.change.rawValue): \(md: change.text) (`\(change.itemID)`)")
    }
    out.blank()
    for earlier in plan.earlierReplans.reversed() {
      let date = CalendarDate(iso: earlier.from).map(\.longText) ?? earlier.from
      out.line("### Before: re-planned from \(md: date)")
      out.blank()
      if earlier.changes.isEmpty { out.line("- Nothing changed.") }
      for change in earlier.changes {
        out.line("- \(change.change.rawValue): \(md: change.text) (`\(change.itemID)`)")
      }
      out.blank()
    }
  }

  /// The goals by review day: what the hire should have shown at day 30, 60 and 90.
  private static func renderGoals(_ plan: OnboardingPlan, into out: inout MarkdownWriter) {
    guard !plan.goals.isEmpty else { return }
    out.line("## Goals")
    out.blank()
    for day in [30, 60, 90] {
      let goals = plan.goals(due: day)
      guard !goals.isEmpty else { continue }
      out.line("### By day \(day)")
      out.blank()
      for goal in goals {
        out.line("- \(md: goal.outcome): shown by \(md: goal.shownBy); judged by the \(goal.owner)")
      }
      out.blank()
    }
  }

  private static func renderPreboarding(_ plan: OnboardingPlan, into out: inout MarkdownWriter) {
    let items = plan.preboarding
    guard !items.isEmpty else { return }
    out.line("## Before day 1")
    out.blank()
    for item in items { out.line("- \(short: item.date) \(item.start): \(summary: item)") }
    out.blank()
  }

  private static func renderWeekOne(_ plan: OnboardingPlan, into out: inout MarkdownWriter) {
    out.line("## Week 1, day by day")
    out.blank()
    for (index, day) in plan.weekOne.enumerated() {
      out.line("### Day \(index + 1): \(long: day.date)")
      out.blank()
      out.line("| Time | What | Who | Why |")
      out.line("|---|---|---|---|")
      for item in day.items {
        // What is done (the agenda) goes with the title; Why holds only a reason.
        var line: MarkdownLine = "| \(item.start)–\(item.end) | \(md: item.title)"
        // Agenda points are sentences: joined as sentences (not "settle it.; Record").
        if !item.agenda.isEmpty { line += ": \(md: agendaText(item.agenda))" }
        if let note = item.note { line += " _(\(md: note))_" }
        if let mark = item.override { line += " ✎ _\(md: mark)_" }
        line += " | \(md: who(item)) | "
        if let reason = item.reason { line += "\(md: reason)" } else { line += "–" }
        line += " |"
        out.line(line)
      }
      out.blank()
    }
  }

  private static func renderWeeks(_ plan: OnboardingPlan, into out: inout MarkdownWriter) {
    out.line("## Weeks 2–4, week by week")
    out.blank()
    for (title, range) in plan.weekSections {
      out.line("### \(title)")
      out.blank()
      let items = plan.items(in: range)
      for closure in closures(plan, in: range) { out.line(text: "- " + closure) }
      if items.isEmpty { out.line("- Regular work with the team.") }
      for item in items { out.line("- \(short: item.date) \(item.start): \(summary: item)") }
      out.blank()
    }
  }

  /// Agenda points on one line: points that end a sentence are followed by a space, others by
  /// "; " ("Progress on the plan; Blockers", "What would settle it: …. Record the level …").
  static func agendaText(_ points: [String]) -> String {
    var text = ""
    for (index, point) in points.enumerated() {
      if index > 0 { text += text.hasSuffix(".") ? " " : "; " }
      text += point
    }
    return text
  }

  /// Whether a month lists an item under "Also planned": not a milestone, session, deliverable
  /// or recurring meeting (those have lists of their own).
  static func otherKinds(of item: PlanItem) -> Bool {
    item.kind != .milestone && !sessionKinds.contains(item.kind) && item.kind != .deliverable
      && item.kind != .meeting && item.kind != .checkIn
  }

  private static func renderMonths(_ plan: OnboardingPlan, into out: inout MarkdownWriter) {
    out.line("## Months 2–3, month by month")
    out.blank()
    for number in 2...3 {
      let range = plan.month(number)
      let items = plan.items(in: range)
      out.line("### Month \(number): \(short: range.lowerBound) – \(short: range.upperBound)")
      out.blank()
      // Each part is its own block with blank lines around it, so that CommonMark viewers do not
      // fold a line into the list before it.
      let milestones = items.filter { $0.kind == .milestone }
      for milestone in milestones {
        out.line(
          "- **\(md: milestone.title)**, \(long: milestone.date) \(milestone.start) · \(md: who(milestone))"
        )
        for point in milestone.agenda { out.line("  - \(md: point)") }
        out.blank()
      }
      let goals = plan.goals(due: number * 30)
      if !goals.isEmpty {
        out.line("Goals for day \(number * 30):")
        out.blank()
        for goal in goals { out.line("- \(md: goal.outcome)") }
        out.blank()
      }
      // The sessions, the deliverables, and everything else (an activity of the schedule, an item
      // the manager added) as a list of its own.
      for (title, listed) in [
        ("Sessions and practice:", items.filter { Self.sessionKinds.contains($0.kind) }),
        ("Deliverables:", items.filter { $0.kind == .deliverable }),
        ("Also planned:", items.filter { Self.otherKinds(of: $0) }),
      ] where !listed.isEmpty {
        out.line(text: title)
        out.blank()
        for item in listed { out.line("- \(short: item.date) \(item.start): \(summary: item)") }
        out.blank()
      }
      let oneOnOnes = items.filter { $0.kind == .meeting || $0.kind == .checkIn }
      if !oneOnOnes.isEmpty {
        let titles = Set(oneOnOnes.map(\.title)).sorted()
        out.line(
          "Recurring: \(titles.map(md).joined(separator: ", ")) (\(plural(oneOnOnes.count, "session")))"
        )
        out.blank()
      }
      if items.isEmpty {
        out.line("- Regular work with the team.")
        out.blank()
      }
    }
  }

  private static func renderUnscheduled(_ plan: OnboardingPlan, into out: inout MarkdownWriter) {
    guard !plan.unscheduled.isEmpty else { return }
    out.line("## Not scheduled")
    out.blank()
    for topic in plan.unscheduled { out.line("- \(md: topic.title): \(md: topic.reason)") }
    out.blank()
  }

  /// "Closed Mon 28 Dec: Company shutdown" lines for the closures in a range.
  static func closures(_ plan: OnboardingPlan, in range: ClosedRange<CalendarDate>) -> [String] {
    plan.calendar.closures.filter {
      range.contains($0.key) && plan.calendar.workDays.contains($0.key.weekday)
    }
    .sorted { $0.key < $1.key }
    .map { "Closed \($0.key.shortText): \(md($0.value))" }
  }

  static func who(_ item: PlanItem) -> String {
    item.owner == "hire"
      ? "on your own" : item.ownerName.map { "\($0) (\(item.owner))" } ?? item.owner
  }

  /// "Title · 90 min · Darnell Washington (buddy) — why": one level of parentheses at most.
  static func summary(_ item: PlanItem) -> String {
    var text = "\(md(item.title)) · \(item.durationMinutes) min · \(md(who(item)))"
    if let reason = item.reason { text += " — \(md(reason))" }
    if let note = item.note { text += " _\(md(note))_" }
    if let mark = item.override { text += " ✎ _\(md(mark))_" }
    return text
  }
}

extension MarkdownLine.Interpolation {
  /// `MarkdownPlan.summary(item)`, written straight into the line.
  mutating func appendInterpolation(summary item: PlanItem) {
    appendInterpolation(md: item.title)
    appendLiteral(" · ")
    appendInterpolation(item.durationMinutes)
    appendLiteral(" min · ")
    appendInterpolation(md: MarkdownPlan.who(item))
    if let reason = item.reason {
      appendLiteral(" — ")
      appendInterpolation(md: reason)
    }
    if let note = item.note {
      appendLiteral(" _")
      appendInterpolation(md: note)
      appendLiteral("_")
    }
    if let mark = item.override {
      appendLiteral(" ✎ _")
      appendInterpolation(md: mark)
      appendLiteral("_")
    }
  }
}
