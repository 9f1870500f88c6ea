// libFuzzer harness: the TestGorilla candidate export, through `EvidenceImport.parse` (format
// detection) and forced through the TestGorilla importer whatever the header says.
import Foundation

@testable import OnboardKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzCSVImporter(data, size) { (table, skills, each) throws(InputErrors) in
    try TestGorillaImport.parse(&table, skills: skills, each: each)
  }
  return 0
}
