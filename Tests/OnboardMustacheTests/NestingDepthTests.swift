import OnboardMustache
import Testing

/// Sections nest to a bounded depth: 5,000 nested sections are a parse error at the first section
/// too deep, not a stack overflow when rendering.
@Suite("Nesting depth")
struct NestingDepthTests {
  func nested(_ depth: Int) -> String {
    String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
  }

  @Test func fiveThousandNestedSectionsAreAClearError() throws {
    do {
      _ = try MustacheTemplate(nested(5000), name: "deep.mustache")
      Issue.record("5,000 nested sections parsed")
    } catch {
      #expect(error.kind == .nestedTooDeep(name: "a", depth: 101))
      #expect((error.line, error.column) == (1, 601))
      #expect(error.description.contains("nested at most 100 deep"))
    }
  }

  @Test func templatesUpToTheBoundParseAndRender() throws {
    let template = try MustacheTemplate(nested(100), name: "ok.mustache")
    let text = try template.render(.object(["a": .bool(true)]))
    #expect(text == "x")
  }
}
