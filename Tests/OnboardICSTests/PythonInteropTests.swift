import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardICS

/// Runs `python3` with a script and arguments; returns the exit status and standard output.
private func runPython(_ arguments: [String]) throws -> (status: Int32, output: Data) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3"] + arguments
  process.environment = TemporaryDirectory.childEnvironment
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, data)
}

/// Whether `python3 -c "import <module>"` succeeds on this machine.
private func pythonHas(_ module: String) -> Bool {
  (try? runPython(["-c", "import \(module)"]).status) == 0
}

/// Goes on when `python3` on PATH has `module`. Otherwise the test fails under `CI=true` (`.ci/run`
/// installs the module into a virtual environment, so a missing one there is a broken setup) and is
/// skipped with a message elsewhere (Python is not part of the Swift toolchain).
private func requirePython(module: String, sourceLocation: SourceLocation = #_sourceLocation)
  throws
{
  if pythonHas(module) { return }
  let message =
    "python3 module '\(module)' is not installed (.ci/run installs it; or pip install \(module))"
  if ProcessInfo.processInfo.environment["CI"] == "true" {
    throw PythonCheckUnavailable(message: message)
  }
  try Test.cancel(Comment(rawValue: "skipped: " + message), sourceLocation: sourceLocation)
}

/// A Python check cannot run under `CI=true`.
private struct PythonCheckUnavailable: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// Writes the calendar to a temporary `.ics` file, runs `script` on it and decodes its JSON output.
private func parseWithPython<T: Decodable>(_ script: String, _ calendar: ICSCalendar) throws -> T {
  try TemporaryDirectory.with("ics") { folder in
    let url = folder.appendingPathComponent("calendar.ics")
    try Data(try calendar.renderBytes()).write(to: url)
    let result = try runPython(["-c", script, url.path])
    try #require(result.status == 0, "python exited with \(result.status)")
    return try JSONDecoder().decode(T.self, from: result.output)
  }
}

/// What the Python scripts report about one VEVENT.
private struct ParsedEvent: Decodable {
  var uid: String
  var summary: String
  var tzid: String?
  var start: String
  var description: String?
  var commonNames: [String]
  var offsetFromVTimezone: Double?
  var offsetFromZoneinfo: Double?
}

/// Parses with `icalendar`; offsets are computed from OUR VTIMEZONE and from Python's zoneinfo.
private let icalendarScript = #"""
  import sys, json, zoneinfo, icalendar
  cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
  zones = {str(tz['TZID']): tz.to_tz(lookup_tzid=False) for tz in cal.walk('VTIMEZONE')}
  events = []
  for ev in cal.walk('VEVENT'):
      start = ev.decoded('DTSTART')
      tzid = ev['DTSTART'].params.get('TZID')
      people = ev.get('ATTENDEE', [])
      people = people if isinstance(people, list) else [people]
      item = {'uid': str(ev['UID']), 'summary': str(ev['SUMMARY']), 'tzid': tzid,
              'start': start.isoformat(), 'commonNames': [str(p.params.get('CN', '')) for p in people]}
      if 'DESCRIPTION' in ev: item['description'] = str(ev['DESCRIPTION'])
      if tzid:
          naive = start.replace(tzinfo=None)
          item['offsetFromVTimezone'] = naive.replace(tzinfo=zones[tzid]).utcoffset().total_seconds()
          item['offsetFromZoneinfo'] = naive.replace(tzinfo=zoneinfo.ZoneInfo(tzid)).utcoffset().total_seconds()
      events.append(item)
  print(json.dumps(events))
  """#

/// Parses with `vobject`, which builds time zones from the VTIMEZONE definitions itself.
private let vobjectScript = #"""
  import sys, json, vobject
  cal = vobject.readOne(open(sys.argv[1], encoding='utf-8').read())
  events = []
  for ev in cal.vevent_list:
      start = ev.dtstart.value
      tzid = ev.dtstart.params.get('X-VOBJ-ORIGINAL-TZID', [None])[0]
      people = getattr(ev, 'attendee_list', [])
      item = {'uid': ev.uid.value, 'summary': ev.summary.value, 'tzid': tzid,
              'start': start.isoformat(), 'commonNames': [p.params.get('CN', [''])[0] for p in people]}
      if hasattr(ev, 'description'): item['description'] = ev.description.value
      if tzid: item['offsetFromVTimezone'] = start.utcoffset().total_seconds()
      events.append(item)
  print(json.dumps(events))
  """#

@Suite("Independent parsers: Python icalendar and vobject read what we write")
struct PythonInteropTests {
  /// The sample calendar plus a hostile event, as the parsers must see them.
  static func calendar(_ encoding: ICSCalendar.ParameterEncoding = .compatible) -> ICSCalendar {
    var calendar = ICSTestSupport.onboardingCalendar(method: .request)
    calendar.parameterEncoding = encoding
    var hostile = ICSTestSupport.event(
      "hostile-7@onboard.example.com", ICSTestSupport.local(2026, 3, 29, 3, 30),
      summary: "Intro\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil")
    hostile.organizer = ICSOrganizer(email: "x@example.com")
    hostile.attendees = [ICSAttendee(email: "q@example.com", commonName: "Q \"the\" ^Quoter\r\nX")]
    calendar.events.append(hostile)
    return calendar
  }

  private func check(
    _ events: [ParsedEvent], parser: String, encoding: ICSCalendar.ParameterEncoding = .compatible
  ) {
    #expect(events.count == 7, "\(parser)")
    #expect(events.map(\.uid).last == "hostile-7@onboard.example.com")
    #expect(events.first?.summary == "Welcome, coffee; and accounts \\ equipment", "\(parser)")
    #expect(
      events.first?.description
        == "Line one\nLine two: bring your ID.\n" + ICSTestSupport.longUnicodeText, "\(parser)")
    let buddy = encoding == .rfc6868 ? "\"Buddy\" O'Brien" : "'Buddy' O'Brien"
    #expect(events.first?.commonNames == ["José Ñúñez 👩🏽‍💻", buddy], "\(parser)")
    #expect(events.last?.summary == "Intro\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil", "\(parser)")
    let quoter = encoding == .rfc6868 ? "Q \"the\" ^Quoter\nX" : "Q 'the' ^Quoter X"
    #expect(events.last?.commonNames == [quoter], "\(parser)")
    let zoned = events.filter { $0.tzid != nil }
    #expect(
      zoned.map(\.tzid) == [
        "Europe/Berlin", "Europe/Berlin", "America/New_York", "Asia/Dubai", "Europe/Berlin",
      ])
    #expect(
      zoned.map { $0.start.prefix(19) } == [
        "2026-03-27T09:00:00", "2026-03-30T09:00:00", "2026-04-01T11:00:00", "2026-04-02T14:00:00",
        "2026-03-29T03:30:00",
      ], "\(parser)")
    #expect(zoned.map(\.offsetFromVTimezone) == [3600, 7200, -14400, 14400, 7200], "\(parser)")
  }

  @Test("Python icalendar parses the calendar (both CN encodings); VTIMEZONEs agree with zoneinfo")
  func icalendar() throws {
    try requirePython(module: "icalendar")
    for encoding in ICSCalendar.ParameterEncoding.allCases {
      let events: [ParsedEvent] = try parseWithPython(icalendarScript, Self.calendar(encoding))
      check(events, parser: "icalendar \(encoding)", encoding: encoding)
      for event in events where event.tzid != nil {
        #expect(event.offsetFromVTimezone == event.offsetFromZoneinfo, "\(event.uid)")
      }
    }
  }

  @Test("Python vobject parses the calendar, building its zones from our VTIMEZONEs")
  func vobject() throws {
    try requirePython(module: "vobject")
    let events: [ParsedEvent] = try parseWithPython(vobjectScript, Self.calendar())
    check(events, parser: "vobject")
  }
}
