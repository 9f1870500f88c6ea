import Foundation

/// A text file handed to the library by the command-line tool: its path (for messages) and bytes.
public struct SourceFile: Sendable, Hashable {
  public var path: String
  public var data: Data

  public init(path: String, data: Data) {
    self.path = path
    self.data = data
  }

  public init(path: String, text: String) { self.init(path: path, data: Data(text.utf8)) }

  /// The contents as UTF-8 (BOM removed); an error names the file when it is not UTF-8.
  public func text() throws(InputError) -> String {
    if let problem = TextEncodingCheck.problem(data, path: path) { throw problem }
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard let text = String(data: bytes, encoding: .utf8) else {
      throw InputError(
        Self.firstInvalidUTF8(Array(bytes), path: path),
        "the file is not UTF-8 text; save it as UTF-8")
    }
    return text
  }

  /// The line and column of the first byte that is not valid UTF-8 (columns count characters).
  static func firstInvalidUTF8(_ bytes: [UInt8], path: String) -> SourceLocation {
    var line = 1
    var column = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length =
        byte < 0x80
        ? 1
        : byte >= 0xC2 && byte <= 0xDF
          ? 2
          : byte >= 0xE0 && byte <= 0xEF
            ? 3
            : byte >= 0xF0 && byte <= 0xF4 ? 4 : 0
      guard length > 0, index + length <= bytes.count,
        String(validating: bytes[index..<index + length], as: UTF8.self) != nil
      else { break }
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += length
    }
    return SourceLocation(file: path, line: line, column: column)
  }
}

/// The files of a plan library folder (`Plans/`), as read by the command-line tool.
public struct PlanLibrarySources: Sendable {
  public var skills: SourceFile
  public var roles: SourceFile
  public var training: SourceFile
  public var schedule: SourceFile
  public var holidays: SourceFile?
  public var settings: SourceFile?
  public var emails: [SourceFile]
  /// `questions.csv`, the structured-interview question banks (optional: absent = no banks).
  public var questions: SourceFile?
  /// `people.csv`, the managers, buddies, trainers, mentors, HR and IT people (optional).
  public var people: SourceFile?
  /// `goals.csv`, the roles' goals for day 30, 60 and 90 (optional: absent = skill goals only).
  public var goals: SourceFile? = nil

  public init(
    skills: SourceFile, roles: SourceFile, training: SourceFile, schedule: SourceFile,
    holidays: SourceFile?, settings: SourceFile?, emails: [SourceFile],
    questions: SourceFile? = nil, goals: SourceFile? = nil, people: SourceFile? = nil
  ) {
    self.goals = goals
    self.skills = skills
    self.roles = roles
    self.training = training
    self.schedule = schedule
    self.holidays = holidays
    self.settings = settings
    self.emails = emails
    self.questions = questions
    self.people = people
  }

  /// The file names inside a plan library folder.
  public enum FileName {
    public static let skills = "skills.csv"
    public static let roles = "roles.csv"
    public static let training = "training.csv"
    public static let schedule = "schedule.csv"
    public static let holidays = "holidays.csv"
    public static let settings = "settings.json"
    public static let questions = "questions.csv"
    public static let people = "people.csv"
    public static let goals = "goals.csv"
    public static let emails = "emails"
    public static let templateExtension = "mustache"
  }
}

/// The shipped (or a company's own) plan library: skills, roles, training, schedule, holidays,
/// settings and email templates, parsed and cross-checked.
public struct PlanLibrary: Sendable {
  public var skills: [Skill]
  public var roles: [RoleProfile]
  public var catalog: [TrainingTopic]
  public var schedule: [ScheduledActivity]
  public var holidays: [Holiday]
  public var settings: PlanSettings
  public var templates: [EmailTemplateFile]
  /// Skill ids by normalised name and alias.
  public var skillIndex: SkillIndex
  /// The structured-interview question banks, one per role that has one (`questions.csv`).
  public var questionBanks: [QuestionBank] = []
  /// The people of `people.csv`: managers, buddies, trainers, mentors, HR and IT (may be empty).
  public var people: [TeamMember] = []
  /// The roles' goals for day 30, 60 and 90 (`goals.csv`).
  public var goals: [RoleGoal] = []

  public var catalogByID: [String: TrainingTopic] {
    Dictionary(catalog.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  public var skillsByID: [String: Skill] {
    Dictionary(skills.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The role a roster names ("backend developer" matches "Backend Developer").
  public func role(named title: String) -> RoleProfile? {
    roles.first {
      $0.title.caseInsensitiveCompare(title.trimmingCharacters(in: .whitespaces)) == .orderedSame
    }
      ?? roles.first { $0.id == slug(title) }
  }
}
