/// An iCalendar invitation, sent as `text/calendar; method=REQUEST; charset=UTF-8` inside the
/// multipart/alternative, which is where Gmail and Outlook look for invitations.
public struct CalendarPart: Sendable, Hashable {
  /// The iCalendar text exactly as the caller produced it (sent in base64, byte for byte).
  public let ics: String
  /// The iTIP method, e.g. `REQUEST`, `PUBLISH` or `CANCEL`; it must match the METHOD in `ics`.
  public let method: String

  /// Makes a calendar part; `ics` must start with `BEGIN:VCALENDAR`, `method` be 1–32 of A–Z, 0–9, `-`.
  public init(ics: String, method: String = "REQUEST") throws(MIMEError) {
    guard ics.hasPrefix("BEGIN:VCALENDAR") else {
      throw .invalidCalendar(ics, reason: "the text does not start with BEGIN:VCALENDAR")
    }
    let allowed = method.utf8.allSatisfy { byte in
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }
    guard allowed, (1...32).contains(method.utf8.count) else {
      throw .invalidCalendar(method, reason: "method must be 1–32 characters of A–Z, 0–9 and '-'")
    }
    self.ics = ics
    self.method = method
  }
}
