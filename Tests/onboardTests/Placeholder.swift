import Testing

@Test func placeholder_onboardTests() {}
