import OnboardMustache

/// The values written for the people who read the emails: what the hire will learn and with whom,
/// the buddy's own sessions, the rest of the first week, the video-call link and when the other
/// emails arrive. None of them carries a level, severity or priority: those stay in the briefing.
extension EmailContext {
  static func peopleValues(
    plan: OnboardingPlan, settings: PlanSettings, templates: [EmailTemplateFile],
    events: [EmailEvent]
  ) -> [String: MustacheValue] {
    var values: [String: MustacheValue] = [:]
    let report = plan.report
    let fromStart = plan.items.filter { $0.date >= plan.start }
    // What the hire will learn: one entry per skill with training, in the plan's order.
    var learning: [(skill: String, sessions: [PlanItem])] = []
    for item in fromStart where item.kind == .training {
      let skill = item.skillID.flatMap { report.assessment(of: $0)?.skill.name } ?? item.title
      if let index = learning.firstIndex(where: { $0.skill == skill }) {
        learning[index].sessions.append(item)
      } else {
        learning.append((skill, [item]))
      }
    }
    values["learning"] = .list(
      learning.map { entry in
        let people = unique(entry.sessions.map { withPhrase($0, plan: plan) })
        return .object([
          "skill": .string(entry.skill),
          "sessions": .number(Double(entry.sessions.count)),
          "sessions_text": .string(count(entry.sessions.count, "session")),
          "with": .string(listText(people)),
          "first_date": .string(entry.sessions[0].date.longText),
          // "on Monday, 11 January 2027" for one session, "the first on ..." for more.
          "when": .string(
            (entry.sessions.count == 1 ? "on " : "the first on ")
              + entry.sessions[0].date.longText),
        ])
      })
    values["has_learning"] = .bool(!learning.isEmpty)
    values["has_skill_checks"] = .bool(fromStart.contains { $0.kind == .verification })
    values["hybrid"] = .bool(plan.hire.workMode == .hybrid)
    values["first_day"] = .list(
      fromStart.filter { $0.date == plan.start }.map {
        .object([
          "time": .string($0.start.description), "title": .string($0.title),
          "owner": .string(MarkdownPlan.who($0)), "with": .string(withPhrase($0, plan: plan)),
        ])
      })
    values["skill_checks"] = .list(
      fromStart.filter { $0.kind == .verification }.map { item in
        .object([
          "skill": .string(
            item.skillID.flatMap { report.assessment(of: $0)?.skill.name } ?? item.title),
          "date": .string(item.date.longText), "with": .string(withPhrase(item, plan: plan)),
        ])
      })
    let buddy = plan.hire.buddy.name
    let buddySessions = fromStart.filter {
      $0.ownerName == buddy || ($0.ownerName == nil && $0.owner == "buddy")
    }
    values["has_buddy_sessions"] = .bool(!buddySessions.isEmpty)
    values["buddy_sessions"] = .list(
      buddySessions.map { item in
        .object([
          "date": .string(item.date.longText), "time": .string(item.start.description),
          "hire_time": .string(item.start.description), "title": .string(item.title),
          "duration_minutes": .number(Double(item.durationMinutes)),
        ])
      })
    values["has_rest_of_first_week"] = .bool(plan.weekOne.count > 1)
    values["next_working_day"] =
      plan.calendar.workingDay(onOrAfter: plan.start.adding(days: 1)).map { .string($0.longText) }
      ?? .null
    values["rest_of_first_week"] = .list(
      plan.weekOne.dropFirst().map { day in
        .object([
          "date": .string(day.date.longText),
          "items": .list(
            day.items.map {
              .object(["time": .string($0.start.description), "title": .string($0.title)])
            }),
        ])
      })
    values["video_link"] =
      settings.videoCallLink(for: plan.hire.location).map { .string($0) } ?? .null
    values["laptop_shipped"] =
      plan.item(id: "equipment-shipped").map { .string($0.date.longText) } ?? .null
    var emails: [String: MustacheValue] = [:]
    for template in templates {
      let first = events.first { $0.templateID == template.id }
      emails[placeholderName(template.id)] = .object([
        "timing": .string(timing(template.send, plan: plan)),
        "date": first.map { .string($0.date.longText) } ?? .null,
      ])
    }
    values["emails"] = .object(emails)
    return values
  }

  /// A template id as a placeholder name: `first-day-logistics` → `first_day_logistics`.
  public static func placeholderName(_ id: String) -> String {
    // ASCII without CR: each byte is a character, a letter or number exactly when it is one of
    // A-Z, a-z, 0-9 (template ids are lower-case letters, digits and `-`).
    let ascii = id.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
      return String(
        decoding: bytes.map { byte -> UInt8 in
          switch byte {
          case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return byte
          default: return UInt8(ascii: "_")
          }
        }, as: UTF8.self)
    }
    return (ascii ?? nil) ?? placeholderNameByCharacter(id)
  }

  /// The definition of `placeholderName`, by `Character`.
  static func placeholderNameByCharacter(_ id: String) -> String {
    String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }

  /// "with Tomás Rivera (your buddy)", "on your own", "with the IT team".
  static func withPhrase(_ item: PlanItem, plan: OnboardingPlan) -> String {
    if item.owner == "hire" || item.format == "self-paced" || item.format == "reading" {
      return "on your own"
    }
    switch item.owner {
    case "manager": return "with \(item.ownerName ?? plan.hire.manager.name) (your manager)"
    case "buddy": return "with \(item.ownerName ?? plan.hire.buddy.name) (your buddy)"
    case "it": return item.ownerName.map { "with \($0) (IT team)" } ?? "with the IT team"
    case "hr": return item.ownerName.map { "with \($0) (People team)" } ?? "with the People team"
    case "team": return "with your team"
    default:
      if let name = item.ownerName, name != item.owner { return "with \(name)" }
      return "with a \(item.owner)"
    }
  }

  /// A `send:` rule in words: "two working days before the start", "on the first day".
  public static func timing(_ rule: SendRule, plan: OnboardingPlan) -> String {
    switch rule {
    case .on(let when, _):
      switch when {
      case .workday(let n) where n < 0:
        return n == -1
          ? "the working day before the start" : "\(countWord(-n)) working days before the start"
      case .workday(1), .day(1): return "on the first day"
      case .workday(let n): return "on working day \(n)"
      case .workdays(let a, let b): return "on working days \(a) to \(b)"
      case .day(let n): return "on day \(n)"
      case .week(let n, let end): return "\(end ? "at the end of" : "in") week \(n)"
      case .weeks(let a, let b, let end):
        return "\(end ? "at the end of" : "in") weeks \(a) to \(b)"
      }
    case .beforeActivity(let n, let id, _):
      let title = plan.item(id: id)?.title ?? id
      let what = "the \(title.prefix(1).lowercased() + title.dropFirst())"
      return n == 0
        ? "on the day of \(what)"
        : n == 1 ? "the working day before \(what)" : "\(countWord(n)) working days before \(what)"
    case .beforeEachTraining(let n, _):
      return n == 0
        ? "on the day of each session"
        : n == 1
          ? "the working day before each session"
          : "\(countWord(n)) working days before each session"
    }
  }

  static func countWord(_ n: Int) -> String {
    let words = [
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ]
    return n >= 0 && n < words.count ? words[n] : "\(n)"
  }

  static func count(_ n: Int, _ noun: String) -> String {
    "\(countWord(n)) \(noun)\(n == 1 ? "" : "s")"
  }

  static func unique(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
  }
}
