#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reader's bytes: a window onto the input that refills from a file in chunks.
///
/// In-memory inputs are one window that never refills. File inputs read `chunkSize` bytes at a
/// time with `pread(2)` at an offset kept in this value, so a copy of a reader reads on
/// independently instead of stealing the original's bytes.
struct ByteInput {
  /// The bytes at hand; `buffer[position...]` are not consumed yet.
  private(set) var buffer: [UInt8]
  /// Index of the next byte in `buffer`.
  var position: Int
  private let file: FileDescriptor?
  private var fileOffset: Int64 = 0
  private let chunkSize: Int

  /// All bytes at once.
  init(bytes: [UInt8]) {
    self.buffer = bytes
    self.position = 0
    self.file = nil
    self.chunkSize = 0
  }

  /// A file read `chunkSize` bytes at a time.
  init(path: String, chunkSize: Int) throws(CSVError) {
    self.buffer = []
    self.position = 0
    self.file = try FileDescriptor(path: path)
    self.chunkSize = max(1, chunkSize)
    buffer.reserveCapacity(self.chunkSize)
  }

  /// The next byte without consuming it, reading the next chunk when the window is used up.
  @inline(__always)
  mutating func peek() throws(CSVError) -> UInt8? {
    if position < buffer.count { return buffer[position] }
    return try refill() ? buffer[position] : nil
  }

  /// The byte `offset` places ahead of `position`, reading (and keeping) more chunks if needed.
  mutating func peek(ahead offset: Int) throws(CSVError) -> UInt8? {
    while position + offset >= buffer.count {
      guard try appendChunk() else { return nil }
    }
    return buffer[position + offset]
  }

  /// Consumes one byte (call after `peek` returned one).
  @inline(__always)
  mutating func advance() {
    position += 1
  }

  /// Consumes the run of ASCII bytes at the position up to (not including) a non-ASCII byte,
  /// `"`, CR, LF or `stop`, appending it to `field`; returns its length. The fast path for the
  /// bulk of most fields: no per-byte bookkeeping beyond the comparisons.
  @inline(__always)
  mutating func takePlainASCII(into field: inout [UInt8], stop: UInt8) -> Int {
    let start = position
    let end = buffer.withUnsafeBufferPointer { bytes in
      var end = start
      while end < bytes.count {
        let byte = bytes[end]
        if byte >= 0x80 || byte == stop || byte == CSVByte.quote || byte == CSVByte.cr
          || byte == CSVByte.lf
        {
          break
        }
        end += 1
      }
      return end
    }
    if end > start { field.append(contentsOf: buffer[start..<end]) }
    position = end
    return end - start
  }

  /// Replaces the used-up window with the next chunk; false at the end of the input.
  private mutating func refill() throws(CSVError) -> Bool {
    guard file != nil else { return false }
    buffer.removeAll(keepingCapacity: true)
    position = 0
    return try appendChunk()
  }

  /// Appends the next chunk to the window; false at the end of the input.
  private mutating func appendChunk() throws(CSVError) -> Bool {
    guard let file else { return false }
    let read = try file.read(into: &buffer, count: chunkSize, offset: fileOffset)
    fileOffset += Int64(read)
    return read > 0
  }
}

/// An open file, closed when the last reader copy that uses it goes away.
private final class FileDescriptor: Sendable {
  let fd: Int32
  let path: String

  init(path: String) throws(CSVError) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw CSVError(.unreadable(path: path, reason: String(cString: strerror(errno))))
    }
    self.fd = fd
    self.path = path
  }

  deinit {
    close(fd)
  }

  /// Appends up to `count` bytes read at `offset`; returns how many (0 at the end of the file).
  func read(into buffer: inout [UInt8], count: Int, offset: Int64) throws(CSVError) -> Int {
    let start = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: count))
    var result = -1
    repeat {
      result = buffer.withUnsafeMutableBytes { raw in
        pread(fd, raw.baseAddress.map { $0 + start }, count, off_t(offset))
      }
    } while result < 0 && errno == EINTR
    guard result >= 0 else {
      let reason = String(cString: strerror(errno))
      buffer.removeSubrange(start...)
      throw CSVError(.unreadable(path: path, reason: reason))
    }
    buffer.removeSubrange((start + result)...)
    return result
  }
}
