/// A parsed Mustache template: parse once, render many times, share across tasks.
///
/// ```swift
/// let template = try MustacheTemplate("Hello, {{name}}!", name: "welcome")
/// let text = try template.render(["name": "Ada"], options: .strict())
/// ```
public struct MustacheTemplate: Sendable {
  /// The name used in error messages (a file name, a partial's name).
  public let name: String
  /// The source text.
  public let source: String
  let nodes: [Node]

  /// Parses a template; errors carry `name` and the line and column of the offending tag.
  public init(_ source: String, name: String = "template") throws(MustacheError) {
    try self.init(source, name: name, delimiters: .standard)
  }

  init(_ source: String, name: String, delimiters: Delimiters) throws(MustacheError) {
    var tokenizer = Tokenizer(source, templateName: name, delimiters: delimiters)
    let tokens = StandaloneLines.apply(try tokenizer.tokenize())
    self.nodes = try TreeBuilder(scalars: tokenizer.scalars, templateName: name).build(tokens)
    self.name = name
    self.source = source
  }

  /// Parses partial sources keyed by name; each partial's name is its key.
  public static func parsePartials(_ sources: [String: String]) throws(MustacheError)
    -> [String: MustacheTemplate]
  {
    var templates: [String: MustacheTemplate] = [:]
    for (name, source) in sources {
      templates[name] = try MustacheTemplate(source, name: name)
    }
    return templates
  }

  /// Renders against a context, with partials (and parents) looked up by name.
  public func render(
    _ context: MustacheValue = .object([:]), partials: [String: MustacheTemplate] = [:],
    options: MustacheRenderOptions = MustacheRenderOptions()
  ) throws(MustacheError) -> String {
    try render(stack: [context], partials: partials, options: options)
  }

  /// Renders against a context stack given bottom first: names resolve in the last frame first,
  /// as if the template stood inside a section over each further frame. So a few per-render
  /// values can sit on top of large shared ones without copying them into one object.
  public func render(
    stack frames: [MustacheValue], partials: [String: MustacheTemplate] = [:],
    options: MustacheRenderOptions = MustacheRenderOptions()
  ) throws(MustacheError) -> String {
    String(
      decoding: try renderBytes(stack: frames, partials: partials, options: options), as: UTF8.self)
  }

  /// `render(stack:partials:options:)` as its UTF-8 bytes, for a caller that works on bytes.
  public func renderBytes(
    stack frames: [MustacheValue], partials: [String: MustacheTemplate] = [:],
    options: MustacheRenderOptions = MustacheRenderOptions()
  ) throws(MustacheError) -> [UInt8] {
    let renderer = Renderer(partials: partials, options: options)
    var stack = ContextStack(frames: frames.isEmpty ? [.object([:])] : frames)
    var output: [UInt8] = []
    output.reserveCapacity(source.utf8.count + source.utf8.count / 2)
    try renderer.render(
      nodes, stack: &stack, scope: Renderer.Scope(templateName: name), into: &output)
    return output
  }

  /// Renders with partials given as source text; all of them are parsed on every call, so
  /// prefer `parsePartials(_:)` once and `render(_:partials:options:)` when rendering often.
  public func render(
    _ context: MustacheValue, partialSources: [String: String],
    options: MustacheRenderOptions = MustacheRenderOptions()
  ) throws(MustacheError) -> String {
    try render(context, partials: try Self.parsePartials(partialSources), options: options)
  }
}
