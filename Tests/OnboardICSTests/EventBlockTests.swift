import OnboardTestSupport
import Testing

@testable import OnboardICS

/// Events written on their own as blocks and put into a calendar later (the people's calendars)
/// against the calendar of the events, on the generated calendars of `EventWriterTests`: the same
/// bytes, some events left in `events` and the rest as blocks, and the same errors.
@Suite struct EventBlockTests {
  @Test func calendarsOfBlocksAreTheCalendarsOfTheirEvents() {
    var draw = EventWriterTests.Draw(numbers: SeededNumbers(seed: 26))
    var rendered = 0
    for _ in 0..<3_000 {
      let methods: [ICSCalendar.Method?] = [nil, .publish, .request, .cancel]
      let calendar = ICSCalendar(
        method: methods[draw.next(4)], name: draw.chance(70) ? draw.text(3) : nil,
        events: (0..<draw.next(6)).map { _ in draw.event() },
        parameterEncoding: draw.chance(50) ? .compatible : .rfc6868,
        timeZoneMarginDays: draw.chance(10) ? 0 : 31)
      let kept = draw.next(calendar.events.count + 1)
      let expected = Result { () throws(ICSError) in try calendar.renderBytes() }
      let viaBlocks = Result { () throws(ICSError) -> [UInt8] in
        var blocks: [ICSEventBlock] = []
        for index in kept..<calendar.events.count {
          do throws(ICSError) {
            blocks.append(
              try calendar.events[index].block(
                method: calendar.method, parameterEncoding: calendar.parameterEncoding))
          } catch {
            var error = error
            error.eventIndex = index
            // The calendar's own events come first: their errors first.
            var head = calendar
            head.events = Array(calendar.events[..<kept])
            _ = try head.renderBytes()
            throw error
          }
        }
        var head = calendar
        head.events = Array(calendar.events[..<kept])
        return try head.renderBytes(blocks: blocks)
      }
      switch (viaBlocks, expected) {
      case (.success(let bytes), .success(let expected)):
        rendered += 1
        #expect(bytes == expected, "\(String(decoding: expected, as: UTF8.self).debugDescription)")
      case (.failure(let error), .failure(let expected)):
        #expect(error == expected)
      default:
        Issue.record("\(viaBlocks) vs \(expected)")
      }
    }
    #expect(rendered > 500)
  }

  /// One `ICSBlockWriter` for many events (its zones looked up once) writes each event's block,
  /// or throws its error, as `ICSEvent.block` of that event alone does: the uses of one event's
  /// zones do not leak into the next block, also after an event that threw.
  @Test func aSharedWriterWritesEachEventAsItsOwnBlock() {
    var draw = EventWriterTests.Draw(numbers: SeededNumbers(seed: 61))
    var writer = ICSBlockWriter()
    var (written, zoned, failed) = (0, 0, 0)
    for _ in 0..<6_000 {
      let event = draw.event()
      let methods: [ICSCalendar.Method?] = [nil, .publish, .request, .cancel]
      let method = methods[draw.next(4)]
      let encoding: ICSCalendar.ParameterEncoding = draw.chance(50) ? .compatible : .rfc6868
      let alone = Result { () throws(ICSError) in
        try event.block(method: method, parameterEncoding: encoding)
      }
      let shared = Result { () throws(ICSError) in
        try writer.block(event, method: method, parameterEncoding: encoding)
      }
      switch (shared, alone) {
      case (.success(let block), .success(let expected)):
        written += 1
        if !block.zoneUses.isEmpty { zoned += 1 }
        #expect(block.bytes == expected.bytes)
        #expect(block.uid == expected.uid)
        #expect(block.zoneUses == expected.zoneUses)
      case (.failure(let error), .failure(let expected)):
        failed += 1
        #expect(error == expected)
      default:
        Issue.record("\(shared) vs \(alone)")
      }
    }
    #expect(written > 500)
    #expect(zoned > 100)
    #expect(failed > 0)
  }

  @Test func aBlockIsTheVEVENTOfItsEvent() throws {
    let event = ICSTestSupport.event(
      "a@b.example", ICSTestSupport.local(2026, 3, 27, 9), ICSTestSupport.local(2026, 3, 27, 10),
      summary: "Ünïcödé, with; a\\ long summary that folds at 75 octets "
        + String(repeating: "日本語", count: 20))
    let block = try event.block(method: .publish)
    let whole = ICSTestSupport.render(ICSCalendar(method: .publish, events: [event]))
    let text = String(decoding: block.bytes, as: UTF8.self)
    #expect(text.hasPrefix("BEGIN:VEVENT\r\n"))
    #expect(text.hasSuffix("END:VEVENT\r\n"))
    #expect(whole.contains(text))
    #expect(block.uid == "a@b.example")
  }
}
