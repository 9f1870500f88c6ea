import OnboardTestSupport
import Testing

@testable import OnboardICS

/// The pointer-backed byte writer the calendar is rendered into, against `Array<UInt8>` and the
/// folding definition: appends of every kind across the growth of the buffer, lines folded in
/// place after other lines (long ones of 2-, 3- and 4-octet characters too, where a physical
/// line holds fewer than 74 octets), copies sharing nothing they write after a grow.
@Suite struct ByteWriterTests {
  @Test func appendsMatchAnArrayAcrossGrowth() {
    var numbers = SeededNumbers(seed: 0xB17E_5)
    for round in 0..<200 {
      var writer = ICSByteWriter(capacity: round % 7)
      var expected: [UInt8] = []
      for _ in 0..<numbers.next(60) {
        switch numbers.next(7) {
        case 0:
          let byte = UInt8(numbers.next(256))
          writer.append(byte)
          expected.append(byte)
        case 1:
          writer.appendCRLF()
          expected += [0x0D, 0x0A]
        case 2:
          let bytes = (0..<numbers.next(300)).map { _ in UInt8(numbers.next(256)) }
          writer.append(contentsOf: bytes)
          expected += bytes
        case 3:
          let text = String(repeating: "é日👩🏽‍💻x", count: numbers.next(20))
          writer.append(utf8: text)
          expected += Array(text.utf8)
        case 4:
          writer.append(literal: "DTSTART;TZID=")
          expected += Array("DTSTART;TZID=".utf8)
        case 5:
          let value = numbers.next(12_000) - 1_000
          let width = 1 + numbers.next(4)
          writer.appendPadded(value, width)
          expected += Array(pad(value, width).utf8)
        default:
          let value = numbers.next(100)
          writer.appendTwoDigits(value)
          expected += Array(pad(value, 2).utf8)
        }
        #expect(writer.count == expected.count)
      }
      #expect(writer.bytes == expected, "round \(round)")
      if !expected.isEmpty {
        let cut = numbers.next(expected.count)
        writer.truncate(to: cut)
        #expect(writer.bytes == Array(expected[..<cut]))
      }
    }
  }

  @Test func longLinesOfWideCharactersFoldAsTheDefinitionFoldsThem() {
    for piece in ["x", "é", "日", "👩", "𝄞é", "a日b👩"] {
      for count in [1, 20, 74, 75, 76, 150, 1_000, 3_000] {
        let line = "DESCRIPTION:" + String(repeating: piece, count: count)
        var expected: [UInt8] = []
        ICSContentLines.fold(Array(line.utf8), into: &expected)
        var writer = ICSByteWriter(capacity: 8)
        writer.append(literal: "BEGIN:VEVENT\r\n")
        let start = writer.count
        writer.append(utf8: line)
        writer.finishLine(from: start)
        let written = writer.bytes
        #expect(written == Array("BEGIN:VEVENT\r\n".utf8) + expected, "\(piece) x \(count)")
      }
    }
  }

  @Test func aCopyKeepsItsBytesWhenTheOriginalGrows() {
    var writer = ICSByteWriter(capacity: 16)
    writer.append(literal: "BEGIN:VCALENDAR")
    let copy = writer
    writer.append(contentsOf: [UInt8](repeating: 0x41, count: 1_000))
    #expect(copy.bytes == Array("BEGIN:VCALENDAR".utf8))
    #expect(writer.count == 1_015)
  }

  @Test func theUIDOfKeyPartsIsTheUIDOfTheKey() {
    let pieces = [
      "", "a", "Ab", "é", "日本語", "👩🏽‍💻", "/", "hire@example.com",
      "x" + String(repeating: "y", count: 70),
    ]
    GeneratedText.forEach(pieces: pieces, seed: 16, count: 3_000, maximumPieces: 4) { text in
      for (first, second) in [(text, "item-1"), ("new.hire@example.com", text), (text, text)] {
        #expect(
          ICSEvent.stableUID(key: first, "/", second, domain: "northwind.example")
            == ICSEvent.stableUID(key: first + "/" + second, domain: "northwind.example"))
      }
    }
  }
}
