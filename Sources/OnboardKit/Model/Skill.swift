/// A skill the company cares about, with the names it carries in assessment exports.
public struct Skill: Hashable, Sendable, Codable {
  /// Whether a skill is technical (databases, Git) or soft (communication).
  public enum Kind: String, Sendable, Codable, CaseIterable { case technical, soft }

  /// Stable slug, e.g. `sql-databases`.
  public var id: String
  /// Display name, e.g. "Databases & SQL".
  public var name: String
  public var kind: Kind
  /// Names in exports: "SQL (Intermediate)", "Communication Skills", ...
  public var aliases: [String]

  public init(id: String, name: String, kind: Kind, aliases: [String] = []) {
    self.id = id
    self.name = name
    self.kind = kind
    self.aliases = aliases
  }
}

/// How essential a requirement is for the role.
public enum Tier: String, Sendable, Codable, CaseIterable, Comparable {
  case essential
  case important
  case niceToHave = "nice-to-have"

  var rank: Int { Tier.allCases.firstIndex(of: self) ?? 0 }
  public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }
}

/// One skill a role needs, at a level, with its place in the role's priority order.
public struct SkillRequirement: Hashable, Sendable, Codable {
  public var skillID: String
  /// 1 = the most essential skill of the role.
  public var priority: Int
  public var tier: Tier
  /// Target level 0–5.
  public var targetLevel: Int
  /// An explicit importance weight that overrides the one derived from priority and tier.
  public var weight: Double?
  /// Where the requirement is written in `roles.csv`.
  public var origin: SourceLocation?

  public init(
    skillID: String, priority: Int, tier: Tier, targetLevel: Int, weight: Double? = nil,
    origin: SourceLocation? = nil
  ) {
    self.origin = origin
    self.skillID = skillID
    self.priority = priority
    self.tier = tier
    self.targetLevel = targetLevel
    self.weight = weight
  }
}

/// A role's skills in priority order, from essential to less critical.
public struct RoleProfile: Hashable, Sendable, Codable {
  /// The title as rosters write it: "Backend Developer".
  public var title: String
  /// Requirements sorted by priority.
  public var requirements: [SkillRequirement]

  public init(title: String, requirements: [SkillRequirement]) {
    self.title = title
    self.requirements = requirements.sorted { $0.priority < $1.priority }
  }

  /// The slug of the title, e.g. `backend-developer`.
  public var id: String { slug(title) }
}

/// Lowercase ASCII slug: letters and digits, runs of anything else become one `-`.
public func slug(_ text: String) -> String {
  asciiSlug(text) ?? scalarSlug(text)
}

/// `slug` of ASCII text on its bytes (nil for text with a non-ASCII byte). For ASCII, lowercasing
/// is A-Z to a-z and the alphabetic ASCII scalars are the letters, so no scalar properties are
/// needed; non-ASCII text can lowercase into ASCII letters (KELVIN SIGN), so it takes the
/// scalar path.
func asciiSlug(_ text: String) -> String? {
  var text = text
  return text.withUTF8 { bytes -> String? in
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingDash = false
    for var byte in bytes {
      guard byte < 0x80 else { return nil }
      if (0x41...0x5A).contains(byte) { byte += 0x20 }
      if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
        if pendingDash, !out.isEmpty { out.append(UInt8(ascii: "-")) }
        pendingDash = false
        out.append(byte)
      } else {
        pendingDash = true
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// The definition of `slug`, scalar by scalar (any text).
func scalarSlug(_ text: String) -> String {
  var result = ""
  var pendingDash = false
  for scalar in text.lowercased().unicodeScalars {
    if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
      if pendingDash, !result.isEmpty { result.append("-") }
      pendingDash = false
      result.unicodeScalars.append(scalar)
    } else {
      pendingDash = true
    }
  }
  return result
}
