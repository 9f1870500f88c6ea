// libFuzzer harness: Greenhouse scorecards JSON, through `EvidenceImport.parse` (shape detection)
// and forced through the Greenhouse importer whatever the shape is.
import Foundation

@testable import OnboardKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzJSONImporter(data, size) { (root, file, skills) throws(InputErrors) in
    try GreenhouseImport.parse(root, file: file, skills: skills).0
  }
  return 0
}
