import OnboardMustache
import Testing

@Suite("Escaping")
struct EscapingTests {
  private let hostile: MustacheValue = ["bio": "<script>alert('x')</script> & \"more\""]

  @Test func htmlEscapingIsTheDefault() throws {
    let text = try MustacheTemplate("<p>{{bio}}</p>").render(hostile)
    #expect(text == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</p>")
    #expect(!text.contains("<script>"))
  }

  @Test func hostileValuesStayEscapedInsideSectionsAndPartials() throws {
    let template = try MustacheTemplate("{{#items}}{{>item}}{{/items}}")
    let partials = try MustacheTemplate.parsePartials(["item": "<li>{{.}}</li>"])
    let text = try template.render(["items": ["<b>", "<script>"]], partials: partials)
    #expect(text == "<li>&lt;b&gt;</li><li>&lt;script&gt;</li>")
  }

  @Test func tripleMustacheAndAmpersandNeverEscape() throws {
    let text = try MustacheTemplate("{{{bio}}}|{{& bio}}").render(hostile)
    let raw = "<script>alert('x')</script> & \"more\""
    #expect(text == raw + "|" + raw)
  }

  @Test func noneEscapingForPlainText() throws {
    let options = MustacheRenderOptions(escaping: .none)
    let text = try MustacheTemplate("Bio: {{bio}}").render(hostile, options: options)
    #expect(text == "Bio: <script>alert('x')</script> & \"more\"")
  }

  @Test func customEscaping() throws {
    let options = MustacheRenderOptions(escaping: .custom { $0.uppercased() })
    let text = try MustacheTemplate("{{a}} {{{a}}}").render(["a": "xy"], options: options)
    #expect(text == "XY xy")
  }

  @Test func customBytesEscapingAppendsWhatCustomEscapingReturns() throws {
    let rule: @Sendable (String) -> String = { $0.uppercased() + "!" }
    let bytes = MustacheEscaping.customBytes { text, out in
      out.append(contentsOf: rule(text).utf8)
    }
    let template = try MustacheTemplate("{{a}} {{{a}}} {{#l}}{{.}},{{/l}} {{f}}")
    let lambda = MustacheLambda { _ in "{{a}}" }
    let data: MustacheValue = ["a": "xé", "l": ["p", "q"], "f": .lambda(lambda)]
    let expected = try template.render(
      data, options: MustacheRenderOptions(escaping: .custom(rule)))
    #expect(try template.render(data, options: MustacheRenderOptions(escaping: bytes)) == expected)
    #expect(expected == "XÉ! xé P!,Q!, XÉ!!")
    #expect(bytes.escape("ab") == "AB!")
  }

  @Test func lambdaOutputIsEscapedInHTMLMode() throws {
    let lambda = MustacheLambda { _ in "<i>{{name}}</i>" }
    let text = try MustacheTemplate("{{wrap}}").render(["wrap": .lambda(lambda), "name": "A&B"])
    #expect(text == "&lt;i&gt;A&amp;amp;B&lt;/i&gt;")
  }
}
