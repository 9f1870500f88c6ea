/// A function in the data, called by the template (the spec's optional "lambdas").
///
/// - In an interpolation tag (`{{name}}`) the closure is called with the empty string on every
///   use (results are not cached); its result is rendered as a template with the default
///   delimiters against the current context, then escaped if the tag escapes.
/// - In a section (`{{#name}}…{{/name}}`) it is called with the section's raw, unrendered text;
///   its result is rendered as a template with the delimiters in effect at the section.
/// - A lambda is truthy, so an inverted section over it renders nothing (it is not called).
public struct MustacheLambda: Sendable {
  /// The function: section text (or `""` for an interpolation) in, template text out.
  public let body: @Sendable (String) -> String

  /// Wraps a closure taking the section text (`""` for interpolation tags).
  public init(_ body: @escaping @Sendable (String) -> String) {
    self.body = body
  }
}
