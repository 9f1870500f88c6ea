/// An iCalendar invitation, sent as `text/calendar; method=REQUEST; charset=UTF-8` inside the
/// multipart/alternative, which is where Gmail and Outlook look for invitations.
public struct CalendarPart: Sendable, Hashable {
  /// The iCalendar text exactly as the caller produced it, as UTF-8 (sent in base64, byte for byte).
  public let icsBytes: [UInt8]
  /// The iTIP method, e.g. `REQUEST`, `PUBLISH` or `CANCEL`; it must match the METHOD in `ics`.
  public let method: String

  /// The iCalendar text.
  public var ics: String { String(decoding: icsBytes, as: UTF8.self) }

  /// Makes a calendar part; `ics` must start with `BEGIN:VCALENDAR`, `method` be 1–32 of A–Z, 0–9, `-`.
  public init(ics: String, method: String = "REQUEST") throws(MIMEError) {
    guard ics.hasPrefix("BEGIN:VCALENDAR") else {
      throw .invalidCalendar(ics, reason: "the text does not start with BEGIN:VCALENDAR")
    }
    try Self.check(method: method)
    self.icsBytes = Array(ics.utf8)
    self.method = method
  }

  /// A calendar part from the calendar's UTF-8 bytes (an iCalendar writer's output, never made a
  /// `String` on the way). They must start with the whole line `BEGIN:VCALENDAR`.
  public init(icsBytes: [UInt8], method: String = "REQUEST") throws(MIMEError) {
    let begin = Array("BEGIN:VCALENDAR".utf8)
    let lineEnds =
      icsBytes.count == begin.count
      || (icsBytes.count > begin.count
        && (icsBytes[begin.count] == 0x0D || icsBytes[begin.count] == 0x0A))
    guard icsBytes.starts(with: begin), lineEnds else {
      throw .invalidCalendar(
        String(decoding: icsBytes.prefix(64), as: UTF8.self),
        reason: "the text does not start with the line BEGIN:VCALENDAR")
    }
    try Self.check(method: method)
    self.icsBytes = icsBytes
    self.method = method
  }

  private static func check(method: String) throws(MIMEError) {
    let allowed = method.utf8.allSatisfy { byte in
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }
    guard allowed, (1...32).contains(method.utf8.count) else {
      throw .invalidCalendar(method, reason: "method must be 1–32 characters of A–Z, 0–9 and '-'")
    }
  }
}
