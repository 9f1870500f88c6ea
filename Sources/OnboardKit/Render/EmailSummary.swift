/// One line about an email in the plan: when, what, to whom.
public struct EmailSummary: Hashable, Sendable, Codable {
  public var date: CalendarDate
  public var time: LocalTime
  public var subject: String
  public var to: [String]
  public var file: String

  public init(date: CalendarDate, time: LocalTime, subject: String, to: [String], file: String) {
    self.date = date
    self.time = time
    self.subject = subject
    self.to = to
    self.file = file
  }
}
