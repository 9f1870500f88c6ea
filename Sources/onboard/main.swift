import OnboardKit
