// Shared by every harness (compiled into each by `.ci/fuzz`; SwiftPM does not build this folder).
import Foundation

@testable import OnboardKit

/// The fuzzer's bytes as an array.
func fuzzBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
  Array(UnsafeBufferPointer(start: data, count: size))
}

/// A fixed skill index: the skills and aliases the seed corpus (Fixtures/) uses, so that the
/// fuzzer reaches the per-row code, plus a few near misses for "closest names".
let fuzzSkills: SkillIndex = {
  var index = SkillIndex()
  let skills: [(String, [String])] = [
    (
      "nodejs",
      ["Node.js (Intermediate)", "Node.js", "Express.js", "Technical Knowledge - Node.js"]
    ),
    (
      "rest-apis",
      ["REST API", "REST API (Intermediate)", "Technical Knowledge - APIs", "API Design"]
    ),
    (
      "sql-databases",
      ["SQL (Intermediate)", "Databases & SQL", "SQL", "Technical Knowledge - Databases"]
    ),
    ("git", ["Git", "Version Control"]),
    ("communication", ["Communication", "Communication Skills"]),
    ("problem-solving", ["Problem Solving", "Problem Solving Ability", "Algorithms"]),
    ("javascript", ["JavaScript (Intermediate)", "JavaScript"]),
    ("containerization", ["Docker", "Technical Knowledge - Containers"]),
    ("application-security", ["Application Security"]),
    ("react", ["React"]),
  ]
  for (id, aliases) in skills {
    index.add(id, skillID: id)
    for alias in aliases { index.add(alias, skillID: id) }
  }
  return index
}()

/// Fails the run unless every error points into the file (line and column, or a JSON path) and
/// prints as one line: the promise the import makes about its messages.
func checkPrecise(_ errors: [InputError], _ diagnostics: [Diagnostic] = []) {
  for error in errors {
    let location = error.location
    if location.jsonPath == nil && (location.line == nil || location.column == nil) {
      fatalError("imprecise error location: \(error)")
    }
    if location.line.map({ $0 < 1 }) == true || location.column.map({ $0 < 1 }) == true {
      fatalError("position out of range: \(error)")
    }
    if error.description.contains("\n") || error.description.contains("\r") {
      fatalError("multi-line message: \(error)")
    }
  }
  for diagnostic in diagnostics where diagnostic.description.contains("\n") {
    fatalError("multi-line diagnostic: \(diagnostic)")
  }
}

/// Checks what an evidence import produced: precise errors, and evidence that is in range and
/// says where it came from.
func checkEvidence(_ outcome: () throws(InputErrors) -> EvidenceImportResult) {
  do {
    let result = try outcome()
    checkPrecise(result.allErrors, result.diagnostics)
    for item in result.evidence {
      if let proficiency = item.proficiency, !(0...1).contains(proficiency.fraction) {
        fatalError("proficiency out of range: \(item)")
      }
      if let rank = item.percentileRank, !(0...100).contains(rank) {
        fatalError("percentile out of range: \(item)")
      }
      if item.origin.jsonPath == nil && (item.origin.line == nil || item.origin.column == nil) {
        fatalError("evidence without a precise origin: \(item)")
      }
    }
  } catch {
    if error.errors.isEmpty { fatalError("thrown without an error") }
    checkPrecise(error.errors)
  }
}

/// A JSON export through `EvidenceImport.parse` (shape detection), then forced through one JSON
/// importer whatever the shape is.
func fuzzJSONImporter(
  _ data: UnsafePointer<UInt8>, _ size: Int,
  _ importer: (JSONNode, String, SkillIndex) throws(InputErrors) -> EvidenceImportResult
) {
  let file = SourceFile(path: "fuzz.json", data: Data(fuzzBytes(data, size)))
  checkEvidence { () throws(InputErrors) in try EvidenceImport.parse(file, skills: fuzzSkills) }
  checkEvidence { () throws(InputErrors) in
    let root: JSONNode
    do throws(InputError) { root = try JSONParser.parse(file.data, file: file.path) } catch {
      throw InputErrors([error])
    }
    var result = try importer(root, file.path, fuzzSkills)
    EvidenceImport.resolveJoins(&result, skills: fuzzSkills)
    return result
  }
}

/// A CSV export through `EvidenceImport.parse` (format detection), then forced through one CSV
/// importer whatever the header says.
func fuzzCSVImporter(
  _ data: UnsafePointer<UInt8>, _ size: Int,
  _ importer: (inout TableReader, SkillIndex, (Evidence) -> Void) throws(InputErrors) ->
    EvidenceImportResult
) {
  let file = SourceFile(path: "fuzz.csv", data: Data(fuzzBytes(data, size)))
  checkEvidence { () throws(InputErrors) in try EvidenceImport.parse(file, skills: fuzzSkills) }
  checkEvidence { () throws(InputErrors) in
    var table: TableReader
    do throws(InputError) { table = try TableReader(path: file.path, data: file.data) } catch {
      throw InputErrors([error])
    }
    var evidence: [Evidence] = []
    var result = try importer(&table, fuzzSkills) { evidence.append($0) }
    result.evidence = evidence
    return result
  }
}
