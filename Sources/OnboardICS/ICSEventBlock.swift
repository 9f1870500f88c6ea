/// One event's VEVENT, written once and put into calendars later as it is: the people's calendars
/// of a run are made at its end from events written while each hire was rendered, so they are
/// kept (and spooled) as these bytes, not as events to write again.
public struct ICSEventBlock: Sendable, Hashable {
  /// A zone the event's local times are in, with the first and last instant of them.
  public struct ZoneUse: Sendable, Hashable {
    /// The zone id (`TZID`).
    public var identifier: String
    /// The first and last instant in the zone, in seconds since 1970 UTC.
    public var start: Int
    public var end: Int

    /// Creates a zone use.
    public init(identifier: String, start: Int, end: Int) {
      self.identifier = identifier
      self.start = start
      self.end = end
    }
  }

  /// The event's UID.
  public var uid: String
  /// The content lines, `BEGIN:VEVENT` to `END:VEVENT`, each folded and ended by CRLF.
  public var bytes: [UInt8]
  /// The zones the VTIMEZONEs of a calendar holding the event must cover.
  public var zoneUses: [ZoneUse]

  /// A block as `ICSEvent.block(method:parameterEncoding:)` made it (a spooled one read back).
  public init(uid: String, bytes: [UInt8], zoneUses: [ZoneUse]) {
    self.uid = uid
    self.bytes = bytes
    self.zoneUses = zoneUses
  }
}

extension ICSEvent {
  /// The event's VEVENT on its own, as a calendar of the method and encoding writes it; the error
  /// a calendar holding it would throw (with `eventIndex` 0: the caller sets its own).
  public func block(
    method: ICSCalendar.Method?, parameterEncoding: ICSCalendar.ParameterEncoding = .compatible
  ) throws(ICSError) -> ICSEventBlock {
    var writer = ICSBlockWriter()
    return try writer.block(self, method: method, parameterEncoding: parameterEncoding)
  }
}

/// Writes the VEVENTs of many events one by one (`ICSEvent.block(method:parameterEncoding:)`),
/// each time zone's id checked and its builder taken from the process-wide cache once for all of
/// them instead of once per event.
public struct ICSBlockWriter {
  /// The zones looked up so far; its uses are the current event's.
  private var zones = ICSZoneCoverage()

  /// A writer that has looked up no zone yet.
  public init() {}

  /// `event.block(method:parameterEncoding:)`: the same block, or the same error.
  public mutating func block(
    _ event: ICSEvent, method: ICSCalendar.Method?,
    parameterEncoding: ICSCalendar.ParameterEncoding = .compatible
  ) throws(ICSError) -> ICSEventBlock {
    var lines = ICSContentLines(capacity: 1_280)
    zones.removeUses()
    try event.write(
      into: &lines,
      context: ICSEvent.RenderContext(
        index: 0, method: method, parameterEncoding: parameterEncoding),
      zones: &zones)
    return ICSEventBlock(
      uid: event.uid, bytes: lines.bytes,
      zoneUses: zones.uses.map {
        ICSEventBlock.ZoneUse(identifier: $0.builder.identifier, start: $0.start, end: $0.end)
      })
  }
}

extension ICSCalendar {
  /// `renderBytes()` of the calendar with `blocks` written after its `events`: the same bytes as
  /// when the blocks' events were in `events` (a block is what its event writes, and the
  /// VTIMEZONEs cover the instants of the blocks as of the events).
  public func renderBytes(blocks: [ICSEventBlock]) throws(ICSError) -> [UInt8] {
    var size = 256
    for block in blocks { size += block.bytes.count }
    var eventLines = ICSContentLines(capacity: events.count * 1_280 + size)
    var zones = ICSZoneCoverage()
    try writeEvents(into: &eventLines, zones: &zones)
    for block in blocks {
      eventLines.out.append(contentsOf: block.bytes)
      for use in block.zoneUses {
        // Known: the block's event was written with it (the zones are cached for the process).
        guard let builder = zones.builder(for: use.identifier) else { continue }
        zones.cover(builder, use.start)
        zones.cover(builder, use.end)
      }
    }
    return assemble(eventLines, zones: zones)
  }
}
