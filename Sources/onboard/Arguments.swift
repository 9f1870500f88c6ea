/// A command line split into options and positional arguments, with usage errors as values.
struct Arguments {
  /// Options seen, by name (without dashes); repeated or multi-valued options collect values.
  private(set) var values: [String: [String]] = [:]
  private(set) var flags: Set<String> = []
  private(set) var positional: [String] = []

  /// Parses `args` against the options a command accepts.
  /// - Parameters:
  ///   - options: names that take values; `multi` ones take every following non-option argument.
  ///   - flags: names that take no value.
  init(
    _ args: [String], options: Set<String>, multi: Set<String> = [], flags allowedFlags: Set<String>
  ) throws(UsageError) {
    var index = 0
    while index < args.count {
      let arg = args[index]
      index += 1
      guard arg.hasPrefix("--"), arg.count > 2 else {
        if arg == "-h" {
          flags.insert("help")
          continue
        }
        positional.append(arg)
        continue
      }
      var name = String(arg.dropFirst(2))
      var inline: String? = nil
      if let eq = name.firstIndex(of: "=") {
        inline = String(name[name.index(after: eq)...])
        name = String(name[..<eq])
      }
      if allowedFlags.contains(name) {
        guard inline == nil else { throw UsageError("--\(name) takes no value") }
        flags.insert(name)
      } else if options.contains(name) || multi.contains(name) {
        if let inline {
          values[name, default: []].append(inline)
          continue
        }
        var taken = 0
        while index < args.count, !args[index].hasPrefix("--") || args[index] == "-" {
          values[name, default: []].append(args[index])
          index += 1
          taken += 1
          if !multi.contains(name) { break }
        }
        if taken == 0 { throw UsageError("--\(name) needs a value") }
      } else {
        let known = (options.union(multi).union(allowedFlags)).sorted().map { "--\($0)" }
        throw UsageError(
          "unknown option --\(name); expected one of \(known.joined(separator: ", "))")
      }
    }
  }

  func value(_ name: String) throws(UsageError) -> String? {
    guard let list = values[name] else { return nil }
    guard list.count == 1 else {
      throw UsageError("--\(name) is given \(list.count) times; expected once")
    }
    return list[0]
  }

  func required(_ name: String) throws(UsageError) -> String {
    guard let value = try value(name) else { throw UsageError("missing --\(name)") }
    return value
  }

  func list(_ name: String) -> [String] { values[name] ?? [] }

  func flag(_ name: String) -> Bool { flags.contains(name) }
}

/// A mistake in how the command was called: exit status 2 with the command's usage.
struct UsageError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
