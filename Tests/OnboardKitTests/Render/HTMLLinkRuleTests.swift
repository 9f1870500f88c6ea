import Testing

@testable import OnboardKit

/// The scheme allow-list of generated links is what keeps a script out of an `href`: a
/// `javascript:` URL written like a web address (`javascript://` + a line break + code, which
/// browsers run) passes every other check, so only the scheme can refuse it.
@Suite struct HTMLLinkRuleTests {
  @Test func schemesOutsideTheAllowListNeverLinkEvenWithSlashes() {
    for unsafe in [
      "javascript://%0aalert(1)", "JAVASCRIPT://example.org/%0Aalert(document.domain)",
      "vbscript://x%0amsgbox", "data://text/html;base64,PHNjcmlwdD4=", "file://server/share",
      "ftp://example.org/file",
    ] {
      #expect(HTMLLink.externalHref(unsafe) == nil, "\(unsafe)")
      #expect(!HTMLLink.resource(unsafe).contains("href"), "\(unsafe)")
    }
    #expect(HTMLLink.externalHref("https://example.org/%0a") == "https://example.org/%0a")
  }
}
