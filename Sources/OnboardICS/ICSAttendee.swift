/// An invited participant of an event (RFC 5545 3.8.4.1 ATTENDEE).
public struct ICSAttendee: Sendable, Hashable {
  /// The participation role (`ROLE`).
  public enum Role: String, Sendable, Hashable, CaseIterable {
    /// Chairs the meeting.
    case chair = "CHAIR"
    /// Participation is required (the RFC default).
    case required = "REQ-PARTICIPANT"
    /// Participation is optional.
    case optional = "OPT-PARTICIPANT"
    /// Copied for information only.
    case nonParticipant = "NON-PARTICIPANT"
  }

  /// The participation status (`PARTSTAT`) for an event.
  public enum ParticipationStatus: String, Sendable, Hashable, CaseIterable {
    /// No answer yet (the RFC default, and what an invitation should say).
    case needsAction = "NEEDS-ACTION"
    /// Accepted.
    case accepted = "ACCEPTED"
    /// Declined.
    case declined = "DECLINED"
    /// Tentatively accepted.
    case tentative = "TENTATIVE"
    /// Delegated to someone else.
    case delegated = "DELEGATED"
  }

  /// The email address, written as a `mailto:` URI.
  public var email: String
  /// The display name, written as the `CN` parameter when not empty.
  public var commonName: String?
  /// The role; `ROLE=REQ-PARTICIPANT` by default.
  public var role: Role
  /// The participation status; `PARTSTAT=NEEDS-ACTION` by default.
  public var participationStatus: ParticipationStatus
  /// Whether a reply is expected (`RSVP=TRUE`).
  public var rsvp: Bool

  /// Creates an attendee; by default a required participant who has not answered and is asked to.
  public init(
    email: String, commonName: String? = nil, role: Role = .required,
    participationStatus: ParticipationStatus = .needsAction, rsvp: Bool = true
  ) {
    self.email = email
    self.commonName = commonName
    self.role = role
    self.participationStatus = participationStatus
    self.rsvp = rsvp
  }
}
