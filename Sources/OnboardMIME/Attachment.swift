/// A file attached to the message (`Content-Disposition: attachment`), its bytes sent in base64.
public struct Attachment: Sendable, Hashable {
  /// The file name shown to the reader; non-ASCII names are written per RFC 2231.
  public let filename: String
  /// The lowercased `type/subtype`, e.g. `application/pdf`.
  public let contentType: String
  /// The file's bytes.
  public let data: [UInt8]

  /// Makes an attachment; the filename may not contain controls, `/` or `\`, and the content type
  /// must be a plain `type/subtype` of RFC 2045 tokens (not `multipart/*` or `message/*`).
  public init(filename: String, contentType: String, data: [UInt8]) throws(MIMEError) {
    if filename.isEmpty { throw .invalidFilename(filename, reason: "empty") }
    if filename.utf8.count > 255 {
      throw .invalidFilename(filename, reason: "longer than 255 bytes")
    }
    for scalar in filename.unicodeScalars {
      if HeaderText.isControl(scalar) {
        throw .invalidFilename(filename, reason: "contains a control character")
      }
      if scalar == "/" || scalar == "\\" {
        throw .invalidFilename(filename, reason: "contains a path separator")
      }
    }
    let type = contentType.lowercased()
    let halves = type.split(separator: "/", omittingEmptySubsequences: false)
    guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty,
      halves.allSatisfy({ $0.utf8.allSatisfy(Syntax.isToken) })
    else {
      throw .invalidContentType(contentType, reason: "expected type/subtype made of MIME tokens")
    }
    if halves[0] == "multipart" || halves[0] == "message" {
      throw .invalidContentType(contentType, reason: "composite types cannot be attached as bytes")
    }
    self.filename = filename
    self.contentType = type
    self.data = data
  }
}
