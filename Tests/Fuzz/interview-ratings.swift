// libFuzzer harness: the structured-interview ratings CSV, through `EvidenceImport.parse` (format
// detection) and forced through the interview ratings importer whatever the header says.
import Foundation

@testable import OnboardKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let file = SourceFile(path: "fuzz.csv", data: Data(fuzzBytes(data, size)))
  checkEvidence { () throws(InputErrors) in try EvidenceImport.parse(file, skills: fuzzSkills) }
  checkEvidence { () throws(InputErrors) in
    var table: TableReader
    do throws(InputError) { table = try TableReader(path: file.path, data: file.data) } catch {
      throw InputErrors([error])
    }
    var evidence: [Evidence] = []
    var result = try InterviewRatingsImport.parse(&table, skills: fuzzSkills) {
      evidence.append($0)
    }
    result.evidence = evidence
    return result
  }
  return 0
}
