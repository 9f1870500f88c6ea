/// The context stack and the spec's name resolution.
struct ContextStack {
  private(set) var frames: [MustacheValue]

  init(_ root: MustacheValue) { frames = [root] }

  /// A stack with these frames, bottom first (at least one).
  init(frames: [MustacheValue]) { self.frames = frames }

  mutating func push(_ value: MustacheValue) { frames.append(value) }
  mutating func pop() { _ = frames.popLast() }

  /// Resolves a name: `nil` when it resolves nowhere (a "context miss"), `.null` when it
  /// resolves to null.
  ///
  /// `.` is the top of the stack. Otherwise the first dotted part is looked up from the top of
  /// the stack down; each further part is looked up only in the previous result, so a broken
  /// chain is a miss even if an outer frame has the name.
  func resolve(_ name: String) -> MustacheValue? { resolve(NamePath(name)) }

  /// `resolve` of a name already split (a tag's `path`).
  func resolve(_ path: NamePath) -> MustacheValue? {
    switch path {
    case .top: return frames.last
    case .plain(let name): return lookUp(name)
    case .dotted(let parts):
      var current = lookUp(parts[0])
      for part in parts.dropFirst() {
        guard case .object(let fields)? = current, let value = fields[part] else { return nil }
        current = value
      }
      return current
    }
  }

  /// The first frame from the top that is an object holding `name`.
  private func lookUp(_ name: String) -> MustacheValue? {
    var index = frames.count - 1
    while index >= 0 {
      if case .object(let fields) = frames[index], let value = fields[name] { return value }
      index -= 1
    }
    return nil
  }

  /// `name` split at the byte offsets `dots`, empty parts kept; nil when a byte next to a dot is
  /// not ASCII (a combining mark after it, or a prepended one before it, would make the dot part
  /// of a larger character, which `partsByCharacter` does not split at).
  static func parts(of name: String, dots: [Int]) -> [String]? {
    var copy = name  // shares the storage; `withUTF8` needs a variable
    return copy.withUTF8 { bytes -> [String]? in
      for dot in dots {
        if dot > 0 && bytes[dot - 1] >= 0x80 { return nil }
        if dot + 1 < bytes.count && bytes[dot + 1] >= 0x80 { return nil }
      }
      var parts: [String] = []
      parts.reserveCapacity(dots.count + 1)
      var start = 0
      for dot in dots + [bytes.count] {
        parts.append(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<dot]), as: UTF8.self))
        start = dot + 1
      }
      return parts
    }
  }

  /// The definition of the split: by `Character`, empty parts kept.
  static func partsByCharacter(_ name: String) -> [String] {
    name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
  }
}

/// A tag's name split for lookup: `.`, a plain name (nearly every tag), or dotted parts.
enum NamePath: Sendable {
  case top
  case plain(String)
  case dotted([String])

  init(_ name: String) {
    var copy = name  // shares the storage; `withUTF8` needs a variable
    // The dots of the name, read once through a pointer: nearly every tag has none.
    let dots = copy.withUTF8 { bytes -> [Int] in
      if bytes.count == 1 && bytes[0] == UInt8(ascii: ".") { return [0] }
      var offsets: [Int] = []
      for index in 0..<bytes.count where bytes[index] == UInt8(ascii: ".") {
        offsets.append(index)
      }
      return offsets
    }
    if dots.isEmpty {
      self = .plain(name)
    } else if name.utf8.count == 1 {
      self = .top
    } else {
      self = .dotted(
        ContextStack.parts(of: name, dots: dots) ?? ContextStack.partsByCharacter(name))
    }
  }
}
