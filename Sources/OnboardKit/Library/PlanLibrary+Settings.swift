import Foundation

/// `Plans/settings.json`: every key optional; what is absent keeps its default.
struct SettingsFile: Decodable {
  struct Sender: Decodable {
    var name: String
    var email: String
  }
  struct Analysis: Decodable {
    var sourceWeights: [String: Double]?
    var tierWeights: [String: Double]?
    var strengthMargin: Double?
    var onTargetTolerance: Double?
    var criticalShortfall: Double?
    var sourceConflictLevels: Double?
    var assessorConflictLevels: Double?
    var integrityWeight: Double?
  }
  var company: String?
  var sender: Sender?
  var domain: String?
  var workDays: [String]?
  var dayStart: String?
  var dayEnd: String?
  var lunchStart: String?
  var lunchMinutes: Int?
  var hoursPerDay: Double?
  var trainingCapMinutesByWeek: [Int]?
  var verificationMinutes: Int?
  var defaultSendTime: String?
  var analysis: Analysis?

  /// The top-level keys, as written in the file.
  static let keys: Set<String> = [
    "company", "sender", "domain", "work_days", "day_start", "day_end", "lunch_start",
    "lunch_minutes",
    "hours_per_day", "training_cap_minutes_by_week", "verification_minutes", "default_send_time",
    "analysis", "video_call_links",
  ]
}

extension PlanLibrary {
  static func parseSettings(_ file: SourceFile) throws(InputErrors) -> PlanSettings {
    let raw: SettingsFile
    do {
      let decoder = JSONDecoder()
      decoder.keyDecodingStrategy = .convertFromSnakeCase
      raw = try decoder.decode(SettingsFile.self, from: file.data)
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
    // A misspelt key would silently keep a default: name it instead.
    if let object = try? JSONSerialization.jsonObject(with: file.data) as? [String: Any] {
      for key in object.keys.sorted() where !SettingsFile.keys.contains(key) {
        errors.append(
          InputError(
            SourceLocation(file: file.path, jsonPath: "$.\(key)"),
            "unknown setting `\(key)`; expected one of \(SettingsFile.keys.sorted().joined(separator: ", "))"
          ))
      }
    }
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
    if let days = raw.workDays {
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
    if let t = time(raw.dayStart, "$.day_start") { settings.dayStart = t }
    if let t = time(raw.dayEnd, "$.day_end") { settings.dayEnd = t }
    if let t = time(raw.lunchStart, "$.lunch_start") { settings.lunchStart = t }
    if let m = raw.lunchMinutes { settings.lunchMinutes = m }
    if let h = raw.hoursPerDay { settings.hoursPerDay = h }
    if let caps = raw.trainingCapMinutesByWeek {
      if caps.isEmpty || caps.contains(where: { $0 < 0 }) {
        fail("$.training_cap_minutes_by_week", "expected a non-empty list of minutes ≥ 0")
      } else {
        settings.trainingCapMinutesByWeek = caps
      }
    }
    if let v = raw.verificationMinutes { settings.verificationMinutes = v }
    if let t = time(raw.defaultSendTime, "$.default_send_time") { settings.defaultSendTime = t }
    if let a = raw.analysis {
      var s = settings.analysis
      if let v = a.sourceWeights { s.sourceWeights = v }
      if let v = a.tierWeights { s.tierWeights = v }
      if let v = a.strengthMargin { s.strengthMargin = v }
      if let v = a.onTargetTolerance { s.onTargetTolerance = v }
      if let v = a.criticalShortfall { s.criticalShortfall = v }
      if let v = a.sourceConflictLevels { s.sourceConflictLevels = v }
      if let v = a.assessorConflictLevels { s.assessorConflictLevels = v }
      if let v = a.integrityWeight {
        if (0...1).contains(v) {
          s.integrityWeight = v
        } else {
          fail(
            "$.analysis.integrity_weight",
            "found \(formatNumber(v, decimals: 2)); expected a weight from 0 to 1")
        }
      }
      settings.analysis = s
    }
    // Read beside the decoder, whose snake-case strategy would rewrite the locations (the keys).
    let object = try? JSONSerialization.jsonObject(with: file.data) as? [String: Any]
    var links: [String: Any] = [:]
    if let value = object?["video_call_links"] {
      if let dictionary = value as? [String: Any] {
        links = dictionary
      } else {
        fail("$.video_call_links", "expected an object of location: link, with `*` for every other")
      }
    }
    for (location, value) in links.sorted(by: { $0.key < $1.key }) {
      let link = value as? String ?? ""
      let isWeb = link.hasPrefix("https://") || link.hasPrefix("http://")
      if !isWeb
        || link.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 32 } == true })
      {
        fail(
          "$.video_call_links.\(location)",
          "found `\(link)`; expected a web address such as https://meet.example.com/onboarding")
      } else {
        settings.videoCallLinks[location] = link
      }
    }
    if settings.dayEnd <= settings.dayStart {
      fail("$.day_end", "the working day ends before it starts")
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return settings
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
