/// A value a Mustache template is rendered against: JSON-shaped data plus lambdas.
public indirect enum MustacheValue: Sendable {
  /// Text, interpolated as is (then escaped, if the tag escapes).
  case string(String)
  /// A number; integral values render without a fraction (`123`), others in the shortest
  /// form that round-trips (`1.21`).
  case number(Double)
  /// A boolean; `false` is falsey in sections.
  case bool(Bool)
  /// A list; a section iterates over it, an empty list is falsey.
  case list([MustacheValue])
  /// A hash; a section pushes it onto the context stack.
  case object([String: MustacheValue])
  /// An explicit "no value": renders as the empty string and is falsey. In strict mode a name that
  /// resolves to `null` is *not* an error, which is how a template marks a value as optional.
  case null
  /// A function called by the template (see `MustacheLambda`).
  case lambda(MustacheLambda)
}

extension MustacheValue {
  /// Whether a section over this value renders (the spec's `!!data`, JavaScript-style):
  /// `false`, `null`, `""`, `0`, NaN and the empty list are falsey; everything else, including an
  /// empty object and any lambda, is truthy.
  public var isTruthy: Bool {
    switch self {
    case .string(let text): return !text.isEmpty
    case .number(let number): return number != 0 && !number.isNaN
    case .bool(let flag): return flag
    case .list(let items): return !items.isEmpty
    case .object: return true
    case .null: return false
    case .lambda: return true
    }
  }

  /// The text an interpolation tag inserts, before escaping.
  ///
  /// Lists render as their items joined by commas, objects and lambdas as the empty string
  /// (lambdas are called by the renderer instead).
  public var interpolationText: String {
    switch self {
    case .string(let text): return text
    case .number(let number): return Self.format(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .list(let items): return items.map(\.interpolationText).joined(separator: ",")
    case .object, .null, .lambda: return ""
    }
  }

  /// Formats a number the way JSON wrote it: `85` not `85.0`, `1.21` not `1.2100000000000002`.
  static func format(_ number: Double) -> String {
    if number.isNaN || number.isInfinite { return "\(number)" }
    if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
      return String(Int64(number))
    }
    return "\(number)"
  }
}
