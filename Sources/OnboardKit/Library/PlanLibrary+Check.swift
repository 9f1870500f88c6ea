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
  ///
  /// `damaged` names the files (`training.csv`, ...) with errors of their own: a check that
  /// needs one whole is left out (a topic row that did not read is no missing topic).
  public func validate(_ compiled: [EmailTemplate], damaged: Set<String> = []) -> [InputError] {
    var errors: [InputError] = []
    let fileName = PlanLibrarySources.FileName.self
    for role in roles where !damaged.contains(fileName.training) {
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
    errors += activityFilterErrors(
      roles: !damaged.contains(fileName.roles), locations: !damaged.contains(fileName.holidays))
    let activityIDs = Set(schedule.map(\.id))
    for template in compiled {
      errors += template.unknownPlaceholders(templateIDs: compiled.map(\.id))
      if case .beforeActivity(_, let id, _) = template.file.send, !activityIDs.contains(id),
        !damaged.contains(fileName.schedule)
      {
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

  /// schedule.csv's `roles` and `locations` filters that match no hire by a typo: a role that is
  /// not in roles.csv, a location within two letters of one holidays.csv knows but not it (a
  /// location with no holidays, such as `Remote`, may be a roster's). Without this the activity
  /// silently left every plan (QA11 #16).
  func activityFilterErrors(roles checkRoles: Bool = true, locations checkLocations: Bool = true)
    -> [InputError]
  {
    var errors: [InputError] = []
    let roleTitles = roles.map(\.title)
    let locations = knownLocations
    func known(_ value: String, in list: [String]) -> Bool {
      list.contains { $0.caseInsensitiveCompare(value) == .orderedSame }
    }
    func closest(_ value: String, in list: [String]) -> String? {
      let lower = value.lowercased()
      return list.min {
        (editDistance(lower, $0.lowercased()), $0) < (editDistance(lower, $1.lowercased()), $1)
      }
    }
    for activity in schedule {
      for role in activity.roles where checkRoles && !known(role, in: roleTitles) {
        let suggestion = closest(role, in: roleTitles).map { " (did you mean `\($0)`?)" } ?? ""
        errors.append(
          InputError(
            activity.origin,
            "activity `\(activity.id)`: column `roles`: found `\(role)`, which is not a role of "
              + "roles.csv\(suggestion); expected role titles as roles.csv writes them, or nothing "
              + "for every role"))
      }
      for location in activity.locations where checkLocations && !known(location, in: locations) {
        guard let near = closest(location, in: locations),
          editDistance(location.lowercased(), near.lowercased()) <= 2
        else { continue }
        errors.append(
          InputError(
            activity.origin,
            "activity `\(activity.id)`: column `locations`: found `\(location)` (did you mean "
              + "`\(near)`?); expected a location as the roster and holidays.csv write it"))
      }
    }
    return errors
  }
}
