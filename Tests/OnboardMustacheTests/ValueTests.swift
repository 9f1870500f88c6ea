import Foundation
import OnboardMustache
import Testing

@Suite("Values")
struct ValueTests {
  @Test func jsonBooleansAreNotNumbers() throws {
    let value = try MustacheValue(
      jsonData: Data(#"{"t": true, "f": false, "one": 1, "zero": 0, "x": 1.21}"#.utf8))
    let template = try MustacheTemplate("{{t}} {{f}} {{one}} {{zero}} {{x}}")
    #expect(try template.render(value) == "true false 1 0 1.21")
  }

  @Test func numbersRenderLikeJSON() throws {
    let template = try MustacheTemplate("{{a}} {{b}} {{c}} {{d}}")
    let context: MustacheValue = ["a": 85, "b": 1.21, "c": -3.0, "d": 0.1]
    #expect(try template.render(context) == "85 1.21 -3 0.1")
  }

  @Test func jsonNullAndNestedShapes() throws {
    let value = try MustacheValue(
      jsonData: Data(#"{"n": null, "list": [1, "two", {"k": "v"}]}"#.utf8))
    let template = try MustacheTemplate("[{{n}}]{{#list}}({{.}}{{k}}){{/list}}")
    #expect(try template.render(value) == "[](1)(two)(v)")
  }

  @Test func topLevelFragmentsAreAccepted() throws {
    let value = try MustacheValue(jsonData: Data(#""<x>""#.utf8))
    #expect(try MustacheTemplate("{{.}}").render(value) == "&lt;x&gt;")
  }

  @Test func truthiness() {
    let falsey: [MustacheValue] = [false, nil, "", 0, []]
    let truthy: [MustacheValue] = [true, "x", 1, [0], [:], .lambda(MustacheLambda { $0 })]
    for value in falsey { #expect(!value.isTruthy, "\(value)") }
    for value in truthy { #expect(value.isTruthy, "\(value)") }
  }

  @Test func nativeSwiftValuesThroughJSONInit() {
    let value = MustacheValue(json: ["flag": true, "count": 2, "name": "Ada"] as [String: Any])
    guard case .object(let fields) = value else {
      Issue.record("expected an object")
      return
    }
    guard case .bool(true)? = fields["flag"], case .number(2)? = fields["count"],
      case .string("Ada")? = fields["name"]
    else {
      Issue.record("unexpected fields \(fields)")
      return
    }
  }
}
