// libFuzzer harness: Codility JSON export, through `EvidenceImport.parse` (shape detection)
// and forced through the Codility importer whatever the shape is.
import Foundation

@testable import OnboardKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzJSONImporter(data, size) { (root, file, skills) throws(InputErrors) in
    try CodilityImport.parse(root, file: file, skills: skills).0
  }
  return 0
}
