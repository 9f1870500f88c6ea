import Foundation
import Testing

@testable import OnboardKit

/// `PlanItem` shares its fields between copies: a change to one copy never shows in another, and
/// equality, hashing and the JSON form are those of the fields.
@Suite struct PlanItemStorageTests {
  static func item() -> PlanItem {
    PlanItem(
      id: "training:git", kind: .training, title: "Git basics",
      date: CalendarDate(dayNumber: 20_500),
      start: LocalTime(minutes: 600), durationMinutes: 60, owner: "trainer", skillID: "git",
      agenda: ["branches"])
  }

  @Test func aChangedCopyLeavesTheOthersAlone() {
    let original = Self.item()
    var copy = original
    var list = [original, original]
    copy.title = "Git, again"
    copy.agenda.append("rebase")
    list[1].date = list[1].date.adding(days: 1)
    list[1].sequence += 1
    #expect(original.title == "Git basics")
    #expect(original.agenda == ["branches"])
    #expect(copy.agenda == ["branches", "rebase"])
    #expect(list[0] == original)
    #expect(list[1].date == original.date.adding(days: 1))
    #expect(list[1].sequence == 1 && original.sequence == 0)
    #expect(copy != original)
  }

  @Test func equalFieldsAreEqualAndHashAlikeWhateverTheirStorage() throws {
    let a = Self.item()
    var b = Self.item()
    #expect(a == b)
    #expect(Set([a, b]).count == 1)
    b.note = "moved"
    #expect(a != b)
    #expect(Set([a, b]).count == 2)
    b.note = nil
    #expect(a == b && a.hashValue == b.hashValue)

    // The JSON form is the fields' own, and reads back as an equal item.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(a)
    #expect(try encoder.encode(a) == (try encoder.encode(PlanItem.Fields(from: a))))
    #expect(try JSONDecoder().decode(PlanItem.self, from: data) == a)
  }
}

extension PlanItem.Fields {
  /// The fields of `item`, one by one (a check that the JSON form holds every field).
  init(from item: PlanItem) {
    self.init(
      id: item.id, kind: item.kind, title: item.title, date: item.date, start: item.start,
      durationMinutes: item.durationMinutes, owner: item.owner, ownerName: item.ownerName,
      skillID: item.skillID, topicID: item.topicID, format: item.format, reason: item.reason,
      agenda: item.agenda, resource: item.resource, note: item.note, override: item.override,
      ownerEmail: item.ownerEmail, sequence: item.sequence)
  }
}
