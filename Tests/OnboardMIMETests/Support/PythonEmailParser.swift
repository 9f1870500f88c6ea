import Foundation
import OnboardTestSupport

/// Runs Python's standard `email` package (policy.strict) on a rendered message: an independent
/// parser that mail tooling relies on. Python is not part of our toolchain, so tests that need it
/// are skipped, with a message, when `python3` is not on PATH; under `CI=true` they fail instead.
enum PythonEmailParser {
  /// Whether this is a CI run (`CI=true`), where a check that cannot run is a failure.
  static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

  /// The first executable `python3` on PATH, if any.
  static let executable: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }()

  /// What the Python script reports.
  struct Report: Decodable {
    struct Address: Decodable, Equatable {
      var name: String
      var addr: String
    }
    struct Part: Decodable {
      var type: String
      var charset: String?
      var method: String?
      var filename: String?
      var text: String?
      var base64: String?
      var defects: [String]
    }
    var subject: String
    var from: [Address]
    var to: [Address]
    var cc: [Address]?
    var replyTo: [Address]?
    var messageID: String
    var date: String
    var template: String?
    var bcc: String?
    var headerNames: [String]
    var parts: [Part]
  }

  private static let script = #"""
    import base64, json, sys
    from email import policy
    from email.parser import BytesParser

    with open(sys.argv[1], "rb") as f:
        msg = BytesParser(policy=policy.strict).parse(f)

    def addresses(name):
        value = msg[name]
        if value is None:
            return None
        return [{"name": a.display_name, "addr": a.addr_spec} for a in value.addresses]

    def defects(part):
        found = ["%s: %s" % (type(d).__name__, d) for d in part.defects]
        for key, value in part.items():
            found += ["%s: %s: %s" % (key, type(d).__name__, d) for d in value.defects]
        return found

    parts = []
    for part in msg.walk():
        info = {"type": part.get_content_type(), "defects": defects(part),
                "charset": part.get_param("charset"), "method": part.get_param("method"),
                "filename": part.get_filename()}
        if not part.is_multipart():
            content = part.get_content()
            if isinstance(content, str):
                info["text"] = content
            else:
                info["base64"] = base64.b64encode(content).decode("ascii")
        parts.append(info)

    print(json.dumps({
        "subject": str(msg["subject"]), "from": addresses("from"), "to": addresses("to"),
        "cc": addresses("cc"), "replyTo": addresses("reply-to"),
        "messageID": str(msg["message-id"]), "date": msg["date"].datetime.isoformat(),
        "template": msg["x-onboard-template"], "bcc": msg["bcc"],
        "headerNames": list(msg.keys()), "parts": parts,
    }))
    """#

  /// Parses `bytes` with Python and returns its report, or throws with Python's stderr.
  static func parse(_ bytes: [UInt8], python: URL) throws -> Report {
    try TemporaryDirectory.with("mime") { folder in
      let file = folder.appendingPathComponent("message.eml")
      try Data(bytes).write(to: file)
      let output = try ChildProcess.run(python, ["-c", script, file.path])
      guard output.status == 0 else {
        throw TestParseError(
          message: "python3 failed (\(output.status)): "
            + String(decoding: output.stderr, as: UTF8.self))
      }
      return try JSONDecoder().decode(Report.self, from: output.stdout)
    }
  }
}
