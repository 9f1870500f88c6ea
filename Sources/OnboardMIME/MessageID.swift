/// A `Message-ID` value `<left@domain>`, given by the caller so the output stays deterministic.
public struct MessageID: Sendable, Hashable {
  /// The part before the `@` (a dot-atom, e.g. `welcome.ada.2026-12-07`).
  public let left: String
  /// The part after the `@` (a dot-atom, usually the sender's domain).
  public let domain: String

  /// Makes `<left@domain>`; both halves must be dot-atoms of at most 200 characters.
  public init(left: String, domain: String) throws(MIMEError) {
    let whole = "\(left)@\(domain)"
    for (half, name) in [(left, "left part"), (domain, "domain")] {
      if half.utf8.count > 200 {
        throw .invalidMessageID(whole, reason: "\(name) longer than 200 characters")
      }
      if let problem = Syntax.dotAtomProblem(half) {
        throw .invalidMessageID(whole, reason: "\(name) \(problem)")
      }
    }
    self.left = left
    self.domain = domain
  }

  /// Parses a full id, `<left@domain>` or `left@domain`.
  public init(_ id: String) throws(MIMEError) {
    var text = Substring(id)
    if text.hasPrefix("<") && text.hasSuffix(">") && text.count >= 2 {
      text = text.dropFirst().dropLast()
    }
    let halves = text.split(separator: "@", omittingEmptySubsequences: false)
    guard halves.count == 2 else {
      throw .invalidMessageID(id, reason: "expected exactly one '@'")
    }
    try self.init(left: String(halves[0]), domain: String(halves[1]))
  }

  /// The header text, with angle brackets.
  public var headerValue: String { "<\(left)@\(domain)>" }
}
