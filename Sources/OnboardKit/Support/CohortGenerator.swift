import OnboardCSV

/// Synthetic start cohorts for tests and benchmarks: a roster, a TestGorilla export and interview
/// ratings for N hires, deterministic for a seed. Hire `i` depends only on the seed and `i`, so files
/// can be generated in a stream (or in parallel) without holding the cohort in memory.
public struct CohortGenerator: Sendable {
  public let seed: UInt64
  public let hires: Int

  public init(seed: UInt64 = 42, hires: Int) {
    self.seed = seed
    self.hires = hires
  }

  static let firstNames = [
    "Ada", "Björn", "Chloé", "Dmitri", "Émilie", "Farid", "Grace", "Hiroshi", "Ingrid", "José",
    "Kwame",
    "Leila", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rania", "Søren", "Tomás", "Uma",
    "Viktor",
    "Wanjiru", "Xiu", "Yūko", "Zoë",
  ]
  static let lastNames = [
    "Abebe", "Bergström", "Castillo", "Dubois", "Eriksen", "Fernández", "García", "Haddad",
    "Ivanova",
    "Jansen", "Kowalski", "Lindqvist", "Müller", "Nakamura", "O'Brien", "Petrov", "Quispe", "Rossi",
    "Schmidt", "Tanaka", "Umarov", "Virtanen", "Wójcik", "Yilmaz", "Zhang",
  ]
  static let places: [(location: String, zone: String)] = [
    ("Berlin", "Europe/Berlin"), ("London", "Europe/London"), ("New York", "America/New_York"),
    ("Dubai", "Asia/Dubai"),
  ]
  static let backendTests = [
    "Node.js (Intermediate)", "REST API", "SQL (Intermediate)", "MongoDB (NoSQL)", "Docker", "Git",
  ]
  static let frontendTests = [
    "JavaScript (Intermediate)", "React", "HTML5", "CSS", "TypeScript", "Git",
  ]
  static let softTests = ["Problem Solving", "Communication"]
  /// Every test column of the generated TestGorilla export.
  public static let testColumns = backendTests + frontendTests.filter { $0 != "Git" } + softTests
  static let backendCompetencies = [
    "Databases & SQL", "Application Security", "Microservices", "Unit Testing", "Collaboration",
    "Giving and Receiving Feedback", "Debugging",
  ]
  static let frontendCompetencies = [
    "JavaScript", "React", "Accessibility", "Software Testing", "Communication Skills",
    "Collaboration",
  ]
  static let interviewers = [
    "Ingrid Bergström", "Kwame Asante", "Priya Raman", "Daniel Cohen", "Sofia Lindqvist",
  ]

  /// One generated hire: their roster row, TestGorilla row and interview rows.
  public struct GeneratedHire: Sendable {
    public var email: String
    public var roster: [String]
    public var testGorilla: [String]
    public var interviews: [[String]]
  }

  public static let rosterHeader = [
    "first_name", "last_name", "email", "role", "start_date", "time_zone", "location",
    "manager_name",
    "manager_email", "buddy_name", "buddy_email", "employment", "work_days", "hours_per_day",
    "work_mode",
  ]
  public static let testGorillaHeader =
    [
      "First name", "Last name", "Email", "Invited on", "Last activity", "Status", "Stage",
      "Scoring metric", "Average score",
    ]
    + testColumns + ["Full-screen mode always active", "Webcam enabled", "Rating"]
  public static let interviewHeader = [
    "Candidate Email", "Interviewer", "Interview Date", "Competency", "Rating", "Notes",
  ]

  /// Hire number `index` (0-based).
  public func hire(_ index: Int) -> GeneratedHire {
    var rng = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
    let first = Self.firstNames[rng.below(Self.firstNames.count)]
    let last = Self.lastNames[rng.below(Self.lastNames.count)]
    let email = "\(fileSafeName(first)).\(fileSafeName(last)).\(index)@example.org"
    let backend = rng.below(10) < 7
    let place = Self.places[rng.below(Self.places.count)]
    // Start dates: Mondays of January–March 2027, some on other weekdays (and holidays).
    let monday = CalendarDate(year: 2027, month: 1, day: 4) ?? CalendarDate(dayNumber: 0)
    var start = monday.adding(days: 7 * rng.below(12))
    if rng.below(10) == 0 { start = start.adding(days: rng.below(7)) }
    let partTime = rng.below(10) == 0
    let modes = ["on-site", "remote", "hybrid"]
    let manager = Self.interviewers[rng.below(Self.interviewers.count)]
    let roster = [
      first, last, email, backend ? "Backend Developer" : "Frontend Developer", start.iso,
      place.zone,
      place.location, manager, "\(fileSafeName(manager)).mgr@example.com", "Buddy \(index % 97)",
      "buddy\(index % 97)@example.com", partTime ? "part-time" : "full-time",
      partTime ? "Mon|Tue|Wed" : "",
      partTime ? "6" : "", modes[rng.below(3)],
    ]
    // A skill level per hire, and noise per instrument.
    let ability = 35 + rng.below(55)
    let percentile = rng.below(20) == 0
    let tests = (backend ? Self.backendTests : Self.frontendTests) + Self.softTests
    var scores: [String: String] = [:]
    for test in tests where rng.below(10) < 8 {
      scores[test] = String(min(100, max(0, ability + rng.below(31) - 15)))
    }
    let invited = start.adding(days: -40 - rng.below(20))
    let testGorilla =
      [
        first, last, email, invited.iso, invited.adding(days: 2).iso, "Completed", "Hired",
        percentile ? "Percentile" : "Percentage", String(ability),
      ]
      + Self.testColumns.map { scores[$0] ?? "" } + [
        "Yes", rng.below(20) == 0 ? "No" : "Yes", String(1 + rng.below(5)),
      ]
    var interviews: [[String]] = []
    let competencies = backend ? Self.backendCompetencies : Self.frontendCompetencies
    for interviewer in Self.interviewers.shuffledPrefix(2 + rng.below(2), using: &rng) {
      for competency in competencies where rng.below(10) < 7 {
        let rating = min(5, max(1, ability / 20 + rng.below(3) - 1))
        interviews.append([
          email, interviewer, invited.adding(days: 10).iso, competency, String(rating),
          "Generated note \(rng.below(1000))",
        ])
      }
    }
    return GeneratedHire(
      email: email, roster: roster, testGorilla: testGorilla, interviews: interviews)
  }

  /// Writes the three files through `sink(file, text)` in chunks of `chunk` hires:
  /// file is `roster`, `testgorilla` or `interviews`.
  public func write(chunk: Int = 500, _ sink: (String, String) -> Void) {
    let writer = CSVWriter()
    sink("roster", writer.record(Self.rosterHeader))
    sink("testgorilla", writer.record(Self.testGorillaHeader))
    sink("interviews", writer.record(Self.interviewHeader))
    var start = 0
    while start < hires {
      let end = min(hires, start + chunk)
      var roster = ""
      var tests = ""
      var interviews = ""
      for index in start..<end {
        let hire = hire(index)
        writer.append(hire.roster, to: &roster)
        writer.append(hire.testGorilla, to: &tests)
        for row in hire.interviews { writer.append(row, to: &interviews) }
      }
      sink("roster", roster)
      sink("testgorilla", tests)
      sink("interviews", interviews)
      start = end
    }
  }
}

/// A small, fast, seedable PRNG (SplitMix64): the same seed gives the same cohort everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in 0..<bound.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

extension Array {
  /// The first `count` elements of a seeded shuffle.
  fileprivate func shuffledPrefix(_ count: Int, using rng: inout SplitMix64) -> ArraySlice<Element>
  {
    var copy = self
    for i in stride(from: copy.count - 1, to: 0, by: -1) { copy.swapAt(i, rng.below(i + 1)) }
    return copy.prefix(count)
  }
}
