import Foundation
import OnboardTestSupport
import Testing

/// `onboard template render` and `preview` run like a user would: the Mustache spec through the
/// command line, and one email of a Fixtures hire.
@Suite struct TemplateCommandTests {
  static let specFiles = [
    "comments.json", "delimiters.json", "interpolation.json", "inverted.json", "partials.json",
    "sections.json", "~inheritance.json", "~dynamic-names.json",
  ]

  /// The vendored spec: `$ONBOARD_CONFORMANCE_DIR/mustache`, the copy under Tests/, or the shared
  /// folder beside the checkout.
  static var specDirectory: URL? {
    var candidates: [URL] = []
    if let dir = ProcessInfo.processInfo.environment["ONBOARD_CONFORMANCE_DIR"], !dir.isEmpty {
      candidates.append(URL(fileURLWithPath: dir).appendingPathComponent("mustache"))
    }
    let root = CommandRunner.root
    for relative in [
      "Tests/Conformance/mustache", "Tests/conformance/mustache",
      "Tests/OnboardMustacheTests/Conformance/mustache", "../shared/conformance/mustache",
    ] {
      candidates.append(root.appendingPathComponent(relative).standardizedFileURL)
    }
    return candidates.first {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent("sections.json").path)
    }
  }

  @Test func specCoreInheritanceAndDynamicNamesPassThroughTheCommandLine() throws {
    guard let directory = Self.specDirectory else {
      #expect(ProcessInfo.processInfo.environment["CI"] != "true", "the Mustache spec is missing")
      return
    }
    try TemporaryDirectory.with("mustache-spec") { work in
      var cases = 0
      var failures: [String] = []
      for file in Self.specFiles {
        let data = try Data(contentsOf: directory.appendingPathComponent(file))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tests = try #require(root["tests"] as? [[String: Any]])
        for (index, test) in tests.enumerated() {
          let folder = work.appendingPathComponent("\(file)-\(index)")
          let partials = folder.appendingPathComponent("partials")
          try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
          let template = folder.appendingPathComponent("template.mustache")
          try Data((test["template"] as? String ?? "").utf8).write(to: template)
          let json = folder.appendingPathComponent("data.json")
          try JSONSerialization.data(
            withJSONObject: test["data"] ?? NSNull(), options: [.fragmentsAllowed]
          ).write(to: json)
          for (name, source) in test["partials"] as? [String: String] ?? [:] {
            try Data(source.utf8).write(to: partials.appendingPathComponent("\(name).mustache"))
          }
          let result = try CommandRunner.run([
            "template", "render", template.path, "--data", json.path, "--partials", partials.path,
            "--lenient",
          ])
          cases += 1
          let expected = test["expected"] as? String ?? ""
          if result.status != 0 || result.stdout != expected {
            failures.append(
              "\(file): \(test["name"] ?? "?"): got \(result.stdout.debugDescription) \(result.stderr)"
            )
          }
        }
      }
      #expect(cases > 150)
      #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
  }

  @Test func renderIsStrictUnlessLenient() throws {
    try TemporaryDirectory.with("template-strict") { work in
      let template = work.appendingPathComponent("card.mustache")
      try Data("Hi {{name}}{{> footer}}\n{{missing}}".utf8).write(to: template)
      try Data(", from {{team}}".utf8).write(to: work.appendingPathComponent("footer.mustache"))
      let data = work.appendingPathComponent("card.json")
      try Data(#"{"name": "Ada <3", "team": "HR"}"#.utf8).write(to: data)
      let strict = try CommandRunner.run(["template", "render", template.path, "--data", data.path])
      #expect(strict.status == 1)
      #expect(strict.stderr.contains("card.mustache:2:1: error:"), "\(strict.stderr)")
      #expect(strict.stderr.contains("missing"))
      let lenient = try CommandRunner.run([
        "template", "render", template.path, "--data", data.path, "--lenient",
      ])
      #expect(lenient.status == 0)
      #expect(lenient.stdout == "Hi Ada &lt;3, from HR\n")
    }
  }

  /// A partial is a file of the partials folder: `../secret` and a name cut short by a NUL
  /// (which had read /etc/passwd) are no partial (QA10 F7), and nothing outside is read.
  @Test func aPartialNameCannotLeaveItsFolder() throws {
    try TemporaryDirectory.with("template-partials") { work in
      let folder = work.appendingPathComponent("p")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data("SECRET".utf8).write(to: work.appendingPathComponent("secret.mustache"))
      try Data("SECRET".utf8).write(to: work.appendingPathComponent("secret"))
      let data = work.appendingPathComponent("d.json")
      try Data("{}".utf8).write(to: data)
      for (file, text) in [
        ("up.mustache", "A{{> ../secret}}B"), ("nul.mustache", "A{{> ../secret\u{0}}}B"),
      ] {
        let template = folder.appendingPathComponent(file)
        try Data(text.utf8).write(to: template)
        let result = try CommandRunner.run([
          "template", "render", template.path, "--data", data.path,
        ])
        #expect(result.status == 1, "\(file): \(result.stdout)")
        #expect(!result.stdout.contains("SECRET"))
        #expect(result.stderr.contains("error: no partial named '../secret"), "\(result.stderr)")
      }
    }
  }

  /// A half-edited sibling file does not stop a template that does not use it; an error inside a
  /// partial names the partial's path; data with a trailing comma is not JSON.
  @Test func renderReadsOnlyThePartialsItUses() throws {
    try TemporaryDirectory.with("template-siblings") { work in
      func write(_ name: String, _ text: String) throws -> URL {
        let url = work.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
      }
      _ = try write("open.mustache", "Hi {{#a}}\n{{b}}\n")
      let simple = try write("simple.mustache", "Hi {{b}}")
      let card = try write("card.mustache", "{{#items}}{{> line}}{{/items}}")
      let line = try write("line.mustache", "{{sku}};")
      let ok = try write("ok.json", #"{"a": true, "b": "x"}"#)
      let items = try write("items.json", #"{"items": [{"sku": "a"}, {"name": "b"}]}"#)
      let bad = try write("bad.json", #"{"a": true, "b": 1,}"#)
      let first = try CommandRunner.run(["template", "render", simple.path, "--data", ok.path])
      #expect(first.status == 0 && first.stdout == "Hi x", "\(first.stderr)")
      let inPartial = try CommandRunner.run(["template", "render", card.path, "--data", items.path])
      #expect(inPartial.status == 1)
      #expect(
        inPartial.stderr.contains("\(line.path):1:1: error: no value named 'sku'"),
        "\(inPartial.stderr)")
      let trailing = try CommandRunner.run(["template", "render", simple.path, "--data", bad.path])
      #expect(trailing.status == 1)
      #expect(trailing.stderr.contains("\(bad.path):1:20"), "\(trailing.stderr)")
    }
  }

  @Test func previewPrintsOneEmailOfAHire() throws {
    let hire = "siobhan.oconnor@example.org"
    let base = [
      "template", "preview", "first-day-logistics", "--roster", "Fixtures/roster.csv", "--hire",
      hire, "--evidence", "Fixtures/evidence.csv", "--today", "2026-11-29",
    ]
    let text = try CommandRunner.run(base)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.hasPrefix("Subject: Your first day at Northwind Labs"))
    #expect(text.stdout.contains("Hi Siobhán,"))
    #expect(!text.stdout.contains("<p>"))
    let html = try CommandRunner.run(base + ["--html"])
    #expect(html.status == 0)
    #expect(html.stdout.contains("<p>Hi Siobhán,</p>"))
    try TemporaryDirectory.with("template-preview") { work in
      let eml = work.appendingPathComponent("first-day.eml")
      let written = try CommandRunner.run(base + ["--eml", eml.path])
      #expect(written.status == 0, "\(written.stderr)")
      let bytes = String(decoding: try Data(contentsOf: eml), as: UTF8.self)
      #expect(bytes.contains("X-Onboard-Template: first-day-logistics\r\n"))
      let again = try CommandRunner.run(base + ["--eml", eml.path])
      #expect(again.status == 1 && again.stderr.contains("--force"))
      let unknown = try CommandRunner.run(
        ["template", "preview", "nope"] + base.dropFirst(3))
      #expect(unknown.status == 1 && unknown.stderr.contains("welcome"))
    }
  }

  @Test func checkRefusesRepeatedHeadersAndWarnsOnUnescapedTagsInTheBody() throws {
    try TemporaryDirectory.with("check-warnings") { work in
      let plans = work.appendingPathComponent("Plans")
      try FileManager.default.copyItem(
        at: CommandRunner.root.appendingPathComponent("Plans"), to: plans)
      let clean = try CommandRunner.run(["check", "--plans", plans.path])
      #expect(clean.status == 0 && !clean.stderr.contains("warning"), "\(clean.stderr)")
      let template = plans.appendingPathComponent("emails/twice.mustache")
      try Data(
        "subject: Hi {{first_name}}\naudience: hire\nsend: workday 1\n---\nHi {{{first_name}}}\n"
          .utf8
      ).write(to: template)
      let warned = try CommandRunner.run(["check", "--plans", plans.path])
      #expect(warned.status == 0, "\(warned.stderr)")
      #expect(
        warned.stderr.contains(
          "emails/twice.mustache:5:4: warning: `first_name` is inserted unescaped into the body"),
        "\(warned.stderr)")
      try Data(
        "subject: Hi {{first_name}}\naudience: hire\nsubject: Again\nsend: workday 1\n---\nHi\n"
          .utf8
      ).write(to: template)
      let refused = try CommandRunner.run(["check", "--plans", plans.path])
      #expect(refused.status == 1, "\(refused.stderr)")
      #expect(
        refused.stderr.contains(
          "emails/twice.mustache:3: error: the header `subject` appears twice (first on line 1)"),
        "\(refused.stderr)")
    }
  }
}
