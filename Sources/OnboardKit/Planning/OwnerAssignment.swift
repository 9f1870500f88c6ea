/// Names the people of a plan after planning: the roster's manager and buddy, and a trainer,
/// mentor, HR or IT person from people.csv for every item of those roles, taken in turn among
/// those who teach the item's topic or skill (round-robin), never over a person's weekly
/// onboarding hours. Each meeting is put inside every attendee's working days and hours in their
/// own zone, and where no such time exists the least bad one is kept and the plan says so.
///
/// Pure: the plan and the run's `StaffLedger` in, the changed plan out; the ledger carries the
/// other hires' bookings, so call it for the hires of a run one after another, in roster order.
public enum OwnerAssignment {
  /// A role as a note names it: `HR person`, `IT person`, else the role (`trainer`).
  static func roleName(_ role: String) -> String {
    switch role {
    case "hr": "HR person"
    case "it": "IT person"
    default: role
    }
  }

  /// The roles people.csv names a person for (the roster names the manager and buddy).
  public static let assignedRoles: [String: TeamMember.Role] = [
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
    assign(plan, staff: StaffDirectory(people: people), ledger: &ledger, replan: replan)
  }

  /// `assign(_:people:ledger:replan:)` with people.csv indexed once (a run names the people of
  /// every hire from the same directory).
  public static func assign(
    _ plan: OnboardingPlan, staff: StaffDirectory, ledger: inout StaffLedger,
    replan: Replan? = nil
  ) -> OnboardingPlan {
    var plan = plan
    var placement = Placement(plan: plan)
    var warnings = WarningList()
    let people = staff.people
    let hireKey = plan.hire.key
    // The check-ins that are placed again below (the roster's manager or buddy runs them, so
    // each one reaches `best`): until then, a meeting moved to fit its people may take their time.
    placement.pendingCheckIns = Set(
      plan.items.indices.filter { index in
        let item = plan.items[index]
        return item.kind == .checkIn && item.override == nil && item.date >= plan.start
          && (item.owner == "manager" || item.owner == "buddy")
          && plan.replannedFrom.map { item.date >= $0 } ?? true
      })
    var outside: [(index: Int, asPlanned: PlanItem, person: TeamMember, key: String)] = []
    for index in plan.items.indices {
      var item = plan.items[index]
      placement.pendingCheckIns.remove(index)
      if let from = plan.replannedFrom, item.date < from {
        // Before a re-plan's date the plan stays as it was: same person, same time, booked.
        let roster = [plan.hire.manager, plan.hire.buddy]
        let email =
          item.ownerEmail ?? people.first { $0.name == item.ownerName }?.email
          ?? roster.first { $0.name == item.ownerName }?.email
        item.ownerEmail = item.owner == "hire" ? nil : email
        if let key = email?.lowercased(), item.owner != "hire" {
          // Its note stays too: the item is still outside the person's hours (a re-plan had
          // dropped the notes of every kept item).
          if let position = staff.byKey[key], item.date >= plan.start,
            case let person = people[position],
            Placement.outside(placement.interval(item), for: person) > 0
          {
            warnings.add(
              "\(person.name) outside their hours", item: item,
              text: outsideHoursText(item, person: person, plan: plan, placement: placement)
                + " (kept as it was: it is before the re-plan date)")
          }
          ledger.book(
            key, placement.interval(item), week: StaffLedger.week(of: item.date),
            hire: plan.hire.fullName, title: item.title)
          if let (turnKey, candidates) = rotation(
            item, staff: staff, ledger: ledger, hireKey: hireKey),
            let position = candidates.firstIndex(where: { staff.keys[$0] == key })
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
      // Positions in `people` (so that each person's key is looked up, not made again).
      let candidates: [Int]
      var turnKey: String? = nil
      var fallback: Person? = nil
      if item.owner == "manager" || item.owner == "buddy" {
        let person = item.owner == "manager" ? plan.hire.manager : plan.hire.buddy
        item.ownerName = person.name
        item.ownerEmail = person.email
        fallback = person
        candidates = staff.byKey[person.email.lowercased()].map { [$0] } ?? []
      } else if let (key, rotated) = rotation(item, staff: staff, ledger: ledger, hireKey: hireKey)
      {
        let keys = [item.topicID, item.skillID, baseID(item.id)].compactMap { $0 }
        turnKey = key
        candidates = rotated
        if rotated.isEmpty {
          let newcomers = assignedRoles[item.owner].map { staff.able($0, keys: keys) } ?? []
          if !newcomers.isEmpty {
            // Only hires of the run (this one among them) could run it.
            warnings.add(
              "only new hires are a \(item.owner) for `\(keys.first ?? item.id)`", item: item,
              text:
                "\(item.title) has no named \(roleName(item.owner)): "
                + listText(newcomers.map { people[$0].name })
                + (newcomers.count == 1 ? " is" : " are")
                + " onboarding then as a new hire of this run; add another \(roleName(item.owner)) to people.csv"
            )
          } else if !people.isEmpty {
            warnings.add(
              "nobody in people.csv is a \(item.owner) for `\(keys.first ?? item.id)`",
              item: item,
              text: "\(item.title) has no named \(roleName(item.owner)): add one to people.csv")
          }
          plan.items[index] = item
          continue
        }
      } else {
        continue
      }
      if let sharedKey = sharedKey(item, plan: plan, placement: placement),
        let ownerKey = ledger.sharedOwners[sharedKey], let position = staff.byKey[ownerKey]
      {
        // A shared workshop of the cohort: the same trainer for every attendee, booked once.
        let person = people[position]
        item.ownerName = person.name
        item.ownerEmail = person.email
        plan.items[index] = item
        continue
      }
      let capped = candidates.filter { position in
        guard item.owner != "manager", item.owner != "buddy",
          let cap = people[position].weeklyCapMinutes
        else { return true }
        let week = StaffLedger.week(of: item.date)
        return ledger.minutes(staff.keys[position], week: week) + item.durationMinutes <= cap
      }
      if capped.isEmpty && fallback == nil {
        warnings.add(
          "every \(item.owner) for this is at their weekly onboarding hours", item: item,
          text:
            "\(item.title) on \(item.date.shortText) has no \(roleName(item.owner)): "
            + listText(candidates.map { people[$0].name })
            + (candidates.count == 1 ? " already gives" : " already give")
            + " their weekly onboarding hours that week")
        plan.items[index] = item
        continue
      }
      // The roster's manager or buddy without a row in people.csv: the hire's zone and hours
      // stand in for theirs, so that their meetings with the run's other hires still never
      // overlap (two 90-day reviews with one manager at the same time went unseen).
      let standIn = fallback.map { person in
        TeamMember(
          name: person.name, email: person.email, roles: [], timeZone: plan.calendar.timeZone,
          workDays: plan.calendar.workDays, dayStart: plan.calendar.dayStart,
          dayEnd: plan.calendar.dayEnd, origin: plan.hire.origin)
      }
      let among = capped.isEmpty ? standIn.map { [$0] } ?? [] : capped.map { people[$0] }
      guard !among.isEmpty else {
        plan.items[index] = item
        continue
      }
      let keys = capped.isEmpty ? among.map(\.key) : capped.map { staff.keys[$0] }
      let choice = localFirst(
        item, among: among, keys: keys, location: plan.hire.location, placement: placement,
        ledger: ledger)
      let person = choice.person
      let asPlanned = item
      item.ownerName = person.name
      item.ownerEmail = person.email
      if choice.date != item.date || choice.start != item.start {
        item.note = movedNote(item, to: choice, placement: placement, ledger: ledger)
        item.date = choice.date
        item.start = choice.start
      }
      if choice.clashes {
        // Every time the hire is free, the person is booked: said, not hidden, with what it
        // overlaps (two welcomes of hires who start together may be better given together).
        let other = ledger.booking(choice.key, overlapping: placement.interval(item))
        let what =
          other.map { booking in
            booking.hire == plan.hire.fullName
              ? " (\(booking.title))"
              : " (\(booking.hire)'s \(booking.title))"
          } ?? ""
        warnings.add(
          "\(person.name) double-booked", item: item,
          text:
            "\(item.title) on \(item.date.shortText) at \(item.start)–\(item.end) overlaps another "
            + "onboarding meeting of \(person.name)\(what): no time that day is free for both; "
            + "move one of them (a `move` override)"
            + (other.map { $0.hire != plan.hire.fullName && $0.title == item.title } == true
              ? ", or hold the two together" : ""))
      }
      if choice.outside > 0 && !choice.clashes {
        // Tried again once every item is placed: the items after it may have moved since.
        outside.append((index, asPlanned, choice.person, choice.key))
      } else if choice.outside > 0 {
        warnings.add(
          "\(person.name) outside their hours", item: item,
          text: outsideHoursText(item, person: person, plan: plan, placement: placement)
            + ": no free time in the days around it is inside both \(plan.hire.firstName)'s and their hours"
        )
      }
      let interval = placement.interval(item)
      ledger.book(
        choice.key, interval, week: StaffLedger.week(of: item.date), hire: plan.hire.fullName,
        title: item.title)
      if let turnKey, let position = candidates.firstIndex(where: { people[$0] == person }) {
        ledger.turns[turnKey, default: 0] += position + 1
      }
      if let sharedKey = sharedKey(item, plan: plan, placement: placement) {
        ledger.sharedOwners[sharedKey] = choice.key
      }
      plan.items[index] = item
      placement.update(item, at: index)
    }
    // A meeting left outside its person's hours gets a second look now that every item has its
    // place (QA13 F11: the IT setup stayed at 06:30 for Berlin, "no free time in the days around
    // it", while the 1:1 that had held the free hour had moved away after it was placed).
    for (index, asPlanned, person, key) in outside {
      var item = plan.items[index]
      let week = StaffLedger.week(of: item.date)
      ledger.unbook(key, placement.interval(item), week: week)
      let retry = placement.best(for: item, among: [person], keys: [key], ledger: ledger)
      if retry.outside == 0 && !retry.clashes {
        item.note = movedNote(asPlanned, to: retry, placement: placement, ledger: ledger)
        item.date = retry.date
        item.start = retry.start
        plan.items[index] = item
        placement.update(item, at: index)
      } else {
        warnings.add(
          "\(person.name) outside their hours", item: item,
          text: outsideHoursText(item, person: person, plan: plan, placement: placement)
            + ": no free time in the days around it is inside both \(plan.hire.firstName)'s and their hours"
        )
      }
      ledger.book(
        key, placement.interval(item), week: StaffLedger.week(of: item.date),
        hire: plan.hire.fullName, title: item.title)
    }
    plan.items.sort { ($0.date, $0.start.minutes, $0.id) < ($1.date, $1.start.minutes, $1.id) }
    plan.notes += warnings.notes()
    if let replan {
      // plan.json does not carry the email (it is looked up again), so it is no change.
      let emails = plan.items.map(\.ownerEmail)
      var stripped = plan.items
      for i in stripped.indices { stripped[i].ownerEmail = nil }
      let compared = replan.compare(stripped, report: plan.report)
      plan.items = zip(compared.items, emails).map { item, email in
        var item = item
        item.ownerEmail = email
        return item
      }
      plan.changes = compared.changes
      if plan.changes.isEmpty, !replan.earlierChanges.isEmpty {
        // The same re-plan again: what it changed is still what the folder's plan said.
        plan.changes = replan.earlierChanges
        plan.changesAsLastRun = true
      }
      plan.cancelled = compared.cancelled
      plan.handedOver = compared.handedOver
      plan.earlierReplans = replan.earlierReplans
    }
    return plan
  }

  /// `placement.best` among the people at the hire's location (people.csv `location`, case
  /// aside) when one of them is free inside their hours, else among everyone in turn: an
  /// in-person IT setup or HR introduction is given where the hire is, by a colleague elsewhere
  /// only when nobody local can (QA14: a Lisbon hire's setup went to the Toronto IT person).
  static func localFirst(
    _ item: PlanItem, among people: [TeamMember], keys: [String], location: String,
    placement: Placement, ledger: StaffLedger
  ) -> Placement.Choice {
    let local = people.indices.filter {
      !location.isEmpty && people[$0].location.caseInsensitiveCompare(location) == .orderedSame
    }
    if !local.isEmpty && local.count < people.count {
      let choice = placement.best(
        for: item, among: local.map { people[$0] }, keys: local.map { keys[$0] }, ledger: ledger)
      if choice.outside == 0 && !choice.clashes { return choice }
    }
    return placement.best(for: item, among: people, keys: keys, ledger: ledger)
  }

  /// For a trainer, mentor, HR or IT item: its turn key and the people who run it, in the order
  /// of their turns (nil for other roles).
  /// (As positions in `staff.people`.)
  /// Never the hire themself (`hireKey`), nor another hire of the run in their own first weeks.
  static func rotation(
    _ item: PlanItem, staff: StaffDirectory, ledger: StaffLedger, hireKey: String
  ) -> (String, [Int])? {
    guard let role = assignedRoles[item.owner] else { return nil }
    let keys = [item.topicID, item.skillID, baseID(item.id)].compactMap { $0 }
    var able = staff.able(role, keys: keys)
    if !ledger.newcomers.isEmpty || staff.byKey[hireKey] != nil {
      able.removeAll {
        staff.keys[$0] == hireKey || ledger.isOnboarding(staff.keys[$0], on: item.date)
      }
    }
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
    guard item.kind == .training, let topic = item.topicID, isSharedWorkshop(item) else {
      return nil
    }
    return "\(topic)@\(placement.interval(item).lowerBound)"
  }

  /// `reason?.contains("shared workshop") == true` (Foundation's search, which compares
  /// canonically) without Foundation when the answer is plain: no such bytes (an ASCII phrase
  /// has no other canonical spelling), or the bytes with ASCII (or nothing) on both sides, which
  /// no combining or prepended character can join. Anything else asks Foundation.
  /// Whether the item is a shared workshop of the cohort: the planner says so in its note
  /// (`placeShared`). Looking at the reason alone, as before, found none: each attendee's copy
  /// was moved and named apart (QA15 F5: the second attendee's was "moved from 09:00: the
  /// trainer has another onboarding meeting then", the trainer's own session).
  static func isSharedWorkshop(_ item: PlanItem) -> Bool {
    isSharedWorkshop(item.note) || isSharedWorkshop(item.reason)
  }

  static func isSharedWorkshop(_ reason: String?) -> Bool {
    guard let reason else { return false }
    var text = reason
    let plain = text.withUTF8 { bytes -> Bool? in
      let needle = sharedWorkshopBytes
      guard bytes.count >= needle.count else { return false }
      var found = false
      var start = 0
      while start + needle.count <= bytes.count {
        if bytes[start] == needle[0] {
          var offset = 1
          while offset < needle.count, bytes[start + offset] == needle[offset] { offset += 1 }
          if offset == needle.count {
            let end = start + needle.count
            let before = start == 0 || bytes[start - 1] < 0x80
            let after = end == bytes.count || bytes[end] < 0x80
            if before && after { return true }
            found = true
          }
        }
        start += 1
      }
      return found ? nil : false
    }
    return plain ?? referenceIsSharedWorkshop(reason)
  }

  private static let sharedWorkshopBytes = Array("shared workshop".utf8)

  /// `isSharedWorkshop` as Foundation answers it.
  static func referenceIsSharedWorkshop(_ reason: String?) -> Bool {
    reason?.contains("shared workshop") == true
  }
}

/// people.csv indexed for naming owners: each person's key (the lower-case email), the first
/// person of each key, and for every role its people by what they teach, so that the people who
/// can run an item are found without a scan of everybody (and their keys are made once a run).
public struct StaffDirectory: Sendable {
  public let people: [TeamMember]
  /// `people[i].key`.
  let keys: [String]
  /// The position of the first person with each key.
  let byKey: [String: Int]
  /// By role: the positions of its people who run any item of it (no topics), in order.
  private let generalists: [TeamMember.Role: [Int]]
  /// By role and topic: the positions of its people who run that topic, in order.
  private let specialists: [TeamMember.Role: [String: [Int]]]

  public init(people: [TeamMember]) {
    self.people = people
    keys = people.map(\.key)
    var byKey: [String: Int] = [:]
    var generalists: [TeamMember.Role: [Int]] = [:]
    var specialists: [TeamMember.Role: [String: [Int]]] = [:]
    for (position, person) in people.enumerated() {
      if byKey[keys[position]] == nil { byKey[keys[position]] = position }
      for role in person.roles {
        if person.topics.isEmpty {
          generalists[role, default: []].append(position)
        } else {
          for topic in person.topics {
            specialists[role, default: [:]][topic, default: []].append(position)
          }
        }
      }
    }
    self.byKey = byKey
    self.generalists = generalists
    self.specialists = specialists
  }

  /// The positions of `people.filter { $0.roles.contains(role) && $0.teaches(any: keys) }`.
  func able(_ role: TeamMember.Role, keys: [String]) -> [Int] {
    var lists: [[Int]] = []
    if let list = generalists[role] { lists.append(list) }
    if let byTopic = specialists[role] {
      for key in keys { if let list = byTopic[key] { lists.append(list) } }
    }
    if lists.count <= 1 { return lists.first ?? [] }
    return Array(Set(lists.joined())).sorted()
  }
}

/// Plan warnings about people, one line per kind of problem and person, with a count of repeats.
///
/// The repeats are named by their day (and title, when it is not the first one's), so that no
/// item hides behind "more like it" (QA12 F7: a follow-up on the buddy's Sunday was only counted
/// on another item's note, a week earlier).
struct WarningList {
  private var order: [String] = []
  private var first: [String: (text: String, title: String)] = [:]
  private var repeats: [String: [String]] = [:]

  mutating func add(_ kind: String, item: PlanItem, text: String) {
    let key = "\(kind)|\(OwnerAssignment.baseID(item.id))"
    guard let earlier = first[key] else {
      order.append(key)
      first[key] = (text, item.title)
      return
    }
    let day = "\(item.date.shortText) \(item.start)"
    repeats[key, default: []].append(item.title == earlier.title ? day : "\(item.title) on \(day)")
  }

  func notes() -> [String] {
    order.map { key in
      let more = repeats[key] ?? []
      let text = first[key]?.text ?? ""
      guard !more.isEmpty else { return text + "." }
      let listed = more.prefix(12).joined(separator: "; ") + (more.count > 12 ? "; ..." : "")
      return text + " (and \(more.count) more like it: \(listed))."
    }
  }
}

extension OwnerAssignment {
  /// Why an item moved for its owner, as the planner saw the first time: the owner was booked
  /// then (another hire's meeting), or it fell outside their working hours; and when the new
  /// time is still outside them, that too (the plan's notes give their local time).
  static func movedNote(
    _ item: PlanItem, to choice: Placement.Choice, placement: Placement, ledger: StaffLedger
  ) -> String {
    let person = choice.person
    let timeZone = person.timeZone
    let from = "moved from \(item.date.shortText) \(item.start)"
    let first = placement.interval(item)
    if !ledger.isFree(choice.key, first) {
      let still =
        choice.outside > 0 ? "; the new time is outside their working hours, see the notes" : ""
      return "\(from): \(person.name) has another onboarding meeting then\(still)"
    }
    let hireWasFree = placement.hireIsFree(
      item.date, item.start.minutes, item.durationMinutes, except: item.id)
    if item.kind == .checkIn, choice.outside > 0 {
      // No time fits the person's hours: a check-in moves only for the hire's own day, which is
      // what its note says (it had said "to be nearer" of a later time, no nearer).
      return
        (hireWasFree
        ? "\(from) to end the day, after the day's other items"
        : "\(from): the hire has another item then")
        + "; it is outside \(person.name)'s working hours (\(timeZone)): see the notes"
    }
    if Placement.outside(first, for: person) > 0 {
      return choice.outside > 0
        ? "\(from) to be nearer \(person.name)'s working hours (\(timeZone)), still outside them: see the notes"
        : "\(from) to fit \(person.name)'s working hours (\(timeZone))"
    }
    if item.kind == .checkIn, choice.date == item.date, choice.start > item.start, hireWasFree {
      return "\(from) to end the day, after the day's other items"
    }
    // The first time was inside their hours and free for them: taken in the hire's own plan.
    return "\(from): the hire has another item then"
  }
}

extension OwnerAssignment {
  /// "Weekly 1:1 on Sun 3 Jan at 16:00–16:30 (Asia/Dubai) is 13:00–13:30 Sun 3 Jan for Ingrid,
  /// outside their working hours 09:00–17:30 Mon/Tue/Wed/Thu/Fri (Europe/Berlin)", or "..., a day
  /// off for them (Good Friday in London)": the start of a note about an item outside a
  /// person's hours.
  static func outsideHoursText(
    _ item: PlanItem, person: TeamMember, plan: OnboardingPlan, placement: Placement
  ) -> String {
    let theirs = placement.local(item, for: person)
    let theirDay = ZoneClock.local(placement.interval(item).lowerBound, in: person.timeZone).date
    let dayOff = person.daysOff[theirDay].map { holiday in
      ", a day off for them (\(holiday)\(person.location.isEmpty ? "" : " in \(person.location)"))"
    }
    return
      "\(item.title) on \(item.date.shortText) at \(item.start)–\(item.end) (\(plan.calendar.timeZone)) "
      + "is \(theirs) for \(person.name)"
      + (dayOff
        ?? ", outside their working hours \(person.dayStart)–\(person.dayEnd) "
        + "\(person.workDays.map(\.shortName).joined(separator: "/")) (\(person.timeZone))")
  }
}
