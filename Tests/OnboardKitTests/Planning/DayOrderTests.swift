import Testing

@testable import OnboardKit

/// The order of a day when its items do not all fit where schedule.csv puts them: the
/// "End-of-day check-in" ends the day.
@Suite struct DayOrderTests {
  /// A Tue/Thu part-timer with 4-hour days (09:00–14:00): the check-in, the office tour and the
  /// first 1:1 are all after the end of her day. The check-in took the latest free time when it
  /// was placed, after the others had taken the end of the day, and landed at 10:45 in the
  /// morning. It now ends day 1, and the office tour, which nothing depends on, makes room and
  /// moves to day 2 with a note.
  @Test func aPartTimersCheckInEndsHerFirstDay() throws {
    let cohort = try FixtureCohort()
    var hire = try cohort.hire("zoe")
    hire.employment = .partTime
    hire.workDays = [.tuesday, .thursday]
    hire.hoursPerDay = 4
    let plan = try Onboarding.plan(hire: hire, library: cohort.library, evidence: [])
    let dayOne = plan.items.filter { $0.date == plan.start && $0.durationMinutes > 0 }
    let checkIn = try #require(dayOne.first { $0.id == "eod-check-in#1" })
    #expect(checkIn.end == plan.calendar.dayEnd, "\(checkIn.start)–\(checkIn.end)")
    for item in dayOne where item.id != checkIn.id {
      #expect(item.end <= checkIn.start, "\(item.title) \(item.start)–\(item.end)")
    }
    #expect(checkIn.note == "at 13:45 instead of 16:30: the hire's day ends at 14:00")
    let tour = try #require(plan.items.first { $0.id == "office-tour" })
    #expect(tour.date > plan.start)
    #expect(tour.note?.hasPrefix("moved from \(plan.start.shortText) at 14:30") == true)
    // No item of the day overlaps another.
    let sorted = dayOne.sorted { $0.start < $1.start }
    for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.end <= b.start) }
  }

  /// Layla (Dubai) has her manager in London and HR in Berlin: the welcome and HR onboarding
  /// move to their hours. HR onboarding had gone to 16:45, after the check-in at 16:30: now
  /// it takes the check-in's time and the check-in follows it, at the end of her day.
  @Test func aMeetingMovedForItsPeopleComesBeforeTheCheckIn() throws {
    let cohort = try FixtureCohort()
    var ledger = StaffLedger()
    let plan = OwnerAssignment.assign(
      try Onboarding.plan(hire: try cohort.hire("layla"), library: cohort.library, evidence: []),
      people: cohort.library.people, ledger: &ledger)
    let dayOne = plan.items.filter { $0.date == plan.start && $0.durationMinutes > 0 }
    let checkIn = try #require(dayOne.first { $0.id == "eod-check-in#1" })
    let hr = try #require(dayOne.first { $0.id == "hr-paperwork" })
    #expect(hr.note?.contains("to fit Lena Hoffmann's working hours") == true)
    #expect(hr.end <= checkIn.start, "HR \(hr.start)–\(hr.end), check-in \(checkIn.start)")
    for item in dayOne where item.id != checkIn.id {
      #expect(item.end <= checkIn.start, "\(item.title) \(item.start)–\(item.end)")
    }
    let sorted = dayOne.sorted { $0.start < $1.start }
    for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.end <= b.start) }
    // The other days' check-ins stay at 16:30.
    let later = plan.items.filter { $0.id.hasPrefix("eod-check-in#") && $0.date > plan.start }
    #expect(!later.isEmpty)
    #expect(later.allSatisfy { $0.start == LocalTime(hour: 16, minute: 30)! })
  }
}
