import Testing

@Test func placeholder_OnboardKitTests() {}
