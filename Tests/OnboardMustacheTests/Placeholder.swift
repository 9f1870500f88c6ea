import Testing

@Test func placeholder_OnboardMustacheTests() {}
