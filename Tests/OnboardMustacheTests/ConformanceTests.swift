import Foundation
import OnboardMustache
import Testing

@Suite("Mustache spec conformance")
struct ConformanceTests {
  @Test("The spec suite is present (required when CI=true)")
  func suiteIsPresent() {
    guard SpecSuite.isPresent else {
      if SpecSuite.isCI {
        Issue.record("Mustache spec suite missing at \(SpecSuite.directory.path)")
      } else {
        print("SKIPPED: Mustache spec suite not found at \(SpecSuite.directory.path)")
      }
      return
    }
    for file in SpecSuite.fileNames {
      let path = SpecSuite.directory.appendingPathComponent(file).path
      #expect(FileManager.default.fileExists(atPath: path), "missing spec file \(file)")
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
    guard SpecSuite.isPresent else { return }
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
    guard SpecSuite.isPresent else { return }
    let names = Set(SpecSuite.cases.filter { $0.file == "~lambdas.json" }.map(\.name))
    #expect(names == SpecLambdas.mappedNames)
  }
}
