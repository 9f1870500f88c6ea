import Foundation
import Testing

@testable import OnboardICS

/// Shared fixtures and helpers: a sample calendar, unfolding, and byte-level line checks.
enum ICSTestSupport {
  /// A fixed DTSTAMP, so every rendering of the same events is identical.
  static let stamp = ICSDateTime(year: 2026, month: 3, day: 1, hour: 12, minute: 0)

  /// A local 09:00-style session in `zone`.
  static func local(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0,
    zone: String = "Europe/Berlin"
  ) -> ICSEventTime {
    .local(
      ICSDateTime(year: year, month: month, day: day, hour: hour, minute: minute), timeZone: zone)
  }

  /// A minimal event at the given times.
  static func event(
    _ uid: String, _ start: ICSEventTime, _ end: ICSEventTime? = nil, summary: String = "Session"
  ) -> ICSEvent {
    ICSEvent(uid: uid, timestamp: stamp, start: start, end: end, summary: summary)
  }

  /// A realistic onboarding calendar: Berlin sessions on both sides of the 2026-03-29 DST change,
  /// a New York call, a Dubai call, an all-day milestone and a UTC event, with people and long texts.
  static func onboardingCalendar(method: ICSCalendar.Method? = .publish) -> ICSCalendar {
    let organizer = ICSOrganizer(email: "manager@example.com", commonName: "Müller, Anna")
    let attendees = [
      ICSAttendee(email: "new.hire@example.com", commonName: "José Ñúñez 👩🏽‍💻"),
      ICSAttendee(
        email: "buddy@example.com", commonName: "\"Buddy\" O'Brien", role: .optional, rsvp: false),
    ]
    let welcome = ICSEvent(
      uid: ICSEvent.stableUID(key: "hire-42/welcome", domain: "onboard.example.com"),
      timestamp: stamp, start: local(2026, 3, 27, 9), end: local(2026, 3, 27, 10, 30),
      summary: "Welcome, coffee; and accounts \\ equipment",
      description: "Line one\nLine two: bring your ID.\n" + longUnicodeText,
      location: "Berlin HQ, Room 4.2", categories: ["Onboarding", "Week 1"],
      organizer: organizer, attendees: attendees, sequence: 0, status: .confirmed,
      transparency: .opaque, url: "https://meet.example.com/welcome?hire=42&day=1")
    return ICSCalendar(
      method: method, name: "Onboarding – José",
      events: [
        welcome,
        ICSEvent(
          uid: "intro-2@onboard.example.com", timestamp: stamp, start: local(2026, 3, 30, 9),
          end: local(2026, 3, 30, 10), summary: "Team introductions", organizer: organizer,
          attendees: attendees),
        ICSEvent(
          uid: "ny-3@onboard.example.com", timestamp: stamp,
          start: local(2026, 4, 1, 11, zone: "America/New_York"),
          end: local(2026, 4, 1, 11, 45, zone: "America/New_York"), summary: "Call with US team",
          organizer: organizer),
        ICSEvent(
          uid: "dubai-4@onboard.example.com", timestamp: stamp,
          start: local(2026, 4, 2, 14, zone: "Asia/Dubai"),
          end: local(2026, 4, 2, 15, zone: "Asia/Dubai"), summary: "Call with Dubai office",
          organizer: organizer),
        ICSEvent(
          uid: "milestone-5@onboard.example.com", timestamp: stamp,
          start: .allDay(ICSDate(year: 2026, month: 4, day: 24)),
          end: .allDay(ICSDate(year: 2026, month: 4, day: 25)), summary: "30-day check-in",
          organizer: organizer, transparency: .transparent),
        ICSEvent(
          uid: "utc-6@onboard.example.com", timestamp: stamp,
          start: .utc(ICSDateTime(year: 2026, month: 4, day: 3, hour: 8, minute: 0)),
          end: .utc(ICSDateTime(year: 2026, month: 4, day: 3, hour: 9, minute: 0)),
          summary: "Async demo", organizer: organizer),
      ])
  }

  /// Long text mixing emoji (including ZWJ sequences), CJK, Arabic and Hebrew (right-to-left).
  static let longUnicodeText =
    String(repeating: "👩🏽‍💻🎉🇩🇪", count: 12) + " "
    + String(repeating: "新入社員のオンボーディング計画。", count: 6) + " "
    + String(repeating: "مرحبا بكم في الفريق الجديد ", count: 5)
    + String(repeating: "ברוכים הבאים ", count: 4)

  /// The physical lines of `text` split at CRLF (the final empty piece after the last CRLF dropped).
  static func physicalLines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
        lines.append(current)
        current = []
        index += 2
      } else {
        current.append(bytes[index])
        index += 1
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// The logical content lines: physical lines with RFC 5545 unfolding (CRLF + one space/tab removed).
  static func unfoldedLines(_ text: String) -> [String] {
    var logical: [[UInt8]] = []
    for line in physicalLines(Array(text.utf8)) {
      if let first = line.first, first == 0x20 || first == 0x09, !logical.isEmpty {
        logical[logical.count - 1] += line.dropFirst()
      } else {
        logical.append(line)
      }
    }
    return logical.map { String(decoding: $0, as: UTF8.self) }
  }

  /// Reverses TEXT escaping (`\\`, `\;`, `\,`, `\n`/`\N`).
  static func unescapeText(_ value: String) -> String {
    var out = ""
    var escaping = false
    for character in value {
      if escaping {
        out.append(character == "n" || character == "N" ? "\n" : character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        out.append(character)
      }
    }
    return out
  }

  /// The value (text after the first `:` outside double quotes) of each logical line named `name`.
  static func values(of name: String, in text: String) -> [String] {
    unfoldedLines(text).compactMap { line in
      guard propertyName(of: line) == name else { return nil }
      var inQuotes = false
      for index in line.indices {
        if line[index] == "\"" { inQuotes.toggle() }
        if line[index] == ":" && !inQuotes { return String(line[line.index(after: index)...]) }
      }
      return nil
    }
  }

  /// The property name of a logical line: up to the first `;` or `:`.
  static func propertyName(of line: String) -> String {
    String(line.prefix { $0 != ";" && $0 != ":" })
  }

  /// Renders or records the error as a test failure and returns an empty string.
  static func render(_ calendar: ICSCalendar, sourceLocation: SourceLocation = #_sourceLocation)
    -> String
  {
    do {
      return try calendar.render()
    } catch {
      Issue.record("render failed: \(error)", sourceLocation: sourceLocation)
      return ""
    }
  }
}
