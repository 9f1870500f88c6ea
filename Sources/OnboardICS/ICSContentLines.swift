/// Accumulates content lines, folding each at 75 octets and ending each with CRLF (RFC 5545 3.1).
struct ICSContentLines {
  /// The longest a physical line may be, in octets, not counting its CRLF.
  static let maximumOctets = 75

  /// The text written so far; every line ends with CRLF.
  private(set) var text = ""

  /// Appends `NAME;PARAM=value...:value`, with parameter values already encoded.
  mutating func append(_ name: String, _ parameters: [(String, String)] = [], value: String) {
    var line = name
    for (parameter, parameterValue) in parameters {
      line += ";" + parameter + "=" + parameterValue
    }
    line += ":" + value
    Self.fold(line, into: &text)
  }

  /// Appends `BEGIN:component`.
  mutating func begin(_ component: String) {
    append("BEGIN", value: component)
  }

  /// Appends `END:component`.
  mutating func end(_ component: String) {
    append("END", value: component)
  }

  /// Writes `line` into `output` as physical lines of at most 75 octets each, joined by CRLF SPACE.
  ///
  /// Breaks fall only between Unicode scalars, so no UTF-8 sequence is ever split; unfolding
  /// (removing each CRLF SPACE) gives back `line` exactly.
  static func fold(_ line: String, into output: inout String) {
    // Most lines fit: append them whole instead of scalar by scalar.
    if line.utf8.count <= maximumOctets {
      output += line
      output += "\r\n"
      return
    }
    var used = 0
    for scalar in line.unicodeScalars {
      let size = UTF8.width(scalar)
      if used + size > maximumOctets {
        output += "\r\n "
        used = 1
      }
      output.unicodeScalars.append(scalar)
      used += size
    }
    output += "\r\n"
  }
}
