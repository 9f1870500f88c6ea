import Foundation
import OnboardKit

/// `onboard-cohort`: generates synthetic start cohorts (deterministic for a seed) for benchmarks
/// and scale tests. Not part of the user-facing tool.
///
///     onboard-cohort --hires N [--seed S] --out DIR
///
/// writes DIR/roster.csv, DIR/testgorilla.csv and DIR/interviews.csv.
let usage = "USAGE: onboard-cohort --hires N [--seed S] --out DIR"

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("error: \(message)\n\(usage)\n".utf8))
  exit(2)
}

var options: [String: String] = [:]
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
  let name = arguments.removeFirst()
  guard name.hasPrefix("--"), let value = arguments.first else { fail("unexpected `\(name)`") }
  arguments.removeFirst()
  options[String(name.dropFirst(2))] = value
}
guard let hiresText = options["hires"], let hires = Int(hiresText), hires > 0 else {
  fail("--hires N is required")
}
guard let out = options["out"] else { fail("--out DIR is required") }
let seed = options["seed"].flatMap { UInt64($0) } ?? 42

do {
  try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
  var handles: [String: FileHandle] = [:]
  for name in ["roster", "testgorilla", "interviews"] {
    let path = (out as NSString).appendingPathComponent("\(name).csv")
    FileManager.default.createFile(atPath: path, contents: nil)
    handles[name] = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
  }
  let started = Date()
  CohortGenerator(seed: seed, hires: hires).write { file, text in
    handles[file]?.write(Data(text.utf8))
  }
  for handle in handles.values { try handle.close() }
  FileHandle.standardError.write(
    Data(
      "generated \(hires) hires (seed \(seed)) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s into \(out)\n"
        .utf8))
} catch {
  fail("\(error)")
}
