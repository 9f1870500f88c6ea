/// A one-line text form of a workshop demand, for spooling a large cohort's demands to disk by
/// topic between the grouping pass and the planning pass. Exact: `WorkshopDemand(record: d.record) == d`.
extension WorkshopDemand {
  public var record: String {
    let days = days.map { day in
      "\(day.date.dayNumber):\(day.dayStart):\(day.dayEnd):\(day.cap):"
        + day.busy.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
    }.joined(separator: ";")
    return [
      Evidence.escape(hireKey), Evidence.escape(topicID), String(minutes), String(capacity),
      String(date.dayNumber), days,
    ].joined(separator: "\t")
  }

  /// Parses a line written by `record`; nil when it is not one.
  public init?(record: Substring) {
    let fields = record.split(separator: "\t", omittingEmptySubsequences: false)
    guard fields.count == 6, let minutes = Int(fields[2]), let capacity = Int(fields[3]),
      let date = Int(fields[4])
    else { return nil }
    var days: [Day] = []
    for text in fields[5].split(separator: ";") {
      let parts = text.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 5, let number = Int(parts[0]), let start = Int(parts[1]),
        let end = Int(parts[2]),
        let cap = Int(parts[3])
      else { return nil }
      var busy: [Range<Int>] = []
      for range in parts[4].split(separator: ",") {
        let bounds = range.split(separator: "-")
        guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high
        else { return nil }
        busy.append(low..<high)
      }
      days.append(
        Day(
          date: CalendarDate(dayNumber: number), dayStart: start, dayEnd: end, busy: busy, cap: cap)
      )
    }
    self.init(
      hireKey: Evidence.unescape(fields[0]), topicID: Evidence.unescape(fields[1]),
      minutes: minutes,
      capacity: capacity, date: CalendarDate(dayNumber: date), days: days)
  }
}
