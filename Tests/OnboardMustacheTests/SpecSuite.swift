import Foundation
import OnboardMustache
import Testing

/// One test of the official Mustache spec.
struct SpecCase: Sendable, CustomTestStringConvertible {
  var file: String
  var name: String
  var template: String
  var expected: String
  /// The case's data as JSON text: rebuilt for every render, so stateful lambdas start afresh.
  var dataJSON: Data
  var partials: [String: String]

  var testDescription: String { "\(file): \(name)" }

  /// Renders the case the way the spec's TESTING.md describes.
  func render() throws -> String {
    let json = try JSONSerialization.jsonObject(with: dataJSON, options: [.fragmentsAllowed])
    let data = SpecSuite.value(json, lambdaFor: name)
    return try MustacheTemplate(template, name: name).render(data, partialSources: partials)
  }
}

/// Loads the spec suite vendored under `Tests/Conformance/mustache/` (see its README).
enum SpecSuite {
  static let fileNames = [
    "comments.json", "delimiters.json", "interpolation.json", "inverted.json", "partials.json",
    "sections.json", "~inheritance.json", "~dynamic-names.json", "~lambdas.json",
  ]

  /// `Tests/Conformance/mustache/` of this checkout, found from this file's path.
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // OnboardMustacheTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Conformance/mustache", isDirectory: true)

  /// Every case of every spec file. A file that cannot be read adds no cases; the test
  /// `everySpecFileLoads` then fails with the reason.
  static let cases: [SpecCase] = fileNames.flatMap { (try? load($0)) ?? [] }

  static func load(_ fileName: String) throws -> [SpecCase] {
    let data = try Data(contentsOf: directory.appendingPathComponent(fileName))
    guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let tests = root["tests"] as? [[String: Any]]
    else { throw SpecFileUnreadable(file: fileName) }
    return try tests.map { test in
      SpecCase(
        file: fileName, name: test["name"] as? String ?? "?",
        template: test["template"] as? String ?? "",
        expected: test["expected"] as? String ?? "",
        dataJSON: try JSONSerialization.data(
          withJSONObject: test["data"] ?? NSNull(), options: [.fragmentsAllowed]),
        partials: test["partials"] as? [String: String] ?? [:])
    }
  }

  /// Like `MustacheValue(json:)`, but `{"__tag__": "code", …}` becomes the mapped Swift lambda.
  static func value(_ json: Any, lambdaFor testName: String) -> MustacheValue {
    switch json {
    case let fields as [String: Any]:
      if fields["__tag__"] as? String == "code" {
        return SpecLambdas.lambda(for: testName).map(MustacheValue.lambda) ?? .null
      }
      return .object(fields.mapValues { value($0, lambdaFor: testName) })
    case let items as [Any]:
      return .list(items.map { value($0, lambdaFor: testName) })
    default:
      return MustacheValue(json: json)
    }
  }
}

/// A spec file is not the spec's `{"tests": [...]}` shape.
struct SpecFileUnreadable: Error, CustomStringConvertible {
  var file: String
  var description: String { "\(file): not a Mustache spec file ({\"tests\": [...]} expected)" }
}
