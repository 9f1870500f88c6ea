import Foundation

/// When an email template is sent: the `send:` header of a template file.
public enum SendRule: Hashable, Sendable, Codable, CustomStringConvertible {
  /// `workday -5 at 10:00`: a date from the schedule grammar.
  case on(WhenRule, at: LocalTime?)
  /// `3 workdays before review-30`: relative to a fixed activity of the plan.
  case beforeActivity(workdays: Int, activityID: String, at: LocalTime?)
  /// `1 workdays before each training`: one email per training session.
  case beforeEachTraining(workdays: Int, at: LocalTime?)

  /// Parses the header value; nil when it follows none of the forms.
  public init?(text: String) {
    var body = text.trimmingCharacters(in: .whitespaces)
    var time: LocalTime? = nil
    if let range = body.range(of: " at ", options: .backwards) {
      guard let parsed = LocalTime(text: String(body[range.upperBound...])) else { return nil }
      time = parsed
      body = String(body[..<range.lowerBound])
    }
    let words = body.split(whereSeparator: \.isWhitespace).map(String.init)
    if words.count >= 4, let n = Int(words[0]), (0...WhenRule.maximumWorkdays).contains(n),
      ["workday", "workdays"].contains(words[1].lowercased()), words[2].lowercased() == "before"
    {
      if words.count == 5, words[3].lowercased() == "each", words[4].lowercased() == "training" {
        self = .beforeEachTraining(workdays: n, at: time)
        return
      }
      if words.count == 4 {
        self = .beforeActivity(workdays: n, activityID: words[3], at: time)
        return
      }
      return nil
    }
    guard let rule = WhenRule(text: body) else { return nil }
    self = .on(rule, at: time)
  }

  public static let expected =
    "a schedule rule such as `workday -5 at 10:00`, `N workdays before ACTIVITY-ID` or "
    + "`N workdays before each training` (N at most \(WhenRule.maximumWorkdays))"

  public var time: LocalTime? {
    switch self {
    case .on(_, let at), .beforeActivity(_, _, let at), .beforeEachTraining(_, let at): at
    }
  }

  public var description: String {
    let suffix = time.map { " at \($0)" } ?? ""
    switch self {
    case .on(let rule, _): return "\(rule)\(suffix)"
    case .beforeActivity(let n, let id, _): return "\(n) workdays before \(id)\(suffix)"
    case .beforeEachTraining(let n, _): return "\(n) workdays before each training\(suffix)"
    }
  }
}

/// Who an email is for.
public enum Audience: String, Hashable, Sendable, Codable, CaseIterable {
  case hire, manager, buddy, hr
}

/// An email template file from `Plans/emails/`: a small header, a text body, an optional HTML body.
///
/// ```
/// subject: Welcome to {{company}}, {{first_name}}!
/// audience: hire
/// cc: manager
/// send: workday -5 at 10:00
/// ---
/// Hello {{first_name}}, ...
/// --- html ---
/// <p>Hello {{first_name}}, ...</p>
/// ```
public struct EmailTemplateFile: Hashable, Sendable {
  /// The file name without extension: `welcome`.
  public var id: String
  public var path: String
  public var subject: String
  public var audience: Audience
  public var cc: [Audience]
  /// `cc: host`: the session's named person (trainer, mentor, buddy or manager) is copied, so
  /// that whoever runs it gets the invitation, its update and its cancellation too (templates
  /// sent for each training only).
  public var ccHost = false
  public var send: SendRule
  /// `invitation`: attach the session or activity as an .ics invitation.
  public var attachInvitation: Bool
  public var text: String
  public var html: String?
  /// Lines where the subject, text and html begin (1-based), to locate template errors.
  public var subjectLine: Int
  /// The line of the `send:` header (1 when it has none).
  public var sendLine: Int = 1
  public var textLine: Int
  public var htmlLine: Int?

  /// A template's id: its file name without `.mustache` (`welcome` of `Plans/emails/welcome.mustache`).
  public static func id(ofPath path: String) -> String {
    ((path as NSString).lastPathComponent as NSString).deletingPathExtension
  }

  /// Parses a template file; errors name the file and line.
  public init(id: String, path: String, contents: String) throws(InputErrors) {
    let lines = contents.replacingOccurrences(of: "\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
    var errors: [InputError] = []
    func fail(_ line: Int, _ message: String, column: Int? = nil) {
      errors.append(InputError(SourceLocation(file: path, line: line, column: column), message))
    }
    var header: [String: (String, Int)] = [:]
    var index = 0
    while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) != "---" {
      let line = lines[index]
      if !line.trimmingCharacters(in: .whitespaces).isEmpty {
        if let colon = line.firstIndex(of: ":") {
          let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
          let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
          if !["subject", "audience", "cc", "send", "attach"].contains(key) {
            fail(
              index + 1, "unknown header `\(key)`; expected subject, audience, cc, send or attach")
          }
          if let (_, first) = header[key] {
            fail(
              index + 1,
              "the header `\(key)` appears twice (first on line \(first)); expected each header once"
            )
          } else {
            header[key] = (value, index + 1)
          }
        } else {
          fail(
            index + 1, "expected a header line `key: value` or the separator `---`, found `\(line)`"
          )
        }
      }
      index += 1
    }
    if index >= lines.count {
      fail(lines.count, "missing the `---` line between the header and the body")
    }
    let bodyStart = index + 1
    var textLines: [String] = []
    var htmlLines: [String]? = nil
    var htmlStart: Int? = nil
    for i in min(bodyStart, lines.count)..<lines.count {
      if lines[i].trimmingCharacters(in: .whitespaces) == "--- html ---", htmlLines == nil {
        htmlLines = []
        htmlStart = i + 2
      } else if htmlLines != nil {
        htmlLines?.append(lines[i])
      } else {
        textLines.append(lines[i])
      }
    }
    if id.isEmpty || id != slug(id) || id.count > 64 {
      fail(
        1,
        "the template name `\(singleLine(id))` is not usable in file names and headers; expected a name of lower-case letters, digits and `-` (at most 64), e.g. welcome.mustache"
      )
    }
    self.id = id
    self.path = path
    subject = header["subject"]?.0 ?? ""
    subjectLine = header["subject"]?.1 ?? 1
    if subject.isEmpty { fail(1, "missing `subject:` header") }
    audience = .hire
    if let (value, line) = header["audience"] {
      if let parsed = Audience(rawValue: value.lowercased()) {
        audience = parsed
      } else {
        fail(line, "audience `\(value)` is unknown; expected hire, manager, buddy or hr")
      }
    } else {
      fail(1, "missing `audience:` header (hire, manager, buddy or hr)")
    }
    cc = []
    if let (value, line) = header["cc"], !value.isEmpty {
      for part in value.split(separator: ",").map({
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      }) {
        if let parsed = Audience(rawValue: part) {
          cc.append(parsed)
        } else if part == "host" {
          ccHost = true
        } else {
          fail(
            line,
            "cc `\(part)` is unknown; expected hire, manager, buddy, hr or host (the person who "
              + "runs the session)")
        }
      }
    }
    send = .on(.workday(1), at: nil)
    if let (value, line) = header["send"] {
      sendLine = line
      if let parsed = SendRule(text: value) {
        send = parsed
      } else {
        // Where the value starts on its line, and the part that is wrong when it is the time.
        let text = line - 1 < lines.count ? lines[line - 1] : ""
        let start = text.range(of: value).map {
          text.distance(from: text.startIndex, to: $0.lowerBound)
        }
        if let at = value.range(of: " at ", options: .backwards),
          LocalTime(text: String(value[at.upperBound...])) == nil,
          SendRule(text: String(value[..<at.lowerBound])) != nil
        {
          let time = String(value[at.upperBound...])
          fail(
            line,
            "send: found the time `\(time)`; expected a 24-hour time HH:MM from 00:00 to 23:59",
            column: start.map { $0 + value.distance(from: value.startIndex, to: at.upperBound) + 1 }
          )
        } else {
          fail(
            line, "send `\(value)` is not understood; expected \(SendRule.expected)",
            column: start.map { $0 + 1 })
        }
      }
    } else {
      fail(1, "missing `send:` header")
    }
    attachInvitation = false
    if let (value, line) = header["attach"], !value.isEmpty {
      if value.lowercased() == "invitation" {
        attachInvitation = true
      } else {
        fail(line, "attach `\(value)` is unknown; expected `invitation`")
      }
    }
    if ccHost, case .beforeEachTraining = send {
    } else if ccHost, let (_, line) = header["cc"] {
      fail(
        line,
        "cc `host` names the person who runs a session; expected it in a template sent "
          + "for each training (`send: N workdays before each training`)")
    }
    while textLines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true {
      textLines.removeLast()
    }
    text = textLines.joined(separator: "\n") + "\n"
    textLine = bodyStart + 1
    html = htmlLines.map { $0.joined(separator: "\n") }
    htmlLine = htmlStart
    if !errors.isEmpty { throw InputErrors(errors) }
  }
}
