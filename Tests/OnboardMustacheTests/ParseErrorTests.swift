import OnboardMustache
import Testing

@Suite("Parse errors")
struct ParseErrorTests {
  private func parseError(_ source: String) -> MustacheError? {
    do {
      _ = try MustacheTemplate(source, name: "t.mustache")
      return nil
    } catch {
      return error
    }
  }

  @Test func unclosedTag() throws {
    let error = try #require(parseError("Hi {{name}}\nsee {{date"))
    #expect(error.kind == .unclosedTag)
    #expect((error.line, error.column) == (2, 5))
    #expect(error.templateName == "t.mustache")
  }

  /// An unclosed tag says which and what it lacks; one that runs into the next tag is unclosed,
  /// not an unknown name of both (QA14 F9: "unknown placeholder `manager_name and your buddy
  /// is {{buddy_name`", or a bare "unclosed tag" at the end of the file).
  @Test func anUnclosedTagSaysWhichAndWhatItLacks() throws {
    let atEnd = try #require(parseError("Hi {{name}}\n{{first_name}\n"))
    #expect(atEnd.kind == .unclosedTag)
    #expect(atEnd.message == "unclosed tag: `{{first_name}` has no `}}`", "\(atEnd.message)")
    let runOn = try #require(
      parseError("Your manager is {{manager_name and your buddy is {{buddy_name}}."))
    #expect(runOn.kind == .unclosedTag)
    #expect((runOn.line, runOn.column) == (1, 17))
    #expect(
      runOn.message
        == "unclosed tag: `{{manager_name and your buddy is ` has no `}}` before the next `{{`",
      "\(runOn.message)")
    // A comment may hold the open delimiter.
    #expect(parseError("{{! a {{ in a comment }}ok") == nil)
  }

  @Test func unclosedTripleMustacheNeedsItsBrace() throws {
    let error = try #require(parseError("{{{raw}}"))
    #expect(error.kind == .unclosedTag)
    #expect((error.line, error.column) == (1, 1))
  }

  @Test func unclosedSectionPointsAtTheOpeningTag() throws {
    let error = try #require(parseError("a\r\nb {{#tasks}}\n{{title}}\n"))
    #expect(error.kind == .unclosedSection(name: "tasks"))
    #expect((error.line, error.column) == (2, 3))
  }

  @Test func mismatchedEndTag() throws {
    let error = try #require(parseError("{{#a}}{{#b}}\n  {{/a}}{{/b}}"))
    #expect(error.kind == .mismatchedEndTag(expected: "b", found: "a"))
    #expect((error.line, error.column) == (2, 3))
  }

  @Test func endTagWithoutSection() throws {
    let error = try #require(parseError("x {{/a}}"))
    #expect(error.kind == .unexpectedEndTag(name: "a"))
    #expect((error.line, error.column) == (1, 3))
  }

  @Test func badDelimiters() throws {
    let error = try #require(parseError("ok\n{{=<% %> x=}}"))
    #expect(error.kind == .invalidDelimiters(content: "<% %> x"))
    #expect((error.line, error.column) == (2, 1))
    #expect(parseError("{{=a=b c=}}") != nil)
    #expect(parseError("{{=<%=}}") != nil)
  }

  @Test func positionsFollowChangedDelimiters() throws {
    let error = try #require(parseError("{{=<% %>=}}\n<%#a%>{{#b}}"))
    #expect(error.kind == .unclosedSection(name: "a"))
    #expect((error.line, error.column) == (2, 1))
  }

  @Test func emptyTag() throws {
    let error = try #require(parseError("a {{ }}"))
    #expect(error.kind == .emptyTag)
    #expect(parseError("{{>*}}")?.kind == .emptyTag)
  }

  @Test func descriptionIsCompilerStyle() throws {
    let error = try #require(parseError("{{#a}}"))
    #expect(error.description == "t.mustache:1:1: error: section 'a' is never closed")
  }
}
