import Foundation
import OnboardCSV

/// The export formats Onboard recognises from their header, so users need not name them.
public enum EvidenceFormat: String, Sendable, CaseIterable {
  case testGorilla = "TestGorilla candidate export"
  case interviewRatings = "structured-interview ratings"
  case scorecard = "structured-interview scorecard"
  case plain = "plain evidence CSV"

  /// The format a CSV header says, or nil.
  public static func detect(header: [String]) -> EvidenceFormat? {
    let keys = Set(header.map(TableReader.key))
    if keys.contains("scoring metric")
      || (keys.contains("first name") && keys.contains("average score"))
    {
      return .testGorilla
    }
    if keys.contains("question id") && keys.contains("rating") { return .scorecard }
    // Interview ratings without a `Rating` column are still interview ratings: the import then
    // names the missing column instead of calling the file unknown.
    if keys.contains("competency") && (keys.contains("rating") || keys.contains("candidate email"))
    {
      return .interviewRatings
    }
    if keys.isSuperset(of: ["email", "skill", "value", "scale"]) { return .plain }
    return nil
  }
}

/// Imports assessment exports into evidence, recognising each file's format.
public enum EvidenceImport {
  /// Reads one export (CSV, or JSON from Greenhouse, Lever, HackerRank or Codility); file-level
  /// problems (not CSV, unknown format, missing columns, an unknown test) are thrown, row-level
  /// ones are collected per hire in the result. Interview scorecards (`onboard interview-kit`) are
  /// checked against `questions`, the plan library's question banks.
  ///
  /// Joins across files (a Greenhouse scorecard's `candidate_id` to a candidates file, Lever forms
  /// to opportunities, HackerRank test ids to tests) wait in the result until
  /// ``resolveJoins(_:skills:)``; with `resolveJoins` (the default) they are resolved with what
  /// this one file holds. Give `false` when more files follow, and resolve after the last.
  public static func parse(
    _ file: SourceFile, skills: SkillIndex, questions: [QuestionBank] = [],
    resolveJoins resolve: Bool = true
  ) throws(InputErrors) -> EvidenceImportResult {
    if let problem = TextEncodingCheck.problem(file.data, path: file.path) {
      throw InputErrors([problem])
    }
    if JSONEvidenceImport.looksLikeJSON(file.data) {
      var result = try JSONEvidenceImport.parse(file, skills: skills)
      if resolve { resolveJoins(&result, skills: skills) }
      return result
    }
    let table: TableReader
    do throws(InputError) {
      table = try TableReader(path: file.path, data: file.data)
    } catch {
      throw InputErrors([error])
    }
    var evidence: [Evidence] = []
    var result = try csv(table, skills: skills, questions: questions) { evidence.append($0) }
    result.evidence = evidence
    return result
  }

  /// The error for a CSV header that matches no known export; a roster given as evidence is named.
  static func unknownFormat(_ table: TableReader) -> InputError {
    let keys = Set(table.header.map(TableReader.key))
    let roster =
      keys.isSuperset(of: ["email", "start date", "role"])
      ? " This looks like a roster (`start_date`, `role`), not an assessment export." : ""
    return InputError(
      SourceLocation(file: table.path, line: table.headerLine, column: 1),
      "the columns \(table.header.prefix(6).map { "`\($0)`" }.joined(separator: ", ")) match no known export; "
        + "expected a TestGorilla candidate export (`Scoring metric`), interview ratings "
        + "(`Candidate Email`, `Competency`, `Rating`), an interview scorecard (`Question ID`, `Rating`) "
        + "or the plain evidence CSV (`email`, `skill`, `value`, `scale`)." + roster)
  }

  /// An error for a name that is no skill, listing the closest known names.
  static func unknownSkill(
    _ name: String, at location: SourceLocation, skills: SkillIndex, what: String
  ) -> InputError {
    let close = skills.closest(to: name)
    return InputError(
      location,
      "unknown \(what) `\(name)`; no skill in Plans/skills.csv has this name or alias"
        + (close.isEmpty
          ? "" : ". Closest known names: \(close.map { "`\($0)`" }.joined(separator: ", "))")
        + ". If it is the same skill, add `\(name)` to that skill's `aliases` in Plans/skills.csv"
        + " (separated by `|`).")
  }

  /// The address inside `Ann Lee <ann@example.org>`, `mailto:ann@example.org` or
  /// `ann@example.org.`, for a hint; nil when there is none.
  static func addressInside(_ text: String) -> String? {
    var candidate = text
    if let open = candidate.lastIndex(of: "<"), let close = candidate.lastIndex(of: ">"),
      open < close
    {
      candidate = String(candidate[candidate.index(after: open)..<close])
    }
    if candidate.lowercased().hasPrefix("mailto:") { candidate = String(candidate.dropFirst(7)) }
    while candidate.hasSuffix(".") { candidate.removeLast() }
    candidate = candidate.trimmingCharacters(in: .whitespaces)
    return candidate != text && isPlausibleEmail(candidate) ? candidate : nil
  }

  /// Rule 1: a name no skill has, as a warning that says the closest aliases and how to map it.
  static func unknownName(
    _ name: String, at location: SourceLocation, skills: SkillIndex, what: String,
    extra: String = ""
  ) -> UnknownName {
    let message =
      unknownSkill(name, at: location, skills: skills, what: what).message + extra
      + " The record's other evidence is imported; this name counts for no skill."
    return UnknownName(name: name, location: location, hireKey: nil, message: message)
  }

  /// Parses "78", "78%", "78,5", " 78.5 % " into a number; nil otherwise.
  static func number(_ text: String) -> Double? {
    plainNumber(text) ?? generalNumber(text)
  }

  /// ``number(_:)`` for any text: trimmed, `%` and a decimal comma allowed, then `Double(String)`.
  static func generalNumber(_ text: String) -> Double? {
    var cleaned = text.trimmingSpaces()
    if cleaned.hasSuffix("%") { cleaned = cleaned.dropLast().trimmingSpaces() }
    // Bytes, not Characters: only ASCII digits, `.`, `-` and one decimal comma are accepted.
    var commas = 0
    var hasDot = false
    for byte in cleaned.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): continue
      case UInt8(ascii: "."): hasDot = true
      case UInt8(ascii: ","): commas += 1
      default: return nil
      }
    }
    guard !cleaned.isEmpty, commas == 0 || (commas == 1 && !hasDot) else { return nil }
    if commas == 1 {
      cleaned = String(
        decoding: cleaned.utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 },
        as: UTF8.self)
    }
    guard let value = Double(cleaned), value.isFinite else { return nil }
    return value
  }

  /// The common case of ``number(_:)`` without building strings: `-?digits([.,]digits)?%?` with at
  /// most 15 digits, whose value `digits / 10^k` is exactly what `Double(String)` gives (both
  /// operands are exact doubles, and one division rounds correctly). Nil for anything else, which
  /// ``number(_:)`` then reads the general way.
  private static let powersOfTen: [Double] = [
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  ]

  static func plainNumber(_ text: String) -> Double? { plainNumber(utf8: text.utf8) }

  /// ``plainNumber(_:)`` of text given as its UTF-8 bytes.
  static func plainNumber<Bytes: Sequence<UInt8>>(utf8 bytes: Bytes) -> Double? {
    var mantissa = 0
    var digits = 0
    var fraction = -1
    var negative = false
    var index = 0
    var sawPercent = false
    for byte in bytes {
      if sawPercent { return nil }
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        mantissa = mantissa * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
        if fraction >= 0 { fraction += 1 }
      case UInt8(ascii: "-") where index == 0: negative = true
      case UInt8(ascii: "."), UInt8(ascii: ","):
        guard fraction < 0, digits > 0 else { return nil }
        fraction = 0
      case UInt8(ascii: "%") where digits > 0: sawPercent = true
      default: return nil
      }
      index += 1
      if digits > 15 { return nil }
    }
    guard digits > 0, fraction != 0 else { return nil }
    let value = Double(mantissa) / powersOfTen[max(0, fraction)]
    return negative ? -value : value
  }

  /// A date from an export: `2026-10-07`, `2026-10-07T10:00:00Z`, `2026-10-07 10:00`; nil otherwise.
  static func date(_ text: String) -> CalendarDate? {
    CalendarDate(iso: String(text.trimmingSpaces().prefix(10)))
  }

  /// Columns never read: personal data that has no place in a skills plan.
  static let demographicColumns: Set<String> = [
    "age", "gender", "sex", "nationality", "ethnicity", "race", "religion", "photo", "picture",
    "date of birth", "birth date", "birthday", "marital status", "disability", "pronouns",
  ]
}
