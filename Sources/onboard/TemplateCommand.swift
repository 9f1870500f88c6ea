import Foundation
import OnboardKit
import OnboardMustache

/// `onboard template preview|render`: see one email as a hire would, or render any Mustache file.
enum TemplateCommand {
  static let usage = """
    USAGE: onboard template preview NAME --roster ROSTER.csv --hire EMAIL [options]
           onboard template render FILE --data DATA.json [--partials DIR] [--lenient]

    preview  plans one hire and prints the first email of template NAME (Plans/emails/NAME.mustache)
             as its plain-text part, so a change to a template shows at once.
      --evidence FILE...  the hire's assessment exports (without them the plan has no gaps)
      --plans DIR         the plan library (default: $ONBOARD_PLANS, else Plans)
      --today YYYY-MM-DD  the day the plan is made (default: today)
      --html              print the HTML part instead
      --eml FILE          write the whole message (.eml) to FILE instead (not over an existing
                          file unless --force)

    render   renders a Mustache template against JSON data and prints the result unchanged.
      --data FILE         the data (any JSON value)
      --partials DIR      where `{{> name}}` finds name.mustache (default: the template's folder)
      --lenient           the Mustache spec's behaviour: a missing name renders as nothing; without
                          it a missing name or partial is an error with its line and column
      --html              escape `{{name}}` values for HTML (default: the spec's HTML escaping
                          with --lenient, none otherwise)

    EXAMPLES:
      onboard template preview welcome --roster Fixtures/roster.csv --hire jose.angstrom@example.org
      onboard template render card.mustache --data card.json --lenient
    """

  static func run(_ args: [String]) throws(UsageError) -> ExitStatus {
    guard let sub = args.first, !["-h", "--help"].contains(sub) else {
      Console.out(usage)
      return args.isEmpty ? .usage : .success
    }
    switch sub {
    case "preview": return try preview(Array(args.dropFirst()))
    case "render": return try render(Array(args.dropFirst()))
    default: throw UsageError("unknown template command `\(sub)`; expected preview or render")
    }
  }

  static func render(_ args: [String]) throws(UsageError) -> ExitStatus {
    let arguments = try Arguments(
      args, options: ["data", "partials"], flags: ["lenient", "html", "help"])
    if arguments.flag("help") {
      Console.out(usage)
      return .success
    }
    guard arguments.positional.count == 1, let path = arguments.positional.first else {
      throw UsageError("expected one template file")
    }
    let dataPath = try arguments.required("data")
    let lenient = arguments.flag("lenient")
    do {
      let source = try FileSystem.read(path).text()
      let data = try FileSystem.read(dataPath)
      // Strict JSON (RFC 8259): a trailing comma is an error at its line, not read as data.
      try StrictJSON.check(data.data, file: dataPath)
      let context: MustacheValue
      do {
        context = try MustacheValue(jsonData: data.data)
      } catch {
        throw InputError(
          SourceLocation(file: dataPath), "not valid JSON: \(error.localizedDescription)")
      }
      let folder = try arguments.value("partials") ?? OutputFile.folder(of: path)
      let escaping: MustacheEscaping = lenient || arguments.flag("html") ? .html : .none
      let output: String
      do {
        let template = try MustacheTemplate(source, name: path)
        output = try template.render(
          context, partials: try partials(for: template, in: folder.isEmpty ? "." : folder),
          options: MustacheRenderOptions(strict: !lenient, escaping: escaping))
      } catch let error as MustacheError {
        throw InputError(
          SourceLocation(
            file: error.templateName, line: error.line > 0 ? error.line : nil,
            column: error.column > 0 ? error.column : nil), error.message)
      }
      FileHandle.standardOutput.write(Data(output.utf8))
      return .success
    } catch let error as InputError {
      return report(InputErrors([error]))
    } catch {
      return report(InputErrors([InputError(SourceLocation(file: path), "\(error)")]))
    }
  }

  /// The partials `template` uses (`{{> name}}`, `{{< name}}`, and theirs in turn), parsed from
  /// the folder's `name.mustache` files, each named by its path so that an error in one says
  /// where it is. A file nothing uses is not read: a half-edited sibling does not stop the
  /// template. (With a dynamic partial, `{{> *name}}`, every file that parses is offered.)
  static func partials(for template: MustacheTemplate, in folder: String) throws
    -> [String: MustacheTemplate]
  {
    func used(_ template: MustacheTemplate) -> (names: [String], dynamic: Bool) {
      let references = template.references
      return (
        references.filter { $0.kind == .partial || $0.kind == .parent }.map(\.name),
        references.contains { $0.kind == .dynamicPartial || $0.kind == .dynamicParent }
      )
    }
    func path(_ name: String) -> String {
      folder == "."
        ? name + ".mustache" : (folder as NSString).appendingPathComponent(name + ".mustache")
    }
    /// A partial is a file of the folder, named plainly: no `/`, `\\`, `..`, NUL or other
    /// control character (`../secret`, or a NUL that cut `.mustache` off the path, read files
    /// outside it). Another name is not looked up: the renderer says no partial has it.
    func isPlainName(_ name: String) -> Bool {
      !name.isEmpty && name != "." && name != ".."
        && !name.unicodeScalars.contains {
          $0 == "/" || $0 == "\\" || $0.properties.generalCategory == .control
        }
    }
    var result: [String: MustacheTemplate] = [:]
    var (pending, dynamic) = used(template)
    while let name = pending.popLast() {
      guard result[name] == nil, isPlainName(name),
        FileManager.default.fileExists(atPath: path(name))
      else {
        continue  // a missing partial is the renderer's error, at the tag that names it
      }
      let parsed = try MustacheTemplate(try FileSystem.read(path(name)).text(), name: path(name))
      result[name] = parsed
      let (more, isDynamic) = used(parsed)
      pending += more
      dynamic = dynamic || isDynamic
    }
    if dynamic {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for file in names.sorted() where file.hasSuffix(".mustache") {
        let name = String(file.dropLast(".mustache".count))
        if result[name] == nil, isPlainName(name),
          let text = try? FileSystem.read(path(name)).text()
        {
          result[name] = try? MustacheTemplate(text, name: path(name))
        }
      }
    }
    return result
  }

  static func preview(_ args: [String]) throws(UsageError) -> ExitStatus {
    let arguments = try Arguments(
      args, options: ["roster", "plans", "today", "eml"], multi: ["evidence", "hire"],
      flags: ["html", "force", "help"])
    if arguments.flag("help") {
      Console.out(usage)
      return .success
    }
    guard arguments.positional.count == 1, let name = arguments.positional.first else {
      throw UsageError("expected one template name, such as `welcome`")
    }
    let roster = try arguments.required("roster")
    guard let email = arguments.list("hire").first?.lowercased() else {
      throw UsageError("missing --hire EMAIL")
    }
    let stamp = try today(arguments)
    let eml = try arguments.value("eml")
    if let eml, let problem = StandardStreams.notAFileToReplace(eml, example: "preview.eml") {
      throw UsageError("--eml \(eml): \(problem)")
    }
    if let eml, !arguments.flag("force"), FileManager.default.fileExists(atPath: eml) {
      Console.err("\(eml): error: the file exists; add --force to replace it")
      return .failure
    }
    let plans = try arguments.value("plans") ?? defaultPlans()
    let inputs: Inputs
    do {
      inputs = try Inputs.load(
        plans: plans, roster: roster,
        evidence: arguments.list("evidence"))
    } catch {
      return report(error)
    }
    guard let hire = inputs.hires.first(where: { $0.key == email }) else {
      Console.err("\(roster): error: \(email) is not on the roster")
      return .failure
    }
    guard let template = inputs.templates.first(where: { $0.id == name }) else {
      Console.err(
        "error: no email template `\(name)`; the library has "
          + inputs.templates.map(\.id).joined(separator: ", "))
      return .failure
    }
    do {
      let output = try Onboarding.process(
        hire: hire, folder: fileSafeName(hire.key), library: inputs.library,
        templates: inputs.templates, evidence: inputs.evidence.evidence, stamp: stamp)
      let prefix = "emails/"
      let marker = Data("\r\nX-Onboard-Template: \(name)\r\n".utf8)
      guard
        let file = output.files.first(where: {
          $0.path.hasPrefix(prefix) && $0.data.range(of: marker) != nil
        })
      else {
        Console.err(
          "error: the plan of \(hire.email) sends no `\(name)` email (see the plan's notes)")
        return .failure
      }
      if let eml {
        let folder = OutputFile.folder(of: eml)
        try FileSystem.write(
          [OutputFile(path: (eml as NSString).lastPathComponent, data: file.data)],
          in: folder.isEmpty ? "." : folder)
        Console.out("\(eml): \(file.path.dropFirst(prefix.count))")
        return .success
      }
      guard
        let parts = try EmailRenderer.preview(
          template, plan: output.plan, settings: inputs.library.settings,
          templates: inputs.templates.map(\.file), people: inputs.library.people)
      else { return .failure }
      Console.out("Subject: \(parts.subject)\n\n")
      FileHandle.standardOutput.write(Data((arguments.flag("html") ? parts.html : parts.text).utf8))
      return .success
    } catch {
      return report(InputErrors([error]))
    }
  }
}
