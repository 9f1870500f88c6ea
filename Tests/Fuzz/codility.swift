// libFuzzer harness: Codility JSON export, through `EvidenceImport.parse` (shape detection)
// and forced through the Codility importer whatever the shape is.
import Foundation

@testable import OnboardKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let file = SourceFile(path: "fuzz.json", data: Data(fuzzBytes(data, size)))
  checkEvidence { () throws(InputErrors) in try EvidenceImport.parse(file, skills: fuzzSkills) }
  checkEvidence { () throws(InputErrors) in
    let root: JSONNode
    do throws(InputError) { root = try JSONParser.parse(file.data, file: file.path) } catch {
      throw InputErrors([error])
    }
    return try CodilityImport.parse(root, file: file.path, skills: fuzzSkills)
  }
  return 0
}
