// libFuzzer harness: the roster CSV. Every row is a hire or an error that points at its cell.
import Foundation

@testable import OnboardKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let file = SourceFile(path: "roster.csv", data: Data(fuzzBytes(data, size)))
  do {
    let (hires, errors) = try RosterImport.parse(file)
    checkPrecise(errors)
    var keys: Set<String> = []
    for hire in hires {
      if !keys.insert(hire.key).inserted { fatalError("duplicate hire \(hire.email)") }
      if !isPlausibleEmail(hire.email) { fatalError("implausible email accepted: \(hire.email)") }
      if TimeZone(identifier: hire.timeZone) == nil { fatalError("bad zone \(hire.timeZone)") }
    }
  } catch {
    checkPrecise(error.errors)
  }
  return 0
}
