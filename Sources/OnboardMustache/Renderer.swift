/// Renders a parsed template: walks the node tree with a context stack, appending UTF-8 bytes to
/// one output buffer (text and escaped values are copied as bytes, never as `String` appends).
struct Renderer {
  let partials: [String: MustacheTemplate]
  let options: MustacheRenderOptions

  /// Block content passed into a parent: the nodes and the template they came from.
  struct Override {
    var templateName: String
    var nodes: [Node]
  }

  /// What changes when rendering moves into a partial, parent, block or lambda result.
  struct Scope {
    var templateName: String
    var indent = ""
    var overrides: [String: Override] = [:]
    var depth = 0
  }

  func render(
    _ nodes: [Node], stack: inout ContextStack, scope: Scope, into output: inout [UInt8]
  ) throws(MustacheError) {
    for node in nodes {
      switch node {
      case .bytes(let bytes):
        output.append(contentsOf: bytes)
      case .text(let text):
        output.append(contentsOf: text.utf8)
      case .lineStart:
        output.append(contentsOf: scope.indent.utf8)
      case .variable(let tag):
        try renderVariable(tag, stack: &stack, scope: scope, into: &output)
      case .section(let tag, let children, let raw):
        try renderSection(tag, children, raw: raw, stack: &stack, scope: scope, into: &output)
      case .partial(let tag):
        guard let (_, template) = try include(tag, stack: stack, scope: scope) else { continue }
        var inner = scope
        // Errors inside name the partial as it was parsed (its path, when a caller gave one).
        inner.templateName = template.name
        inner.indent = tag.standalone ? scope.indent + tag.indent : ""
        inner.depth += 1
        try render(template.nodes, stack: &stack, scope: inner, into: &output)
      case .parent(let tag, let children):
        guard let (_, template) = try include(tag, stack: stack, scope: scope) else { continue }
        var inner = scope
        // Errors inside name the partial as it was parsed (its path, when a caller gave one).
        inner.templateName = template.name
        inner.indent = tag.standalone ? scope.indent + tag.indent : ""
        inner.depth += 1
        for child in children {
          // Arguments given here yield to those given by the templates that include this one.
          if case .block(let block, let content) = child, scope.overrides[block.name] == nil {
            inner.overrides[block.name] = Override(templateName: scope.templateName, nodes: content)
          }
        }
        try render(template.nodes, stack: &stack, scope: inner, into: &output)
      case .block(let tag, let children):
        let content =
          scope.overrides[tag.name] ?? Override(templateName: scope.templateName, nodes: children)
        var nodes = content.nodes[...]
        if !tag.standalone, case .lineStart? = nodes.first {
          // The site's own line already holds the indentation before the tag.
          nodes = nodes.dropFirst()
        }
        var inner = scope
        inner.templateName = content.templateName
        inner.indent = scope.indent + tag.indent
        try render(Array(nodes), stack: &stack, scope: inner, into: &output)
      }
    }
  }

  func error(_ kind: MustacheError.Kind, at tag: Tag, in scope: Scope) -> MustacheError {
    MustacheError(kind, templateName: scope.templateName, line: tag.line, column: tag.column)
  }

  /// Resolves a name, failing in strict mode when it resolves nowhere.
  func resolve(_ tag: Tag, stack: ContextStack, scope: Scope) throws(MustacheError)
    -> MustacheValue?
  {
    let value = stack.resolve(tag.path)
    if value == nil, options.strict {
      throw error(.missingValue(name: tag.name), at: tag, in: scope)
    }
    return value
  }

  private func renderVariable(
    _ tag: Tag, stack: inout ContextStack, scope: Scope, into output: inout [UInt8]
  ) throws(MustacheError) {
    guard let value = try resolve(tag, stack: stack, scope: scope) else { return }
    let text: String
    if case .lambda(let lambda) = value {
      text = try renderLambdaResult(
        lambda.body(""), delimiters: .standard, tag: tag, stack: &stack, scope: scope)
    } else if case .string(let string) = value {
      text = string
    } else {
      text = value.interpolationText
    }
    if tag.kind == .variable {
      options.escaping.escape(text, into: &output)
    } else {
      output.append(contentsOf: text.utf8)
    }
  }

  private func renderSection(
    _ tag: Tag, _ children: [Node], raw: String, stack: inout ContextStack, scope: Scope,
    into output: inout [UInt8]
  ) throws(MustacheError) {
    let value = try resolve(tag, stack: stack, scope: scope) ?? .null
    if tag.kind == .inverted {
      if !value.isTruthy { try render(children, stack: &stack, scope: scope, into: &output) }
      return
    }
    switch value {
    case .list(let items):
      for item in items {
        stack.push(item)
        defer { stack.pop() }
        try render(children, stack: &stack, scope: scope, into: &output)
        if output.count > options.maxOutputBytes {
          throw error(
            .outputTooLarge(name: tag.name, limit: options.maxOutputBytes), at: tag, in: scope)
        }
      }
    case .lambda(let lambda):
      output.append(
        contentsOf: try renderLambdaResult(
          lambda.body(raw), delimiters: tag.delimiters, tag: tag, stack: &stack, scope: scope
        ).utf8)
    default:
      guard value.isTruthy else { return }
      stack.push(value)
      defer { stack.pop() }
      try render(children, stack: &stack, scope: scope, into: &output)
    }
  }

  /// Parses and renders what a lambda returned, in the current context.
  private func renderLambdaResult(
    _ source: String, delimiters: Delimiters, tag: Tag, stack: inout ContextStack, scope: Scope
  ) throws(MustacheError) -> String {
    let name = "\(scope.templateName):\(tag.line):\(tag.column) lambda '\(tag.name)'"
    guard scope.depth < options.maxDepth else {
      throw error(.recursionLimit(name: tag.name, depth: options.maxDepth), at: tag, in: scope)
    }
    let template = try MustacheTemplate(source, name: name, delimiters: delimiters)
    var inner = Scope(templateName: name, overrides: scope.overrides, depth: scope.depth + 1)
    inner.indent = ""
    var bytes: [UInt8] = []
    try render(template.nodes, stack: &stack, scope: inner, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Finds the template a partial or parent tag includes; `nil` renders nothing.
  private func include(_ tag: Tag, stack: ContextStack, scope: Scope) throws(MustacheError)
    -> (String, MustacheTemplate)?
  {
    var name = tag.name
    if tag.isDynamic {
      guard let value = try resolve(tag, stack: stack, scope: scope) else { return nil }
      guard case .string(let dynamicName) = value else {
        if options.strict {
          throw error(.invalidDynamicName(name: tag.name), at: tag, in: scope)
        }
        return nil
      }
      name = dynamicName
    }
    guard let template = partials[name] else {
      if options.strict { throw error(.missingPartial(name: name), at: tag, in: scope) }
      return nil
    }
    guard scope.depth < options.maxDepth else {
      throw error(.recursionLimit(name: name, depth: options.maxDepth), at: tag, in: scope)
    }
    return (name, template)
  }
}
