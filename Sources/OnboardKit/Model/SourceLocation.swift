/// Where a value came from: a file and a line and column (CSV, text) or a JSON path.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The file as the user named it (a path, relative or absolute).
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// 1-based column, when known.
  public var column: Int?
  /// A JSON path such as `$.scorecards[2].attributes[0].rating`, for JSON inputs.
  public var jsonPath: String?

  public init(file: String, line: Int? = nil, column: Int? = nil, jsonPath: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.jsonPath = jsonPath
  }

  /// `file:line:column`, `file:line`, `file ($.path)` or just `file`: the compiler-style prefix.
  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    if let jsonPath { text += " (\(jsonPath))" }
    return text
  }
}

/// A problem in the user's input: where it is, what was found, what was expected.
///
/// Every error Onboard reports about files is one of these, printed as
/// `file:line:column: error: message`.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String
  /// Further errors the same check found (every stale override of a hire, not the first only);
  /// `description` is this one's, `all` lists them all.
  public var others: [InputError] = []

  public init(_ location: SourceLocation, _ message: String) {
    self.location = location
    self.message = message
  }

  /// This error and the `others`, in order.
  public var all: [InputError] {
    others.isEmpty ? [self] : [InputError(location, message)] + others
  }

  public var description: String { "\(location): error: \(clipped(singleLine(message)))" }
}

/// A message cut at 1,000 characters (a value quoted from a 10 MB cell must not be echoed whole to
/// the terminal, summary.json and index.html).
func clipped(_ message: String) -> String {
  message.count <= 1000 ? message : String(message.prefix(1000)) + "… (cut at 1000 characters)"
}

/// `text` cut to `limit` characters, ending in "…" when it was longer (a note quoted in a
/// one-line message).
public func shortened(_ text: String, to limit: Int) -> String {
  text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
}

/// Several input errors found in one pass (a file is checked whole, not stopped at the first).
public struct InputErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [InputError]

  public init(_ errors: [InputError]) { self.errors = errors }

  public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// A problem that does not stop the run (a skipped personality test, a candidate not hired),
/// reported so that nothing is dropped silently.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Codable { case warning, note }
  public var severity: Severity
  public var location: SourceLocation
  public var message: String
  /// The candidate the diagnostic is about (lower-cased email), when it is about one: a run with
  /// a roster prints those of its hires and counts the others (candidates not hired).
  public var hireKey: String?

  public init(
    _ severity: Severity, _ location: SourceLocation, _ message: String, hireKey: String? = nil
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.hireKey = hireKey
  }

  public var description: String { "\(location): \(severity.rawValue): \(singleLine(message))" }
}

/// Text safe for one line of a terminal or log: control characters (line breaks, escape sequences)
/// and Unicode line separators become spaces. Messages quote values from exports; this keeps a
/// name with a line break from forging a second message.
public func singleLine(_ text: String) -> String {
  // Line breaks and tabs become spaces; every other control is shown by the one sanitiser.
  visibleText(
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map {
          ["\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains($0)
            ? " " : $0
        })), allowing: [])
}
