import Testing

@testable import OnboardICS

@Suite("Output bytes: CRLF, 75-octet folding, UTF-8 safety")
struct OutputFormatTests {
  let text = ICSTestSupport.render(ICSTestSupport.onboardingCalendar())

  @Test("every line ends with CRLF, no bare CR or LF, and the file ends with CRLF")
  func crlfEverywhere() throws {
    let bytes = Array(text.utf8)
    #expect(bytes.count > 1000)
    #expect(bytes.suffix(2) == [0x0D, 0x0A])
    for (index, byte) in bytes.enumerated() {
      if byte == 0x0A {
        #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at byte \(index)")
      }
      if byte == 0x0D {
        #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at byte \(index)")
      }
    }
    #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nPRODID:"))
    #expect(text.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
  }

  @Test("no physical line is longer than 75 octets, and long lines really were folded")
  func lineLength() {
    let lines = ICSTestSupport.physicalLines(Array(text.utf8))
    for line in lines {
      #expect(
        line.count <= 75, "line of \(line.count) octets: \(String(decoding: line, as: UTF8.self))")
    }
    let continuations = lines.filter { $0.first == 0x20 }
    #expect(continuations.count > 10)
    #expect(lines.contains { $0.count == 75 } || lines.contains { $0.count == 74 })
  }

  @Test("folding never splits a UTF-8 sequence: every physical line is valid UTF-8 by itself")
  func foldingKeepsUTF8Whole() {
    for line in ICSTestSupport.physicalLines(Array(text.utf8)) {
      #expect(String(validating: line, as: UTF8.self) != nil, "split UTF-8 in \(line)")
      #expect(line.first.map { $0 & 0xC0 != 0x80 } ?? true, "line starts with a continuation byte")
    }
  }

  @Test("unfolding and unescaping give back the original Unicode text exactly")
  func unfoldRoundTrip() throws {
    let descriptions = ICSTestSupport.values(of: "DESCRIPTION", in: text)
    let description = try #require(descriptions.first)
    #expect(
      ICSTestSupport.unescapeText(description)
        == "Line one\nLine two: bring your ID.\n" + ICSTestSupport.longUnicodeText)
    #expect(
      ICSTestSupport.values(of: "SUMMARY", in: text).first.map(ICSTestSupport.unescapeText)
        == "Welcome, coffee; and accounts \\ equipment")
  }

  @Test(
    "fold boundaries with 1- to 4-octet characters",
    arguments: ["a", "é", "€", "𝄞", "👩🏽‍💻", "مرحبا", "日本語"])
  func foldBoundaries(unit: String) {
    for count in 1...60 {
      let line = "SUMMARY:" + String(repeating: unit, count: count)
      var output = ""
      ICSContentLines.fold(line, into: &output)
      let physical = ICSTestSupport.physicalLines(Array(output.utf8))
      #expect(physical.allSatisfy { $0.count <= 75 })
      #expect(physical.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
      #expect(ICSTestSupport.unfoldedLines(output) == [line])
      // A fold happens only when the next character would not fit.
      for (first, second) in zip(physical, physical.dropFirst()) {
        let nextCharacter = String(decoding: second.dropFirst(), as: UTF8.self).unicodeScalars.first
        let width = nextCharacter.map { UTF8.width($0) } ?? 0
        #expect(first.count + width > 75)
      }
    }
  }

  @Test("a 75-octet line is not folded; a 76-octet line is")
  func exactLimit() {
    var output = ""
    ICSContentLines.fold(String(repeating: "x", count: 75), into: &output)
    #expect(output == String(repeating: "x", count: 75) + "\r\n")
    output = ""
    ICSContentLines.fold(String(repeating: "x", count: 76), into: &output)
    #expect(output == String(repeating: "x", count: 75) + "\r\n x\r\n")
  }

  @Test("components are balanced and the calendar header is complete")
  func structure() {
    let lines = ICSTestSupport.unfoldedLines(text)
    var stack: [String] = []
    for line in lines {
      if line.hasPrefix("BEGIN:") { stack.append(String(line.dropFirst(6))) }
      if line.hasPrefix("END:") { #expect(stack.popLast() == String(line.dropFirst(4))) }
    }
    #expect(stack.isEmpty)
    #expect(
      Array(lines.prefix(4)) == [
        "BEGIN:VCALENDAR", "PRODID:-//Onboard//OnboardICS 1.0//EN", "VERSION:2.0",
        "CALSCALE:GREGORIAN",
      ])
    #expect(lines.contains("METHOD:PUBLISH"))
    #expect(lines.contains("X-WR-CALNAME:Onboarding – José"))
    #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 6)
  }
}
