/// A one-line text form of a workshop demand, for spooling a large cohort's demands to disk by
/// topic between the grouping pass and the planning pass. Exact: `WorkshopDemand(record: d.record) == d`.
extension WorkshopDemand {
  public var record: String {
    let days = days.map { day in
      "\(day.date.dayNumber):\(day.dayStart):\(day.dayEnd):\(day.cap):\(day.utcOffset):"
        + day.busy.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
    }.joined(separator: ";")
    return [
      Evidence.escape(hireKey), Evidence.escape(topicID), String(minutes), String(capacity),
      String(date.dayNumber), days,
    ].joined(separator: "\t")
  }

  /// Parses a line written by `record`; nil when it is not one. Read by bytes (every separator
  /// is ASCII; see `Evidence.recordFields`).
  public init?(record: Substring) {
    let fields = Evidence.recordFields(record)
    guard fields.count == 6, let hireKey = fields[0], let topicID = fields[1],
      let minutes = fields[2].flatMap({ Int($0) }), let capacity = fields[3].flatMap({ Int($0) }),
      let date = fields[4].flatMap({ Int($0) }), let dayList = fields[5]
    else { return nil }
    var days: [Day] = []
    for text in dayList.utf8.split(separator: UInt8(ascii: ";")) {
      let parts = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
      // `date:start:end:cap:offset:busy` (a line without the offset is a UTC day).
      guard parts.count == 5 || parts.count == 6, let number = Self.number(parts[0]),
        let start = Self.number(parts[1]), let end = Self.number(parts[2]),
        let cap = Self.number(parts[3])
      else { return nil }
      var offset = 0
      if parts.count == 6 {
        guard let value = Self.number(parts[4]) else { return nil }
        offset = value
      }
      var busy: [Range<Int>] = []
      for range in parts[parts.count - 1].split(separator: UInt8(ascii: ",")) {
        // `low-high`: the dash after the first byte (either bound may be negative).
        guard let dash = range.dropFirst().firstIndex(of: UInt8(ascii: "-")),
          let low = Self.number(range[..<dash]),
          let high = Self.number(range[range.index(after: dash)...]), low <= high
        else { return nil }
        busy.append(low..<high)
      }
      days.append(
        Day(
          date: CalendarDate(dayNumber: number), dayStart: start, dayEnd: end, busy: busy, cap: cap,
          utcOffset: offset))
    }
    self.init(
      hireKey: hireKey, topicID: topicID, minutes: minutes, capacity: capacity,
      date: CalendarDate(dayNumber: date), days: days)
  }

  /// A decimal number written by `record` (digits, a `-` first for a negative one).
  private static func number(_ text: some Collection<UInt8>) -> Int? {
    Int(String(decoding: text, as: UTF8.self))
  }
}
