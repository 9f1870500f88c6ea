// libFuzzer harness: the streaming CSV reader. Differential: the same bytes read from memory,
// streamed from a file in tiny chunks, and read by the byte-by-byte reference parser give the
// same records or the same error; what was read writes back (CSVWriter) and reads again to the
// same values.
import Foundation

@testable import OnboardCSV

enum Outcome: Equatable {
  case records([CSVRecord], CSVDialect?)
  case failure(CSVError)
}

func readAll(_ make: () throws(CSVError) -> CSVReader, reference: Bool = false) -> Outcome {
  do {
    var reader = try make()
    var records: [CSVRecord] = []
    while let record = try (reference ? reader.referenceNext() : reader.next()) {
      records.append(record)
    }
    return .records(records, reader.dialect)
  } catch {
    return .failure(error)
  }
}

let scratch = "/tmp/onboard-fuzz-csv-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = fuzzBytes(data, size)
  // The size picks the options and the chunk size, so every seed is used as it is.
  let options = CSVReaderOptions(
    skipBlankLines: size % 2 == 0, allowsQuotesInUnquotedFields: (size / 2) % 2 == 1)
  let chunk = (size / 4) % 16 + 1
  let memory = readAll { CSVReader(bytes: bytes, options: options) }
  let reference = readAll({ CSVReader(bytes: bytes, options: options) }, reference: true)
  if memory != reference {
    fatalError("scanner and reference parser differ: \(memory) vs \(reference)")
  }
  guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes)) else {
    fatalError("cannot write \(scratch)")
  }
  let streamed = readAll { () throws(CSVError) -> CSVReader in
    try CSVReader(
      contentsOf: URL(fileURLWithPath: scratch), options: options, chunkSize: chunk)
  }
  if memory != streamed {
    fatalError("memory and streamed reads differ (chunk \(chunk)): \(memory) vs \(streamed)")
  }
  switch memory {
  case .failure(let error):
    if case .invalidDelimiter = error.kind { fatalError("detected an invalid delimiter") }
    if error.line < 1 || error.column < 1 { fatalError("error without a position: \(error)") }
  case .records(let records, let dialect):
    guard let dialect else {
      if !records.isEmpty { fatalError("records without a dialect") }
      return 0
    }
    var lastLine = 0
    for record in records {
      if record.line < max(1, lastLine) { fatalError("line numbers go back: \(record)") }
      lastLine = record.line
      for (index, field) in record.fields.enumerated()
      where field.index != index || field.line < record.line || field.column < 1 {
        fatalError("bad field position: \(field) in \(record)")
      }
    }
    let text = CSVWriter(dialect: dialect, formulaDefence: .off).write(records.map(\.values))
    var again = CSVReader(string: text, dialect: dialect, options: options)
    do {
      let values = try again.readAll().map { $0.values.map { Array($0.unicodeScalars) } }
      if values != records.map({ $0.values.map { Array($0.unicodeScalars) } }) {
        fatalError("write then read changed the values: \(records.map(\.values)) → \(text)")
      }
    } catch {
      fatalError("written CSV does not read back: \(error) in \(text)")
    }
  }
  return 0
}
