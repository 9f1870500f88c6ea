/// A one-line text form of evidence, for spooling a large cohort's evidence to disk between the
/// import pass and the planning pass: tab-separated fields, `\` `\t` `\n` `\r` escaped, `\N` = nil.
/// Exact: `Evidence(record: e.record) == e`.
extension Evidence {
  public var record: String {
    var bytes: [UInt8] = []
    appendRecord(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `record` (without a line break) to `bytes`: the same text, written byte by byte
  /// (the four escaped characters are ASCII, so no UTF-8 sequence holds their bytes).
  public func appendRecord(to bytes: inout [UInt8]) {
    func field(_ text: String?, last: Bool = false) {
      if let text {
        var copy = text
        copy.withUTF8 { utf8 in
          for byte in utf8 {
            let escaped: UInt8
            switch byte {
            case 0x5C: escaped = 0x5C
            case 0x09: escaped = UInt8(ascii: "t")
            case 0x0A: escaped = UInt8(ascii: "n")
            case 0x0D: escaped = UInt8(ascii: "r")
            default:
              bytes.append(byte)
              continue
            }
            bytes.append(0x5C)
            bytes.append(escaped)
          }
        }
      } else {
        bytes.append(0x5C)
        bytes.append(UInt8(ascii: "N"))
      }
      if !last { bytes.append(0x09) }
    }
    field(hireKey)
    field(skillID)
    field(source.rawValue)
    field(instrument)
    field(rawValue)
    field(Self.scaleCode(scale))
    field(proficiency.map { String($0.fraction) })
    field(percentileRank.map { String($0) })
    field(assessor)
    field(date?.iso)
    field(note)
    field(origin.file)
    field(origin.line.map(String.init))
    field(origin.column.map(String.init))
    field(origin.jsonPath)
    field(weight.map { String($0) }, last: true)
  }

  /// The definition of `record`, field by field through `String` (kept for the tests).
  var recordByCharacter: String {
    var fields: [String?] = [
      hireKey, skillID, source.rawValue, instrument, rawValue, Self.scaleCode(scale),
      proficiency.map { String($0.fraction) }, percentileRank.map { String($0) }, assessor,
      date?.iso,
      note, origin.file, origin.line.map(String.init), origin.column.map(String.init),
      origin.jsonPath, weight.map { String($0) },
    ]
    fields = fields.map { $0.map(Self.escape) }
    return fields.map { $0 ?? "\\N" }.joined(separator: "\t")
  }

  /// Parses a line written by `record`; nil when it is not one.
  public init?(record: Substring) {
    let f = Self.recordFields(record)
    guard f.count == 16 else { return nil }
    guard let hireKey = f[0], let skillID = f[1],
      let source = f[2].flatMap(EvidenceSource.init(rawValue:)),
      let instrument = f[3], let rawValue = f[4], let scale = f[5].flatMap(Self.scale(code:)),
      let file = f[11]
    else { return nil }
    self.init(
      hireKey: hireKey, skillID: skillID, source: source, instrument: instrument,
      rawValue: rawValue,
      scale: scale, proficiency: f[6].flatMap(Double.init).map { Proficiency(fraction: $0) },
      percentileRank: f[7].flatMap(Double.init), assessor: f[8],
      date: f[9].flatMap { CalendarDate(iso: $0) },
      note: f[10],
      origin: SourceLocation(
        file: file, line: f[12].flatMap { Int($0) }, column: f[13].flatMap { Int($0) },
        jsonPath: f[14]),
      weight: f[15].flatMap(Double.init))
  }

  /// The tab-separated fields of a spool line, unescaped (`\N` is nil), read byte by byte: a tab
  /// and a backslash are ASCII, so they never occur inside another character's UTF-8 bytes, and a
  /// tab is always a character of its own (splitting by `Character` gives the same fields, at
  /// many times the cost).
  static func recordFields(_ line: Substring) -> [String?] {
    if let fields = line.utf8.withContiguousStorageIfAvailable({ recordFields(bytes: $0) }) {
      return fields
    }
    return Array(line.utf8).withUnsafeBufferPointer { recordFields(bytes: $0) }
  }

  private static func recordFields(bytes: UnsafeBufferPointer<UInt8>) -> [String?] {
    var fields: [String?] = []
    fields.reserveCapacity(16)
    var start = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x09 {
      fields.append(unescape(UnsafeBufferPointer(rebasing: bytes[start..<index])))
      start = index + 1
    }
    return fields
  }

  /// One field's text: `\N` is nil; `\t` `\n` `\r` are a tab and line breaks, a backslash
  /// before any other byte stands for that byte, and a backslash ending the field is dropped.
  private static func unescape(_ field: UnsafeBufferPointer<UInt8>) -> String? {
    if field.count == 2 && field[0] == 0x5C && field[1] == UInt8(ascii: "N") { return nil }
    guard field.contains(0x5C) else { return String(decoding: field, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(field.count)
    var escaping = false
    for byte in field {
      if escaping {
        switch byte {
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        default: out.append(byte)
        }
        escaping = false
      } else if byte == 0x5C {
        escaping = true
      } else {
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func scaleCode(_ scale: EvidenceScale) -> String {
    switch scale {
    case .percent: "percent"
    case .points(let max): "points/\(max)"
    case .rubric: "rubric"
    case .level: "level"
    case .greenhouse: "greenhouse"
    case .lever: "lever"
    case .percentile: "percentile"
    }
  }

  static func scale(code: String) -> EvidenceScale? {
    switch code {
    case "percent": .percent
    case "rubric": .rubric
    case "level": .level
    case "greenhouse": .greenhouse
    case "lever": .lever
    case "percentile": .percentile
    default: code.hasPrefix("points/") ? Double(code.dropFirst(7)).map { .points(max: $0) } : nil
    }
  }

  /// `\\` `\t` `\n` `\r` escaped, looked for by byte (as `recordFields` reads them back: a
  /// backslash with a combining mark after it is one `Character`, but still a backslash byte).
  static func escape(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
    else {
      return text
    }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
