import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardICS

/// The calendar writer that appends every line straight to the output (escaping, parameters,
/// `mailto:` checks and zone lookups on bytes, once per zone) against a copy of the writer it
/// replaced, on generated calendars: every field drawn from hostile pieces, bad UIDs, dates,
/// zones, emails and URLs included, so the thrown errors are compared too.
@Suite struct EventWriterTests {
  static let texts: [String] = [
    "a", "Z", " ", "\t", "\r", "\n", "\r\n", "\u{0B}", "\u{85}", "\u{9F}", "\u{A0}", "\u{0}",
    "\u{2028}", "\u{2029}", "\u{301}", "é", "Siobhán", "日本語", "👩🏽‍💻", "\\", ";", ",", ":", "\"",
    "^", "'", "mailto:", "@", "Agenda:\n- one\n- two", String(repeating: "x", count: 40),
    String(repeating: "é", count: 30),
  ]
  static let emails: [String] = [
    "new.hire@example.com", "MAILTO:Buddy@Example.com", "mailto:mgr@example.com", "mailto:",
    "@example.com", "someone@", "no-at-sign", "a b@example.com", "a\"b@example.com",
    "é@example.com",
    "x@exämple.com", "", "mAiLtO:a@b", "a@b\u{301}", "mailto:\u{301}a@b", "K\u{212A}@x.example",
  ]
  static let zones: [String] = [
    "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC",
    "Nowhere/Zone", "Bad Zone", "",
  ]

  struct Draw {
    var numbers: SeededNumbers
    mutating func next(_ bound: Int) -> Int { numbers.next(bound) }
    mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    mutating func text(_ maximum: Int = 6) -> String {
      (0..<next(maximum + 1)).map { _ in EventWriterTests.texts[next(EventWriterTests.texts.count)]
      }
      .joined()
    }
    mutating func email() -> String { EventWriterTests.emails[next(EventWriterTests.emails.count)] }
    mutating func dateTime() -> ICSDateTime {
      ICSDateTime(
        year: 2025 + next(3), month: chance(2) ? 13 : 1 + next(12), day: 1 + next(28),
        hour: next(24), minute: next(60), second: chance(10) ? next(60) : 0)
    }
    mutating func time(like other: ICSEventTime?) -> ICSEventTime {
      let kind = next(10)
      if let other, !chance(10) {
        // Mostly an end of the same kind after the start.
        switch other {
        case .local(let t, let zone):
          return .local(t.adding(seconds: chance(5) ? -600 : 60 * (15 + next(120))), timeZone: zone)
        case .utc(let t): return .utc(t.adding(seconds: 60 * next(200)))
        case .allDay(let d): return .allDay(d.adding(days: next(3)))
        }
      }
      switch kind {
      case 0: return .utc(dateTime())
      case 1: return .allDay(dateTime().date)
      default:
        return .local(
          dateTime(), timeZone: EventWriterTests.zones[next(EventWriterTests.zones.count)])
      }
    }
    mutating func event() -> ICSEvent {
      let start = time(like: nil)
      var event = ICSEvent(
        uid: chance(3) ? text(2) : ICSEvent.stableUID(key: text(), domain: "onboard.example.com"),
        timestamp: chance(2)
          ? ICSDateTime(year: 2026, month: 2, day: 30, hour: 0, minute: 0)
          : dateTime(),
        start: start, end: chance(15) ? nil : time(like: start), summary: text())
      if chance(70) { event.description = text(10) }
      if chance(60) { event.location = text(3) }
      event.categories = (0..<next(3)).map { _ in text(2) }
      if chance(80) {
        event.organizer = ICSOrganizer(email: email(), commonName: chance(80) ? text(3) : nil)
      }
      event.attendees = (0..<next(4)).map { _ in
        ICSAttendee(
          email: email(), commonName: chance(80) ? text(3) : nil,
          role: ICSAttendee.Role.allCases[next(ICSAttendee.Role.allCases.count)],
          participationStatus: ICSAttendee.ParticipationStatus.allCases[
            next(ICSAttendee.ParticipationStatus.allCases.count)], rsvp: chance(50))
      }
      event.sequence = chance(2) ? -1 : chance(5) ? 12_345 + next(100_000) : next(12)
      event.status = chance(30) ? nil : ICSEvent.Status.allCases[next(3)]
      event.transparency = chance(50) ? nil : ICSEvent.Transparency.allCases[next(2)]
      if chance(50) {
        event.url =
          ["https://meet.example.com/x?a=1&b=2", "bad url", "", "https://é.example"][
            next(4)]
      }
      return event
    }
  }

  @Test func calendarsMatchTheWriterItReplaced() {
    var draw = Draw(numbers: SeededNumbers(seed: 25))
    var rendered = 0
    for _ in 0..<3_000 {
      let methods: [ICSCalendar.Method?] = [nil, .publish, .request, .cancel]
      let calendar = ICSCalendar(
        method: methods[draw.next(4)], name: draw.chance(70) ? draw.text(3) : nil,
        events: (0..<draw.next(5)).map { _ in draw.event() },
        parameterEncoding: draw.chance(50) ? .compatible : .rfc6868,
        timeZoneMarginDays: draw.chance(10) ? 0 : 31)
      let fast = Result { () throws(ICSError) in try calendar.renderBytes() }
      let reference = Result { () throws(ICSError) in try Reference.renderBytes(calendar) }
      switch (fast, reference) {
      case (.success(let bytes), .success(let expected)):
        rendered += 1
        #expect(bytes == expected, "\(String(decoding: expected, as: UTF8.self).debugDescription)")
      case (.failure(let error), .failure(let expected)):
        #expect(error == expected)
      default:
        Issue.record("\(fast) vs \(reference)")
      }
    }
    // Enough of them render, not only fail.
    #expect(rendered > 500)
  }

  /// The writer as it was: each line built from strings and parameter arrays.
  enum Reference {
    static func renderBytes(_ calendar: ICSCalendar) throws(ICSError) -> [UInt8] {
      var eventLines = ICSContentLines()
      var coverage: [String: (builder: ICSTimeZoneBuilder, start: Int, end: Int)] = [:]
      for (index, event) in calendar.events.enumerated() {
        for (builder, instant) in try write(
          event, into: &eventLines, index: index, method: calendar.method,
          parameterEncoding: calendar.parameterEncoding)
        {
          if let known = coverage[builder.identifier] {
            coverage[builder.identifier] = (
              known.builder, min(known.start, instant), max(known.end, instant)
            )
          } else {
            coverage[builder.identifier] = (builder, instant, instant)
          }
        }
      }
      var lines = ICSContentLines()
      lines.begin("VCALENDAR")
      lines.append("PRODID", value: ICSText.escapeText(calendar.productID))
      lines.append("VERSION", value: "2.0")
      lines.append("CALSCALE", value: "GREGORIAN")
      if let method = calendar.method { lines.append("METHOD", value: method.rawValue) }
      if let name = calendar.name { lines.append("X-WR-CALNAME", value: ICSText.escapeText(name)) }
      let margin = max(0, calendar.timeZoneMarginDays) * 86_400
      for identifier in coverage.keys.sorted() {
        guard let entry = coverage[identifier] else { continue }
        let observances = entry.builder.observancesByFoundation(
          from: entry.start - margin, through: entry.end + margin)
        entry.builder.write(observances, into: &lines)
      }
      lines.append(contentsOf: eventLines)
      lines.end("VCALENDAR")
      return lines.bytes
    }

    struct ResolvedTime {
      var parameters: [(String, String)]
      var time: ICSEventTime
      var order: Int
      var zone: (ICSTimeZoneBuilder, Int)?

      func write(_ bytes: inout [UInt8]) {
        switch time {
        case .allDay(let date): date.append(to: &bytes)
        case .utc(let dateTime):
          dateTime.append(to: &bytes)
          bytes.append(UInt8(ascii: "Z"))
        case .local(let dateTime, _): dateTime.append(to: &bytes)
        }
      }
    }

    static func write(
      _ event: ICSEvent, into lines: inout ICSContentLines, index: Int,
      method: ICSCalendar.Method?, parameterEncoding: ICSCalendar.ParameterEncoding
    ) throws(ICSError) -> [(ICSTimeZoneBuilder, Int)] {
      let uid = event.uid
      func failure(_ reason: ICSError.Reason, _ property: String) -> ICSError {
        ICSError(reason, eventIndex: index, uid: uid, property: property)
      }
      guard ICSText.isUsableUID(uid) else { throw failure(.invalidUID(uid), "UID") }
      guard event.timestamp.isValid else {
        throw failure(.invalidDateTime(event.timestamp.description), "DTSTAMP")
      }
      if let method, method.requiresOrganizer, event.organizer == nil {
        throw failure(.missingOrganizer(method: method.rawValue), "ORGANIZER")
      }
      guard event.sequence >= 0 else {
        throw failure(.negativeSequence(event.sequence), "SEQUENCE")
      }
      var zones: [(ICSTimeZoneBuilder, Int)] = []
      let startValue = try resolve(event.start, property: "DTSTART", failure: failure)
      if let (builder, instant) = startValue.zone { zones.append((builder, instant)) }
      var endValue: ResolvedTime?
      if let end = event.end {
        let resolved = try resolve(end, property: "DTEND", failure: failure)
        guard event.start.hasSameValueType(as: end) else {
          throw failure(.mixedValueTypes, "DTEND")
        }
        guard resolved.order > startValue.order else {
          throw failure(.endNotAfterStart, "DTEND")
        }
        if let (builder, instant) = resolved.zone { zones.append((builder, instant)) }
        endValue = resolved
      }
      lines.begin("VEVENT")
      lines.append("UID", value: ICSText.escapeText(uid))
      lines.append("DTSTAMP") { bytes in
        event.timestamp.append(to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
      }
      // The values as the array writer it was wrote them, then copied into the lines.
      lines.append("DTSTART", startValue.parameters) { out in
        var bytes: [UInt8] = []
        startValue.write(&bytes)
        out.append(contentsOf: bytes)
      }
      if let endValue {
        lines.append("DTEND", endValue.parameters) { out in
          var bytes: [UInt8] = []
          endValue.write(&bytes)
          out.append(contentsOf: bytes)
        }
      }
      lines.append("SUMMARY", value: ICSText.escapeText(event.summary))
      if let description = event.description {
        lines.append("DESCRIPTION", value: ICSText.escapeText(description))
      }
      if let location = event.location {
        lines.append("LOCATION", value: ICSText.escapeText(location))
      }
      if !event.categories.isEmpty {
        lines.append(
          "CATEGORIES", value: event.categories.map(ICSText.escapeText).joined(separator: ","))
      }
      if let organizer = event.organizer {
        let address = try mailto(organizer.email, property: "ORGANIZER", failure: failure)
        lines.append(
          "ORGANIZER", commonName(organizer.commonName, parameterEncoding), value: address)
      }
      for attendee in event.attendees {
        let address = try mailto(attendee.email, property: "ATTENDEE", failure: failure)
        let parameters =
          commonName(attendee.commonName, parameterEncoding) + [
            ("ROLE", attendee.role.rawValue),
            ("PARTSTAT", attendee.participationStatus.rawValue),
            ("RSVP", attendee.rsvp ? "TRUE" : "FALSE"),
          ]
        lines.append("ATTENDEE", parameters, value: address)
      }
      lines.append("SEQUENCE", value: String(event.sequence))
      if let status = event.status { lines.append("STATUS", value: status.rawValue) }
      if let transparency = event.transparency {
        lines.append("TRANSP", value: transparency.rawValue)
      }
      if let url = event.url {
        guard let value = ICSText.uriValue(url) else { throw failure(.invalidURL(url), "URL") }
        lines.append("URL", value: value)
      }
      lines.end("VEVENT")
      return zones
    }

    static func resolve(
      _ time: ICSEventTime, property: String, failure: (ICSError.Reason, String) -> ICSError
    ) throws(ICSError) -> ResolvedTime {
      switch time {
      case .allDay(let date):
        guard date.isValid else { throw failure(.invalidDateTime(date.description), property) }
        return ResolvedTime(parameters: [("VALUE", "DATE")], time: time, order: date.dayNumber)
      case .utc(let dateTime):
        guard dateTime.isValid else {
          throw failure(.invalidDateTime(dateTime.description), property)
        }
        return ResolvedTime(parameters: [], time: time, order: dateTime.secondsSince1970)
      case .local(let dateTime, let zoneID):
        guard dateTime.isValid else {
          throw failure(.invalidDateTime(dateTime.description), property)
        }
        guard let builder = ICSTimeZoneBuilder(identifier: zoneID) else {
          throw failure(.unknownTimeZone(zoneID), property)
        }
        let instant = builder.instantByFoundation(of: dateTime)
        return ResolvedTime(
          parameters: [("TZID", builder.identifier)], time: time, order: instant,
          zone: (builder, instant))
      }
    }

    static func mailto(
      _ email: String, property: String, failure: (ICSError.Reason, String) -> ICSError
    ) throws(ICSError) -> String {
      let address = email.lowercased().hasPrefix("mailto:") ? String(email.dropFirst(7)) : email
      let hasAt =
        address.utf8.allSatisfy { $0 < 0x80 } ? address.utf8.contains(0x40) : address.contains("@")
      guard hasAt, !address.hasPrefix("@"), !address.hasSuffix("@"),
        let value = ICSText.uriValue(address)
      else { throw failure(.invalidEmail(email), property) }
      return "mailto:" + value
    }

    static func commonName(_ name: String?, _ encoding: ICSCalendar.ParameterEncoding)
      -> [(String, String)]
    {
      guard let name else { return [] }
      let encoded = ICSText.parameterValue(name, encoding: encoding)
      return encoded.isEmpty || encoded == "\"\"" ? [] : [("CN", encoded)]
    }
  }
}
