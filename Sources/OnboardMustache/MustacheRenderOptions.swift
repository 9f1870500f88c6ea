/// Options for `MustacheTemplate.render`.
public struct MustacheRenderOptions: Sendable {
  /// When true, a name that resolves nowhere (in a variable, section, inverted section or dynamic
  /// name) and a partial that was not given are errors instead of the spec's empty string.
  /// A name that resolves to `null` is fine: that is how data marks a value optional.
  public var strict: Bool
  /// How `{{name}}` tags escape values.
  public var escaping: MustacheEscaping
  /// How deep partials and parents may nest before rendering stops with `.recursionLimit`.
  public var maxDepth: Int
  /// The most bytes a render may produce before it stops with `.outputTooLarge`: list sections
  /// nested in each other multiply (20 levels over 3 items are 3.5 billion repetitions, which
  /// had exhausted memory and crashed the run).
  public var maxOutputBytes: Int

  /// Spec behaviour by default: lenient, HTML escaping, no output limit.
  public init(
    strict: Bool = false, escaping: MustacheEscaping = .html, maxDepth: Int = 64,
    maxOutputBytes: Int = .max
  ) {
    self.strict = strict
    self.escaping = escaping
    self.maxDepth = maxDepth
    self.maxOutputBytes = maxOutputBytes
  }

  /// Strict lookups with the given escaping, as our emails use, and at most 4 MiB of output (an
  /// email's text is a few kilobytes).
  public static func strict(escaping: MustacheEscaping = .html) -> MustacheRenderOptions {
    MustacheRenderOptions(strict: true, escaping: escaping, maxOutputBytes: 4 << 20)
  }
}
