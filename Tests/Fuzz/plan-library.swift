// libFuzzer harness: the plan-library loader. The first byte picks a file of Plans/ (settings,
// schedule, training, an email template, roles); the rest replaces it. Whatever the bytes, the
// library loads or fails with errors that name that file and a line and fit on one line; a
// library that loads and passes the checks plans two hires (part- and full-time) without a crash.
import Foundation

@testable import OnboardKit

func planFile(_ name: String) -> SourceFile {
  let path = "Plans/\(name)"
  guard let data = FileManager.default.contents(atPath: path) else {
    fatalError("run from the repository root: \(path) is missing")
  }
  return SourceFile(path: path, data: data)
}

func shippedSources() -> PlanLibrarySources {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: "Plans/emails")) ?? []
  return PlanLibrarySources(
    skills: planFile("skills.csv"), roles: planFile("roles.csv"),
    training: planFile("training.csv"), schedule: planFile("schedule.csv"),
    holidays: planFile("holidays.csv"), settings: planFile("settings.json"),
    emails: names.filter { $0.hasSuffix(".mustache") }.sorted().map { planFile("emails/\($0)") },
    questions: planFile("questions.csv"))
}

func checkLibraryErrors(_ errors: [InputError], file: String) {
  for error in errors {
    if error.location.file.isEmpty { fatalError("error without a file: \(error)") }
    if error.location.file == file, error.location.line == nil, error.location.jsonPath == nil {
      fatalError("error without a line: \(error)")
    }
    if let line = error.location.line, line < 1 { fatalError("line out of range: \(error)") }
    if error.description.contains("\n") || error.description.contains("\r") {
      fatalError("multi-line message: \(error)")
    }
    if error.location.file.hasSuffix("roster.csv") { fatalError("blames the roster: \(error)") }
  }
}

let fuzzRoster =
  "first_name,last_name,email,role,start_date,time_zone,location,manager_name,manager_email,buddy_name,buddy_email,employment,work_days,hours_per_day,work_mode\n"
  + "Ann,Lee,ann@example.org,Backend Developer,2026-12-14,Europe/Berlin,Berlin,Max Roe,max@example.com,Kim Yu,kim@example.com,part-time,Mon|Wed,4,remote\n"
  + "Bo,Ek,bo@example.org,Frontend Developer,2027-01-01,America/New_York,New York,Max Roe,max@example.com,Kim Yu,kim@example.com,full-time,,,on-site\n"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size >= 1 else { return 0 }
  let bytes = Data(fuzzBytes(data, size).dropFirst())
  var sources = shippedSources()
  let path: String
  switch data[0] % 5 {
  case 0:
    path = "Plans/settings.json"
    sources.settings = SourceFile(path: path, data: bytes)
  case 1:
    path = "Plans/schedule.csv"
    sources.schedule = SourceFile(path: path, data: bytes)
  case 2:
    path = "Plans/training.csv"
    sources.training = SourceFile(path: path, data: bytes)
  case 3:
    path = "Plans/emails/welcome.mustache"
    sources.emails =
      sources.emails.filter { $0.path != path } + [SourceFile(path: path, data: bytes)]
  default:
    path = "Plans/roles.csv"
    sources.roles = SourceFile(path: path, data: bytes)
  }
  let library: PlanLibrary
  let templates: [EmailTemplate]
  do {
    library = try PlanLibrary.load(sources)
    templates = try library.compileTemplates()
  } catch {
    if error.errors.isEmpty { fatalError("thrown without an error") }
    checkLibraryErrors(error.errors, file: path)
    return 0
  }
  let problems = library.validate(templates)
  checkLibraryErrors(problems, file: path)
  guard problems.isEmpty else { return 0 }
  // What `onboard check` accepts, the planner and the renderers handle.
  guard
    let (hires, _) = try? RosterImport.parse(SourceFile(path: "roster.csv", text: fuzzRoster))
  else { fatalError("the harness's roster does not parse") }
  // The planner only (calendar, schedule rules, training caps): rendering every document and
  // email per input would make each run take seconds under the sanitizers.
  for hire in hires {
    do {
      _ = try Onboarding.workshopDemands(hire: hire, library: library, evidence: [])
      _ = Onboarding.startDate(of: hire, library: library)
    } catch {
      // A hire may still fail (an unknown role after roles.csv changed); never a crash, and
      // a library mistake names the library.
      if error.location.file == "roster.csv", !error.message.contains("role") {
        fatalError("a library mistake blames the roster: \(error)")
      }
    }
  }
  return 0
}
