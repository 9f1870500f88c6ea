import Foundation

extension MustacheValue {
  /// Builds a value from `JSONSerialization` output (or the same shapes built by hand).
  ///
  /// Strings, numbers, booleans (told apart from numbers even when bridged through `NSNumber`),
  /// arrays, string-keyed dictionaries and `NSNull` map to the matching case; anything else
  /// becomes `.null`.
  public init(json: Any) {
    switch json {
    case let value as MustacheValue:
      self = value
    case let text as String:
      self = .string(text)
    case let number as NSNumber:
      if String(cString: number.objCType) == "c" {
        self = .bool(number.boolValue)
      } else {
        self = .number(number.doubleValue)
      }
    case let items as [Any]:
      self = .list(items.map { MustacheValue(json: $0) })
    case let fields as [String: Any]:
      self = .object(fields.mapValues { MustacheValue(json: $0) })
    default:
      self = .null
    }
  }

  /// Parses JSON text (any top-level value) into a value.
  public init(jsonData: Data) throws {
    let object = try JSONSerialization.jsonObject(with: jsonData, options: [.fragmentsAllowed])
    self.init(json: object)
  }
}
