import OnboardMustache
import Testing

@Suite("References")
struct ReferenceTests {
  @Test func listsEveryNamingTagWithPosition() throws {
    let source = """
      Hi {{name}}, {{! a comment }}
      {{#tasks}}
        - {{{title}}} ({{& owner.name}})
      {{/tasks}}
      {{^tasks}}nothing{{/tasks}}{{> footer}}{{>*signature}}
      {{<layout}}{{$body}}x{{/body}}{{/layout}}
      """
    let references = try MustacheTemplate(source).references
    let expected: [MustacheReference] = [
      MustacheReference(name: "name", kind: .variable, line: 1, column: 4),
      MustacheReference(name: "tasks", kind: .section, line: 2, column: 1),
      MustacheReference(
        name: "title", kind: .unescapedVariable, line: 3, column: 5, sectionPath: ["tasks"]),
      MustacheReference(
        name: "owner.name", kind: .unescapedVariable, line: 3, column: 18,
        sectionPath: ["tasks"]),
      MustacheReference(name: "tasks", kind: .invertedSection, line: 5, column: 1),
      MustacheReference(name: "footer", kind: .partial, line: 5, column: 28),
      MustacheReference(name: "signature", kind: .dynamicPartial, line: 5, column: 40),
      MustacheReference(name: "layout", kind: .parent, line: 6, column: 1),
      MustacheReference(name: "body", kind: .block, line: 6, column: 12),
    ]
    #expect(references == expected)
  }

  @Test func contextNamesAreDistinctAndSkipPartialAndBlockNames() throws {
    let template = try MustacheTemplate(
      "{{a}}{{#b}}{{a}}{{/b}}{{>p}}{{$blk}}{{c}}{{/blk}}{{>*d}}")
    #expect(template.contextNames == ["a", "b", "c", "d"])
  }

  @Test func referencesAfterDelimiterChangeKeepTheirColumns() throws {
    let template = try MustacheTemplate("{{=<% %>=}} <%who%>")
    #expect(
      template.references == [MustacheReference(name: "who", kind: .variable, line: 1, column: 13)])
  }

  @Test func ignoredContentOfAParentIsNotListed() throws {
    let template = try MustacheTemplate(
      "{{<layout}} {{ignored}} {{$body}}{{used}}{{/body}}{{/layout}}")
    #expect(template.references.map(\.name) == ["layout", "body", "used"])
    #expect(template.references.last?.sectionPath == [])
  }
}
