import Foundation
import OnboardTestSupport

/// Runs Python's standard `email` parser (policy.strict) over .eml files: an independent reader.
enum PythonCheck {
  struct ParsedEmail: Decodable {
    var subject: String
    var from: String
    var toNames: [String]
    var types: [String]
    var defects: [String]
    var headerNames: [String]
  }

  /// The first executable `python3` on PATH (`.ci/run` puts its virtual environment first).
  static var python: URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  static let script = """
    import sys, json, email
    from email import policy
    out = []
    for path in sys.argv[1:]:
        with open(path, 'rb') as f:
            msg = email.message_from_binary_file(f, policy=policy.strict)
        defects = [repr(d) for part in msg.walk() for d in part.defects]
        for name, value in msg.items():
            defects += [repr(d) for d in getattr(value, 'defects', [])]
        to = msg['To']
        out.append({
            'subject': str(msg['Subject']),
            'from': msg['From'].addresses[0].addr_spec,
            'toNames': [a.display_name for a in to.addresses],
            'types': [p.get_content_type() for p in msg.walk()],
            'defects': defects,
            'headerNames': list(msg.keys()),
        })
    print(json.dumps(out))
    """

  static func parseEmails(_ paths: [String], python: URL) throws -> [ParsedEmail] {
    let output = try ChildProcess.run(python, ["-c", script] + paths)
    guard output.status == 0 else {
      throw NSError(
        domain: "python", code: Int(output.status),
        userInfo: [NSLocalizedDescriptionKey: String(decoding: output.stderr, as: UTF8.self)])
    }
    return try JSONDecoder().decode([ParsedEmail].self, from: output.stdout)
  }
}
