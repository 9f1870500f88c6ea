import Foundation
import OnboardMIME

/// `Plans/settings.json`: every key optional; what is absent keeps its default. Read with the
/// positioned JSON parser, so that every mistake (a duplicate key, a number out of range, a
/// fraction where minutes are expected) names its line and column, and checked here once, so that
/// a value no plan can use fails `onboard check` and every command at load, not the hires.
enum SettingsFile {
  /// The top-level keys, as written in the file.
  static let keys: Set<String> = [
    "company", "sender", "domain", "work_days", "day_start", "day_end", "lunch_start",
    "lunch_minutes",
    "hours_per_day", "training_cap_minutes_by_week", "verification_minutes", "default_send_time",
    "analysis", "video_call_links",
  ]
  static let analysisKeys: Set<String> = [
    "source_weights", "tier_weights", "strength_margin", "on_target_tolerance",
    "critical_shortfall", "source_conflict_levels", "assessor_conflict_levels", "integrity_weight",
  ]
  /// The longest company name, sender name or email the settings accept.
  static let maximumText = 200
}

extension PlanLibrary {
  static func parseSettings(_ file: SourceFile) throws(InputErrors) -> PlanSettings {
    let root: JSONNode
    do throws(InputError) { root = try JSONParser.parse(file.data, file: file.path) } catch {
      throw InputErrors([error])
    }
    var errors: [InputError] = []
    func fail(_ node: JSONNode, _ expected: String) {
      errors.append(node.error(file.path, expected: expected))
    }
    guard root.isObject else {
      throw InputErrors([root.error(file.path, expected: "an object of settings")])
    }
    func unknown(_ node: JSONNode, _ allowed: Set<String>) {
      // A misspelt key would silently keep a default: name it instead.
      guard case .object(let members) = node.value else { return }
      for (key, value) in members where !allowed.contains(key) {
        errors.append(
          InputError(
            value.location(file.path),
            "unknown setting `\(key)`; expected one of \(allowed.sorted().joined(separator: ", "))")
        )
      }
    }
    unknown(root, SettingsFile.keys)
    func text(_ node: JSONNode?, _ what: String) -> String? {
      guard let node else { return nil }
      guard let value = node.string, !value.trimmingCharacters(in: .whitespaces).isEmpty,
        value.count <= SettingsFile.maximumText,
        !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
      else {
        fail(node, "\(what) (one line, 1 to \(SettingsFile.maximumText) characters)")
        return nil
      }
      return value
    }
    func number(_ node: JSONNode?, _ range: ClosedRange<Double>, _ what: String) -> Double? {
      guard let node else { return nil }
      guard let value = node.number, value.isFinite, range.contains(value) else {
        fail(
          node,
          "\(what) from \(formatNumber(range.lowerBound)) to \(formatNumber(range.upperBound))")
        return nil
      }
      return value
    }
    func whole(_ node: JSONNode?, _ range: ClosedRange<Int>, _ what: String) -> Int? {
      guard let node else { return nil }
      guard let value = node.number, value.rounded() == value, value >= Double(range.lowerBound),
        value <= Double(range.upperBound)
      else {
        fail(node, "\(what): a whole number from \(range.lowerBound) to \(range.upperBound)")
        return nil
      }
      return Int(value)
    }
    func time(_ node: JSONNode?) -> LocalTime? {
      guard let node else { return nil }
      guard let value = node.string.flatMap(LocalTime.init(text:)) else {
        fail(node, "a time HH:MM")
        return nil
      }
      return value
    }
    var settings = PlanSettings()
    if let company = text(root["company"], "the company's name") { settings.company = company }
    if let sender = root["sender"] {
      if sender.isObject {
        unknown(sender, ["name", "email"])
        let name = text(sender["name"], "the sender's name")
        let email = text(sender["email"], "the sender's email")
        if sender["name"] == nil || sender["email"] == nil {
          fail(sender, "an object with `name` and `email`")
        } else if let name, let email {
          do throws(MIMEError) {
            _ = try Mailbox(email, displayName: name)
            settings.sender = Person(name: name, email: email)
          } catch {
            errors.append(
              InputError(
                (sender["email"] ?? sender).location(file.path),
                "found `\(email)`; expected an email address such as people@example.org (\(error))")
            )
          }
        }
      } else {
        fail(sender, "an object with `name` and `email`")
      }
    }
    if let node = root["domain"], let domain = text(node, "a domain such as northwind.example") {
      do throws(MIMEError) {
        _ = try MessageID(left: "check", domain: domain)
        settings.domain = domain
      } catch {
        fail(node, "a domain such as northwind.example (letters, digits, `-` and `.`)")
      }
    }
    if let node = root["work_days"] {
      if let days = node.array, !days.isEmpty {
        var parsed: [Weekday] = []
        for day in days {
          if let weekday = day.string.flatMap(Weekday.init(text:)) {
            if parsed.contains(weekday) {
              fail(day, "each weekday once")
            } else {
              parsed.append(weekday)
            }
          } else {
            fail(day, "a weekday such as Mon")
          }
        }
        settings.workDays = parsed
      } else {
        fail(node, "a non-empty list of weekdays such as [\"Mon\", \"Tue\"]")
      }
    }
    if let t = time(root["day_start"]) { settings.dayStart = t }
    if let t = time(root["day_end"]) { settings.dayEnd = t }
    if root["lunch_start"]?.isNull == true {
      settings.lunchStart = nil
    } else if let t = time(root["lunch_start"]) {
      settings.lunchStart = t
    }
    if let m = whole(root["lunch_minutes"], 0...240, "minutes") { settings.lunchMinutes = m }
    if let h = number(root["hours_per_day"], 1...12, "hours") { settings.hoursPerDay = h }
    if let node = root["training_cap_minutes_by_week"] {
      let caps = node.array?.compactMap { whole($0, 0...600, "minutes per day") }
      if let caps, !caps.isEmpty, caps.count == node.array?.count {
        settings.trainingCapMinutesByWeek = caps
      } else if node.array?.isEmpty ?? true {
        fail(node, "a non-empty list of minutes per day (week 1, week 2, ...)")
      }
    }
    if let v = whole(root["verification_minutes"], 5...240, "minutes") {
      settings.verificationMinutes = v
    }
    if let t = time(root["default_send_time"]) { settings.defaultSendTime = t }
    if let a = root["analysis"] {
      if a.isObject {
        unknown(a, SettingsFile.analysisKeys)
        settings.analysis = analysis(a, file: file.path, defaults: settings.analysis, &errors)
      } else {
        fail(a, "an object of analysis settings")
      }
    }
    if let node = root["video_call_links"] {
      if case .object(let members) = node.value {
        for (location, value) in members.sorted(by: { $0.key < $1.key }) {
          let link = value.string ?? ""
          let isWeb = link.hasPrefix("https://") || link.hasPrefix("http://")
          if !isWeb
            || link.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 32 } == true })
            || link.count > SettingsFile.maximumText * 5
          {
            fail(
              value, "a web address such as https://meet.example.com/onboarding for `\(location)`")
          } else {
            settings.videoCallLinks[location] = link
          }
        }
      } else {
        fail(node, "an object of location: link, with `*` for every other location")
      }
    }
    if settings.dayEnd <= settings.dayStart {
      errors.append(
        InputError(
          (root["day_end"] ?? root).location(file.path), "the working day ends before it starts"))
    } else if Double(settings.dayEnd.minutes - settings.dayStart.minutes) < settings.hoursPerDay
      * 60
    {
      errors.append(
        InputError(
          (root["hours_per_day"] ?? root).location(file.path),
          "\(formatNumber(settings.hoursPerDay)) hours do not fit between day_start and day_end"))
    }
    if let lunch = settings.lunchStart,
      lunch < settings.dayStart || lunch.minutes + settings.lunchMinutes > settings.dayEnd.minutes
    {
      errors.append(
        InputError(
          (root["lunch_start"] ?? root).location(file.path),
          "the lunch break is outside the working day (day_start to day_end)"))
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return settings
  }

  /// `analysis`: weights ≥ 0 and finite, margins and thresholds in level units (0–5), the
  /// integrity weight from 0 to 1.
  private static func analysis(
    _ node: JSONNode, file: String, defaults: AnalysisSettings, _ errors: inout [InputError]
  ) -> AnalysisSettings {
    var s = defaults
    func weights(_ key: String) -> [String: Double]? {
      guard let child = node[key] else { return nil }
      guard case .object(let members) = child.value, !members.isEmpty else {
        errors.append(child.error(file, expected: "an object of weights such as {\"test\": 1}"))
        return nil
      }
      var result: [String: Double] = [:]
      for (name, value) in members {
        guard let w = value.number, w.isFinite, (0...100).contains(w) else {
          errors.append(value.error(file, expected: "a weight from 0 to 100"))
          continue
        }
        result[name] = w
      }
      return result
    }
    func levels(_ key: String) -> Double? {
      guard let child = node[key] else { return nil }
      guard let v = child.number, v.isFinite, (0...5).contains(v) else {
        errors.append(child.error(file, expected: "levels from 0 to 5"))
        return nil
      }
      return v
    }
    if let v = weights("source_weights") { s.sourceWeights = v }
    if let v = weights("tier_weights") { s.tierWeights = v }
    if let v = levels("strength_margin") { s.strengthMargin = v }
    if let v = levels("on_target_tolerance") { s.onTargetTolerance = v }
    if let v = levels("critical_shortfall") { s.criticalShortfall = v }
    if let v = levels("source_conflict_levels") { s.sourceConflictLevels = v }
    if let v = levels("assessor_conflict_levels") { s.assessorConflictLevels = v }
    if let child = node["integrity_weight"] {
      if let v = child.number, v.isFinite, (0...1).contains(v) {
        s.integrityWeight = v
      } else {
        errors.append(child.error(file, expected: "a weight from 0 to 1"))
      }
    }
    return s
  }
}

/// `$.a[2].b` from a decoding error's coding path.
public func jsonPath(of error: DecodingError) -> String {
  let path: [any CodingKey]
  switch error {
  case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c),
    .dataCorrupted(let c):
    path = c.codingPath
  @unknown default: path = []
  }
  return "$" + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
}

/// A sentence for a decoding error: what was found and what was expected.
func describe(_ error: DecodingError) -> String {
  switch error {
  case .typeMismatch(let type, _): return "wrong type; expected \(type)"
  case .valueNotFound(let type, _): return "missing value; expected \(type)"
  case .keyNotFound(let key, _): return "missing key `\(key.stringValue)`"
  case .dataCorrupted(let context):
    return context.codingPath.isEmpty
      ? "not valid JSON: \(context.debugDescription)" : context.debugDescription
  @unknown default: return "not valid JSON"
  }
}
