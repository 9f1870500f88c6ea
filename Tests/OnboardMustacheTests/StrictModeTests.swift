import OnboardMustache
import Testing

@Suite("Strict mode")
struct StrictModeTests {
  private func strictError(
    _ source: String, _ context: MustacheValue, partials: [String: String] = [:]
  ) throws -> MustacheError {
    let template = try MustacheTemplate(source, name: "welcome.mustache")
    let parsed = try MustacheTemplate.parsePartials(partials)
    return try #require(throws: MustacheError.self) {
      try template.render(context, partials: parsed, options: .strict())
    }
  }

  @Test func missingVariableNamesTemplateLineColumnAndName() throws {
    let error = try strictError("Hello {{name}},\n  your start is {{startDate}}.", ["name": "Ada"])
    #expect(error.kind == .missingValue(name: "startDate"))
    #expect(error.templateName == "welcome.mustache")
    #expect(error.line == 2)
    #expect(error.column == 17)
    #expect(error.description == "welcome.mustache:2:17: error: no value named 'startDate'")
  }

  @Test func lenientModeRendersMissingAsEmpty() throws {
    let template = try MustacheTemplate("[{{missing}}][{{#gone}}x{{/gone}}]")
    #expect(try template.render([:]) == "[][]")
  }

  @Test func presentButFalseyValuesAreFine() throws {
    let template = try MustacheTemplate(
      "{{#done}}done{{/done}}{{^done}}todo{{/done}}|{{#items}}i{{/items}}|{{#note}}n{{/note}}")
    let text = try template.render(
      ["done": false, "items": [], "note": ""], options: .strict())
    #expect(text == "todo||")
  }

  @Test func absentSectionIsAnError() throws {
    let error = try strictError("x\n{{#tasks}}{{title}}{{/tasks}}", [:])
    #expect(error.kind == .missingValue(name: "tasks"))
    #expect(error.line == 2)
    #expect(error.column == 1)
  }

  @Test func absentInvertedSectionIsAnErrorButNullIsOptional() throws {
    let error = try strictError("{{^manager}}no manager{{/manager}}", [:])
    #expect(error.kind == .missingValue(name: "manager"))
    let template = try MustacheTemplate("{{^manager}}no manager{{/manager}}[{{manager}}]")
    #expect(try template.render(["manager": nil], options: .strict()) == "no manager[]")
  }

  @Test func brokenDottedChainIsAnError() throws {
    let error = try strictError("{{#a}}{{b.c}}{{/a}}", ["a": ["b": [:]], "b": ["c": "outer"]])
    #expect(error.kind == .missingValue(name: "b.c"))
    #expect(error.column == 7)
  }

  @Test func namesInsideSectionsResolveThroughTheStack() throws {
    let template = try MustacheTemplate("{{#tasks}}{{title}} for {{name}}; {{/tasks}}")
    let context: MustacheValue = [
      "name": "Ada", "tasks": [["title": "Laptop"], ["title": "Badge"]],
    ]
    #expect(try template.render(context, options: .strict()) == "Laptop for Ada; Badge for Ada; ")
  }

  @Test func missingPartialIsAnErrorOnlyInStrictMode() throws {
    let error = try strictError("a\n  {{> footer }}", [:])
    #expect(error.kind == .missingPartial(name: "footer"))
    #expect(error.line == 2)
    #expect(error.column == 3)
    #expect(try MustacheTemplate("a{{>footer}}b").render([:]) == "ab")
  }

  @Test func errorInsidePartialNamesThePartial() throws {
    let error = try strictError(
      "{{>signature}}", ["name": "Ada"], partials: ["signature": "--\n{{sender}}"])
    #expect(error.templateName == "signature")
    #expect(error.kind == .missingValue(name: "sender"))
    #expect(error.line == 2)
  }

  @Test func dynamicNamesMustResolveToStrings() throws {
    let missing = try strictError("{{>*kind}}", [:])
    #expect(missing.kind == .missingValue(name: "kind"))
    let notString = try strictError("{{>*kind}}", ["kind": 3])
    #expect(notString.kind == .invalidDynamicName(name: "kind"))
  }

  @Test func selfRecursivePartialStopsAtDepthLimit() throws {
    let template = try MustacheTemplate("{{>loop}}")
    let partials = try MustacheTemplate.parsePartials(["loop": "x{{>loop}}"])
    let error = try #require(throws: MustacheError.self) {
      try template.render([:], partials: partials, options: MustacheRenderOptions(maxDepth: 5))
    }
    #expect(error.kind == .recursionLimit(name: "loop", depth: 5))
  }

  /// List sections nested in each other multiply: 20 levels over 3 items had run for a minute
  /// and crashed allocating 4.7 GB. Past the output limit the render stops at the section.
  @Test func nestedListSectionsStopAtTheOutputLimit() throws {
    let n = 20
    let template = try MustacheTemplate(
      String(repeating: "{{#items}}", count: n) + "{{.}} "
        + String(repeating: "{{/items}}", count: n),
      name: "bomb")
    let error = try #require(throws: MustacheError.self) {
      try template.render(["items": [1, 2, 3]], options: .strict())
    }
    #expect(error.kind == .outputTooLarge(name: "items", limit: 4 << 20))
    #expect(error.description.hasPrefix("bomb:1:"))
    // Below the limit nothing changes.
    #expect(try template.render(["items": [1]], options: .strict()).count == 2)
  }
}
