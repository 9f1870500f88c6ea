import Foundation

/// TestGorilla's candidate export (assessment results downloaded as CSV): one row per candidate,
/// one column per test, as TestGorilla's help centre documents it: `First name, Last name, Email,
/// Source, Invitation date, Completion date, Status, Stage, Scoring metric, Average score`,
/// qualifying questions, the test columns, the anti-cheating Yes/No columns and `Your rating`.
///
/// Honours `Scoring metric`: with `Percentile` the numbers are ranks among candidates, recorded as
/// ranks and never as proficiency; `Raw score` (formerly `Percentage`) is percent correct. Only
/// `Completed` candidates are imported; others are skipped and reported. `Completion date` (older
/// exports: `Last activity`) dates the evidence. Anti-cheating Yes/No columns become integrity
/// notes on the candidate's evidence. `Your rating` (the hiring team's stars), qualifying
/// questions and right-to-work questions carry no skill evidence: skipped with a note. Columns
/// that carry no number (personality tests such as DISC) are skipped with a note; a column no
/// skill names that carries scores is a warning (rule 1) and the row's other tests import.
/// Older headers (`Invited on`, `Last activity`, `Percentage`) are still read.
enum TestGorillaImport {
  static let metaColumns: Set<String> = [
    "first name", "last name", "name", "email", "invited on", "invitation date", "last activity",
    "status", "stage", "hiring stage", "scoring metric", "average score", "rating", "phone",
    "country", "source", "tags", "assessment", "assessment name", "job role", "custom questions",
    "candidate id", "id", "completed on", "date completed", "completion date",
  ]
  /// Columns known to carry no skill evidence, skipped with a note saying why.
  static func knownNonSkill(_ key: String) -> String? {
    if key == "your rating" || key == "rating" || key == "star rating" {
      return "the hiring team's star rating, not skill evidence"
    }
    if key.hasPrefix("qualifying question") { return "a qualifying question, not skill evidence" }
    if ["right to work", "work permit", "authorized to work", "authorised to work", "visa"]
      .contains(
        where: key.contains)
    {
      return "a right-to-work question, not skill evidence"
    }
    return nil
  }
  static let integrityMarkers = [
    "full-screen", "full screen", "mouse", "webcam", "anti-cheating", "copy-paste", "copy paste",
    "ip address", "location",
  ]

  /// Reads the rows, handing each evidence to `each`; the result has the notes and row errors.
  static func parse(
    _ table: inout TableReader, skills: SkillIndex, each: (Evidence) -> Void
  ) throws(InputErrors) -> EvidenceImportResult {
    do {
      try table.require(["First name", "Email", "Status"])
    } catch {
      throw InputErrors([error])
    }
    var result = EvidenceImportResult()
    var testColumns: [(index: Int, name: String, skill: String?)] = []
    var integrityColumns: [(index: Int, name: String)] = []
    for (index, name) in table.header.enumerated() {
      let key = TableReader.key(name)
      if let reason = knownNonSkill(key) {
        result.noteOnce(
          table.headerLocation(at: index), "column `\(name)` is \(reason); skipped")
        continue
      }
      if metaColumns.contains(key) || EvidenceImport.demographicColumns.contains(key) || key.isEmpty
      {
        continue
      }
      if integrityMarkers.contains(where: { key.contains($0) }) {
        integrityColumns.append((index, name))
      } else {
        testColumns.append((index, name, skills.skillID(for: name)))
      }
    }
    var reportedUnknown: Set<Int> = []
    var fileErrors: [InputError] = []
    // The duplicate check keeps a 64-bit hash of each email and its first line, not the email
    // itself: about 20 bytes per candidate instead of about 100 (see `emailHash`).
    var seenEmails: [UInt64: Int] = [:]
    do {
      while let row = try table.next() {
        if row.isBlank { continue }
        let email = row.value("Email")
        let key = email.lowercased()
        if let ragged = row.cellCountError() {
          result.fail(key, ragged)
          continue
        }
        guard isPlausibleEmail(email) else {
          result.skipEmail(email, row.location("Email"), what: "the row")
          continue
        }
        let status = row.value("Status")
        guard status.lowercased() == "completed" else {
          result.skip(
            .unfinished, row.location("Status"), hireKey: key,
            "\(email): status `\(status)`, not Completed; the row is not imported")
          continue
        }
        let hash = Self.emailHash(key)
        if let first = seenEmails[hash] {
          result.fail(
            key,
            row.error(
              "Email",
              "`\(email)` already has a completed row at line \(first); expected one row per candidate"
            ))
          continue
        }
        seenEmails[hash] = row.line
        let metric = row.value("Scoring metric").lowercased()
        let percentile: Bool
        switch metric {
        case "", "raw score", "raw", "percentage", "percent", "% correct", "percentage correct":
          percentile = false
        case "percentile": percentile = true
        default:
          result.fail(
            key,
            row.error(
              "Scoring metric",
              "found `\(row.value("Scoring metric"))`; expected Percentile or Raw score (formerly Percentage)"
            ))
          continue
        }
        if percentile {
          result.diagnostics.append(
            Diagnostic(
              .note, row.location("Scoring metric"),
              "\(email): scores are percentiles (ranks among candidates), recorded as ranks, not as levels"
            ))
        }
        let flags = integrityColumns.compactMap { column -> String? in
          let value =
            row.cell(at: column.index)?.trimmingSpaces().lowercased() ?? ""
          return value == "no" ? "\(column.name): No" : nil
        }
        let integrity = flags.isEmpty ? nil : "Integrity: " + flags.joined(separator: "; ")
        if let integrity {
          result.diagnostics.append(
            Diagnostic(.warning, row.location("Email"), "\(email): \(integrity)"))
        }
        let date = ["Completion date", "Completed on", "Date completed", "Last activity"].lazy
          .compactMap { EvidenceImport.date(row.value($0)) }.first
        for column in testColumns {
          let raw = row.cell(at: column.index)?.trimmingSpaces() ?? ""
          if raw.isEmpty { continue }
          let location = row.location(at: column.index)
          guard let value = EvidenceImport.number(raw) else {
            if column.skill == nil {
              if !reportedUnknown.contains(column.index) {
                reportedUnknown.insert(column.index)
                result.diagnostics.append(
                  Diagnostic(
                    .note, location,
                    "column `\(column.name)` has no score (e.g. `\(raw)`); a personality test or other non-scored column, skipped"
                  ))
              }
            } else {
              result.fail(
                key,
                InputError(
                  location,
                  "test `\(column.name)`: found `\(raw)`; expected a score from 0 to 100 (a `%` sign and a decimal comma are fine)"
                ))
            }
            continue
          }
          guard let skillID = column.skill else {
            let first = reportedUnknown.insert(column.index).inserted
            result.unknown(
              column.name, at: table.headerLocation(at: column.index), hireKey: key,
              skills: skills, what: "test", warn: first)
            continue
          }
          guard (0...100).contains(value) else {
            result.fail(
              key,
              InputError(
                location, "test `\(column.name)`: found `\(raw)`; expected a score from 0 to 100"))
            continue
          }
          let scale: EvidenceScale = percentile ? .percentile : .percent
          each(
            Evidence(
              hireKey: key, skillID: skillID, source: .test, instrument: column.name, rawValue: raw,
              scale: scale, proficiency: scale.proficiency(of: value),
              percentileRank: percentile ? value : nil, assessor: "TestGorilla", date: date,
              note: integrity, origin: location))
        }
      }
    } catch {
      fileErrors.append(error)
    }
    if !fileErrors.isEmpty { throw InputErrors(fileErrors) }
    return result
  }
}

extension TestGorillaImport {
  /// A stable 64-bit hash of a lower-cased email (FNV-1a, then a MurmurHash3 finaliser), the same
  /// in every run, so that the same file always gives the same result. Two different emails share
  /// a hash with a probability of about n² / 2⁶⁵ for n candidates (one in a million for a 5-million
  /// row export); the second would then be refused as a duplicate, loudly, naming the first line.
  static func emailHash(_ key: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in key.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash = hash &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 33)
  }
}
