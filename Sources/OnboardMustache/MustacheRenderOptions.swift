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

  /// Spec behaviour by default: lenient, HTML escaping.
  public init(strict: Bool = false, escaping: MustacheEscaping = .html, maxDepth: Int = 64) {
    self.strict = strict
    self.escaping = escaping
    self.maxDepth = maxDepth
  }

  /// Strict lookups with the given escaping, as our emails use.
  public static func strict(escaping: MustacheEscaping = .html) -> MustacheRenderOptions {
    MustacheRenderOptions(strict: true, escaping: escaping)
  }
}
