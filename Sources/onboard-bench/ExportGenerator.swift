import Foundation

/// Writes a large, realistic TestGorilla candidate export, the same bytes for the same seed:
/// non-ASCII names, quoted cells with commas, `%` signs and decimal commas, empty cells, a
/// personality test, anti-cheating columns, and a few candidates who are not Completed.
struct ExportGenerator {
  /// The test columns, named as TestGorilla names them (and as the bench's skill index knows).
  static let tests = [
    "Node.js (Intermediate)", "Express.js", "REST API", "SQL (Intermediate)", "MongoDB (NoSQL)",
    "Docker", "Git", "JavaScript (Intermediate)", "React", "HTML5", "CSS", "TypeScript",
    "Problem Solving", "Communication",
  ]
  static let header =
    "First name,Last name,Email,Invited on,Last activity,Status,Stage,Scoring metric,Average score,"
    + tests.joined(separator: ",")
    + ",DISC,Full-screen mode always active,Mouse always in assessment window,Webcam enabled,Rating\r\n"

  static let firstNames = [
    "Zoë", "Siobhán", "José", "Yūko", "Layla", "Noah", "Mia", "Kwame", "Ingrid", "Tomás", "Priya",
    "Daniel", "Amélie", "Łukasz", "Chloé", "Oluwaseun", "Björn", "Nguyễn", "Aisha", "Mateo",
  ]
  static let lastNames = [
    "Müller-Lüdenscheidt", "O'Connor", "Ångström", "Takahashi", "Al-Mansouri", "Fischer", "Schulz",
    "Asante", "Bergström", "Rivera", "Raman", "Cohen", "Dubois", "Kowalski", "\"Smith, Jr.\"",
    "Adeyemi", "Johansson", "Văn An", "Khan", "García",
  ]
  static let personalities = ["Dominance", "Influence", "Steadiness", "Conscientiousness"]

  private var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  /// Writes rows to `path` until the file holds at least `bytes` bytes; returns rows and bytes.
  mutating func write(to path: String, bytes target: Int) throws -> (rows: Int, bytes: Int) {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else {
      throw BenchError("cannot create \(path)")
    }
    defer { try? handle.close() }
    var buffer: [UInt8] = [0xEF, 0xBB, 0xBF]  // Excel's UTF-8 byte-order mark
    buffer.append(contentsOf: Self.header.utf8)
    var written = 0
    var rows = 0
    buffer.reserveCapacity(1 << 21)
    while written + buffer.count < target {
      appendRow(rows, to: &buffer)
      rows += 1
      if buffer.count >= 1 << 20 {
        try handle.write(contentsOf: buffer)
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
      }
    }
    try handle.write(contentsOf: buffer)
    written += buffer.count
    return (rows, written)
  }

  private mutating func appendRow(_ index: Int, to buffer: inout [UInt8]) {
    let first = Self.firstNames[random.below(Self.firstNames.count)]
    let last = Self.lastNames[random.below(Self.lastNames.count)]
    let day = 1 + random.below(28)
    let completed = random.below(50) != 0  // 2% invited, not completed
    let percentile = random.below(100) == 0  // 1% scored as percentiles
    var cells: [String] = [
      first, last, "candidate\(index)@example.org", "2026-10-\(pad(day))",
      "2026-11-\(pad(day))", completed ? "Completed" : "Invited", completed ? "Evaluated" : "New",
      percentile ? "Percentile" : "Percentage",
    ]
    var scores: [String] = []
    var total = 0.0
    for _ in Self.tests {
      guard completed, random.below(5) != 0 else {  // 20% of tests not taken
        scores.append("")
        continue
      }
      let tenths = random.below(1001)
      total += Double(tenths) / 10
      switch random.below(4) {
      case 0: scores.append("\(tenths / 10)%")
      case 1: scores.append("\"\(tenths / 10),\(tenths % 10)\"")  // decimal comma, quoted
      default: scores.append("\(tenths / 10).\(tenths % 10)")
      }
    }
    let taken = scores.filter { !$0.isEmpty }.count
    cells.append(taken == 0 ? "" : String(format: "%.1f", total / Double(taken)))
    cells += scores
    cells.append(completed ? Self.personalities[random.below(4)] : "")
    for _ in 0..<3 { cells.append(random.below(100) == 0 ? "No" : "Yes") }
    cells.append(String(1 + random.below(5)))
    buffer.append(contentsOf: cells.joined(separator: ",").utf8)
    buffer.append(contentsOf: [0x0D, 0x0A])
  }

  private func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same file everywhere.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// A benchmark that cannot run (bad arguments, a file that cannot be written).
struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
