import Foundation
import OnboardTestSupport
import Testing

/// `onboard check` on the shipped library and on a deliberately broken copy.
@Suite struct CheckCommandTests {
  @Test func shippedPlansPass() throws {
    let result = try CommandRunner.run(["check"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("Plans: ok"))
  }

  @Test func brokenCopyFailsWithCompilerStyleLines() throws {
    try TemporaryDirectory.with("check") { directory in
      let plans = directory.appendingPathComponent("Plans")
      try FileManager.default.copyItem(
        at: CommandRunner.root.appendingPathComponent("Plans"), to: plans)
      // An unknown skill in the catalog, and a template with a misspelt placeholder.
      let training = plans.appendingPathComponent("training.csv")
      var catalog = try String(contentsOf: training, encoding: .utf8)
      catalog += "broken-topic,quantum-computing,2,Qubits,reading,30,hire,,,\n"
      try catalog.write(to: training, atomically: true, encoding: .utf8)
      let welcome = plans.appendingPathComponent("emails/welcome.mustache")
      let template = try String(contentsOf: welcome, encoding: .utf8)
      try template.replacingOccurrences(of: "{{first_name}}", with: "{{frist_name}}").write(
        to: welcome, atomically: true, encoding: .utf8)

      let result = try CommandRunner.run(["check", "--plans", plans.path])
      #expect(result.status == 1)
      let lines = result.stderr.split(separator: "\n").map(String.init)
      #expect(
        lines.contains {
          $0.contains("Plans/training.csv:")
            && $0.contains(": error: column `skill`: `quantum-computing` is not a skill id")
        })
      // The template error is only found once the library parses; fix the catalog and check again.
      try
        (catalog.replacingOccurrences(
          of: "broken-topic,quantum-computing,2,Qubits,reading,30,hire,,,\n", with: ""))
        .write(to: training, atomically: true, encoding: .utf8)
      let second = try CommandRunner.run(["check", "--plans", plans.path])
      #expect(second.status == 1)
      #expect(second.stderr.contains("emails/welcome.mustache:"))
      #expect(second.stderr.contains("unknown placeholder `frist_name`"))
      #expect(second.stderr.contains("Did you mean `first_name`?"))
    }
  }
}
