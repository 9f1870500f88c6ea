import Foundation
import OnboardMustache
import Testing

@Suite("Mustache spec conformance")
struct ConformanceTests {
  @Test("Every spec file of the vendored suite loads; 194 cases in all")
  func everySpecFileLoads() throws {
    for file in SpecSuite.fileNames {
      let cases = try SpecSuite.load(file)
      #expect(!cases.isEmpty, "\(file) has no cases")
    }
    #expect(SpecSuite.cases.count == 194)
  }

  @Test("Spec case", arguments: SpecSuite.cases)
  func specCase(_ spec: SpecCase) throws {
    let rendered = try spec.render()
    #expect(rendered == spec.expected, "\(spec.file): \(spec.name)")
  }

  @Test("Every spec file passes completely; prints passed/total per file")
  func summary() throws {
    var lines: [String] = []
    for file in SpecSuite.fileNames {
      let cases = SpecSuite.cases.filter { $0.file == file }
      let failed = cases.filter { (try? $0.render()) != $0.expected }.map(\.name)
      lines.append("\(file): \(cases.count - failed.count)/\(cases.count)")
      #expect(failed.isEmpty, "\(file) failing: \(failed)")
      #expect(!cases.isEmpty, "\(file) has no cases")
    }
    print("Mustache conformance: " + lines.joined(separator: ", "))
  }

  @Test("Every lambda test of the spec has a Swift closure")
  func lambdasAreMapped() {
    let names = Set(SpecSuite.cases.filter { $0.file == "~lambdas.json" }.map(\.name))
    #expect(names == SpecLambdas.mappedNames)
  }
}
