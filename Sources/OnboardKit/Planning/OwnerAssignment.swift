/// Names the people of a plan after planning: the roster's manager and buddy, and a trainer,
/// mentor, HR or IT person from people.csv for every item of those roles, taken in turn among
/// those who teach the item's topic or skill (round-robin), never over a person's weekly
/// onboarding hours. Each meeting is put inside every attendee's working days and hours in their
/// own zone, and where no such time exists the least bad one is kept and the plan says so.
///
/// Pure: the plan and the run's `StaffLedger` in, the changed plan out; the ledger carries the
/// other hires' bookings, so call it for the hires of a run one after another, in roster order.
public enum OwnerAssignment {
  static let assignedRoles: [String: TeamMember.Role] = [
    "trainer": .trainer, "mentor": .mentor, "hr": .hr, "it": .it,
  ]

  /// The plan with named owners, times fitted to the attendees and the warnings in its notes.
  ///
  /// With `replan` (a `--replan-from`), items before its date stay as they were (and count for
  /// the turns and the ledger), and the changes and SEQUENCEs are worked out again on the named
  /// plan, so that a person named again is no change.
  public static func assign(
    _ plan: OnboardingPlan, people: [TeamMember], ledger: inout StaffLedger,
    replan: Replan? = nil
  ) -> OnboardingPlan {
    var plan = plan
    var placement = Placement(plan: plan)
    var warnings = WarningList()
    let byKey = Dictionary(people.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    for index in plan.items.indices {
      var item = plan.items[index]
      if let from = plan.replannedFrom, item.date < from {
        // Before a re-plan's date the plan stays as it was: same person, same time, booked.
        let roster = [plan.hire.manager, plan.hire.buddy]
        let email =
          item.ownerEmail ?? people.first { $0.name == item.ownerName }?.email
          ?? roster.first { $0.name == item.ownerName }?.email
        item.ownerEmail = item.owner == "hire" ? nil : email
        if let key = email?.lowercased(), item.owner != "hire" {
          ledger.book(key, placement.interval(item), week: StaffLedger.week(of: item.date))
          if let (turnKey, candidates) = rotation(item, people: people, ledger: ledger),
            let position = candidates.firstIndex(where: { $0.key == key })
          {
            ledger.turns[turnKey, default: 0] += position + 1
          }
        }
        plan.items[index] = item
        continue
      }
      if item.owner == "hire" {
        // Self-paced work is the hire's own: nobody else is named ("on your own").
        item.ownerName = nil
        plan.items[index] = item
        continue
      }
      let candidates: [TeamMember]
      var turnKey: String? = nil
      var fallback: Person? = nil
      if item.owner == "manager" || item.owner == "buddy" {
        let person = item.owner == "manager" ? plan.hire.manager : plan.hire.buddy
        item.ownerName = person.name
        item.ownerEmail = person.email
        fallback = person
        candidates = byKey[person.email.lowercased()].map { [$0] } ?? []
      } else if let (key, rotated) = rotation(item, people: people, ledger: ledger) {
        let keys = [item.topicID, item.skillID, baseID(item.id)].compactMap { $0 }
        turnKey = key
        candidates = rotated
        if rotated.isEmpty {
          if !people.isEmpty {
            warnings.add(
              "nobody in people.csv is a \(item.owner) for `\(keys.first ?? item.id)`",
              item: item, text: "\(item.title) has no named \(item.owner): add one to people.csv")
          }
          plan.items[index] = item
          continue
        }
      } else {
        continue
      }
      if let sharedKey = sharedKey(item, plan: plan, placement: placement),
        let ownerKey = ledger.sharedOwners[sharedKey], let person = byKey[ownerKey]
      {
        // A shared workshop of the cohort: the same trainer for every attendee, booked once.
        item.ownerName = person.name
        item.ownerEmail = person.email
        plan.items[index] = item
        continue
      }
      let capped = candidates.filter { person in
        guard item.owner != "manager", item.owner != "buddy", let cap = person.weeklyCapMinutes
        else { return true }
        let week = StaffLedger.week(of: item.date)
        return ledger.minutes(person.key, week: week) + item.durationMinutes <= cap
      }
      if capped.isEmpty && fallback == nil {
        warnings.add(
          "every \(item.owner) for this is at their weekly onboarding hours", item: item,
          text:
            "\(item.title) on \(item.date.shortText) has no \(item.owner): "
            + candidates.map(\.name).joined(separator: ", ")
            + " already give their weekly onboarding hours that week")
        plan.items[index] = item
        continue
      }
      guard !capped.isEmpty else {
        // The roster's manager or buddy is not in people.csv: no hours to check against.
        plan.items[index] = item
        continue
      }
      let choice = placement.best(for: item, among: capped, ledger: ledger)
      let person = choice.person
      item.ownerName = person.name
      item.ownerEmail = person.email
      if choice.date != item.date || choice.start != item.start {
        item.note =
          "moved from \(item.date.shortText) \(item.start) to fit \(person.name)'s working hours (\(person.timeZone))"
        item.date = choice.date
        item.start = choice.start
      }
      if choice.outside > 0 {
        let theirs = placement.local(item, for: person)
        warnings.add(
          "\(person.name) outside their hours", item: item,
          text:
            "\(item.title) on \(item.date.shortText) at \(item.start)–\(item.end) (\(plan.calendar.timeZone)) "
            + "is \(theirs) for \(person.name), outside their working hours "
            + "\(person.dayStart)–\(person.dayEnd) \(person.workDays.map(\.shortName).joined(separator: "/")) "
            + "(\(person.timeZone)): no free time that day is inside both \(plan.hire.firstName)'s and their hours"
        )
      }
      let interval = placement.interval(item)
      ledger.book(person.key, interval, week: StaffLedger.week(of: item.date))
      if let turnKey, let position = candidates.firstIndex(of: person) {
        ledger.turns[turnKey, default: 0] += position + 1
      }
      if let sharedKey = sharedKey(item, plan: plan, placement: placement) {
        ledger.sharedOwners[sharedKey] = person.key
      }
      plan.items[index] = item
      placement.update(item, at: index)
    }
    plan.items.sort { ($0.date, $0.start.minutes, $0.id) < ($1.date, $1.start.minutes, $1.id) }
    plan.notes += warnings.notes()
    if let replan {
      // plan.json does not carry the email (it is looked up again), so it is no change.
      let emails = plan.items.map(\.ownerEmail)
      var stripped = plan.items
      for i in stripped.indices { stripped[i].ownerEmail = nil }
      let compared = replan.compare(stripped)
      plan.items = zip(compared.items, emails).map { item, email in
        var item = item
        item.ownerEmail = email
        return item
      }
      plan.changes = compared.changes
      plan.cancelled = compared.cancelled
    }
    return plan
  }

  /// For a trainer, mentor, HR or IT item: its turn key and the people who run it, in the order
  /// of their turns (nil for other roles).
  static func rotation(_ item: PlanItem, people: [TeamMember], ledger: StaffLedger)
    -> (String, [TeamMember])?
  {
    guard let role = assignedRoles[item.owner] else { return nil }
    let keys = [item.topicID, item.skillID, baseID(item.id)].compactMap { $0 }
    let able = people.filter { $0.roles.contains(role) && $0.teaches(any: keys) }
    let key = "\(item.owner)/\(keys.first ?? item.id)"
    let first = able.isEmpty ? 0 : (ledger.turns[key] ?? 0) % able.count
    return (key, Array(able[first...] + able[..<first]))
  }

  /// `weekly-1-1#3` → `weekly-1-1`; `training:sql-indexing` → `sql-indexing`.
  /// (Splits as `split(separator:)` does, empty pieces left out; ASCII ids are scanned as bytes
  /// without the arrays of pieces, others go through `referenceBaseID`.)
  static func baseID(_ id: String) -> String {
    let bytes = id.utf8
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return referenceBaseID(id) }
    let hash = UInt8(ascii: "#")
    let colon = UInt8(ascii: ":")
    var start = bytes.startIndex
    while start < bytes.endIndex, bytes[start] == hash { start = bytes.index(after: start) }
    var end = start
    while end < bytes.endIndex, bytes[end] != hash { end = bytes.index(after: end) }
    let head = start == end ? id[...] : id[start..<end]
    let headBytes = head.utf8
    var last = headBytes.endIndex
    while last > headBytes.startIndex, headBytes[headBytes.index(before: last)] == colon {
      last = headBytes.index(before: last)
    }
    var first = last
    while first > headBytes.startIndex, headBytes[headBytes.index(before: first)] != colon {
      first = headBytes.index(before: first)
    }
    return first == last ? String(head) : String(head[first..<last])
  }

  /// `baseID` as the splits say it, for any id.
  static func referenceBaseID(_ id: String) -> String {
    let head = id.split(separator: "#").first.map(String.init) ?? id
    return head.split(separator: ":").last.map(String.init) ?? head
  }

  /// The key of a shared workshop session (topic and instant), when the item is one.
  static func sharedKey(_ item: PlanItem, plan: OnboardingPlan, placement: Placement) -> String? {
    guard item.kind == .training, let topic = item.topicID,
      item.reason?.contains("shared workshop") == true
    else { return nil }
    return "\(topic)@\(placement.interval(item).lowerBound)"
  }
}

/// Plan warnings about people, one line per kind of problem and person, with a count of repeats.
struct WarningList {
  private var order: [String] = []
  private var first: [String: String] = [:]
  private var count: [String: Int] = [:]

  mutating func add(_ kind: String, item: PlanItem, text: String) {
    let key = "\(kind)|\(OwnerAssignment.baseID(item.id))"
    if first[key] == nil {
      order.append(key)
      first[key] = text
    }
    count[key, default: 0] += 1
  }

  func notes() -> [String] {
    order.map { key in
      let more = (count[key] ?? 1) - 1
      return (first[key] ?? "") + (more > 0 ? " (and \(more) more like it)." : ".")
    }
  }
}
