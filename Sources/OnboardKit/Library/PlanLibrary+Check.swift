extension PlanLibrary {
  /// Parses the email templates' Mustache; every syntax error is reported with its line.
  public func compileTemplates() throws(InputErrors) -> [EmailTemplate] {
    let (compiled, errors) = Self.compile(templates)
    if !errors.isEmpty { throw InputErrors(errors) }
    return compiled
  }

  /// The templates that compile, and the errors of those that do not (`onboard check` goes on
  /// with the first to report every problem in one run).
  public static func compile(_ files: [EmailTemplateFile]) -> (
    compiled: [EmailTemplate], errors: [InputError]
  ) {
    var compiled: [EmailTemplate] = []
    var errors: [InputError] = []
    for file in files {
      do { compiled.append(try EmailTemplate(file)) } catch { errors += error.errors }
    }
    return (compiled, errors)
  }

  /// The checks of `onboard check` beyond parsing: every role skill has training topics that reach
  /// its target, templates use only known placeholders and name real activities.
  public func validate(_ compiled: [EmailTemplate]) -> [InputError] {
    var errors: [InputError] = []
    for role in roles {
      for requirement in role.requirements {
        let topics = catalog.filter { $0.skillID == requirement.skillID }
        let origin = requirement.origin ?? SourceLocation(file: PlanLibrarySources.FileName.roles)
        if topics.isEmpty {
          errors.append(
            InputError(
              origin,
              "skill `\(requirement.skillID)` of role \(role.title) has no topic in training.csv; a gap in it could not be trained"
            ))
        } else if requirement.targetLevel >= 2,
          !topics.contains(where: { $0.level >= requirement.targetLevel })
        {
          errors.append(
            InputError(
              origin,
              "no topic of skill `\(requirement.skillID)` reaches level \(requirement.targetLevel), the target of role \(role.title)"
            ))
        }
      }
    }
    let activityIDs = Set(schedule.map(\.id))
    for template in compiled {
      errors += template.unknownPlaceholders(templateIDs: compiled.map(\.id))
      if case .beforeActivity(_, let id, _) = template.file.send, !activityIDs.contains(id) {
        let closest = activityIDs.min {
          (editDistance(id, $0), $0) < (editDistance(id, $1), $1)
        }
        let suggestion = closest.flatMap {
          editDistance(id, $0) <= 3 ? ". Did you mean `\($0)`?" : nil
        }
        errors.append(
          InputError(
            SourceLocation(file: template.file.path, line: template.file.sendLine),
            "send: activity `\(id)` is not in schedule.csv" + (suggestion ?? "")))
      }
    }
    return errors
  }
}
