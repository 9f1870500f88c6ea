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
  func resolve(_ name: String) -> MustacheValue? {
    if name == "." { return frames.last }
    if !name.utf8.contains(UInt8(ascii: ".")) {
      // A plain name (nearly every tag): one lookup per frame, no splitting.
      for frame in frames.reversed() {
        if case .object(let fields) = frame, let value = fields[name] { return value }
      }
      return nil
    }
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    guard let first = parts.first else { return nil }
    var current: MustacheValue?
    for frame in frames.reversed() {
      if case .object(let fields) = frame, let value = fields[String(first)] {
        current = value
        break
      }
    }
    for part in parts.dropFirst() {
      guard case .object(let fields)? = current, let value = fields[String(part)] else {
        return nil
      }
      current = value
    }
    return current
  }
}
