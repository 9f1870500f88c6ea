import OnboardMustache
import Testing

@Suite("Rendering")
struct RenderTests {
  @Test func parseOnceRenderMany() throws {
    let template = try MustacheTemplate("Hi {{name}}!")
    #expect(try template.render(["name": "Ada"]) == "Hi Ada!")
    #expect(try template.render(["name": "Grace"]) == "Hi Grace!")
  }

  @Test func partialsFromSourcesAndStandaloneIndentation() throws {
    let template = try MustacheTemplate("<ul>\n  {{>items}}\n</ul>\n")
    let text = try template.render(
      ["items": ["a", "b"]], partialSources: ["items": "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n"])
    #expect(text == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
  }

  @Test func nestedIndentedPartialsAccumulateIndentation() throws {
    let template = try MustacheTemplate("root:\n  {{>outer}}\n")
    let text = try template.render(
      [:], partialSources: ["outer": "outer:\n  {{>inner}}\n", "inner": "x\ny\n"])
    #expect(text == "root:\n  outer:\n    x\n    y\n")
  }

  @Test func layoutInheritance() throws {
    // Standalone block tags: the body's lines are re-indented to the block's indentation.
    let layout =
      "<title>{{$title}}Onboard{{/title}}</title>\n<body>\n  {{$body}}\n  {{/body}}\n</body>\n"
    let page = try MustacheTemplate(
      "{{<layout}}\n{{$title}}Welcome{{/title}}\n{{$body}}\nHi {{name}}\nBye\n{{/body}}\n{{/layout}}\n"
    )
    let text = try page.render(["name": "Ada"], partialSources: ["layout": layout])
    #expect(text == "<title>Welcome</title>\n<body>\n  Hi Ada\n  Bye\n</body>\n")
  }

  @Test func sectionLambdaGetsRawTextAndCurrentContext() throws {
    let bold = MustacheLambda { "<b>" + $0 + "</b>" }
    let template = try MustacheTemplate("{{#bold}}Hi {{name}}{{/bold}}")
    #expect(try template.render(["bold": .lambda(bold), "name": "Ada"]) == "<b>Hi Ada</b>")
  }

  @Test func setDelimitersDoNotLeakIntoPartials() throws {
    let template = try MustacheTemplate("{{=<% %>=}}<%>p%>|<%a%>")
    #expect(try template.render(["a": 1], partialSources: ["p": "{{a}}"]) == "1|1")
  }

  @Test func standaloneLinesDisappear() throws {
    let template = try MustacheTemplate(
      "Tasks:\r\n  {{#tasks}}\r\n  - {{.}}\r\n  {{/tasks}}\r\n{{! done }}\r\nEnd")
    #expect(try template.render(["tasks": ["a", "b"]]) == "Tasks:\r\n  - a\r\n  - b\r\nEnd")
  }

  @Test func dynamicParentChosenByData() throws {
    let template = try MustacheTemplate("{{<*layout}}{{$body}}B{{/body}}{{/*layout}}")
    let partials = ["short": "[{{$body}}{{/body}}]", "long": "<<{{$body}}{{/body}}>>"]
    #expect(try template.render(["layout": "short"], partialSources: partials) == "[B]")
    #expect(try template.render(["layout": "long"], partialSources: partials) == "<<B>>")
  }
}
