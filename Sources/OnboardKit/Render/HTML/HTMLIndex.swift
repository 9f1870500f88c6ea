/// Renders the roster's `index.html`: every hire with their status, start, most urgent gaps and a
/// link to their `plan.html`, then the cohort skills matrix (skills × hires). Self-contained like
/// the plans: inline CSS, no scripts, no network resources.
public enum HTMLIndex {
  /// One hire of the roster: a planned one (with the report) or a failed one (with the errors).
  public struct Entry: Hashable, Sendable {
    public var name: String
    public var email: String?
    public var role: String?
    public var start: CalendarDate?
    /// The hire's output folder, relative to index.html; the link is `<folder>/plan.html`.
    public var folder: String?
    /// The gap report; nil when the hire failed.
    public var report: GapReport?
    /// What went wrong; empty for a planned hire.
    public var errors: [String]

    /// An entry from any values (the CLI usually wants `init(output:)` or `failed(...)`).
    public init(
      name: String, email: String? = nil, role: String? = nil, start: CalendarDate? = nil,
      folder: String? = nil, report: GapReport? = nil, errors: [String] = []
    ) {
      self.name = name
      self.email = email
      self.role = role
      self.start = start
      self.folder = folder
      self.report = report
      self.errors = errors
    }

    /// A planned hire, from the pipeline's output.
    public init(output: HireOutput) {
      self.init(
        name: output.hire.fullName, email: output.hire.email, role: output.plan.role.title,
        start: output.plan.start, folder: output.folder, report: output.plan.report)
    }

    /// A hire that could not be planned (the roster's values, no link, no report).
    public static func failed(_ hire: Hire, errors: [String]) -> Entry {
      Entry(
        name: hire.fullName, email: hire.email, role: hire.role, start: hire.requestedStart,
        errors: errors)
    }

    /// A failure without a hire (a roster line that did not parse).
    public static func failed(name: String, errors: [String]) -> Entry {
      Entry(name: name, errors: errors)
    }

    /// Whether the hire was planned.
    public var succeeded: Bool { report != nil && errors.isEmpty }
  }

  /// The page as a string (UTF-8 when written).
  ///
  /// For a large cohort, pass `counts` (per skill, how many hires have each status) and only the
  /// failed entries: the page then shows the counts instead of one column per hire, and points to
  /// `cohort.csv` for the full matrix; `plannedElsewhere` is the number of planned hires not listed.
  public static func render(
    entries: [Entry], title: String = "Onboarding plans",
    counts: [(skill: Skill, counts: [SkillStatus: Int])]? = nil, plannedElsewhere: Int = 0,
    calibration: InterviewerCalibration? = nil
  ) -> String {
    let planned = entries.filter(\.succeeded)
    let total = entries.count + plannedElsewhere
    let plannedCount = planned.count + plannedElsewhere
    var body =
      "<header><p class=\"eyebrow\">Onboard</p><h1>\(h(title))</h1>"
      + "<p>\(plannedCount) of \(total) hire\(total == 1 ? "" : "s") planned"
      + (plannedCount < total
        ? "; <span class=\"failed\">\(total - plannedCount) failed</span>" : "")
      + ".</p></header><main>"
    if let counts {
      body += countsTable(counts, hires: plannedCount)
      if !entries.isEmpty { body += hireTable(entries) }
    } else {
      body += hireTable(entries)
      body += matrix(planned)
    }
    // Interviewer calibration: from the given tally, else from the reports on this page.
    body += CalibrationText.htmlSection(
      calibration ?? InterviewerCalibration(reports: planned.compactMap(\.report)))
    body += "</main>"
    return HTMLPage.document(title: title, body: body)
  }

  /// Per skill, how many hires have each status (large cohorts).
  private static func countsTable(
    _ counts: [(skill: Skill, counts: [SkillStatus: Int])], hires: Int
  ) -> String {
    let statuses: [SkillStatus] = [
      .criticalGap, .gap, .conflicting, .unassessed, .onTarget, .strength,
    ]
    var html =
      "<section id=\"matrix\" aria-labelledby=\"matrix-h\"><h2 id=\"matrix-h\">Cohort skills</h2>"
      + "<p>\(hires) planned hires: how many have each status per skill. The full matrix, one row per "
      + "hire, is in <a href=\"cohort.csv\">cohort.csv</a>; each hire's plan is in their folder.</p>"
      + "<div class=\"scroll\"><table class=\"hires\"><thead><tr><th scope=\"col\">Skill</th>"
    for status in statuses {
      html += "<th scope=\"col\">\(HTMLStatus.badge(status)) \(h(status.label))</th>"
    }
    html += "</tr></thead><tbody>"
    for row in counts {
      html += "<tr><th scope=\"row\">\(bdi(row.skill.name))</th>"
      for status in statuses { html += "<td>\(row.counts[status] ?? 0)</td>" }
      html += "</tr>"
    }
    return html + "</tbody></table></div></section>"
  }

  private static func hireTable(_ entries: [Entry]) -> String {
    var html =
      "<section id=\"hires\" aria-labelledby=\"hires-h\"><h2 id=\"hires-h\">Hires</h2>"
      + "<div class=\"scroll\"><table class=\"hires\"><thead><tr><th scope=\"col\">Hire</th>"
      + "<th scope=\"col\">Role</th><th scope=\"col\">Start</th><th scope=\"col\">Status</th>"
      + "<th scope=\"col\">Most urgent</th><th scope=\"col\">Plan</th></tr></thead><tbody>"
    for entry in entries {
      html +=
        "<tr><th scope=\"row\">\(bdi(entry.name))"
        + (entry.email.map { "<br><span class=\"muted\">\(h($0))</span>" } ?? "") + "</th>"
        + "<td>\(entry.role.map(bdi) ?? "–")</td>"
        + "<td class=\"time\">\(entry.start.map { "<time datetime=\"\($0.iso)\">\($0.shortText) \($0.year)</time>" } ?? "–")</td>"
      if entry.succeeded {
        html += "<td><span class=\"badge status-strength\">✓ ok</span></td>"
      } else {
        html +=
          "<td><span class=\"failed\">✗ failed</span>"
          + entry.errors.map { "<br><span class=\"muted\">\(h($0))</span>" }.joined() + "</td>"
      }
      html += "<td>\(urgent(entry))</td><td>\(link(entry))</td></tr>"
    }
    return html + "</tbody></table></div></section>"
  }

  /// The weak areas (most urgent first, at most three), unassessed essentials and conflicts.
  static func urgent(_ entry: Entry) -> String {
    guard let report = entry.report else { return "–" }
    var parts = report.weakAreas.prefix(3).map {
      HTMLStatus.badge($0.status) + " " + bdi($0.skill.name)
    }
    parts += report.unassessedEssentials.map {
      HTMLStatus.badge(.unassessed) + " " + bdi($0.skill.name)
    }
    parts += report.conflicts.filter { !$0.needsTraining }.map {
      HTMLStatus.badge(.conflicting) + " " + bdi($0.skill.name)
    }
    if parts.isEmpty { return "<span class=\"muted\">no gaps</span>" }
    return "<ul class=\"urgent\">" + parts.map { "<li>\($0)</li>" }.joined() + "</ul>"
  }

  private static func link(_ entry: Entry) -> String {
    guard entry.succeeded, let folder = entry.folder,
      let href = HTMLLink.relativeHref(folder: folder, file: "plan.html")
    else { return "–" }
    return
      "<a href=\"\(href)\">Plan<span class=\"visually-hidden\"> for \(h(entry.name))</span></a>"
  }
}
