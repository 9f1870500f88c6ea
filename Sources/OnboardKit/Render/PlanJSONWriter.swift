/// Writes `plan.json` straight into UTF-8 bytes, in exactly the layout `JSONEncoder` gives with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two-space indent, `"key" : value`,
/// keys in the encoder's order (written out per type below), an empty array as `[`, an empty line
/// and `]`, numbers as `description` without a trailing `.0`, strings escaped as the encoder does.
///
/// It gives up (`Unwritable`) where the encoder must decide: a NaN or infinite number (the
/// encoder's error is the message) and a dictionary (its key order is Foundation's comparison);
/// `PlanDocument.encoded()` then uses `JSONEncoder`.
struct PlanJSONWriter {
  /// The document has something only `JSONEncoder` writes (or refuses) the same way.
  struct Unwritable: Error {}

  private(set) var buffer: ByteBuffer
  private var depth = 0
  /// Whether the innermost open container has no element yet.
  private var isFirst = true

  init(capacity: Int = 16_384) { buffer = ByteBuffer(capacity: capacity) }

  /// The bytes written so far (one copy).
  var bytes: [UInt8] { buffer.array }

  /// The whole document, ending with a line feed.
  static func write(_ document: PlanDocument) throws(Unwritable) -> [UInt8] {
    try writeBuffer(document).array
  }

  /// `write` in the buffer it is written in (no copy).
  static func writeBuffer(_ document: PlanDocument) throws(Unwritable) -> ByteBuffer {
    var writer = PlanJSONWriter(capacity: 8_192 + document.items.count * 640)
    try writer.write(document)
    writer.buffer.append(byte: 0x0A)
    return writer.buffer
  }

  // MARK: - Layout

  private mutating func open(_ bracket: UInt8) {
    buffer.write(limit: 2) { out in
      out[0] = bracket
      out[1] = 0x0A
      return 2
    }
    depth += 1
    isFirst = true
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    let spaces = 2 * depth
    buffer.write(limit: spaces + 2) { out in
      out[0] = 0x0A
      (out + 1).initialize(repeating: 0x20, count: spaces)
      out[spaces + 1] = bracket
      return spaces + 2
    }
    isFirst = false
  }

  /// Starts the next element of the open container: the comma after the previous one, the indent.
  private mutating func element() {
    let spaces = 2 * depth
    let comma = isFirst ? 0 : 2
    isFirst = false
    buffer.write(limit: spaces + 2) { out in
      if comma > 0 {
        out[0] = UInt8(ascii: ",")
        out[1] = 0x0A
      }
      (out + comma).initialize(repeating: 0x20, count: spaces)
      return comma + spaces
    }
  }

  /// `"name" : ` (names are ASCII without anything to escape).
  private mutating func key(_ name: StaticString) {
    element()
    name.withUTF8Buffer { name in
      let count = name.count
      buffer.write(limit: count + 5) { out in
        out[0] = UInt8(ascii: "\"")
        if let base = name.baseAddress { (out + 1).initialize(from: base, count: count) }
        out[count + 1] = UInt8(ascii: "\"")
        out[count + 2] = 0x20
        out[count + 3] = UInt8(ascii: ":")
        out[count + 4] = 0x20
        return count + 5
      }
    }
  }

  // MARK: - Values

  /// What a byte needs in a JSON string: 0 nothing, 1 a backslash before it, 2 a short escape
  /// (`\b \t \n \f \r`), 3 `\u00XX`.
  private static let escapeClass: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    for byte in 0..<0x20 { table[byte] = 3 }
    for byte: UInt8 in [0x08, 0x09, 0x0A, 0x0C, 0x0D] { table[Int(byte)] = 2 }
    table[Int(UInt8(ascii: "\""))] = 1
    table[Int(UInt8(ascii: "\\"))] = 1
    return table
  }()

  /// A control, a quote or a backslash: a byte `escapeClass` does not copy as it is.
  @inline(__always)
  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// The string in quotes, escaped as the encoder does: most strings have nothing to escape, so
  /// one look at each byte, then one copy; else byte by byte into room for the worst case (each
  /// byte a six-byte `\u00XX`).
  private mutating func string(_ text: String) {
    var text = text  // shares the storage; `withUTF8` needs a variable
    text.withUTF8 { utf8 in
      let count = utf8.count
      guard let base = utf8.baseAddress else {
        buffer.write(limit: 2) { out in
          out[0] = UInt8(ascii: "\"")
          out[1] = UInt8(ascii: "\"")
          return 2
        }
        return
      }
      let first = ByteScan.first(
        in: base, count: count,
        mask: {
          ByteScan.control($0) | ByteScan.equal($0, UInt8(ascii: "\""))
            | ByteScan.equal($0, UInt8(ascii: "\\"))
        }, matches: Self.needsEscape)
      buffer.write(limit: first + (count - first) * 6 + 2) { out in
        out[0] = UInt8(ascii: "\"")
        (out + 1).initialize(from: base, count: first)
        var end = first + 1
        if first < count {
          Self.escapeClass.withUnsafeBufferPointer { table in
            Self.hexDigits.withUnsafeBufferPointer { hex in
              for index in first..<count {
                let byte = base[index]
                let kind = table[Int(byte)]
                if kind == 0 {
                  out[end] = byte
                  end += 1
                  continue
                }
                out[end] = UInt8(ascii: "\\")
                switch kind {
                case 1: out[end + 1] = byte
                case 2:
                  switch byte {
                  case 0x08: out[end + 1] = UInt8(ascii: "b")
                  case 0x09: out[end + 1] = UInt8(ascii: "t")
                  case 0x0A: out[end + 1] = UInt8(ascii: "n")
                  case 0x0C: out[end + 1] = UInt8(ascii: "f")
                  default: out[end + 1] = UInt8(ascii: "r")
                  }
                default:
                  out[end + 1] = UInt8(ascii: "u")
                  out[end + 2] = 0x30
                  out[end + 3] = 0x30
                  out[end + 4] = hex[Int(byte >> 4)]
                  out[end + 5] = hex[Int(byte & 0x0F)]
                  end += 4
                }
                end += 2
              }
            }
          }
        }
        out[end] = UInt8(ascii: "\"")
        return end + 1
      }
    }
  }

  private mutating func int(_ value: Int) {
    if value >= 0 && value < 10 {
      buffer.append(byte: 0x30 + UInt8(value))
    } else {
      buffer.append(integer: value)
    }
  }

  private mutating func double(_ value: Double) throws(Unwritable) {
    guard value.isFinite else { throw Unwritable() }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    buffer.append(text)
  }

  private mutating func field(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  private mutating func field(_ name: StaticString, _ value: String?) {
    if let value { field(name, value) }
  }

  private mutating func field(_ name: StaticString, _ value: Int) {
    key(name)
    int(value)
  }

  private mutating func field(_ name: StaticString, _ value: Double) throws(Unwritable) {
    key(name)
    try double(value)
  }

  private mutating func field(_ name: StaticString, _ value: Double?) throws(Unwritable) {
    if let value { try field(name, value) }
  }

  private mutating func field(_ name: StaticString, _ values: [String]) {
    key(name)
    open(UInt8(ascii: "["))
    for value in values {
      element()
      string(value)
    }
    close(UInt8(ascii: "]"))
  }

  private mutating func field(_ name: StaticString, _ values: [Double]) throws(Unwritable) {
    key(name)
    open(UInt8(ascii: "["))
    for value in values {
      element()
      try double(value)
    }
    close(UInt8(ascii: "]"))
  }

  /// `"name" : [ {...}, ... ]`, each element an object written by `write`.
  private mutating func objects<T>(
    _ name: StaticString, _ values: [T], _ write: (inout Self, T) throws(Unwritable) -> Void
  ) throws(Unwritable) {
    key(name)
    open(UInt8(ascii: "["))
    for value in values {
      element()
      open(UInt8(ascii: "{"))
      try write(&self, value)
      close(UInt8(ascii: "}"))
    }
    close(UInt8(ascii: "]"))
  }

  /// `"name" : {...}` written by `write`.
  private mutating func object(_ name: StaticString, _ write: (inout Self) -> Void) {
    key(name)
    open(UInt8(ascii: "{"))
    write(&self)
    close(UInt8(ascii: "}"))
  }

  // MARK: - The document, key by key in the encoder's order

  private mutating func write(_ d: PlanDocument) throws(Unwritable) {
    guard d.levelsAtHire == nil, d.cancelled == nil, d.earlierReplans == nil else {
      throw Unwritable()
    }
    open(UInt8(ascii: "{"))
    if let changes = d.changes {
      try objects("changes", changes) { w, c in
        w.field("change", c.change.rawValue)
        w.field("itemID", c.itemID)
        w.field("text", c.text)
      }
    }
    field("day90", d.day90)
    try objects("emails", d.emails) { w, e in
      w.field("date", e.date.iso)
      w.field("file", e.file)
      w.field("subject", e.subject)
      w.field("time", e.time.description)
      w.field("to", e.to)
    }
    try objects("goals", d.goals) { w, g in
      w.field("day", g.day)
      w.field("id", g.id)
      w.field("outcome", g.outcome)
      w.field("owner", g.owner)
      w.field("shownBy", g.shownBy)
      w.field("skillID", g.skillID)
      w.field("source", g.source.rawValue)
    }
    let hire = d.hire
    object("hire") { w in
      w.person("buddy", hire.buddy)
      w.field("dayEnd", hire.dayEnd)
      w.field("dayStart", hire.dayStart)
      w.field("email", hire.email)
      w.field("employment", hire.employment)
      w.field("location", hire.location)
      w.person("manager", hire.manager)
      w.field("name", hire.name)
      w.field("role", hire.role)
      w.field("timeZone", hire.timeZone)
      w.field("workDays", hire.workDays)
      w.field("workMode", hire.workMode)
    }
    try objects("items", d.items) { w, i in
      w.field("agenda", i.agenda)
      w.field("date", i.date)
      w.field("durationMinutes", i.durationMinutes)
      w.field("end", i.end)
      w.field("format", i.format)
      w.field("id", i.id)
      w.field("kind", i.kind)
      w.field("note", i.note)
      w.field("override", i.override)
      w.field("owner", i.owner)
      w.field("ownerName", i.ownerName)
      w.field("reason", i.reason)
      w.field("resource", i.resource)
      if let sequence = i.sequence { w.field("sequence", sequence) }
      w.field("skill", i.skill)
      w.field("start", i.start)
      w.field("title", i.title)
      w.field("topic", i.topic)
      w.field("view", i.view)
    }
    field("notes", d.notes)
    field("replannedFrom", d.replannedFrom)
    field("requestedStart", d.requestedStart)
    field("schema", d.schema)
    try objects("skills", d.skills) { w, s throws(Unwritable) in try w.skill(s) }
    field("start", d.start)
    field("startMovedReason", d.startMovedReason)
    field("unassessedEssentials", d.unassessedEssentials)
    try objects("unscheduled", d.unscheduled) { w, u in
      w.field("reason", u.reason)
      w.field("skillID", u.skillID)
      w.field("title", u.title)
      w.field("topicID", u.topicID)
    }
    field("weakAreas", d.weakAreas)
    close(UInt8(ascii: "}"))
  }

  private mutating func person(_ name: StaticString, _ person: Person) {
    object(name) { w in
      w.field("email", person.email)
      w.field("name", person.name)
    }
  }

  private mutating func skill(_ s: PlanDocument.SkillInfo) throws(Unwritable) {
    try field("confidence", s.confidence)
    field("conflict", s.conflict)
    try objects("evidence", s.evidence) { w, e throws(Unwritable) in
      w.field("assessor", e.assessor)
      w.field("date", e.date)
      w.field("hire", e.hire)
      w.field("instrument", e.instrument)
      try w.field("level", e.level)
      w.field("note", e.note)
      w.field("origin", e.origin)
      try w.field("percentileRank", e.percentileRank)
      w.field("rawValue", e.rawValue)
      w.field("scale", e.scale)
      w.field("skill", e.skill)
      w.field("source", e.source)
      try w.field("weight", e.weight)
    }
    try field("importance", s.importance)
    if let flags = s.integrityFlags { field("integrityFlags", flags) }
    field("integrityNote", s.integrityNote)
    field("levelStatus", s.levelStatus)
    field("name", s.name)
    try field("observed", s.observed)
    try field("percentileRanks", s.percentileRanks)
    field("priority", s.priority)
    field("settleIt", s.settleIt)
    field("settled", s.settled)
    try field("severity", s.severity)
    try field("shortfall", s.shortfall)
    field("skill", s.skill)
    field("status", s.status)
    field("target", s.target)
    field("tier", s.tier)
    field("weightNote", s.weightNote)
  }
}
