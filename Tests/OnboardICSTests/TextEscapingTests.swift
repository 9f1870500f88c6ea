import Testing

@testable import OnboardICS

@Suite("TEXT escaping, parameter encoding and injection resistance")
struct TextEscapingTests {
  @Test(
    "TEXT values escape backslash, semicolon, comma and every kind of line break",
    arguments: [
      ("plain", "plain"),
      (#"a\b"#, #"a\\b"#),
      ("a;b,c", #"a\;b\,c"#),
      ("one\ntwo", #"one\ntwo"#),
      ("one\r\ntwo", #"one\ntwo"#),
      ("one\rtwo", #"one\ntwo"#),
      ("one\r\n\r\ntwo", #"one\n\ntwo"#),
      ("one\u{2028}two\u{2029}three\u{85}four", #"one\ntwo\nthree\nfour"#),
      ("tab\there", "tab\there"),
      ("bell\u{07}null\u{00}del\u{7F}esc\u{1B}c1\u{9B}", "bellnulldelescc1"),
      ("colon: \"quoted\"", "colon: \"quoted\""),
      ("👩🏽‍💻 مرحبا 日本", "👩🏽‍💻 مرحبا 日本"),
    ])
  func textEscaping(input: String, expected: String) {
    #expect(ICSText.escapeText(input) == expected)
  }

  @Test(
    "parameter values are quoted when needed; quotes and line breaks become ' and a space",
    arguments: [
      ("Anna Müller", "Anna Müller"),
      ("Müller, Anna", "\"Müller, Anna\""),
      ("a:b", "\"a:b\""),
      ("a;b", "\"a;b\""),
      ("Say \"hi\"", "Say 'hi'"),
      ("x^y", "x^y"),
      ("two\r\nlines\rthree\u{2028}four", "two lines three four"),
      ("Eve\"\r\nATTENDEE:mailto:evil@x", "\"Eve' ATTENDEE:mailto:evil@x\""),
      ("tab\tand\u{07}bell\u{85}", "tab andbell "),
      ("مرحبا 👩🏽‍💻", "مرحبا 👩🏽‍💻"),
    ])
  func parameterEncoding(input: String, expected: String) {
    #expect(ICSText.parameterValue(input, encoding: .compatible) == expected)
  }

  @Test(
    "with RFC 6868, quotes, line breaks and carets use caret escapes",
    arguments: [
      ("Anna Müller", "Anna Müller"),
      ("Müller, Anna", "\"Müller, Anna\""),
      ("Say \"hi\"", "Say ^'hi^'"),
      ("x^y^n", "x^^y^^n"),
      ("two\r\nlines\nthree", "two^nlines^nthree"),
      ("Eve\"\r\nATTENDEE:mailto:evil@x", "\"Eve^'^nATTENDEE:mailto:evil@x\""),
      ("tab\tand\u{07}bell", "tab andbell"),
    ])
  func parameterEncodingRFC6868(input: String, expected: String) {
    #expect(ICSText.parameterValue(input, encoding: .rfc6868) == expected)
  }

  @Test(
    "a hostile SUMMARY, DESCRIPTION, LOCATION and CN cannot add a property or a component",
    arguments: ICSCalendar.ParameterEncoding.allCases)
  func injection(encoding: ICSCalendar.ParameterEncoding) throws {
    let hostile = "Intro\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\nSUMMARY:pwned\rX:1"
    var event = ICSTestSupport.event("real@example.com", ICSTestSupport.local(2026, 3, 30, 9))
    event.summary = hostile
    event.description = hostile
    event.location = hostile
    event.categories = [hostile]
    event.organizer = ICSOrganizer(email: "boss@example.com", commonName: "Boss\"\r\nX-EVIL:1")
    event.attendees = [
      ICSAttendee(email: "a@example.com", commonName: "A\r\nATTENDEE:mailto:evil@example.com")
    ]
    let text = try ICSCalendar(name: hostile, events: [event], parameterEncoding: encoding).render()
    let lines = ICSTestSupport.unfoldedLines(text)
    let names = lines.map(ICSTestSupport.propertyName(of:))
    let components = Set(ICSTestSupport.values(of: "BEGIN", in: text))
    #expect(components == ["VCALENDAR", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VEVENT"])
    #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
    #expect(lines.filter { $0 == "END:VEVENT" }.count == 1)
    for single in ["UID", "SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES", "ORGANIZER"] {
      #expect(names.filter { $0 == single }.count == 1, "\(single)")
    }
    #expect(names.filter { $0 == "ATTENDEE" }.count == 1)
    #expect(!names.contains("X") && !names.contains("X-EVIL"))
    let expected = ["BEGIN", "PRODID", "VERSION", "CALSCALE", "X-WR-CALNAME"]
    #expect(Array(names.prefix(5)) == expected)
    let summary = try #require(ICSTestSupport.values(of: "SUMMARY", in: text).first)
    #expect(
      ICSTestSupport.unescapeText(summary)
        == "Intro\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nSUMMARY:pwned\nX:1")
    let attendee = try #require(lines.first { $0.hasPrefix("ATTENDEE") })
    let name = encoding == .rfc6868 ? "A^nATTENDEE" : "A ATTENDEE"
    #expect(attendee.hasPrefix("ATTENDEE;CN=\"\(name):mailto:evil@example.com\";ROLE="))
    #expect(attendee.hasSuffix(":mailto:a@example.com"))
  }

  @Test(
    "email addresses that could break the line or the URI are rejected with their location",
    arguments: [
      "evil@example.com\r\nBEGIN:VEVENT", "no-at-sign", "", "two words@example.com",
      "@example.com", "quote\"@example.com",
    ])
  func hostileEmail(email: String) {
    var event = ICSTestSupport.event("e@x", ICSTestSupport.local(2026, 3, 30, 9))
    event.attendees = [ICSAttendee(email: "fine@example.com"), ICSAttendee(email: email)]
    let calendar = ICSCalendar(events: [
      ICSTestSupport.event("ok@x", .utc(ICSTestSupport.stamp)), event,
    ])
    #expect(throws: ICSError(.invalidEmail(email), eventIndex: 1, uid: "e@x", property: "ATTENDEE"))
    {
      try calendar.render()
    }
  }

  @Test("a URL with a line break or a space is rejected; a mailto: prefix is not doubled")
  func urlsAndMailto() throws {
    var event = ICSTestSupport.event("u@x", .utc(ICSTestSupport.stamp))
    event.url = "https://example.com/a\r\nX-EVIL:1"
    #expect(throws: ICSError.self) { try ICSCalendar(events: [event]).render() }
    event.url = "https://example.com/a b"
    #expect(throws: ICSError.self) { try ICSCalendar(events: [event]).render() }
    event.url = "https://example.com/a%20b?x=1;y=2"
    event.organizer = ICSOrganizer(email: "MAILTO:boss@example.com")
    let lines = ICSTestSupport.unfoldedLines(try ICSCalendar(events: [event]).render())
    #expect(lines.contains("URL:https://example.com/a%20b?x=1;y=2"))
    #expect(lines.contains("ORGANIZER:mailto:boss@example.com"))
  }
}
