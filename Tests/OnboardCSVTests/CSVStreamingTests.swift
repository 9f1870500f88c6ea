import Foundation
import OnboardTestSupport
import Testing

@testable import OnboardCSV

/// The file reader on a ~200 kB generated file, in chunks small enough that quotes, CRLF pairs and
/// multi-byte characters are split across chunk boundaries at every possible offset.
@Suite struct CSVStreamingTests {
  /// A generated input with the values and starting lines it must read back as.
  struct Generated {
    var bytes: [UInt8] = []
    var values: [[String]] = []
    var lines: [Int] = []
    /// Bytes of the longest record, its line break included.
    var longestRecord = 0
  }

  static func generate(targetSize: Int) -> Generated {
    var generator = SeededGenerator(seed: 42)
    var result = Generated()
    var text = ""
    var line = 1
    let pieces = ["plain", "é", "😀", "漢字", ",", ";", "\"", "\r\n", "\n", "\r", " ", "x"]
    let endings = ["\r\n", "\n", "\r"]
    var record = 0
    text.append("id;name;note;count\r\n")
    result.values.append(["id", "name", "note", "count"])
    result.lines.append(line)
    line += 1
    while text.utf8.count < targetSize {
      record += 1
      var note = ""
      for _ in 0..<Int.random(in: 0...6, using: &generator) {
        note += pieces.randomElement(using: &generator) ?? ""
      }
      let name = "Zoë \(record) 😀"
      let quoted = "\"" + note.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      let row = "\(record);\(name);\(quoted);\(record * 3)" + endings[record % endings.count]
      text += row
      result.longestRecord = max(result.longestRecord, row.utf8.count)
      result.values.append(["\(record)", name, note, "\(record * 3)"])
      result.lines.append(line)
      line += 1 + Self.lineBreaks(in: note)
    }
    result.bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)  // with a BOM, split by 1-byte chunks
    return result
  }

  /// Line breaks as the reader counts them: CRLF once, lone CR and LF once each.
  static func lineBreaks(in text: String) -> Int {
    text.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }
      .count - 1 - text.components(separatedBy: "\r\n").count + 1
  }

  @Test func generatedFileReadsTheSameInAnyChunkSize() throws {
    let generated = Self.generate(targetSize: 200_000)
    #expect(generated.bytes.count >= 200_000)
    try TemporaryDirectory.with("csv-stream") { folder in
      let url = folder.appendingPathComponent("stream.csv")
      try Data(generated.bytes).write(to: url)

      var inMemory = CSVReader(bytes: generated.bytes)
      let expected = try inMemory.readAll()
      #expect(expected.map(\.values) == generated.values)
      #expect(expected.map(\.line) == generated.lines)
      #expect(inMemory.dialect == .semicolon)
      #expect(expected.first?.fields.first == CSVField(value: "id", line: 1, column: 1, index: 0))

      for chunkSize in [1, 2, 3, 5, 7, 64, 4099, CSVReader.defaultChunkSize] {
        var reader = try CSVReader(contentsOf: url, chunkSize: chunkSize)
        var records: [CSVRecord] = []
        var largestWindow = 0
        while let record = try reader.next() {
          records.append(record)
          if records.count > 1 { largestWindow = max(largestWindow, reader.input.buffer.count) }
        }
        #expect(records == expected, "chunk size \(chunkSize)")
        #expect(reader.dialect == .semicolon)
        // Memory stays at one chunk, or two records when records are longer, however long the
        // file is.
        #expect(
          largestWindow <= 2 * max(chunkSize, generated.longestRecord), "chunk size \(chunkSize)")
      }
    }
  }

  @Test func errorsAcrossChunkBoundariesKeepTheirPositions() throws {
    let bytes = Array("a,b\n\"x\r\n".utf8) + [0xF0, 0x9F, 0x98] + Array("!\"\n".utf8)
    try TemporaryDirectory.with("csv-bad") { folder in
      let url = folder.appendingPathComponent("bad.csv")
      try Data(bytes).write(to: url)
      for chunkSize in [1, 2, 3, 1024] {
        var reader = try CSVReader(contentsOf: url, chunkSize: chunkSize)
        #expect(try reader.next()?.values == ["a", "b"])
        #expect(throws: CSVError(.invalidUTF8(byte: 0xF0), line: 3, column: 1)) {
          try reader.next()
        }
      }
    }
  }

  @Test func aCopiedFileReaderContinuesIndependently() throws {
    try TemporaryDirectory.with("csv-copy") { folder in
      let url = folder.appendingPathComponent("copy.csv")
      try Data("h\n1\n2\n3\n".utf8).write(to: url)
      var original = try CSVReader(contentsOf: url, chunkSize: 2)
      #expect(try original.next()?.values == ["h"])
      var copy = original
      #expect(try original.readAll().map(\.values) == [["1"], ["2"], ["3"]])
      #expect(try copy.readAll().map(\.values) == [["1"], ["2"], ["3"]])
    }
  }

  @Test func generatorCountsLineBreaksLikeTheReader() {
    #expect(Self.lineBreaks(in: "a\r\nb\nc\rd") == 3)
    #expect(Self.lineBreaks(in: "\r\r\n\n") == 3)
    #expect(Self.lineBreaks(in: "none") == 0)
  }
}
