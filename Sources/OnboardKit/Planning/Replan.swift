import Foundation

/// What a re-plan from new evidence starts from: the date it re-plans from and the earlier plan.
public struct Replan: Hashable, Sendable {
  /// Items before this date stay exactly as they were; from it the plan is rebuilt.
  public var from: CalendarDate
  /// Every item of the earlier plan (with the SEQUENCE each carried).
  public var previous: [PlanItem]
  /// The levels of the first plan, by skill id (the reviews' "at hire").
  public var levelsAtHire: [String: Double]
  /// The items earlier re-plans removed (plan.json `cancelled`): calendars keep them cancelled.
  public var earlierCancelled: [PlanItem] = []
  /// The changes the folder's plan lists when it is this same re-plan (from the same date) run
  /// before: when nothing more changes, the plan still says what the re-plan changed.
  public var earlierChanges: [PlanChange] = []
  /// The re-plans before this one (from other dates), oldest first, with what each changed: the
  /// earlier plan's own history, and the earlier plan itself when it was a re-plan from another
  /// date (a second re-plan had dropped the first one's list of removed sessions).
  public var earlierReplans: [EarlierReplan] = []
  /// The earlier plan's emails (its plan.json `emails`), every one of them.
  public var earlierEmails: [EmailSummary]
  /// The emails dated before the re-plan date, with the bytes the folder holds of each: they are
  /// sent, so a re-plan keeps them as they were (the caller reads the files; see
  /// ``emailsSent``).
  public var sent: [SentEmail] = []
  /// The email of the hire the earlier plan is for (its plan.json `hire.email`).
  public var hireEmail: String? = nil
  /// The levels the earlier plan gave, by skill id (its plan.json `skills[].observed`): a
  /// removed session says how its skill's level moved.
  public var earlierLevels: [String: Double] = [:]

  public init(
    from: CalendarDate, previous: [PlanItem], levelsAtHire: [String: Double],
    earlierEmails: [EmailSummary] = []
  ) {
    self.from = from
    self.previous = previous
    self.levelsAtHire = levelsAtHire
    self.earlierEmails = earlierEmails
  }

  /// The earlier plan's emails dated before the re-plan date: sent already.
  public var emailsSent: [EmailSummary] { earlierEmails.filter { $0.date < from } }

  /// The earlier plan's items before the re-plan date: kept as they were.
  public var kept: [PlanItem] { previous.filter { $0.date < from } }

  /// The date a plan.json was re-planned from (its `replannedFrom`), nil for a first plan or a
  /// file that is no plan.json.
  public static func replannedFrom(_ file: SourceFile) -> CalendarDate? {
    struct Dated: Decodable { var replannedFrom: String? }
    return (try? JSONDecoder().decode(Dated.self, from: file.data))?.replannedFrom.flatMap {
      CalendarDate(iso: $0)
    }
  }

  /// Reads the earlier plan from its `plan.json` (schema `onboard.plan/1`).
  public static func reading(_ file: SourceFile, from date: CalendarDate) throws(InputError)
    -> Replan
  {
    let document: PreviousPlanDocument
    do {
      document = try JSONDecoder().decode(PreviousPlanDocument.self, from: file.data)
    } catch {
      throw InputError(
        SourceLocation(file: file.path),
        "cannot read the earlier plan: \(error); expected a plan.json written by `onboard plan`")
    }
    func decode(_ infos: [PlanDocument.ItemInfo], at path: String) throws(InputError) -> [PlanItem]
    {
      var items: [PlanItem] = []
      for (index, info) in infos.enumerated() {
        guard let kind = PlanItem.Kind(rawValue: info.kind), let day = CalendarDate(iso: info.date),
          let start = LocalTime(text: info.start)
        else {
          throw InputError(
            SourceLocation(file: file.path, jsonPath: "$.\(path)[\(index)]"),
            "found an item with kind `\(info.kind)`, date `\(info.date)`, start `\(info.start)`; "
              + "expected a plan item kind, a date YYYY-MM-DD and a time HH:MM")
        }
        var item = PlanItem(
          id: info.id, kind: kind, title: info.title, date: day, start: start,
          durationMinutes: info.durationMinutes, owner: info.owner, ownerName: info.ownerName,
          skillID: info.skill, topicID: info.topic, format: info.format, reason: info.reason,
          agenda: info.agenda, resource: info.resource, note: info.note)
        item.override = info.override
        item.sequence = info.sequence ?? 0
        items.append(item)
      }
      return items
    }
    let items = try decode(document.items, at: "items")
    let cancelled = try decode(document.cancelled ?? [], at: "cancelled")
    var levels = document.levelsAtHire ?? [:]
    if document.levelsAtHire == nil {
      for skill in document.skills { if let level = skill.observed { levels[skill.skill] = level } }
    }
    var replan = Replan(
      from: date, previous: items, levelsAtHire: levels, earlierEmails: document.emails ?? [])
    replan.earlierCancelled = cancelled
    replan.hireEmail = document.hire?.email
    for skill in document.skills {
      if let level = skill.observed { replan.earlierLevels[skill.skill] = level }
    }
    if document.replannedFrom == date.iso { replan.earlierChanges = document.changes ?? [] }
    replan.earlierReplans = document.earlierReplans ?? []
    if let earlier = document.replannedFrom, earlier != date.iso,
      !replan.earlierReplans.contains(where: { $0.from == earlier })
    {
      replan.earlierReplans.append(EarlierReplan(from: earlier, changes: document.changes ?? []))
    }
    return replan
  }
}

/// The part of an earlier `plan.json` a re-plan needs.
struct PreviousPlanDocument: Decodable {
  struct SkillLevel: Decodable {
    var skill: String
    var observed: Double?
  }
  var items: [PlanDocument.ItemInfo]
  var skills: [SkillLevel]
  var levelsAtHire: [String: Double]?
  var emails: [EmailSummary]?
  var cancelled: [PlanDocument.ItemInfo]?
  var replannedFrom: String?
  var changes: [PlanChange]?
  var earlierReplans: [EarlierReplan]?
  var hire: HireEmail?

  struct HireEmail: Decodable {
    var email: String
  }
}

/// A re-plan before the latest one: the date it re-planned from (`YYYY-MM-DD`) and what it changed.
public struct EarlierReplan: Hashable, Sendable, Codable {
  public var from: String
  public var changes: [PlanChange]

  public init(from: String, changes: [PlanChange]) {
    self.from = from
    self.changes = changes
  }
}

/// An email of the earlier plan that was sent before the re-plan date: its line in the plan and
/// the bytes of its .eml (nil when the folder no longer has the file).
public struct SentEmail: Hashable, Sendable {
  public var summary: EmailSummary
  public var data: Data?

  public init(summary: EmailSummary, data: Data?) {
    self.summary = summary
    self.data = data
  }
}

/// One difference between the earlier plan and the re-plan, from the re-plan date on.
public struct PlanChange: Hashable, Sendable, Codable {
  /// What happened to the item.
  public enum Change: String, Sendable, Codable {
    case added, changed, removed
  }

  public var itemID: String
  public var change: Change
  /// "Tue 12 Jan 10:00 Follow-up of the Application Security skill check → Wed 13 Jan ...".
  public var text: String
}

extension Replan {
  /// Compares the re-plan with the earlier plan from the re-plan date on: an item that stayed
  /// keeps its SEQUENCE, a changed one carries the next, a new one starts at 0; removed items
  /// come back as the list of cancelled ones (with the next SEQUENCE), and the earlier versions
  /// of items now run by another person as `handedOver` (with the new SEQUENCE).
  ///
  /// `report`, the new plan's gap report, gives each removed session of a skill its reason.
  func compare(_ items: [PlanItem], report: GapReport? = nil) -> (
    items: [PlanItem], changes: [PlanChange], cancelled: [PlanItem], handedOver: [PlanItem]
  ) {
    let before = Dictionary(previous.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var result: [PlanItem] = []
    var changes: [PlanChange] = []
    var handedOver: [PlanItem] = []
    let ids = Set(items.map(\.id))
    for var item in items {
      guard let old = before[item.id] else {
        changes.append(PlanChange(itemID: item.id, change: .added, text: Self.describe(item)))
        result.append(item)
        continue
      }
      if old.date < from {
        // Before the re-plan date the earlier plan stands, whatever the new evidence says.
        result.append(old)
        continue
      }
      item.sequence = old.sequence
      if item != old {
        // A new SEQUENCE only for what the calendar event shows (RFC 5545 3.8.7.4, a
        // "significant revision"): a review whose agenda or reason changed in the plan alone
        // is listed as changed but is the same event (QA13 F4).
        if Self.calendarShows(item) != Self.calendarShows(old) { item.sequence = old.sequence + 1 }
        let moved =
          (old.date, old.start, old.durationMinutes) != (
            item.date, item.start, item.durationMinutes
          )
        let person =
          old.ownerName != item.ownerName
          ? (item.ownerName.map { "now with \($0)" } ?? "no \(item.owner) named any more")
            + " (was \(old.ownerName ?? old.owner))" : nil
        let text =
          moved
          ? "\(Self.describe(old)) → \(item.date.shortText) \(item.start)"
            + (person.map { ", \($0)" } ?? "")
          : person.map { "\(Self.describe(item)): \($0)" }
            ?? Self.describe(item) + PlanChange.detailsSuffix
        changes.append(PlanChange(itemID: item.id, change: .changed, text: text))
        if person != nil, old.ownerName != nil {
          var earlier = old
          earlier.sequence = item.sequence
          handedOver.append(earlier)
        }
      }
      result.append(item)
    }
    var cancelled: [PlanItem] = []
    // What earlier re-plans cancelled stays cancelled (the same SEQUENCE): a calendar that
    // imported only the first plan still learns of it.
    let returning = Set(earlierCancelled.map(\.id)).intersection(ids)
    if !returning.isEmpty {
      // An item that comes back after its cancellation needs a SEQUENCE above the cancellation's.
      let tombstones = Dictionary(
        earlierCancelled.map { ($0.id, $0.sequence) }, uniquingKeysWith: { a, _ in a })
      for index in result.indices where returning.contains(result[index].id) {
        if before[result[index].id] == nil {
          result[index].sequence = max(
            result[index].sequence, (tombstones[result[index].id] ?? 0) + 1)
        }
      }
    }
    for old in earlierCancelled where !ids.contains(old.id) && before[old.id] == nil {
      cancelled.append(old)
    }
    for old in previous where old.date >= from && !ids.contains(old.id) {
      var gone = old
      gone.sequence = old.sequence + 1
      cancelled.append(gone)
      var text = Self.describe(old)
      if old.kind == .followUp {
        // The skill check's result is recorded: the slot holds its training, or is free.
        let filling = result.first {
          $0.skillID == old.skillID && $0.kind == .training && $0.date == old.date
            && $0.start < old.end && old.start < $0.end && before[$0.id] == nil
        }
        text +=
          filling.map {
            ": the skill check's result is recorded; the slot now holds \"\($0.title)\""
          }
          ?? ": the skill check's result is recorded and needs no training here; the time is free"
      } else if let reason = removalReason(old, report: report) {
        text += reason
      }
      changes.append(PlanChange(itemID: old.id, change: .removed, text: text))
    }
    return (result, changes, cancelled, handedOver)
  }

  /// Why a session of a skill left the plan, from the skill's level now (QA13 F1: removed
  /// training was listed without a word, and nothing said what the new evidence changed).
  func removalReason(_ item: PlanItem, report: GapReport?) -> String? {
    guard let skillID = item.skillID,
      let now = report?.assessments.first(where: { $0.skill.id == skillID })
    else { return nil }
    let name = now.skill.name
    let was = earlierLevels[skillID].map { " (was \(formatNumber($0)))" } ?? ""
    let level = now.observed.map { formatNumber($0.level) }
    switch now.status {
    case .conflicting:
      return ": the evidence on \(name) now disagrees"
        + (now.conflict.map { ", \($0.summary)" } ?? "")
        + ": a skill check comes first, and training only if it shows a gap"
    case .onTarget, .strength:
      return ": \(name) is now at level \(level ?? "?")\(was), at or above the target "
        + "\(now.requirement.targetLevel), so it needs no training"
    case .gap, .criticalGap:
      return ": \(name) is now at level \(level ?? "?")\(was); its training was planned again "
        + "from that level"
    case .unassessed:
      return ": \(name) has no level now; its training waits for the evidence a skill check gives"
    }
  }

  /// What an item's calendar event carries (`CalendarFile.event`): its time, title, kind,
  /// format, person and resource, and its agenda where the event lists it.
  static func calendarShows(_ item: PlanItem) -> [String] {
    let agenda = item.kind == .milestone || item.kind == .verification ? [] : item.agenda
    return [
      item.date.iso, item.start.description, String(item.durationMinutes), item.title,
      item.kind.rawValue, item.format ?? "", item.owner, item.ownerName ?? "",
      item.ownerEmail ?? "", item.resource ?? "",
    ] + agenda
  }

  static func describe(_ item: PlanItem) -> String {
    "\(item.date.shortText) \(item.start) \(item.title) (\(item.durationMinutes) min)"
  }
}
