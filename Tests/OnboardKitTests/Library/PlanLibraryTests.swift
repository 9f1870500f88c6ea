import Foundation
import Testing

@testable import OnboardKit

/// The shipped plan library loads and passes its own checks; broken copies are reported precisely.
@Suite struct PlanLibraryTests {
  @Test func shippedLibraryPassesTheChecks() throws {
    let library = try RepositoryFiles.library()
    let templates = try library.compileTemplates()
    #expect(library.validate(templates).isEmpty)
    #expect(library.role(named: "Backend Developer")?.requirements.first?.tier == .essential)
    #expect(library.role(named: "backend developer") != nil)
    #expect(library.roles.count >= 2)
    #expect(templates.count >= 6)
  }

  /// A typo in an activity's `roles` or `locations` filter is an error with the name meant: the
  /// activity had passed `check` and then left every plan in silence (QA11 #16). A location
  /// holidays.csv does not know and is not near one (`Remote`) may be a roster's: accepted.
  @Test func aTypoInAnActivityFilterIsAnError() throws {
    var library = try RepositoryFiles.library()
    let index = try #require(library.schedule.firstIndex { $0.roles == ["Backend Developer"] })
    let id = library.schedule[index].id
    library.schedule[index].roles = ["Backend Develper"]
    library.schedule[index].locations = ["Berln", "Remote"]
    let errors = library.validate(try library.compileTemplates()).map(\.description)
    #expect(
      errors.contains {
        $0.contains("activity `\(id)`: column `roles`: found `Backend Develper`")
          && $0.contains("(did you mean `Backend Developer`?)")
      }, "\(errors)")
    #expect(
      errors.contains {
        $0.contains("activity `\(id)`: column `locations`: found `Berln` (did you mean `Berlin`?)")
      }, "\(errors)")
    #expect(!errors.contains { $0.contains("`Remote`") }, "\(errors)")
    #expect(errors.count == 2, "\(errors)")
  }

  @Test func backendRoleIsInPriorityOrderWithEssentialsFirst() throws {
    let role = try #require(try RepositoryFiles.library().role(named: "Backend Developer"))
    #expect(role.requirements.map(\.priority) == Array(1...role.requirements.count))
    let tiers = role.requirements.map(\.tier)
    #expect(tiers == tiers.sorted())
  }

  @Test func everySkillOfEveryRoleHasTwoTopicsAtDifferentLevels() throws {
    let library = try RepositoryFiles.library()
    for role in library.roles {
      for requirement in role.requirements {
        let levels = Set(library.catalog.filter { $0.skillID == requirement.skillID }.map(\.level))
        #expect(levels.count >= 2, "\(requirement.skillID) has topics at \(levels.count) level(s)")
      }
    }
  }

  @Test func aliasesFindSkillsAsExportsNameThem() throws {
    let index = try RepositoryFiles.library().skillIndex
    #expect(index.skillID(for: "Node.js (Intermediate)") == "nodejs")
    #expect(index.skillID(for: "node.js (intermediate) score") == "nodejs")
    #expect(index.skillID(for: "  REST   API ") == "rest-apis")
    #expect(index.skillID(for: "Communication") == "communication")
    #expect(index.skillID(for: "Comunication") == nil)
    #expect(index.closest(to: "Comunication").contains("Communication"))
  }

  @Test func brokenCopyIsReportedWithFileLineAndColumn() throws {
    var sources = try RepositoryFiles.planSources()
    sources.roles = SourceFile(
      path: "Plans/roles.csv",
      text:
        "role,priority,skill,tier,target_level,weight\nBackend Developer,1,nodejs,essential,4,\nBackend Developer,2,sql-databse,essential,9,\n"
    )
    sources.schedule = SourceFile(
      path: "Plans/schedule.csv",
      text:
        "id,title,kind,when,time,duration_minutes,owner\nwelcome,Welcome,meeting,workday 1,25:00,60,manager\n"
    )
    #expect {
      _ = try PlanLibrary.load(sources)
    } throws: { error in
      let text = (error as? InputErrors)?.description ?? ""
      return text.contains(
        "Plans/roles.csv:3:21: error: column `skill`: `sql-databse` is not a skill id")
        && text.contains("Plans/schedule.csv:2:35: error: column `time`: found `25:00`")
    }
  }

  /// One typo in a new role's row is one error: the questions and goals of the roles that read
  /// are checked as usual, and nothing is said about the role with the bad row until it is
  /// fixed (the roles that read are still roles: "Backend Developer is not a role" 47 times).
  @Test func aBadRowOfANewRoleIsOneErrorNotOneForEveryQuestion() throws {
    var sources = try RepositoryFiles.planSources()
    let roles = try sources.roles.text()
    sources.roles = SourceFile(
      path: "Plans/roles.csv",
      text: roles + "Data Engineer,1,sql-databases,importnat,4,\nData Engineer,2,git,essential,3,\n"
    )
    sources.goals = SourceFile(
      path: "Plans/goals.csv",
      text: try #require(sources.goals).text()
        + "Data Engineer,30,first-pipeline,Ships a first pipeline,a merged change,manager\n"
        + "Data Scientist,30,first-model,Ships a first model,a merged change,manager\n")
    #expect {
      _ = try PlanLibrary.load(sources)
    } throws: { error in
      let errors = (error as? InputErrors)?.errors.map(\.description) ?? []
      return errors.count == 2
        && errors[0].hasPrefix("Plans/roles.csv:")
        && errors[0].contains("column `tier`: found `importnat`")
        && errors[1].hasPrefix("Plans/goals.csv:")
        && errors[1].contains("found `Data Scientist`; expected `*` or a role title of roles.csv (")
        && errors[1].contains("Backend Developer")
    }
  }

  @Test func templateWithUnknownPlaceholderIsRejectedWithItsLine() throws {
    let file = try EmailTemplateFile(
      id: "t", path: "Plans/emails/t.mustache",
      contents:
        "subject: Hi {{first_name}}\naudience: hire\nsend: workday -5 at 10:00\n---\nHello {{frist_name}},\n{{#gaps}}{{skil}}{{/gaps}}\n"
    )
    let errors = try EmailTemplate(file).unknownPlaceholders()
    #expect(errors.count == 2)
    #expect(
      errors[0].description.hasPrefix(
        "Plans/emails/t.mustache:5:7: error: unknown placeholder `frist_name`"))
    #expect(errors[0].message.contains("Did you mean `first_name`?"))
    #expect(errors[1].location.line == 6)
  }

  /// A hire's template that shows what is the manager's (a review's agenda with its levels, the
  /// gaps) is warned about at the tag; the same template to the manager is not.
  @Test func aHireTemplateShowingTheManagersTextIsWarned() throws {
    func warnings(_ audience: String) throws -> [String] {
      let file = try EmailTemplateFile(
        id: "t", path: "Plans/emails/t.mustache",
        contents:
          "subject: Your review\naudience: \(audience)\nsend: 2 workdays before review-60\n---\n"
          + "Hi {{first_name}},\n{{#activity.agenda}}- {{point}}\n{{/activity.agenda}}\n"
          + "{{#activity}}{{#agenda}}{{point}}{{/agenda}}{{/activity}} {{activity.title}}\n"
          + "{{#gaps}}{{skill}}{{/gaps}}\n")
      return try EmailTemplate(file).warnings().map(\.description)
    }
    let hire = try warnings("hire")
    #expect(hire.count == 3, "\(hire)")
    #expect(hire[0].hasPrefix("Plans/emails/t.mustache:6:1: warning: `activity.agenda` shows"))
    #expect(hire[1].hasPrefix("Plans/emails/t.mustache:8:14: warning: `agenda` shows"))
    #expect(hire[2].hasPrefix("Plans/emails/t.mustache:9:1: warning: `gaps` shows the skill gaps"))
    #expect(try warnings("buddy").count == 3)
    #expect(try warnings("manager").isEmpty)
    // The shipped hire and buddy templates show none of it.
    let shipped = try FixtureCohort().templates
    #expect(shipped.contains { $0.file.audience == .hire })
    #expect(shipped.flatMap { $0.warnings() }.isEmpty)
  }

  /// A comment whose `}}` was forgotten runs on to the next tag's `}}` and hides the text
  /// between (the hire got "Hi Noah, )." with a sentence and a date gone): `check` warns at the
  /// comment and names the tag it swallowed. A closed comment, and `{{` in text, are not warned.
  @Test func aCommentThatRunsOnIsWarned() throws {
    let file = try EmailTemplateFile(
      id: "t", path: "Plans/emails/t.mustache",
      contents:
        "subject: Halfway {{! draft }}\naudience: hire\nsend: workday 45\n---\n"
        + "Hi {{first_name}}, {{! unfinished comment\n\n"
        + "You're halfway to your review ({{review_90_date}}). Thanks!\n"
        + "{{! a closed comment }} Text with {{first_name}} after it.\n")
    let warnings = try EmailTemplate(file).warnings().map(\.description)
    #expect(
      warnings == [
        "Plans/emails/t.mustache:5:20: warning: this comment `{{! …` holds the `{{` of line 7, "
          + "column 32: it runs on to that tag's `}}` and hides the text between from the email; "
          + "expected `}}` to close the comment where it ends"
      ], "\(warnings)")
  }

  /// `{first_name}` in single braces (a mail-merge habit) reached the hire as written: `check`
  /// warns at it when the name is a placeholder; `{{first_name}}`, `{{{name}}}` and braces in
  /// ordinary text (`{not a name}`, `{x}` unknown) are not warned.
  @Test func aPlaceholderInSingleBracesIsWarned() throws {
    let file = try EmailTemplateFile(
      id: "t", path: "Plans/emails/t.mustache",
      contents:
        "subject: Welcome {first_name}\naudience: hire\nsend: workday 1\n---\n"
        + "Hi {first_name}, {{first_name}} {x} {not a name} {{{manager_name}}}\n")
    let warnings = try EmailTemplate(file).warnings().map(\.description)
    // (In the subject, the column counts the `subject: ` before the value.)
    #expect(
      warnings.filter { $0.contains("single braces") } == [
        "Plans/emails/t.mustache:1:18: warning: `{first_name}` has single braces, so the reader "
          + "gets it as written; expected `{{first_name}}`",
        "Plans/emails/t.mustache:5:4: warning: `{first_name}` has single braces, so the reader "
          + "gets it as written; expected `{{first_name}}`",
      ], "\(warnings)")
  }

  /// A partial in an email template is named by `check` at its line and column: a plan's
  /// emails have no partials, so it failed every hire at `plan` while `check` said ok.
  @Test func aPartialInATemplateIsAnErrorOfCheck() throws {
    let file = try EmailTemplateFile(
      id: "t", path: "Plans/emails/t.mustache",
      contents:
        "subject: Hi {{first_name}}\naudience: hire\nsend: workday -5 at 10:00\n---\nHello,\n\n{{> signature}}\n"
    )
    let errors = try EmailTemplate(file).unknownPlaceholders()
    #expect(
      errors.map(\.description) == [
        "Plans/emails/t.mustache:7:1: error: `signature` is a partial; email templates have no "
          + "partials: write the text into the template itself"
      ])
  }

  @Test func templateHeaderErrorsAreLocated() throws {
    #expect {
      _ = try EmailTemplateFile(
        id: "t", path: "t.mustache",
        contents: "subject: x\naudience: boss\nsend: someday\n---\nbody\n")
    } throws: { error in
      let text = (error as? InputErrors)?.description ?? ""
      return text.contains("t.mustache:2: error: audience `boss` is unknown")
        && text.contains("t.mustache:3:7: error: send `someday` is not understood")
    }
    // A good rule with a bad time says so, at the time (QA11 #19: line only, no reason).
    #expect {
      _ = try EmailTemplateFile(
        id: "t", path: "t.mustache",
        contents: "subject: x\naudience: hire\nsend: workday -5 at 25:00\n---\nbody\n")
    } throws: { error in
      (error as? InputErrors)?.description
        == "t.mustache:3:21: error: send: found the time `25:00`; expected a 24-hour time HH:MM "
        + "from 00:00 to 23:59"
    }
  }

  @Test func prerequisiteCyclesAreFound() throws {
    var sources = try RepositoryFiles.planSources()
    sources.training = SourceFile(
      path: "training.csv",
      text: """
        id,skill,level,title,format,duration_minutes,owner,prerequisites,resource,capacity
        a,git,2,A,reading,30,hire,b,,
        b,git,3,B,reading,30,hire,a,,
        """)
    #expect {
      _ = try PlanLibrary.load(sources)
    } throws: { error in
      (error as? InputErrors)?.description.contains("prerequisites form a cycle") == true
    }
  }
}

/// A library without public holidays (holidays.csv missing or header only) is said, in `check`
/// and in every plan: plans went through New Year's Day with no word anywhere, while one unknown
/// location was noted.
@Suite struct NoHolidaysTests {
  @Test func aLibraryWithoutHolidaysIsSaidInEveryPlan() throws {
    let cohort = try FixtureCohort()
    var library = cohort.library
    #expect(library.noHolidaysWarning == nil)
    #expect(library.locationWarning(for: try cohort.hire("zoe")) == nil)
    library.holidays = []
    let warning = try #require(library.locationWarning(for: try cohort.hire("zoe")))
    #expect(warning.hasPrefix("The plan library's holidays.csv lists no public holidays"))
    let plan = try Onboarding.plan(hire: try cohort.hire("zoe"), library: library, evidence: [])
    #expect(plan.notes.contains(warning))
  }
}

/// A role the library does not have is an error at the roster's `role` cell, with the closest
/// role when it is a typo (`Backend Develper`): the most likely roster mistake of all.
@Suite struct UnknownRoleTests {
  @Test func anUnknownRoleNamesItsCellAndTheClosestRole() throws {
    let cohort = try FixtureCohort()
    var hire = try cohort.hire("zoe")
    hire.role = "Backend Develper"
    hire.roleOrigin = SourceLocation(file: "roster.csv", line: 3, column: 52)
    #expect {
      _ = try Onboarding.plan(hire: hire, library: cohort.library, evidence: [])
    } throws: { error in
      let text = (error as? InputError)?.description ?? ""
      return text.hasPrefix("roster.csv:3:52: error: column `role`: role `Backend Develper`")
        && text.hasSuffix("Did you mean `Backend Developer`?")
    }
    hire.role = "Astronaut"
    #expect {
      _ = try Onboarding.plan(hire: hire, library: cohort.library, evidence: [])
    } throws: { error in
      !((error as? InputError)?.description ?? "Did you mean").contains("Did you mean")
    }
  }
}
