import Testing

@testable import OnboardICS

@Suite("SHA-256 and proleptic Gregorian arithmetic")
struct PrimitivesTests {
  @Test(
    "SHA-256 matches the FIPS 180-4 / NIST test vectors",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
      ),
      (
        String(repeating: "a", count: 1_000_000),
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
      ),
    ])
  func sha256(input: String, expected: String) {
    #expect(SHA256.hexDigest(input) == expected)
    let hex = { (bytes: [UInt8]) in
      bytes.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    }
    #expect(hex(SHA256.digest(Array(input.utf8))) == expected)
    #expect(hex(SHA256.digestByArrays(Array(input.utf8))) == expected)
  }

  @Test("SHA-256 around the 55/56/64-byte padding boundaries differs per length and is stable")
  func sha256Padding() {
    let digests = (54...66).map { SHA256.hexDigest(String(repeating: "x", count: $0)) }
    #expect(Set(digests).count == digests.count)
    #expect(digests.allSatisfy { $0.count == 64 })
    // Python: hashlib.sha256(b"x" * 64).hexdigest()
    #expect(digests[10] == "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c")
  }

  @Test("day numbers round-trip and match known dates")
  func dayNumbers() {
    #expect(ICSDate(year: 1970, month: 1, day: 1).dayNumber == 0)
    #expect(ICSDate(year: 2000, month: 3, day: 1).dayNumber == 11_017)
    #expect(ICSDate(year: 1969, month: 12, day: 31).dayNumber == -1)
    for number in stride(from: -800_000, through: 2_900_000, by: 997) {
      #expect(CivilCalendar.date(fromDayNumber: number).dayNumber == number)
    }
    #expect(
      ICSDate(year: 2024, month: 2, day: 28).adding(days: 1)
        == ICSDate(year: 2024, month: 2, day: 29))
    #expect(
      ICSDate(year: 2100, month: 2, day: 28).adding(days: 1)
        == ICSDate(year: 2100, month: 3, day: 1))
    #expect(ICSDate(year: 2000, month: 2, day: 29).isValid)
    #expect(!ICSDate(year: 1900, month: 2, day: 29).isValid)
  }

  @Test("date-times format as RFC 5545 text and do wall-clock arithmetic")
  func dateTimes() {
    let time = ICSDateTime(year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 30)
    #expect(time.description == "20261231T235930")
    #expect(time.adding(seconds: 30).description == "20270101T000000")
    #expect(
      ICSDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 0).adding(seconds: 7200)
        .description == "19700101T010000")
    #expect(ICSDateTime(secondsSince1970: -1).description == "19691231T235959")
    #expect(ICSDate(year: 812, month: 7, day: 4).description == "08120704")
  }
}
