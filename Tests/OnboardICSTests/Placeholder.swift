import Testing

@Test func placeholder_OnboardICSTests() {}
