// libFuzzer harness: the structured-interview ratings CSV, through `EvidenceImport.parse` (format
// detection) and forced through the interview ratings importer whatever the header says.
import Foundation

@testable import OnboardKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzCSVImporter(data, size) { (table, skills, each) throws(InputErrors) in
    try InterviewRatingsImport.parse(&table, skills: skills, each: each)
  }
  return 0
}
