import Foundation

/// Finds a skill from the name an export gives it, through the aliases in `Plans/skills.csv`.
///
/// Matching is case-insensitive and whitespace-normalised; a trailing " Score" and a
/// parenthesised suffix ("Node.js (Intermediate)" → "Node.js") are tried stripped too.
public struct SkillIndex: Sendable, Hashable {
  private var byName: [String: String] = [:]
  private var names: [String: String] = [:]  // normalised → a display spelling

  public init() {}

  /// Adds a name for a skill; returns the other skill when the name already belongs to one.
  @discardableResult
  public mutating func add(_ name: String, skillID: String) -> String? {
    let key = Self.normalise(name)
    guard !key.isEmpty else { return nil }
    if let existing = byName[key], existing != skillID { return existing }
    byName[key] = skillID
    names[key] = names[key] ?? name
    return nil
  }

  /// The skill id for a name, or nil.
  public func skillID(for name: String) -> String? {
    for candidate in Self.candidates(name) {
      if let id = byName[candidate] { return id }
    }
    return nil
  }

  /// Up to `limit` known names closest to `name` (edit distance), for "did you mean" messages.
  /// Names are compared on their first `closestNameLength` characters: a real test name is far
  /// shorter, and a 10 MB cell must not cost minutes of edit distances.
  public static let closestNameLength = 100

  public func closest(to name: String, limit: Int = 3) -> [String] {
    let key = String(
      Self.normalise(String(name.prefix(Self.closestNameLength * 4))).prefix(Self.closestNameLength)
    )
    return names.keys.map { ($0, editDistance(key, $0)) }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
      .prefix(limit).compactMap { names[$0.0] }
  }

  static func normalise(_ name: String) -> String {
    name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  static func candidates(_ name: String) -> [String] {
    var key = normalise(name)
    var result = [key]
    if key.hasSuffix(" score") {
      key = String(key.dropLast(6)).trimmingCharacters(in: .whitespaces)
      result.append(key)
    }
    if key.hasSuffix(")"), let open = key.lastIndex(of: "(") {
      result.append(key[..<open].trimmingCharacters(in: .whitespaces))
    }
    return result
  }
}

/// Levenshtein distance over Unicode scalars.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a.unicodeScalars)
  let b = Array(b.unicodeScalars)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      current[j] = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
