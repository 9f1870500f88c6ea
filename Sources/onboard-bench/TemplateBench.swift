import Foundation
import OnboardMustache

/// The template side of the benchmark: the welcome email's two bodies rendered `count` times
/// with HTML escaping (each engine's default), by OnboardMustache and, when its benchmark program
/// is given (`.ci/bench-mustache` builds it), by swift-mustache 2.x in the same run.
struct TemplateBench {
  let count: Int
  /// The swift-mustache benchmark program, or nil to time OnboardMustache alone.
  let swiftMustache: String?

  /// One render of both bodies by OnboardMustache.
  static func renderOnce(
    _ text: MustacheTemplate, _ html: MustacheTemplate, _ context: MustacheValue
  )
    throws -> String
  {
    try text.render(context) + html.render(context)
  }

  /// Times OnboardMustache, then swift-mustache on the same files; prints the ratio and whether
  /// the two outputs are byte-identical.
  func run(runs: Int) throws {
    let text = try MustacheTemplate(WelcomeTemplate.text, name: "welcome.text")
    let html = try MustacheTemplate(WelcomeTemplate.html, name: "welcome.html")
    let context = MustacheValue(json: WelcomeTemplate.context)
    let sample = try Self.renderOnce(text, html, context)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("onboard-bench-templates-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(WelcomeTemplate.text.utf8).write(to: folder.appendingPathComponent("text.mustache"))
    try Data(WelcomeTemplate.html.utf8).write(to: folder.appendingPathComponent("html.mustache"))
    try JSONSerialization.data(withJSONObject: WelcomeTemplate.context, options: [.sortedKeys])
      .write(to: folder.appendingPathComponent("context.json"))

    var ours: [Double] = []
    var theirs: [Double] = []
    var identical: Bool?
    for round in 1...runs {
      let measurement = try Measurement.run("OnboardMustache", bytes: 0) {
        var bytes = 0
        for _ in 0..<count { bytes += try Self.renderOnce(text, html, context).utf8.count }
        return [("renders", count), ("bytes out", bytes)]
      }
      ours.append(measurement.cpuSeconds)
      print("run \(round) of \(runs): " + measurement.report)
      guard let swiftMustache else { continue }
      let (output, cpu) = try runChild(swiftMustache, [folder.path, String(count)])
      let reported = output.split(whereSeparator: \.isWhitespace)
      theirs.append(reported.first.flatMap { Double($0) } ?? cpu)
      print("run \(round) of \(runs): swift-mustache: \(fixed(theirs[theirs.count - 1], 3)) s CPU")
      let theirOutput = try Data(contentsOf: folder.appendingPathComponent("output.txt"))
      identical = theirOutput == Data(sample.utf8)
    }
    let oursMedian = median(ours)
    print("")
    print(
      "templates: welcome email (text + HTML bodies, \(sample.utf8.count) bytes out) × \(count), "
        + "medians of \(runs) paired runs, CPU time:")
    print(
      "  OnboardMustache  \(fixed(oursMedian, 3)) s, "
        + "\(fixed(Double(count) / oursMedian / 1e3, 1)) k renders/s")
    guard !theirs.isEmpty else {
      print(
        "  swift-mustache: not run (give --swift-mustache PROGRAM; .ci/bench-mustache builds it)")
      return
    }
    let theirMedian = median(theirs)
    print(
      "  swift-mustache   \(fixed(theirMedian, 3)) s, "
        + "\(fixed(Double(count) / theirMedian / 1e3, 1)) k renders/s")
    print("  outputs byte-identical: \(identical == true ? "yes" : "NO")")
    print("goals (issue #16):")
    print(goal("templates ≥ 5× swift-mustache", theirMedian / oursMedian, at: 5, unit: "×"))
  }
}
