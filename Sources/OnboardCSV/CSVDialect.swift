/// How fields are separated: the one byte between fields (`,`, `;` or tab in practice).
///
/// The quote character is always `"` and records always end with CRLF, LF or a lone CR (RFC 4180).
public struct CSVDialect: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The byte between two fields. Must be ASCII and neither `"`, CR nor LF.
  public var delimiter: UInt8

  /// A dialect with the given delimiter byte (checked when a reader or writer uses it).
  public init(delimiter: UInt8) {
    self.delimiter = delimiter
  }

  /// `,`: RFC 4180 and most exports.
  public static let comma = CSVDialect(delimiter: UInt8(ascii: ","))
  /// `;`: spreadsheets in locales whose decimal separator is a comma (German, French, …).
  public static let semicolon = CSVDialect(delimiter: UInt8(ascii: ";"))
  /// Tab: "TSV" exports and copy-paste from spreadsheets.
  public static let tab = CSVDialect(delimiter: UInt8(ascii: "\t"))

  /// The dialects that delimiter detection chooses between, in tie-breaking order.
  public static let detectable: [CSVDialect] = [.comma, .semicolon, .tab]

  /// Whether the delimiter can be used at all: ASCII, and not `"`, CR or LF.
  public var isValid: Bool {
    delimiter < 0x80 && delimiter != CSVByte.quote && delimiter != CSVByte.cr
      && delimiter != CSVByte.lf
  }

  /// A readable name for messages: `','`, `';'`, `tab`.
  public var description: String {
    switch delimiter {
    case CSVByte.tab: return "tab"
    case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(delimiter)))'"
    default: return "byte 0x\(CSVByte.hex(delimiter))"
    }
  }
}

/// The bytes the reader and writer care about.
enum CSVByte {
  static let quote = UInt8(ascii: "\"")
  static let cr = UInt8(ascii: "\r")
  static let lf = UInt8(ascii: "\n")
  static let tab = UInt8(ascii: "\t")
  static let space = UInt8(ascii: " ")

  /// Two upper-case hex digits.
  static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
  }
}
