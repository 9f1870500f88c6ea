import Foundation
import Testing

@testable import OnboardICS

@Suite("VTIMEZONE generation from Foundation's time-zone database")
struct TimeZoneTests {
  /// The logical lines of the VTIMEZONE whose TZID is `zone`, BEGIN to END.
  func vtimezone(_ zone: String, in text: String) -> [String] {
    let lines = ICSTestSupport.unfoldedLines(text)
    guard let tzid = lines.firstIndex(of: "TZID:" + zone),
      let end = lines[tzid...].firstIndex(of: "END:VTIMEZONE")
    else { return [] }
    return Array(lines[(tzid - 1)...end])
  }

  /// An observance block as the writer should produce it.
  func observance(_ kind: String, _ onset: String, _ from: String, _ to: String) -> [String] {
    [
      "BEGIN:\(kind)", "DTSTART:\(onset)", "TZOFFSETFROM:\(from)", "TZOFFSETTO:\(to)",
      "END:\(kind)",
    ]
  }

  @Test("Europe/Berlin across the 2026-03-29 change: the observance before, the change, the next")
  func berlinAcrossDST() {
    let text = ICSTestSupport.render(ICSTestSupport.onboardingCalendar())
    let expected =
      ["BEGIN:VTIMEZONE", "TZID:Europe/Berlin"]
      + observance("STANDARD", "20251026T030000", "+0200", "+0100")
      + observance("DAYLIGHT", "20260329T020000", "+0100", "+0200")
      + observance("STANDARD", "20261025T030000", "+0200", "+0100") + ["END:VTIMEZONE"]
    #expect(vtimezone("Europe/Berlin", in: text) == expected)
  }

  @Test("America/New_York: EST before, EDT from 2026-03-08 02:00, EST again from 2026-11-01")
  func newYork() {
    let text = ICSTestSupport.render(ICSTestSupport.onboardingCalendar())
    let expected =
      ["BEGIN:VTIMEZONE", "TZID:America/New_York"]
      + observance("STANDARD", "20251102T020000", "-0400", "-0500")
      + observance("DAYLIGHT", "20260308T020000", "-0500", "-0400")
      + observance("STANDARD", "20261101T020000", "-0400", "-0500") + ["END:VTIMEZONE"]
    #expect(vtimezone("America/New_York", in: text) == expected)
  }

  @Test(
    "zones without DST get exactly one STANDARD component",
    arguments: [
      ("Asia/Dubai", "+0400"), ("UTC", "+0000"), ("Asia/Kolkata", "+0530"), ("Etc/GMT+5", "-0500"),
    ])
  func noDST(zone: String, offset: String) {
    let event = ICSTestSupport.event(
      "x@y", ICSTestSupport.local(2026, 4, 2, 14, zone: zone),
      ICSTestSupport.local(2026, 4, 2, 15, zone: zone))
    let text = ICSTestSupport.render(ICSCalendar(events: [event]))
    let expected =
      ["BEGIN:VTIMEZONE", "TZID:\(zone)"]
      + observance("STANDARD", "19700101T000000", offset, offset) + ["END:VTIMEZONE"]
    #expect(vtimezone(zone, in: text) == expected)
  }

  @Test("a summer-only range lists the DAYLIGHT onset before it and the STANDARD onset after it")
  func summerOnly() {
    let event = ICSTestSupport.event("s@y", ICSTestSupport.local(2026, 7, 1, 9))
    let text = ICSTestSupport.render(ICSCalendar(events: [event], timeZoneMarginDays: 0))
    let expected =
      ["BEGIN:VTIMEZONE", "TZID:Europe/Berlin"]
      + observance("DAYLIGHT", "20260329T020000", "+0100", "+0200")
      + observance("STANDARD", "20261025T030000", "+0200", "+0100") + ["END:VTIMEZONE"]
    #expect(vtimezone("Europe/Berlin", in: text) == expected)
  }

  @Test("southern hemisphere and half-hour DST: Australia/Lord_Howe switches +1030 ↔ +1100")
  func lordHowe() {
    let zone = "Australia/Lord_Howe"
    let event = ICSTestSupport.event("l@y", ICSTestSupport.local(2026, 4, 10, 9, zone: zone))
    let text = ICSTestSupport.render(ICSCalendar(events: [event], timeZoneMarginDays: 0))
    let block = vtimezone(zone, in: text)
    #expect(block.contains("TZOFFSETFROM:+1100"))
    #expect(block.contains("TZOFFSETTO:+1030"))
    #expect(block.contains("BEGIN:DAYLIGHT") && block.contains("BEGIN:STANDARD"))
  }

  @Test("each observance agrees with Foundation at its onset, for several zones and years")
  func observancesAgreeWithFoundation() throws {
    for zoneID in ["Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Santiago"] {
      let builder = try #require(ICSTimeZoneBuilder(identifier: zoneID))
      let zone = try #require(TimeZone(identifier: zoneID))
      let start = ICSDateTime(year: 2024, month: 1, day: 1, hour: 0, minute: 0).secondsSince1970
      let observances = builder.observances(from: start, through: start + 3 * 365 * 86_400)
      #expect(observances.count >= 7)
      for item in observances {
        let instant = item.onset.secondsSince1970 - item.offsetFrom
        let before = Date(timeIntervalSince1970: TimeInterval(instant - 1))
        let after = Date(timeIntervalSince1970: TimeInterval(instant))
        #expect(zone.secondsFromGMT(for: before) == item.offsetFrom, "\(zoneID) \(item.onset)")
        #expect(zone.secondsFromGMT(for: after) == item.offsetTo, "\(zoneID) \(item.onset)")
        #expect(zone.isDaylightSavingTime(for: after) == item.isDaylight)
      }
      #expect(zip(observances, observances.dropFirst()).allSatisfy { $0.offsetTo == $1.offsetFrom })
    }
  }

  @Test("the wall-clock time is written as given, with TZID, on both sides of the DST change")
  func wallClockKept() {
    let text = ICSTestSupport.render(ICSTestSupport.onboardingCalendar())
    let lines = ICSTestSupport.unfoldedLines(text)
    #expect(lines.contains("DTSTART;TZID=Europe/Berlin:20260327T090000"))
    #expect(lines.contains("DTSTART;TZID=Europe/Berlin:20260330T090000"))
    #expect(lines.contains("DTEND;TZID=America/New_York:20260401T114500"))
    #expect(lines.contains("DTSTART;VALUE=DATE:20260424"))
    #expect(lines.contains("DTSTART:20260403T080000Z"))
  }

  @Test("one VTIMEZONE per zone used, sorted by id, none for UTC-only or all-day calendars")
  func onePerZone() {
    let text = ICSTestSupport.render(ICSTestSupport.onboardingCalendar())
    #expect(
      ICSTestSupport.values(of: "TZID", in: text) == [
        "America/New_York", "Asia/Dubai", "Europe/Berlin",
      ])
    let plain = ICSCalendar(events: [
      ICSTestSupport.event("a@b", .utc(ICSTestSupport.stamp)),
      ICSTestSupport.event("c@d", .allDay(ICSDate(year: 2026, month: 5, day: 1))),
    ])
    #expect(!ICSTestSupport.render(plain).contains("VTIMEZONE"))
  }

  @Test(
    "UTC offsets are ±HHMM, with seconds only when needed",
    arguments: [
      (0, "+0000"), (3600, "+0100"), (-18000, "-0500"), (19800, "+0530"), (-12600, "-0330"),
      (3208, "+005328"), (-1, "-000001"),
    ])
  func offsetFormat(seconds: Int, expected: String) {
    #expect(ICSTimeZoneBuilder.utcOffset(seconds) == expected)
  }

  @Test(
    "unknown or unsafe zone ids are rejected, naming the event and property",
    arguments: [
      "Mars/Olympus", "", "Europe/Berlin\r\nX:1", "GMT+05:00", "Europe/Berlin;X=1",
    ])
  func unknownZone(zone: String) {
    let event = ICSTestSupport.event(
      "z@y", ICSTestSupport.local(2026, 1, 5, 9), ICSTestSupport.local(2026, 1, 5, 10, zone: zone))
    let expected = ICSError(.unknownTimeZone(zone), eventIndex: 0, uid: "z@y", property: "DTEND")
    #expect(throws: expected) { try ICSCalendar(events: [event]).render() }
  }
}
