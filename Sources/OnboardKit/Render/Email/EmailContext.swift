import OnboardMustache

/// The values an email template sees (the placeholders of `EmailPlaceholders`), built from a plan.
public enum EmailContext {
  public static func build(
    plan: OnboardingPlan, settings: PlanSettings, event: EmailEvent? = nil,
    templates: [EmailTemplateFile] = [], events: [EmailEvent] = []
  ) -> MustacheValue {
    adding(
      event, of: plan,
      to: base(plan: plan, settings: settings, templates: templates, events: events))
  }

  /// The values every email of a plan shares (built once per hire, not once per email).
  /// `templates` and `events` give `emails.<id>.timing` and `.date`: when each email arrives.
  /// `people` (people.csv) gives the manager's zone and hours for the briefing.
  public static func base(
    plan: OnboardingPlan, settings: PlanSettings, templates: [EmailTemplateFile] = [],
    events: [EmailEvent] = [], people: [TeamMember] = []
  ) -> [String: MustacheValue] {
    base(
      plan: plan, settings: settings, templates: templates, events: events, comparisons: nil,
      people: people)
  }

  /// `base` with the interviewers' comparison already made (`Onboarding.render` makes it once
  /// per hire): `comparisons` must be `InterviewerComparison.compare` of the plan's report at the
  /// settings' threshold; nil makes it here.
  static func base(
    plan: OnboardingPlan, settings: PlanSettings, templates: [EmailTemplateFile],
    events: [EmailEvent], comparisons: [InterviewerComparison]?, people: [TeamMember] = []
  ) -> [String: MustacheValue] {
    let hire = plan.hire
    let report = plan.report
    let firstDay = plan.items.filter { $0.date == plan.start }
    func reviewDate(_ id: String) -> MustacheValue {
      plan.item(id: id).map { .string($0.date.longText) } ?? .null
    }
    let weak = report.weakAreas
    var values: [String: MustacheValue] = [
      "company": .string(settings.company),
      "sender_name": .string(settings.sender.name),
      "sender_email": .string(settings.sender.email),
      "first_name": .string(hire.firstName),
      "last_name": .string(hire.lastName),
      "full_name": .string(hire.fullName),
      "email": .string(hire.email),
      "role": .string(plan.role.title),
      "location": .string(hire.location),
      "time_zone": .string(hire.timeZone),
      "start_date": .string(plan.start.longText),
      "arrive_by": .string((firstDay.first?.start ?? plan.calendar.dayStart).description),
      "start_moved": .bool(plan.startMovedReason != nil),
      "requested_start_date": .string(hire.requestedStart.longText),
      "start_moved_reason": plan.startMovedReason.map { .string($0) } ?? .null,
      "manager_name": .string(hire.manager.name),
      "manager_first_name": .string(hire.manager.firstName),
      "manager_email": .string(hire.manager.email),
      "buddy_name": .string(hire.buddy.name),
      "buddy_first_name": .string(hire.buddy.firstName),
      "buddy_email": .string(hire.buddy.email),
      "manager_is_buddy": .bool(hire.manager.email.lowercased() == hire.buddy.email.lowercased()),
      "work_mode": .string(hire.workMode.rawValue),
      "remote": .bool(hire.workMode == .remote),
      "has_gaps": .bool(!weak.isEmpty),
      "training_count": .number(Double(plan.items.filter { $0.kind == .training }.count)),
      "plan_overview": .string(overview(plan)),
      "review_30_date": reviewDate("review-30"),
      "review_60_date": reviewDate("review-60"),
      "review_90_date": reviewDate("review-90"),
    ]
    values["first_day"] = .list(
      firstDay.map {
        .object([
          "time": .string($0.start.description), "title": .string($0.title),
          "owner": .string(MarkdownPlan.who($0)),
        ])
      })
    values["first_week"] = .list(
      plan.weekOne.map { day in
        .object([
          "date": .string(day.date.longText),
          "items": .list(
            day.items.map {
              .object(["time": .string($0.start.description), "title": .string($0.title)])
            }),
        ])
      })
    values["gaps"] = .list(
      weak.map { a in
        .object([
          "skill": .string(a.skill.name), "level": .string(formatNumber(a.observed?.level ?? 0)),
          "target": .number(Double(a.requirement.targetLevel)),
          "status": .string(a.levelStatus.label),
          "severity": .string(formatNumber(a.severity ?? 0, decimals: 2)),
        ])
      })
    values["strengths"] = .list(
      report.strengths.map {
        .object([
          "skill": .string($0.skill.name), "level": .string(formatNumber($0.observed?.level ?? 0)),
        ])
      })
    values["unassessed"] = .list(
      report.unassessedEssentials.map { .object(["skill": .string($0.skill.name)]) })
    values["conflicts"] = .list(
      report.conflicts.map {
        .object([
          "skill": .string($0.skill.name), "detail": .string($0.conflict?.summary ?? ""),
          "settle": .string($0.settleIt ?? ""),
        ])
      })
    values["has_integrity_flags"] = .bool(
      report.assessments.contains { !$0.integrityFlags.isEmpty })
    values["integrity"] = .list(
      report.integrityFootnotes.map {
        .object([
          "skills": .string($0.skills.joined(separator: ", ")), "detail": .string($0.text),
        ])
      })
    values["interview_notes"] = .list(
      (comparisons
        ?? InterviewerComparison.compare(
          report, threshold: settings.analysis.assessorConflictLevels))
        .map { comparison in
          .object([
            "skill": .string(comparison.skill.name),
            "agreement": .string(comparison.agreement),
            "diverges": .bool(comparison.diverges),
            "notes": .list(
              comparison.views.map { view in
                .object([
                  "interviewer": .string(view.interviewer),
                  "rating": .string(formatNumber(view.level)),
                  "note": .string(view.notes.joined(separator: " · ")),
                ])
              }),
          ])
        })
    for day in [30, 60, 90] {
      values["goals_\(day)"] = .list(goals(plan, due: day).map { .object(["goal": .string($0)]) })
    }
    values.merge(
      peopleValues(plan: plan, settings: settings, templates: templates, events: events)
    ) { $1 }
    values.merge(managerValues(plan: plan, people: people)) { $1 }
    let sources = Set(report.assessments.flatMap { $0.evidence.map(\.source) })
    values["has_evidence"] = .bool(!sources.isEmpty)
    values["has_tests"] = .bool(sources.contains(.test))
    values["has_interviews"] = .bool(sources.contains(.interview))
    // What "no conflict" means for what was recorded.
    values["no_conflict_text"] = .string(
      sources.isEmpty
        ? "None: no tests or interviews were recorded for \(hire.firstName)."
        : sources.contains(.test) && sources.contains(.interview)
          ? "None: the tests and the interviews agree."
          : sources.contains(.test)
            ? "None to report: only test results were recorded, so there is nothing to compare them with."
            : sources.contains(.interview)
              ? "None: the interview ratings agree (no test results were recorded)."
              : "None: the recorded evidence agrees.")
    let unassessed = report.unassessedEssentials.map(\.skill.name)
    values["has_unassessed"] = .bool(!unassessed.isEmpty)
    values["unassessed_text"] = .string(listText(unassessed))

    return values
  }

  /// The shared values plus the event's `session` and `activity`.
  /// `template` adds `send_timing`: this email's own `send:` rule in words.
  public static func adding(
    _ event: EmailEvent?, of plan: OnboardingPlan, to base: [String: MustacheValue],
    template: EmailTemplateFile? = nil
  ) -> MustacheValue {
    .object(base.merging(eventValues(event, of: plan, template: template)) { $1 })
  }

  /// Only the values `adding` puts on top of the shared ones: `send_timing`, `session` and
  /// `activity`. Rendering with the stack [base, these] resolves every name as the merged object.
  public static func eventValues(
    _ event: EmailEvent?, of plan: OnboardingPlan, template: EmailTemplateFile? = nil,
    update: String? = nil
  ) -> [String: MustacheValue] {
    var values: [String: MustacheValue] = [:]
    if let template { values["send_timing"] = .string(timing(template.send, plan: plan)) }
    let report = plan.report
    if let itemID = event?.itemID, let item = plan.item(id: itemID) {
      let date = MustacheValue.string(item.date.longText)
      let time = MustacheValue.string(item.start.description)
      values["session"] = .object([
        "title": .string(item.title),
        "skill": .string(
          item.skillID.flatMap { id in report.assessment(of: id)?.skill.name } ?? ""),
        "format": .string(item.format ?? item.kind.rawValue), "date": date, "time": time,
        "duration_minutes": .number(Double(item.durationMinutes)),
        "owner_name": .string(item.ownerName ?? item.owner), "reason": .string(item.reason ?? ""),
        "resource": .string(item.resource ?? ""),
        "with": .string(withPhrase(item, plan: plan)),
        "is_check": .bool(item.kind == .verification), "is_update": .bool(update != nil),
        "was": .string(update ?? ""),
        "points": .list(item.agenda.map { .object(["point": .string($0)]) }),
      ])
      values["activity"] = .object([
        "title": .string(item.title), "date": date, "time": time,
        "agenda": .list(item.agenda.map { .object(["point": .string($0)]) }),
      ])
    }
    return values
  }

  /// "12 training sessions for 4 weak areas; 2 skill checks in week 1."
  static func overview(_ plan: OnboardingPlan) -> String {
    let training = plan.items.filter { $0.kind == .training }.count
    let checks = plan.items.filter { $0.kind == .verification }.count
    let weak = plan.report.weakAreas.count
    var text =
      training == 0 && weak == 0
      ? "No training sessions: no weak areas"
      : "\(training) training session\(training == 1 ? "" : "s") for \(weak) weak area\(weak == 1 ? "" : "s")"
    if checks > 0 { text += "; \(checks) skill check\(checks == 1 ? "" : "s") early on" }
    if !plan.unscheduled.isEmpty {
      text += "; \(plural(plan.unscheduled.count, "topic")) did not fit before day 90"
    }
    return text + "."
  }

  /// What a review judges: the plan's goals due at `day`, each with how it is shown and by whom.
  static func goals(_ plan: OnboardingPlan, due day: Int) -> [String] {
    plan.goals(due: day).map(\.sentence)
  }
}
