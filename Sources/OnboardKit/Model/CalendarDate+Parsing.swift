import Foundation

extension CalendarDate {
  /// Reads a date as HR systems and spreadsheets write it, without guessing:
  /// `2027-01-04`, `2027-01-04T09:00:00Z`, `2027/01/04`, `4 January 2027`, `4 Jan 2027`,
  /// `January 4, 2027`, `Jan 4 2027`, and `13/01/2027` or `01/13/2027` when the order is
  /// unambiguous. `04/01/2027` could be either: it is refused with a message that says so.
  public static func parse(lenient text: String) -> Result<CalendarDate, DateProblem> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.count >= 10, let date = CalendarDate(iso: String(trimmed.prefix(10))),
      trimmed.count == 10 || "T ".contains(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 10)])
    {
      return .success(date)
    }
    let numbers = trimmed.split(whereSeparator: { "/.-".contains($0) }).map(String.init)
    if numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
      let a = Int(numbers[0]), let b = Int(numbers[1]), let c = Int(numbers[2])
    {
      if numbers[0].count == 4 {
        return CalendarDate(year: a, month: b, day: c).map { .success($0) } ?? .failure(.notADate)
      }
      guard numbers[2].count == 4 else { return .failure(.notADate) }
      let dayFirst = CalendarDate(year: c, month: b, day: a)
      let monthFirst = CalendarDate(year: c, month: a, day: b)
      switch (dayFirst, monthFirst) {
      case (let date?, nil), (nil, let date?): return .success(date)
      case (let x?, let y?) where x == y: return .success(x)
      case (.some, .some): return .failure(.ambiguous)
      case (nil, nil): return .failure(.notADate)
      }
    }
    let words = trimmed.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(
      String.init)
    if words.count == 3 {
      func month(_ word: String) -> Int? {
        let key = word.lowercased().prefix(3)
        return CalendarDate.monthNames.firstIndex {
          $0.lowercased().hasPrefix(key) && word.count >= 3
        }.map { $0 + 1 }
      }
      if let day = Int(words[0]), let m = month(words[1]), let year = Int(words[2]) {
        return CalendarDate(year: year, month: m, day: day).map { .success($0) }
          ?? .failure(.notADate)
      }
      if let m = month(words[0]), let day = Int(words[1]), let year = Int(words[2]) {
        return CalendarDate(year: year, month: m, day: day).map { .success($0) }
          ?? .failure(.notADate)
      }
    }
    return .failure(.notADate)
  }

  /// Why a text is not a date Onboard accepts.
  public enum DateProblem: Error, Sendable {
    case notADate
    case ambiguous

    /// The end of an error message: "expected ...".
    public var expected: String {
      switch self {
      case .notADate: "expected a real date YYYY-MM-DD, such as 2027-01-04"
      case .ambiguous:
        "day and month could be either way round; write it as YYYY-MM-DD (e.g. 2027-01-04)"
      }
    }
  }
}
