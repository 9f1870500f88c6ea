extension MustacheValue: ExpressibleByStringLiteral {
  /// A `.string` from a literal.
  public init(stringLiteral value: String) { self = .string(value) }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
  /// A `.number` from an integer literal.
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension MustacheValue: ExpressibleByFloatLiteral {
  /// A `.number` from a floating-point literal.
  public init(floatLiteral value: Double) { self = .number(value) }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
  /// A `.bool` from a literal.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension MustacheValue: ExpressibleByArrayLiteral {
  /// A `.list` from a literal.
  public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
  /// An `.object` from a literal; a repeated key keeps its last value.
  public init(dictionaryLiteral elements: (String, MustacheValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}

extension MustacheValue: ExpressibleByNilLiteral {
  /// `.null` from `nil`.
  public init(nilLiteral: ()) { self = .null }
}
