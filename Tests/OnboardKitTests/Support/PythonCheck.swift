import Foundation

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

  static var python: URL? {
    for path in ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"]
    where FileManager.default.isExecutableFile(atPath: path) {
      return URL(fileURLWithPath: path)
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
    let process = Process()
    process.executableURL = python
    process.arguments = ["-c", script] + paths
    let pipe = Pipe()
    let errors = Pipe()
    process.standardOutput = pipe
    process.standardError = errors
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw NSError(
        domain: "python", code: Int(process.terminationStatus),
        userInfo: [NSLocalizedDescriptionKey: String(decoding: message, as: UTF8.self)])
    }
    return try JSONDecoder().decode([ParsedEmail].self, from: data)
  }
}
