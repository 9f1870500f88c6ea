import Testing

@Test func placeholder_OnboardCSVTests() {}
