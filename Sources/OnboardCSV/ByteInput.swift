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
/// independently instead of stealing the original's bytes. `buffer[..<end]` holds the bytes read;
/// the storage beyond `end` is room for the next read (never zero-filled again).
struct ByteInput {
  /// The window's storage; `buffer[position..<end]` are read but not consumed yet.
  private(set) var buffer: [UInt8]
  /// One past the last byte read into `buffer`.
  private(set) var end: Int
  /// Index of the next byte in `buffer`.
  var position: Int
  /// Whether every byte of the input is in the window (always for bytes in memory).
  private(set) var atEnd: Bool
  private let file: FileDescriptor?
  private var fileOffset: Int64 = 0
  private let chunkSize: Int

  /// All bytes at once.
  init(bytes: [UInt8]) {
    self.buffer = bytes
    self.end = bytes.count
    self.position = 0
    self.atEnd = true
    self.file = nil
    self.chunkSize = 0
  }

  /// A file read `chunkSize` bytes at a time.
  init(path: String, chunkSize: Int) throws(CSVError) {
    self.buffer = []
    self.end = 0
    self.position = 0
    self.atEnd = false
    self.file = try FileDescriptor(path: path)
    self.chunkSize = max(1, chunkSize)
  }

  /// The next byte without consuming it, reading the next chunk when the window is used up.
  @inline(__always)
  mutating func peek() throws(CSVError) -> UInt8? {
    if position < end { return buffer[position] }
    return try readMore() ? buffer[position] : nil
  }

  /// The byte `offset` places ahead of `position`, reading (and keeping) more chunks if needed.
  mutating func peek(ahead offset: Int) throws(CSVError) -> UInt8? {
    while position + offset >= end {
      guard try readMore() else { return nil }
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
  /// bulk of most fields in the reference parser.
  @inline(__always)
  mutating func takePlainASCII(into field: inout [UInt8], stop: UInt8) -> Int {
    let start = position
    let limit = end
    let stopAt = buffer.withUnsafeBufferPointer { bytes in
      var index = start
      while index < limit {
        let byte = bytes[index]
        if byte >= 0x80 || byte == stop || byte == CSVByte.quote || byte == CSVByte.cr
          || byte == CSVByte.lf
        {
          break
        }
        index += 1
      }
      return index
    }
    if stopAt > start { field.append(contentsOf: buffer[start..<stopAt]) }
    position = stopAt
    return stopAt - start
  }

  /// Moves the unconsumed bytes to the front of the window and reads more after them: a chunk,
  /// or as many bytes as are unconsumed if that is more (so a record longer than a chunk is read
  /// in geometrically growing steps). False, and `atEnd` set, when the input has no more bytes.
  mutating func readMore() throws(CSVError) -> Bool {
    guard let file, !atEnd else { return false }
    if position > 0 {
      let count = end - position
      let from = position
      if count > 0 {
        buffer.withUnsafeMutableBufferPointer { bytes in
          guard let base = bytes.baseAddress else { return }
          base.update(from: base + from, count: count)
        }
      }
      end = count
      position = 0
    }
    let want = max(chunkSize, end)
    if buffer.count < end + want {
      buffer.append(contentsOf: repeatElement(0, count: end + want - buffer.count))
    }
    let read = try file.read(into: &buffer, at: end, count: want, offset: fileOffset)
    fileOffset += Int64(read)
    end += read
    if read == 0 { atEnd = true }
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

  /// Reads up to `count` bytes at file `offset` into `buffer[index...]` (which has the room);
  /// returns how many (0 at the end of the file).
  func read(into buffer: inout [UInt8], at index: Int, count: Int, offset: Int64) throws(CSVError)
    -> Int
  {
    var result = -1
    repeat {
      result = buffer.withUnsafeMutableBytes { raw in
        pread(fd, raw.baseAddress.map { $0 + index }, count, off_t(offset))
      }
    } while result < 0 && errno == EINTR
    guard result >= 0 else {
      throw CSVError(.unreadable(path: path, reason: String(cString: strerror(errno))))
    }
    return result
  }
}
