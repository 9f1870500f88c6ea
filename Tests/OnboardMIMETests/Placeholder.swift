import Testing

@Test func placeholder_OnboardMIMETests() {}
