import Foundation
import Testing

@testable import OnboardKit

/// Plans built from values for the HTML tests: a four-skill role with a gap (SQL), an unassessed
/// essential (security), a strength (Git) and conflicting evidence (communication).
enum PlanFixture {
  static let origin = SourceLocation(file: "test.csv", line: 1, column: 1)

  static func date(_ iso: String) -> CalendarDate {
    CalendarDate(iso: iso) ?? CalendarDate(dayNumber: 0)
  }

  struct Names {
    var firstName = "Ada"
    var lastName = "Lovelace"
    var role = "Backend Developer"
    var location = "Berlin"
    var manager = "Grace Hopper"
    var buddy = "Alan Turing"
    var skillSQL = "Databases & SQL"
    var closure = "Epiphany"
    var note = "Strong on joins."
    var resource = "https://example.org/sql?a=1&b=2"
    var riskyResource = "javascript:alert(1)"
  }

  /// Skills in priority order: sql (1, essential), security (2, essential), git (3, important),
  /// communication (4, nice-to-have).
  static let priorityOrder = ["sql", "security", "git", "communication"]

  static func role(_ names: Names) -> RoleProfile {
    // Given out of order on purpose: the profile sorts by priority.
    RoleProfile(
      title: names.role,
      requirements: [
        SkillRequirement(skillID: "git", priority: 3, tier: .important, targetLevel: 3),
        SkillRequirement(skillID: "communication", priority: 4, tier: .niceToHave, targetLevel: 3),
        SkillRequirement(skillID: "sql", priority: 1, tier: .essential, targetLevel: 4),
        SkillRequirement(skillID: "security", priority: 2, tier: .essential, targetLevel: 3),
      ])
  }

  static func skills(_ names: Names) -> [String: Skill] {
    [
      "sql": Skill(id: "sql", name: names.skillSQL, kind: .technical),
      "security": Skill(id: "security", name: "Application Security", kind: .technical),
      "git": Skill(id: "git", name: "Git", kind: .technical),
      "communication": Skill(id: "communication", name: "Communication", kind: .soft),
    ]
  }

  static func hire(
    _ names: Names = Names(), start: String = "2027-01-04", workDays: [Weekday]? = nil,
    employment: Employment = .fullTime, hours: Double? = nil
  ) -> Hire {
    Hire(
      firstName: names.firstName, lastName: names.lastName, email: "ada@example.org",
      role: names.role, requestedStart: date(start), timeZone: "Europe/Berlin",
      location: names.location,
      manager: Person(name: names.manager, email: "grace@example.org"),
      buddy: Person(name: names.buddy, email: "alan@example.org"), employment: employment,
      workDays: workDays, hoursPerDay: hours, workMode: .hybrid, origin: origin)
  }

  static func evidence(_ names: Names, key: String) -> [Evidence] {
    func item(
      _ skill: String, _ source: EvidenceSource, _ raw: String, _ scale: EvidenceScale,
      _ level: Double, assessor: String? = nil, note: String? = nil
    ) -> Evidence {
      Evidence(
        hireKey: key, skillID: skill, source: source, instrument: "\(skill) check",
        rawValue: raw, scale: scale, proficiency: Proficiency(level: level), assessor: assessor,
        note: note, origin: origin)
    }
    return [
      item("sql", .test, "50", .percent, 2.5, assessor: "TestGorilla", note: names.note),
      item("git", .test, "90", .percent, 4.5),
      item("communication", .test, "95", .percent, 4.75),
      item("communication", .interview, "2", .rubric, 2, assessor: names.manager),
    ]
  }

  static func catalog(_ names: Names) -> [TrainingTopic] {
    [
      TrainingTopic(
        id: "sql-basics", skillID: "sql", level: 3, title: "SQL joins", format: .pairing,
        durationMinutes: 60, owner: "buddy", resource: names.riskyResource, origin: origin),
      TrainingTopic(
        id: "sql-indexes", skillID: "sql", level: 4, title: "SQL indexes", format: .selfPaced,
        durationMinutes: 60, owner: "hire", resource: names.resource, origin: origin),
    ]
  }

  static let schedule: [ScheduledActivity] = [
    ScheduledActivity(
      id: "welcome", title: "Welcome", kind: .meeting, when: .workday(1),
      time: LocalTime(minutes: 9 * 60), durationMinutes: 60, owner: "manager", origin: origin),
    ScheduledActivity(
      id: "weekly", title: "Weekly 1:1", kind: .meeting, when: .weeks(1, 13, atEnd: true),
      time: LocalTime(minutes: 11 * 60), durationMinutes: 30, owner: "manager", origin: origin),
    ScheduledActivity(
      id: "review-30", title: "30-day review", kind: .milestone, when: .day(30),
      time: LocalTime(minutes: 10 * 60), durationMinutes: 60, owner: "manager", origin: origin),
    ScheduledActivity(
      id: "review-90", title: "90-day review", kind: .milestone, when: .day(90),
      time: LocalTime(minutes: 10 * 60), durationMinutes: 60, owner: "manager", origin: origin),
  ]

  /// A plan for `hire`, with a closure named `names.closure` on `closure` (default: Wed 6 Jan).
  static func plan(
    _ names: Names = Names(), hire: Hire? = nil, closure: String = "2027-01-06"
  ) -> OnboardingPlan {
    let hire = hire ?? self.hire(names)
    let role = role(names)
    let report = GapAnalysis.analyze(
      hireKey: hire.key, role: role, skills: skills(names), evidence: evidence(names, key: hire.key)
    )
    return Planner.plan(
      PlanningInput(
        hire: hire, role: role, report: report, catalog: catalog(names), schedule: schedule,
        holidays: [Holiday(location: "*", date: date(closure), name: names.closure)],
        settings: PlanSettings()))
  }

  static let emails = [
    EmailSummary(
      date: date("2026-12-28"), time: LocalTime(minutes: 9 * 60), subject: "Welcome, Ada!",
      to: ["Ada Lovelace"], file: "emails/01-welcome.eml")
  ]
}

/// Small, strict readers of generated HTML for assertions.
enum HTMLProbe {
  /// The values of an attribute, in document order.
  static func attributeValues(_ name: String, in html: String) -> [String] {
    var values: [String] = []
    var rest = html[...]
    let needle = " \(name)=\""
    while let range = rest.range(of: needle) {
      let after = rest[range.upperBound...]
      guard let end = after.firstIndex(of: "\"") else { break }
      values.append(String(after[..<end]))
      rest = after[end...]
    }
    return values
  }

  /// How often `needle` occurs.
  static func count(_ needle: String, in html: String) -> Int {
    html.components(separatedBy: needle).count - 1
  }

  /// The markup from `start` (inclusive) to the next `end` (exclusive), or "".
  static func slice(_ html: String, from start: String, to end: String) -> String {
    guard let lower = html.range(of: start) else { return "" }
    let after = html[lower.upperBound...]
    let upper = after.range(of: end)?.lowerBound ?? html.endIndex
    return String(html[lower.lowerBound..<upper])
  }

  /// The tags of a document outside `<style>`, as (name, is closing, is self-closing, raw text).
  static func tags(_ html: String) -> [(
    name: String, closing: Bool, selfClosing: Bool, raw: String
  )] {
    var tags: [(String, Bool, Bool, String)] = []
    var index = html.startIndex
    while let open = html[index...].firstIndex(of: "<") {
      guard let close = html[open...].firstIndex(of: ">") else { break }
      let raw = String(html[open...close])
      index = html.index(after: close)
      if raw.hasPrefix("<!") { continue }
      let closing = raw.hasPrefix("</")
      let body = raw.dropFirst(closing ? 2 : 1)
      let name = String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
      tags.append((name, closing, raw.hasSuffix("/>"), raw))
      if name == "style", !closing, let end = html[index...].range(of: "</style>") {
        index = end.lowerBound
      }
    }
    return tags
  }

  /// The attribute names of a tag (quoted values skipped, so escaped text inside them is no name).
  static func attributeNames(_ tag: String) -> [String] {
    var unquoted = ""
    var inQuotes = false
    for character in tag {
      if character == "\"" {
        inQuotes.toggle()
      } else if !inQuotes {
        unquoted.append(character)
      }
    }
    return unquoted.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).dropFirst()
      .map { String($0.prefix { $0 != "=" && $0 != ">" && $0 != "/" }) }
      .filter { !$0.isEmpty }
  }

  static let voidElements: Set = ["meta", "br", "link", "img", "input", "hr", "wbr", "col"]

  /// Nesting problems: a closing tag that does not match the open one, or unclosed elements.
  static func nestingProblems(_ html: String) -> [String] {
    var stack: [String] = []
    var problems: [String] = []
    for tag in tags(html) where !voidElements.contains(tag.name) && !tag.selfClosing {
      if tag.closing {
        if stack.last == tag.name {
          stack.removeLast()
        } else {
          problems.append("</\(tag.name)> closes <\(stack.last ?? "nothing")>")
        }
      } else {
        stack.append(tag.name)
      }
    }
    return problems + stack.map { "<\($0)> is never closed" }
  }

  /// The levels of the headings h1–h6, in order.
  static func headingLevels(_ html: String) -> [Int] {
    tags(html).compactMap { tag in
      guard !tag.closing, tag.name.count == 2, tag.name.first == "h",
        let level = Int(tag.name.dropFirst())
      else { return nil }
      return level
    }
  }
}
