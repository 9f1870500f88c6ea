import Foundation

extension PlanLibrary {
  /// Parses and cross-checks a plan library; every problem found is reported, each with its file,
  /// line and column.
  public static func load(_ sources: PlanLibrarySources) throws(InputErrors) -> PlanLibrary {
    let (library, errors) = loadAll(sources)
    guard errors.isEmpty else { throw InputErrors(errors) }
    return library
  }

  /// `load` that always gives a library: what read, with every error (`onboard check` goes on
  /// to the checks across files with it, so that a bad cell does not hide a typo elsewhere).
  public static func loadAll(_ sources: PlanLibrarySources) -> (
    library: PlanLibrary, errors: [InputError]
  ) {
    var errors: [InputError] = []
    func collect<T>(_ body: () throws(InputErrors) -> T) -> T? {
      do { return try body() } catch {
        errors += error.errors
        return nil
      }
    }
    let parsedSkills = parsedSkills(sources.skills)
    errors += parsedSkills.errors
    let skills = parsedSkills.skills
    var index = SkillIndex()
    // The ids of every row whose id read, a row with another bad cell too: the other files
    // that name it are no errors (QA15 F2: one bad `kind` made ten "is not a skill id" errors).
    var skillIDs: Set<String> = parsedSkills.ids
    for skill in skills {
      skillIDs.insert(skill.id)
      for name in [skill.name] + skill.aliases + [skill.id] {
        if let other = index.add(name, skillID: skill.id) {
          errors.append(
            InputError(
              parsedSkills.aliasCells[skill.id] ?? SourceLocation(file: sources.skills.path),
              "the name `\(name)` of skill `\(skill.id)` already belongs to skill `\(other)`; an export name must map to one skill"
            ))
        }
      }
    }
    // The roles whose rows all read; a role with a bad row is `incomplete`, and the files that
    // name roles say nothing about it until its rows are fixed (one typo in a role's row gave
    // an error for every question and goal of every role).
    let parsedRoles = parseRoles(sources.roles, skillIDs: skillIDs)
    errors += parsedRoles.errors
    let roles = parsedRoles.roles
    let incompleteRoles = parsedRoles.incomplete
    let parsedTraining = parsedTraining(sources.training, skillIDs: skillIDs)
    errors += parsedTraining.errors
    let catalog = parsedTraining.topics
    let parsedSchedule = parsedSchedule(sources.schedule)
    errors += parsedSchedule.errors
    let schedule = parsedSchedule.activities
    let holidays =
      sources.holidays.flatMap { file in
        collect { () throws(InputErrors) in try parseHolidays(file) }
      } ?? []
    let settings =
      sources.settings.flatMap { file in
        collect { () throws(InputErrors) in try parseSettings(file) }
      } ?? PlanSettings()
    let banks =
      sources.questions.flatMap { file in
        collect { () throws(InputErrors) in
          // A skill whose row has a bad cell stands in by its id, as in `skillIDs`.
          try parseQuestions(
            file, roles: roles, incompleteRoles: incompleteRoles,
            skills: skills
              + parsedSkills.ids.subtracting(skills.map(\.id)).sorted().map {
                Skill(id: $0, name: $0, kind: .technical)
              })
        }
      } ?? []
    let topics = skillIDs.union(catalog.map(\.id)).union(schedule.map(\.id))
    let people =
      sources.people.flatMap { file in
        collect { () throws(InputErrors) in
          try parsePeople(file, knownTopics: topics, settings: settings, holidays: holidays)
        }
      } ?? []
    let goals =
      sources.goals.flatMap { file in
        collect { () throws(InputErrors) in
          try parseGoals(file, roles: roles, incompleteRoles: incompleteRoles)
        }
      } ?? []
    var templates: [EmailTemplateFile] = []
    for file in sources.emails.sorted(by: { $0.path < $1.path }) {
      let id = EmailTemplateFile.id(ofPath: file.path)
      do {
        templates.append(try EmailTemplateFile(id: id, path: file.path, contents: try file.text()))
      } catch let error as InputErrors {
        errors += error.errors
      } catch let error as InputError {
        errors.append(error)
      } catch {
        errors.append(InputError(SourceLocation(file: file.path), "\(error)"))
      }
    }
    // A library without skills or roles plans nobody: say so here, not once per hire.
    for (file, isEmpty, what) in [
      (sources.skills, skills.isEmpty, "skills"), (sources.roles, roles.isEmpty, "roles"),
    ] where isEmpty && !errors.contains(where: { $0.location.file == file.path }) {
      errors.append(
        InputError(
          SourceLocation(file: file.path, line: 1), "has no \(what); expected at least one row"))
    }
    let library = PlanLibrary(
      skills: skills, roles: roles, catalog: catalog, schedule: schedule, holidays: holidays,
      settings: settings, templates: templates, skillIndex: index, questionBanks: banks,
      people: people, goals: goals)
    return (library, errors)
  }

  /// Reads every row of a CSV file, collecting each row's error. A row with more cells than the
  /// header is an error of its own unless `extraCells` allows it (a tracker's export, read
  /// for its ids wherever they are).
  static func readRows(
    _ file: SourceFile, required: [String], extraCells: Bool = false,
    _ parse: (TableRow) throws(InputError) -> Void
  ) throws(InputErrors) {
    try readRows(file, required: required, extraCells: extraCells) {
      row, _ throws(InputError) in try parse(row)
    }
  }

  /// `readRows` for a parser that checks every cell of a row: the errors it keeps in `checks`
  /// are reported with the one it throws, if any, so that a row with three wrong cells gets
  /// three errors in one run of `check` instead of one a run.
  static func readRows(
    _ file: SourceFile, required: [String], extraCells: Bool = false,
    _ parse: (TableRow, inout RowChecks) throws(InputError) -> Void
  ) throws(InputErrors) {
    var errors: [InputError] = []
    do {
      var table = try TableReader(path: file.path, data: file.data)
      try table.require(required)
      while let row = try table.next() {
        if row.isBlank { continue }
        // Extra or missing cells shift the values: said as such, not as a wrong value in the
        // wrong column, nor read in silence (QA14 F2: a people.csv row without its last cell
        // lost its weekly cap).
        if !extraCells, let ragged = row.cellCountError() {
          errors.append(ragged)
          // Still read (the library is not used: the error stands), so that its id is known
          // and the rows of other files that name it are no errors too; its own value errors
          // would repeat the shift.
          var ignored = RowChecks()
          try? parse(row, &ignored)
          continue
        }
        var checks = RowChecks()
        do { try parse(row, &checks) } catch { checks.errors.append(error) }
        errors += checks.errors
      }
    } catch {
      errors.append(error)
    }
    if !errors.isEmpty { throw InputErrors(errors) }
  }

  static func requireSlug(_ row: TableRow, _ column: String) throws(InputError) -> String {
    let value = row.value(column)
    guard !value.isEmpty, value == slug(value) else {
      throw row.error(
        column, "found `\(value)`; expected an id of lower-case letters, digits and `-`")
    }
    return value
  }

  static func requireInt(_ row: TableRow, _ column: String, _ range: ClosedRange<Int>)
    throws(InputError) -> Int
  {
    let value = row.value(column)
    guard let number = Int(value), range.contains(number) else {
      throw row.error(
        column,
        "found `\(value)`; expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return number
  }

  static func requireEnum<T: RawRepresentable & CaseIterable>(
    _ row: TableRow, _ column: String, as type: T.Type
  ) throws(InputError) -> T where T.RawValue == String {
    let value = row.value(column).lowercased()
    guard let parsed = T(rawValue: value) else {
      throw row.error(
        column,
        "found `\(row.value(column))`; expected one of \(T.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))"
      )
    }
    return parsed
  }

  static func parseSkills(_ file: SourceFile) throws(InputErrors) -> [Skill] {
    let parsed = parsedSkills(file)
    if !parsed.errors.isEmpty { throw InputErrors(parsed.errors) }
    return parsed.skills
  }

  /// skills.csv: the skills of the rows that read (a row listed twice keeps the first: the other
  /// files are still checked against them, instead of 77 errors saying that every skill is
  /// unknown), the errors, and each skill's `aliases` cell for errors about its names.
  static func parsedSkills(_ file: SourceFile)
    -> (
      skills: [Skill], errors: [InputError], aliasCells: [String: SourceLocation],
      ids: Set<String>
    )
  {
    var skills: [Skill] = []
    var seen: [String: Int] = [:]
    var cells: [String: SourceLocation] = [:]
    do {
      try readRows(file, required: ["id", "name", "kind", "aliases"]) {
        row, checks throws(InputError) in
        let id = try uniqueID(row, seen: &seen)
        // Every cell is checked, so that one run of `check` names each wrong cell of the row.
        let name = row.value("name")
        if name.isEmpty {
          checks.add(row.error("name", "is empty; expected the skill's display name"))
        }
        let kind = checks.cell { () throws(InputError) in
          try requireEnum(row, "kind", as: Skill.Kind.self)
        }
        guard checks.isClean, let kind else { return }
        skills.append(Skill(id: id, name: name, kind: kind, aliases: row.list("aliases")))
        cells[id] = row.location("aliases")
      }
    } catch {
      return (skills, error.errors, cells, Set(seen.keys))
    }
    return (skills, [], cells, Set(seen.keys))
  }

  /// `roles.csv`: the roles of the rows that read, the errors, and the titles (lower-cased) of
  /// the roles with a row that did not: `incomplete`, so that nothing is checked against them.
  static func parseRoles(_ file: SourceFile, skillIDs: Set<String>)
    -> (roles: [RoleProfile], errors: [InputError], incomplete: Set<String>)
  {
    var byRole: [(title: String, rows: [SkillRequirement])] = []
    var errors: [InputError] = []
    var incomplete: Set<String> = []
    // Each row's priority and tier cells, by role and skill, for the order checks below.
    var cells: [String: (priority: SourceLocation, tier: SourceLocation)] = [:]
    do {
      try readRows(file, required: ["role", "priority", "skill", "tier", "target_level"]) {
        row throws(InputError) in
        let title = row.value("role")
        guard !title.isEmpty else { throw row.error("role", "is empty; expected the role's title") }
        do throws(InputError) {
          let skill = row.value("skill")
          guard skillIDs.contains(skill) else {
            throw row.error("skill", "`\(skill)` is not a skill id of skills.csv")
          }
          var weight: Double? = nil
          if !row.value("weight").isEmpty {
            guard let w = Double(row.value("weight")), w.isFinite, w > 0, w <= 100 else {
              throw row.error(
                "weight",
                "found `\(row.value("weight"))`; expected a positive number up to 100, or nothing")
            }
            weight = w
          }
          let requirement = SkillRequirement(
            skillID: skill, priority: try requireInt(row, "priority", 1...1000),
            tier: try requireEnum(row, "tier", as: Tier.self),
            targetLevel: try requireInt(row, "target_level", 0...5), weight: weight,
            origin: row.location("skill"))
          cells[title.lowercased() + "\u{1F}" + skill] = (
            row.location("priority"), row.location("tier")
          )
          if let index = byRole.firstIndex(where: {
            $0.title.caseInsensitiveCompare(title) == .orderedSame
          }) {
            if byRole[index].rows.contains(where: { $0.skillID == skill }) {
              throw row.error("skill", "`\(skill)` is listed twice for role \(title)")
            }
            if byRole[index].rows.contains(where: { $0.priority == requirement.priority }) {
              throw row.error(
                "priority", "priority \(requirement.priority) is used twice for role \(title)")
            }
            byRole[index].rows.append(requirement)
          } else {
            byRole.append((title, [requirement]))
          }
        } catch {
          incomplete.insert(title.lowercased())
          throw error
        }
      }
    } catch {
      errors = error.errors
    }
    // Priorities number a role's skills 1, 2, 3 … and the tiers go essential, important,
    // nice-to-have in that order: a gap (1, 2, 3, 4, 9: a typo of 5) moved a skill below the
    // nice-to-have ones in silence.
    // A role title a letter or two from another's is most likely its typo (`Data Anlyst`): the
    // priority error of either says so (QA14 F7: two priority errors, and no word of the name).
    let rowCounts = Dictionary(
      byRole.map { ($0.title, $0.rows.count) }, uniquingKeysWith: { a, _ in a })
    func typoHint(_ title: String) -> String {
      let near = rowCounts.keys.sorted().filter {
        $0 != title && editDistance($0.lowercased(), title.lowercased()) <= 2
      }
      guard let other = near.first else { return "" }
      // The title with fewer rows is the likely typo.
      let (typo, meant) =
        (rowCounts[title] ?? 0) <= (rowCounts[other] ?? 0) ? (title, other) : (other, title)
      return "; is `\(typo)` a typo of `\(meant)`? (both are role titles in this file)"
    }
    for role in byRole where !incomplete.contains(role.title.lowercased()) {
      let ordered = role.rows.sorted { $0.priority < $1.priority }
      for (index, requirement) in ordered.enumerated() {
        if requirement.priority != index + 1 {
          errors.append(
            InputError(
              cells[role.title.lowercased() + "\u{1F}" + requirement.skillID]?.priority
                ?? requirement.origin ?? SourceLocation(file: file.path),
              "column `priority`: priority \(requirement.priority) follows "
                + (index == 0 ? "nothing" : "\(ordered[index - 1].priority)")
                + " for role \(role.title); expected \(index + 1) (a role's priorities are 1, 2, "
                + "3 … without gaps, 1 the most essential)" + typoHint(role.title)))
          incomplete.insert(role.title.lowercased())
          break
        }
        if index > 0, requirement.tier < ordered[index - 1].tier {
          errors.append(
            InputError(
              cells[role.title.lowercased() + "\u{1F}" + requirement.skillID]?.tier
                ?? requirement.origin ?? SourceLocation(file: file.path),
              "column `tier`: `\(requirement.tier.rawValue)` at priority \(requirement.priority) "
                + "comes after `\(ordered[index - 1].tier.rawValue)` at priority "
                + "\(ordered[index - 1].priority) for role \(role.title); expected the tiers in "
                + "priority order: essential, then important, then nice-to-have"))
          incomplete.insert(role.title.lowercased())
          break
        }
      }
    }
    // A file that did not read at all (a missing column) leaves every role unknown.
    let roles = byRole.map { RoleProfile(title: $0.title, requirements: $0.rows) }
    return (roles, errors, incomplete)
  }
}

extension PlanLibrary {
  /// A row's id (`requireSlug`), an error when an earlier row of the file has it; `seen` keeps
  /// each id's first line.
  static func uniqueID(_ row: TableRow, seen: inout [String: Int]) throws(InputError) -> String {
    let id = try requireSlug(row, "id")
    if let first = seen[id] {
      throw row.error("id", "`\(id)` is listed again (first at line \(first))")
    }
    seen[id] = row.line
    return id
  }

  /// A `work_days` cell (`Mon|Tue|Wed`) as weekdays, empty when the cell is; an unknown or
  /// repeated day is kept in `checks` and ends the list.
  static func workDays(_ row: TableRow, _ checks: inout RowChecks) -> [Weekday] {
    var days: [Weekday] = []
    for text in row.list("work_days") {
      guard let day = Weekday(text: text) else {
        checks.add(row.error("work_days", "found `\(text)`; expected weekdays such as Mon|Tue|Wed"))
        break
      }
      guard !days.contains(day) else {
        checks.add(
          row.error(
            "work_days",
            "found `\(text)` twice; expected each working day once, such as Mon|Tue|Wed"))
        break
      }
      days.append(day)
    }
    return days
  }
}

/// The errors of one row's cells, kept while the parser goes on to the row's other cells; the
/// row is used only when there are none (``isClean``).
struct RowChecks {
  var errors: [InputError] = []

  /// True while no cell of the row had an error.
  var isClean: Bool { errors.isEmpty }

  /// Keeps an error and goes on.
  mutating func add(_ error: InputError) { errors.append(error) }

  /// The value `read` returns, or nil after keeping the error it throws.
  mutating func cell<Value>(_ read: () throws(InputError) -> Value) -> Value? {
    do { return try read() } catch {
      errors.append(error)
      return nil
    }
  }
}
