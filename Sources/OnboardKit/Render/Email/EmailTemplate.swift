import OnboardMustache

/// An email template ready to render: the file's header plus its parsed Mustache parts.
public struct EmailTemplate: Sendable {
  public var file: EmailTemplateFile
  public var subject: MustacheTemplate
  public var text: MustacheTemplate
  public var html: MustacheTemplate?

  public var id: String { file.id }

  /// Parses the Mustache parts; errors give the template file's own line and column.
  public init(_ file: EmailTemplateFile) throws(InputErrors) {
    self.file = file
    var errors: [InputError] = []
    func parse(_ source: String, firstLine: Int) -> MustacheTemplate? {
      do {
        return try MustacheTemplate(source, name: file.path)
      } catch {
        errors.append(Self.inputError(error, file: file, firstLine: firstLine))
        return nil
      }
    }
    let subject = parse(file.subject, firstLine: file.subjectLine)
    let text = parse(file.text, firstLine: file.textLine)
    var html: MustacheTemplate? = nil
    if let source = file.html { html = parse(source, firstLine: file.htmlLine ?? 1) }
    // The HTML body is HTML: a value put in unescaped (`{{{name}}}`, `{{& name}}`) would let a
    // roster name or a note inject markup into every email.
    for reference in html?.references ?? [] where reference.kind == .unescapedVariable {
      errors.append(
        InputError(
          SourceLocation(
            file: file.path, line: reference.line + (file.htmlLine ?? 1) - 1,
            column: reference.column),
          "`\(reference.name)` is put into the HTML body unescaped; expected `{{\(reference.name)}}` (escaped), as HTML bodies take no raw values"
        ))
    }
    guard errors.isEmpty, let subject, let text else { throw InputErrors(errors) }
    self.subject = subject
    self.text = text
    self.html = html
  }

  /// A Mustache error as an input error at the template file's line.
  static func inputError(_ error: MustacheError, file: EmailTemplateFile, firstLine: Int)
    -> InputError
  {
    let line = error.line > 0 ? error.line + firstLine - 1 : firstLine
    let column =
      error.line == 1 && firstLine == file.subjectLine
      ? error.column + "subject: ".count : error.column
    return InputError(
      SourceLocation(file: file.path, line: line, column: column > 0 ? column : nil), error.message)
  }

  /// Placeholders this template uses that no email provides, each with its line and column.
  /// `templateIDs`: the library's templates, whose `emails.<id>` this one may name.
  public func unknownPlaceholders(templateIDs: [String] = []) -> [InputError] {
    var errors: [InputError] = []
    var extra: [String: EmailPlaceholders.Field] =
      switch file.send {
      case .beforeEachTraining: ["session": EmailPlaceholders.session]
      case .beforeActivity: ["activity": EmailPlaceholders.activity]
      case .on: [:]
      }
    extra.merge(EmailPlaceholders.emails(templateIDs)) { $1 }
    let parts: [(MustacheTemplate, Int)] =
      [(subject, file.subjectLine), (text, file.textLine)]
      + (html.map { [($0, file.htmlLine ?? 1)] } ?? [])
    for (template, firstLine) in parts {
      // A plan's emails are rendered without partials: `{{> signature}}` failed every hire at
      // `plan` while `check` said ok.
      for reference in template.references
      where [.partial, .dynamicPartial, .parent, .dynamicParent].contains(reference.kind) {
        let line = reference.line + firstLine - 1
        errors.append(
          InputError(
            SourceLocation(file: file.path, line: line, column: reference.column),
            "`\(reference.name)` is a partial; email templates have no partials: write the text "
              + "into the template itself"))
      }
      for reference in template.references where reference.isContextName {
        if !EmailPlaceholders.isKnown(
          reference.name, sectionPath: reference.sectionPath, extra: extra)
        {
          let line = reference.line + firstLine - 1
          let column =
            reference.line == 1 && firstLine == file.subjectLine
            ? reference.column + "subject: ".count : reference.column
          errors.append(
            InputError(
              SourceLocation(file: file.path, line: line, column: column),
              "unknown placeholder `\(reference.name)`; known placeholders are listed in Plans/README.md"
                + EmailPlaceholders.suggestion(for: reference.name, extra: extra)))
        }
      }
    }
    return errors
  }

  /// What `onboard check` warns about: `{{{name}}}` / `{{& name}}` tags in the Markdown body,
  /// which insert a value as Markdown (a link, bold) instead of plain text. (A header given twice
  /// and an unescaped tag in an explicit HTML body are errors when the template loads.)
  ///
  /// A hire or buddy template that shows what is the manager's (levels, gaps, the interviewers'
  /// notes, the planner's reasons, a review's agenda with its levels) is warned about too.
  public func warnings() -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    if file.audience == .hire || file.audience == .buddy {
      let parts: [(MustacheTemplate, Int)] =
        [(subject, file.subjectLine), (text, file.textLine)]
        + (html.map { [($0, file.htmlLine ?? 1)] } ?? [])
      for (template, firstLine) in parts {
        for reference in template.references where reference.isContextName {
          guard let shown = Self.managersOnly(reference.name, in: reference.sectionPath) else {
            continue
          }
          warnings.append(
            Diagnostic(
              .warning,
              SourceLocation(
                file: file.path, line: reference.line + firstLine - 1, column: reference.column),
              "`\(reference.name)` shows \(shown) to the \(file.audience.rawValue); levels, gaps, "
                + "the interviewers' notes and the planner's reasons belong in the manager's "
                + "emails (Plans/README.md, \"Words for each reader\")"))
        }
      }
    }
    let parts: [(MustacheTemplate, Int)] =
      [(subject, file.subjectLine), (text, file.textLine)]
      + (html.map { [($0, file.htmlLine ?? 1)] } ?? [])
    for (template, firstLine) in parts {
      // A position in the part as one of the file (the subject's value follows `subject: `).
      func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(
          file: file.path, line: line + firstLine - 1,
          column: line == 1 && firstLine == file.subjectLine ? column + "subject: ".count : column)
      }
      for comment in template.runOnComments {
        warnings.append(
          Diagnostic(
            .warning, location(comment.line, comment.column),
            "this comment `{{! …` holds the `{{` of line \(comment.innerLine + firstLine - 1), "
              + "column \(location(comment.innerLine, comment.innerColumn).column ?? 0): it runs "
              + "on to that tag's `}}` and hides the text between from the email; expected `}}` "
              + "to close the comment where it ends"))
      }
      // A mail-merge habit: `{first_name}` in single braces reaches the reader as written.
      for (name, line, column) in Self.singleBraced(template.source)
      where EmailPlaceholders.isKnown(
        name, sectionPath: [],
        extra: ["session": EmailPlaceholders.session, "activity": EmailPlaceholders.activity])
      {
        warnings.append(
          Diagnostic(
            .warning, location(line, column),
            "`{\(name)}` has single braces, so the reader gets it as written; expected "
              + "`{{\(name)}}`"))
      }
    }
    for reference in text.references where reference.kind == .unescapedVariable {
      warnings.append(
        Diagnostic(
          .warning,
          SourceLocation(
            file: file.path, line: reference.line + file.textLine - 1, column: reference.column),
          "`\(reference.name)` is inserted unescaped into the body, as Markdown; use "
            + "{{\(reference.name)}} so a value can never become a link or bold text"))
    }
    return warnings
  }

  /// The `{name}` words of a source in single braces (not part of a `{{` tag), with their line
  /// and column (1-based, in Unicode scalars).
  static func singleBraced(_ source: String) -> [(name: String, line: Int, column: Int)] {
    let scalars = Array(source.unicodeScalars)
    var found: [(String, Int, Int)] = []
    var line = 1
    var column = 1
    var index = 0
    func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
      scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
          || scalar == ".")
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "{", index == 0 || scalars[index - 1] != "{",
        index + 1 < scalars.count, scalars[index + 1] != "{"
      {
        var end = index + 1
        while end < scalars.count, isNameScalar(scalars[end]) { end += 1 }
        if end > index + 1, end < scalars.count, scalars[end] == "}",
          end + 1 == scalars.count || scalars[end + 1] != "}"
        {
          found.append(
            (String(String.UnicodeScalarView(scalars[(index + 1)..<end])), line, column))
        }
      }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += 1
    }
    return found
  }

  /// What a placeholder shows that is meant for the manager (nil for the others): `gaps`,
  /// `conflicts`, `integrity`, `interview_notes`, `activity.agenda`, `session.reason`, also
  /// written inside their sections (`{{#activity}}{{#agenda}}`).
  static func managersOnly(_ name: String, in sections: [String]) -> String? {
    let outer = sections.flatMap { $0.split(separator: ".").map(String.init) }
    let path = outer + name.split(separator: ".").map(String.init)
    // Only the name's own parts count (a `{{point}}` inside `{{#activity.agenda}}` is the same
    // finding as its section, reported once there).
    for (index, part) in path.enumerated() where index >= outer.count {
      switch part {
      case "gaps": return "the skill gaps with their levels"
      case "conflicts", "integrity", "has_integrity_flags":
        return "the evidence's conflicts and integrity flags"
      case "interview_notes": return "the interviewers' notes"
      case "agenda" where index > 0 && path[index - 1] == "activity":
        return "the activity's agenda (a review's agenda lists levels and targets)"
      case "reason" where index > 0 && path[index - 1] == "session":
        return "the planner's reason for the session (written for managers)"
      default: continue
      }
    }
    return nil
  }
}
