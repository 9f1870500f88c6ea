import Foundation
import OnboardKit

/// `onboard-cohort`: tools for scale runs (not part of the user-facing tool).
///
///     onboard-cohort --hires N [--seed S] --out DIR
///         writes DIR/roster.csv, DIR/testgorilla.csv and DIR/interviews.csv: a synthetic start
///         cohort, the same for the same seed.
///     onboard-cohort --io-floor --inputs DIR --outputs DIR --into DIR [--move]
///         the I/O floor of a batch run: reads every input file, then writes every file of an
///         earlier run's output tree again, byte for byte, into a new tree (with --move, each
///         original is deleted once copied, so the disk never holds two copies), and prints the time.
///         It reads the earlier output back too, so it is an upper bound of the floor.
let usage = """
  USAGE: onboard-cohort --hires N [--seed S] --out DIR
         onboard-cohort --io-floor --inputs DIR --outputs DIR --into DIR [--move]
  """

let help = """
  OVERVIEW: Synthetic start cohorts and the I/O floor, for scale runs of `onboard batch`.

  \(usage)

  OPTIONS:
    --hires N        the number of hires of the synthetic cohort
    --seed S         the generator's seed (default 42): the same seed gives the same files
    --out DIR        where to write roster.csv, testgorilla.csv and interviews.csv
    --io-floor       instead: read every input file, then write every file of an earlier run's
                     output tree again, byte for byte, and print the time it took
    --inputs DIR     (--io-floor) the folder of the run's inputs
    --outputs DIR    (--io-floor) the earlier run's output folder
    --into DIR       (--io-floor) where to write the copy
    --move           (--io-floor) delete each original once copied
    -h, --help       show this help

  EXAMPLES:
    onboard-cohort --hires 10000 --out cohort
    onboard batch --roster cohort/roster.csv --evidence cohort/testgorilla.csv \\
      cohort/interviews.csv --out cohort-out
    onboard-cohort --io-floor --inputs cohort --outputs cohort-out --into floor-copy --move

  EXIT STATUS:
    0 ok; 2 otherwise: a usage error, or a file that could not be read or written
  """

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("error: \(message)\n\(usage)\n".utf8))
  exit(2)
}

var options: [String: String] = [:]
var flags: Set<String> = []
var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
  FileHandle.standardOutput.write(Data((help + "\n").utf8))
  exit(0)
}
while !arguments.isEmpty {
  let name = arguments.removeFirst()
  guard name.hasPrefix("--") else { fail("unexpected `\(name)`") }
  if ["--io-floor", "--move"].contains(name) {
    flags.insert(String(name.dropFirst(2)))
    continue
  }
  guard let value = arguments.first else { fail("\(name) needs a value") }
  arguments.removeFirst()
  options[String(name.dropFirst(2))] = value
}

/// Every regular file under a folder, relative paths, sorted: readdir(3), as `cp -r` walks (the
/// file type from the directory entry, a stat only where the file system does not give it).
func files(under root: String) -> [String] {
  var result: [String] = []
  func walk(_ relative: String) {
    let folder = relative.isEmpty ? root : root + "/" + relative
    guard let directory = opendir(folder) else { return }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name == "." || name == ".." { continue }
      let path = relative.isEmpty ? name : relative + "/" + name
      var type = Int32(entry.pointee.d_type)
      if type == Int32(DT_UNKNOWN) {
        var info = stat()
        guard lstat(root + "/" + path, &info) == 0 else { continue }
        type =
          (info.st_mode & S_IFMT) == S_IFDIR
          ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
      }
      if type == Int32(DT_DIR) {
        walk(path)
      } else if type == Int32(DT_REG) {
        result.append(path)
      }
    }
  }
  walk("")
  return result.sorted()
}

/// The reusable buffer files are read into.
nonisolated(unsafe) var readBuffer = [UInt8](repeating: 0, count: 1 << 20)

/// The whole file, read with read(2) into one reused buffer (grown to the largest file); the
/// bytes are `readBuffer[0..<count]`. Nil when the file cannot be opened.
func readAll(_ path: String) -> Int? {
  let descriptor = open(path, O_RDONLY)
  guard descriptor >= 0 else { return nil }
  defer { close(descriptor) }
  var count = 0
  while true {
    if count == readBuffer.count { readBuffer += [UInt8](repeating: 0, count: readBuffer.count) }
    let n = readBuffer.withUnsafeMutableBytes { buffer in
      read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
    }
    if n <= 0 { break }
    count += n
  }
  return count
}

/// Writes `readBuffer[0..<count]` to a file with write(2), as `onboard` writes a hire's files.
func writeAll(count: Int, to path: String) -> Bool {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard descriptor >= 0 else { return false }
  defer { close(descriptor) }
  var offset = 0
  while offset < count {
    let n = readBuffer.withUnsafeBytes { buffer -> Int in
      guard let base = buffer.baseAddress else { return -1 }
      return write(descriptor, base + offset, count - offset)
    }
    if n <= 0 { return false }
    offset += n
  }
  return true
}

if flags.contains("io-floor") {
  guard let inputs = options["inputs"], let outputs = options["outputs"], let into = options["into"]
  else {
    fail("--inputs, --outputs and --into are required")
  }
  let started = Date()
  var inputBytes = 0
  for path in files(under: inputs) { inputBytes += readAll(inputs + "/" + path) ?? 0 }
  let read = Date()
  var outputBytes = 0
  var count = 0
  var made: Set<String> = []
  try? FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: true)
  /// mkdir(2) for a folder of the copy, its parents first, each once (as `cp -r` makes them).
  func makeFolder(_ folder: String) {
    guard made.insert(folder).inserted else { return }
    if let slash = folder.lastIndex(of: "/") { makeFolder(String(folder[..<slash])) }
    mkdir(into + "/" + folder, 0o755)
  }
  for path in files(under: outputs) {
    guard let size = readAll(outputs + "/" + path) else { continue }
    let target = into + "/" + path
    if let slash = path.lastIndex(of: "/") { makeFolder(String(path[..<slash])) }
    guard writeAll(count: size, to: target) else { fail("cannot write \(target)") }
    if flags.contains("move") { unlink(outputs + "/" + path) }
    outputBytes += size
    count += 1
  }
  let done = Date()
  print(
    String(
      format:
        "io-floor: read %.1f MB of inputs in %.1f s; rewrote %d files, %.1f MB, in %.1f s; total %.1f s",
      Double(inputBytes) / 1e6, read.timeIntervalSince(started), count, Double(outputBytes) / 1e6,
      done.timeIntervalSince(read), done.timeIntervalSince(started)))
  exit(0)
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
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      fail("cannot create \(path)")
    }
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
