import Foundation

/// The `plan.json` document: a documented, versioned shape for other tools.
///
/// `schema` is `onboard.plan/1`; fields are only added within a version, never renamed or removed.
/// Dates are `YYYY-MM-DD`, times `HH:MM` in `hire.timeZone`, levels 0–5.
public struct PlanDocument: Codable, Hashable, Sendable {
  public static let schema = "onboard.plan/1"

  public struct HireInfo: Codable, Hashable, Sendable {
    public var name: String
    public var email: String
    public var role: String
    public var location: String
    public var timeZone: String
    public var manager: Person
    public var buddy: Person
    public var employment: String
    public var workMode: String
    public var workDays: [String]
    public var dayStart: String
    public var dayEnd: String
  }

  public struct EvidenceInfo: Codable, Hashable, Sendable {
    /// The hire's email (lower case).
    public var hire: String
    public var skill: String
    public var source: String
    public var instrument: String
    public var rawValue: String
    public var scale: String
    public var level: Double?
    public var percentileRank: Double?
    public var assessor: String?
    public var date: String?
    public var note: String?
    public var origin: String
    /// The question's weight for this skill (0–1); absent = full weight.
    public var weight: Double? = nil
  }

  public struct SkillInfo: Codable, Hashable, Sendable {
    public var skill: String
    public var name: String
    public var priority: Int
    public var tier: String
    public var target: Int
    public var observed: Double?
    public var confidence: Double
    public var shortfall: Double?
    public var importance: Double
    public var severity: Double?
    public var status: String
    public var levelStatus: String
    public var conflict: String?
    public var percentileRanks: [Double]
    public var evidence: [EvidenceInfo]
    /// The integrity flags of the evidence behind the skill; absent when none.
    public var integrityFlags: [String]? = nil
    /// Which attempts were flagged and how they were counted.
    public var integrityNote: String? = nil
    /// When a weight changed the status: what it changed.
    public var weightNote: String? = nil
    /// For a gap, a conflict or an unassessed skill: what evidence would settle it.
    public var settleIt: String? = nil
    /// A conflict a later check settled: whose check, when and what it showed.
    public var settled: String? = nil
  }

  public struct ItemInfo: Codable, Hashable, Sendable {
    public var id: String
    public var kind: String
    public var title: String
    public var date: String
    public var start: String
    public var end: String
    public var durationMinutes: Int
    public var owner: String
    public var ownerName: String?
    public var skill: String?
    public var topic: String?
    public var format: String?
    public var reason: String?
    public var agenda: [String]
    public var resource: String?
    public var note: String?
    /// Set when a manager's override placed, moved or added the item.
    public var override: String?
    /// `preboarding`, `week-1`, `weeks-2-4`, `month-2`, `month-3`.
    public var view: String
    /// The calendar SEQUENCE when a re-plan changed the item (absent = 0).
    public var sequence: Int? = nil
  }

  public var schema: String
  public var hire: HireInfo
  public var requestedStart: String
  public var start: String
  public var startMovedReason: String?
  public var day90: String
  public var skills: [SkillInfo]
  public var weakAreas: [String]
  public var unassessedEssentials: [String]
  public var items: [ItemInfo]
  public var unscheduled: [UnscheduledTopic]
  public var emails: [EmailSummary]
  public var notes: [String]
  /// The outcomes due at day 30, 60 and 90 (role goals, then one per gap and skill check).
  public var goals: [Goal]
  /// A re-plan: the date it rebuilt from, what changed, and the levels of the first plan.
  public var replannedFrom: String? = nil
  public var changes: [PlanChange]? = nil
  /// The re-plans before this one, oldest first; absent when there were none.
  public var earlierReplans: [EarlierReplan]? = nil
  /// A re-plan: the items it and the re-plans before it removed, as calendars got them
  /// (`STATUS:CANCELLED`), so that a later re-plan keeps cancelling them.
  public var cancelled: [ItemInfo]? = nil
  public var levelsAtHire: [String: Double]? = nil

  public init(plan: OnboardingPlan, emails: [EmailSummary] = []) {
    let hire = plan.hire
    schema = Self.schema
    self.hire = HireInfo(
      name: hire.fullName, email: hire.email, role: plan.role.title, location: hire.location,
      timeZone: hire.timeZone, manager: hire.manager, buddy: hire.buddy,
      employment: hire.employment.rawValue, workMode: hire.workMode.rawValue,
      workDays: plan.calendar.workDays.map(\.shortName),
      dayStart: plan.calendar.dayStart.description,
      dayEnd: plan.calendar.dayEnd.description)
    requestedStart = hire.requestedStart.iso
    start = plan.start.iso
    startMovedReason = plan.startMovedReason
    day90 = plan.day90.iso
    skills = plan.report.assessments.map(SkillInfo.init)
    weakAreas = plan.report.weakAreas.map(\.skill.id)
    unassessedEssentials = plan.report.unassessedEssentials.map(\.skill.id)
    let week1 = plan.week(1)
    func info(_ item: PlanItem) -> ItemInfo {
      let offset = plan.start.days(to: item.date)
      let view =
        item.date < plan.start
        ? "preboarding"
        : week1.contains(item.date)
          ? "week-1" : offset < 30 ? "weeks-2-4" : offset < 60 ? "month-2" : "month-3"
      return ItemInfo(
        id: item.id, kind: item.kind.rawValue, title: item.title, date: item.date.iso,
        start: item.start.description, end: item.end.description,
        durationMinutes: item.durationMinutes, owner: item.owner, ownerName: item.ownerName,
        skill: item.skillID, topic: item.topicID, format: item.format, reason: item.reason,
        agenda: item.agenda, resource: item.resource, note: item.note, override: item.override,
        view: view, sequence: item.sequence == 0 ? nil : item.sequence)
    }
    items = plan.items.map(info)
    cancelled = plan.replannedFrom == nil || plan.cancelled.isEmpty ? nil : plan.cancelled.map(info)
    unscheduled = plan.unscheduled
    self.emails = emails
    notes = plan.notes
    goals = plan.goals
    replannedFrom = plan.replannedFrom?.iso
    changes = plan.replannedFrom == nil ? nil : plan.changes
    earlierReplans = plan.earlierReplans.isEmpty ? nil : plan.earlierReplans
    levelsAtHire = plan.levelsAtHire
  }

  /// Pretty, key-sorted JSON: the same plan gives the same bytes. Written by `PlanJSONWriter`,
  /// byte for byte `encodedByJSONEncoder()`, which decides when the writer cannot.
  public func encoded() throws -> Data {
    if let buffer = try? PlanJSONWriter.writeBuffer(self) { return buffer.data() }
    return try encodedByJSONEncoder()
  }

  /// The definition of `encoded()`: `JSONEncoder`, pretty, sorted keys, unescaped slashes.
  func encodedByJSONEncoder() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }
}

extension PlanDocument.EvidenceInfo {
  /// The JSON form of one piece of evidence. The exports' free text (a note, an interviewer's
  /// name, a test's name) is made visible as in every other document (an ESC or a bidi override
  /// in a note reached `jq -r`'s terminal as it was).
  public init(_ e: Evidence) {
    self.init(
      hire: e.hireKey, skill: e.skillID, source: e.source.rawValue,
      instrument: visibleText(e.instrument),
      rawValue: visibleText(e.rawValue), scale: e.scale.description,
      level: e.proficiency.map { round2($0.level) },
      percentileRank: e.percentileRank, assessor: e.assessor.map { visibleText($0) },
      date: e.date?.iso, note: e.note.map { visibleText($0) },
      origin: e.origin.description, weight: e.weight)
  }
}

extension PlanDocument {
  /// The JSON of `onboard analyze --format json`: `onboard.gap-report/1`, one entry per hire.
  public struct ReportDocument: Codable, Hashable, Sendable {
    public var hire: String
    public var email: String
    public var role: String
    public var skills: [SkillInfo]
    public var weakAreas: [String]
    public var unassessedEssentials: [String]
    public var conflicts: [String]

    public init(hire: Hire, report: GapReport) {
      self.hire = hire.fullName
      email = hire.email
      role = report.role
      skills = report.assessments.map(SkillInfo.init)
      weakAreas = report.weakAreas.map(\.skill.id)
      unassessedEssentials = report.unassessedEssentials.map(\.skill.id)
      conflicts = report.conflicts.map(\.skill.id)
    }

    /// `{"schema": "onboard.gap-report/1", "hires": [...]}`, pretty and key-sorted.
    public static func encode(_ documents: [ReportDocument]) throws -> Data {
      struct Wrapper: Encodable {
        var schema = "onboard.gap-report/1"
        var hires: [ReportDocument]
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      return try encoder.encode(Wrapper(hires: documents))
    }
  }
}

extension PlanDocument.SkillInfo {
  /// The JSON form of one skill's assessment.
  public init(_ a: SkillAssessment) {
    self.init(
      skill: a.skill.id, name: a.skill.name, priority: a.requirement.priority,
      tier: a.requirement.tier.rawValue, target: a.requirement.targetLevel,
      observed: a.observed.map { round2($0.level) }, confidence: a.confidence,
      shortfall: a.shortfall,
      importance: a.importance, severity: a.severity, status: a.status.rawValue,
      levelStatus: a.levelStatus.rawValue, conflict: a.conflict?.summary,
      percentileRanks: a.percentileRanks, evidence: a.evidence.map(PlanDocument.EvidenceInfo.init),
      integrityFlags: a.integrityFlags.isEmpty ? nil : a.integrityFlags,
      integrityNote: a.integrityNote, weightNote: a.weightNote, settleIt: a.settleIt,
      settled: a.settledNote)
  }
}
