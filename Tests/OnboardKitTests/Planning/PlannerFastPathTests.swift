import Foundation
import Testing

@testable import OnboardKit

/// The planner's fast paths against the code they replaced, on generated input: the dependency
/// order by position against the order by id, and `ZoneClock` with its cache of zones against
/// Foundation's zone looked up for every call.
@Suite struct PlannerFastPathTests {
  static func request(_ id: String, prerequisites: [String]) -> SessionRequest {
    SessionRequest(
      id: id, kind: .training, title: id, skillID: "s", topic: nil, minutes: 30, owner: "buddy",
      reason: "", prerequisites: prerequisites, latestWorkday: nil)
  }

  /// Random request lists with duplicate ids, unknown and repeated prerequisites and cycles.
  @Test func dependencyOrderByPositionIsTheOrderByID() {
    for seed in 0..<2000 {
      var rng = SeededGenerator(seed: 17_000 + UInt64(seed))
      let ids = (0..<rng.int(1...12)).map { "training:t\($0)" } + ["verify:v", "missing"]
      let requests = (0..<rng.int(0...14)).map { _ in
        Self.request(
          rng.pick(ids),
          prerequisites: (0..<rng.int(0...3)).map { _ in rng.pick(ids) })
      }
      let fast = PlanBuilder.dependencyOrder(requests)
      let reference = PlanBuilder.referenceDependencyOrder(requests)
      #expect(fast.map(\.id) == reference.map(\.id), "seed \(seed)")
      #expect(fast.map(\.prerequisites) == reference.map(\.prerequisites), "seed \(seed)")
    }
  }

  /// Instants around the daylight-saving changes of zones with and without them, half-hour and
  /// quarter-hour offsets, unknown identifiers; wall times that a change skips or repeats.
  @Test func zoneClockAsFoundationConvertsIt() {
    let zones = [
      "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe",
      "America/St_Johns", "Pacific/Chatham", "UTC", "Asia/Dubai", "Not/A_Zone", "",
    ]
    var rng = SeededGenerator(seed: 17_500)
    for _ in 0..<3000 {
      let id = rng.pick(zones)
      let zone = ZoneClock.referenceZone(id)
      let date = CalendarDate(dayNumber: rng.int(-400...40_000))
      let time = LocalTime(minutes: rng.int(0...1439))
      let wall = date.dayNumber * 1440 + time.minutes
      func offset(_ minute: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(minute) * 60)) / 60
      }
      let expected = wall - offset(wall - offset(wall))
      #expect(ZoneClock.instant(date, time, in: id) == expected, "\(id) \(date) \(time)")
      let instant = rng.int(-600_000...60_000_000)
      let local = wallClock(instant + offset(instant))
      let got = ZoneClock.local(instant, in: id)
      #expect(got.date == local.date && got.time == local.time, "\(id) \(instant)")
    }
  }

  func wallClock(_ minute: Int) -> (date: CalendarDate, time: LocalTime) {
    let day = minute >= 0 ? minute / 1440 : (minute - 1439) / 1440
    return (CalendarDate(dayNumber: day), LocalTime(minutes: minute - day * 1440))
  }
}
