// libFuzzer harness: the Mustache parser and renderer. Any text parses or fails with a
// positioned error; what parses renders (HTML-escaped, plain, strict) or fails with an error.
import Foundation
import OnboardMustache

/// Built per input: values held by globals show up as leaks when LeakSanitizer checks at exit.
func makeContext() -> MustacheValue {
  .object([
    "name": .string("Zoë <Müller> & \"co\""),
    "count": .number(3),
    "ratio": .number(0.25),
    "yes": .bool(true),
    "no": .bool(false),
    "none": .null,
    "list": .list([.string("a"), .object(["name": .string("b")]), .list([.number(1)])]),
    "hire": .object(["first": .string("Ada"), "manager": .object(["name": .string("Grace")])]),
  ])
}

func makePartials() -> [String: MustacheTemplate] {
  let sources = [
    "p": "<{{name}}>{{#list}}[{{.}}]{{/list}}\n",
    "parent": "head {{$block}}default{{/block}} tail",
    "nested": "{{>p}}{{hire.manager.name}}",
  ]
  guard let parsed = try? MustacheTemplate.parsePartials(sources) else {
    fatalError("the harness's partials do not parse")
  }
  return parsed
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let template: MustacheTemplate
  do {
    template = try MustacheTemplate(source, name: "fuzz")
  } catch {
    if error.line < 1 { fatalError("parse error without a line: \(error)") }
    return 0
  }
  let context = makeContext()
  let partials = makePartials()
  for options in [
    MustacheRenderOptions(), MustacheRenderOptions(escaping: .none), .strict(),
  ] {
    _ = try? template.render(context, partials: partials, options: options)
  }
  return 0
}
