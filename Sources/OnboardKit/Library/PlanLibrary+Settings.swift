import Foundation

/// `Plans/settings.json`: every key optional; what is absent keeps its default.
struct SettingsFile: Decodable {
  struct Sender: Decodable {
    var name: String
    var email: String
  }
  struct Analysis: Decodable {
    var source_weights: [String: Double]?
    var tier_weights: [String: Double]?
    var strength_margin: Double?
    var on_target_tolerance: Double?
    var critical_shortfall: Double?
    var source_conflict_levels: Double?
    var assessor_conflict_levels: Double?
  }
  var company: String?
  var sender: Sender?
  var domain: String?
  var work_days: [String]?
  var day_start: String?
  var day_end: String?
  var lunch_start: String?
  var lunch_minutes: Int?
  var hours_per_day: Double?
  var training_cap_minutes_by_week: [Int]?
  var verification_minutes: Int?
  var default_send_time: String?
  var analysis: Analysis?
}

extension PlanLibrary {
  static func parseSettings(_ file: SourceFile) throws(InputErrors) -> PlanSettings {
    let raw: SettingsFile
    do {
      raw = try JSONDecoder().decode(SettingsFile.self, from: file.data)
    } catch let error as DecodingError {
      throw InputErrors([
        InputError(SourceLocation(file: file.path, jsonPath: jsonPath(of: error)), describe(error))
      ])
    } catch {
      throw InputErrors([
        InputError(SourceLocation(file: file.path), "not valid JSON: \(error.localizedDescription)")
      ])
    }
    var settings = PlanSettings()
    var errors: [InputError] = []
    func fail(_ path: String, _ message: String) {
      errors.append(InputError(SourceLocation(file: file.path, jsonPath: path), message))
    }
    func time(_ text: String?, _ path: String) -> LocalTime? {
      guard let text else { return nil }
      guard let value = LocalTime(text: text) else {
        fail(path, "found `\(text)`; expected a time HH:MM")
        return nil
      }
      return value
    }
    if let company = raw.company { settings.company = company }
    if let sender = raw.sender { settings.sender = Person(name: sender.name, email: sender.email) }
    if let domain = raw.domain { settings.domain = domain }
    if let days = raw.work_days {
      var parsed: [Weekday] = []
      for (i, day) in days.enumerated() {
        if let weekday = Weekday(text: day) {
          parsed.append(weekday)
        } else {
          fail("$.work_days[\(i)]", "found `\(day)`; expected a weekday such as Mon")
        }
      }
      settings.workDays = parsed
    }
    if let t = time(raw.day_start, "$.day_start") { settings.dayStart = t }
    if let t = time(raw.day_end, "$.day_end") { settings.dayEnd = t }
    if let t = time(raw.lunch_start, "$.lunch_start") { settings.lunchStart = t }
    if let m = raw.lunch_minutes { settings.lunchMinutes = m }
    if let h = raw.hours_per_day { settings.hoursPerDay = h }
    if let caps = raw.training_cap_minutes_by_week {
      if caps.isEmpty || caps.contains(where: { $0 < 0 }) {
        fail("$.training_cap_minutes_by_week", "expected a non-empty list of minutes ≥ 0")
      } else {
        settings.trainingCapMinutesByWeek = caps
      }
    }
    if let v = raw.verification_minutes { settings.verificationMinutes = v }
    if let t = time(raw.default_send_time, "$.default_send_time") { settings.defaultSendTime = t }
    if let a = raw.analysis {
      var s = settings.analysis
      if let v = a.source_weights { s.sourceWeights = v }
      if let v = a.tier_weights { s.tierWeights = v }
      if let v = a.strength_margin { s.strengthMargin = v }
      if let v = a.on_target_tolerance { s.onTargetTolerance = v }
      if let v = a.critical_shortfall { s.criticalShortfall = v }
      if let v = a.source_conflict_levels { s.sourceConflictLevels = v }
      if let v = a.assessor_conflict_levels { s.assessorConflictLevels = v }
      settings.analysis = s
    }
    if settings.dayEnd <= settings.dayStart {
      fail("$.day_end", "the working day ends before it starts")
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return settings
  }
}

/// `$.a[2].b` from a decoding error's coding path.
func jsonPath(of error: DecodingError) -> String {
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
