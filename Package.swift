// swift-tools-version:6.0
// Onboard: turns a new hire's assessment results into an onboarding plan.
// No package dependencies: the Swift toolchain (Foundation, Dispatch, Swift Testing) only.
import PackageDescription

let package = Package(
  name: "Onboard",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "OnboardKit", targets: ["OnboardKit"]),
    .executable(name: "onboard", targets: ["onboard"]),
  ],
  targets: [
    // Generic building blocks, each small and tested against public conformance suites.
    .target(name: "OnboardCSV"),
    .target(name: "OnboardMustache"),
    .target(name: "OnboardICS"),
    .target(name: "OnboardMIME"),

    // The domain: import → analyse → plan → render. Pure; never prints or touches argv.
    .target(
      name: "OnboardKit",
      dependencies: ["OnboardCSV", "OnboardMustache", "OnboardICS", "OnboardMIME"]
    ),

    // The thin command-line tool: arguments, files, diagnostics.
    .executableTarget(name: "onboard", dependencies: ["OnboardKit"]),

    // Synthetic cohorts for scale runs and benchmarks (not part of the user-facing tool).
    .executableTarget(name: "onboard-cohort", dependencies: ["OnboardKit"]),

    // A benchmark, not a test: times importing a generated export (see README.md, Development).
    .executableTarget(name: "onboard-bench", dependencies: ["OnboardKit", "OnboardCSV"]),

    // What the test targets share: scoped temporary folders (nothing of it ships).
    .target(name: "OnboardTestSupport", path: "Tests/OnboardTestSupport"),

    .testTarget(name: "OnboardCSVTests", dependencies: ["OnboardCSV", "OnboardTestSupport"]),
    .testTarget(name: "OnboardMustacheTests", dependencies: ["OnboardMustache"]),
    .testTarget(name: "OnboardICSTests", dependencies: ["OnboardICS", "OnboardTestSupport"]),
    .testTarget(name: "OnboardMIMETests", dependencies: ["OnboardMIME", "OnboardTestSupport"]),
    .testTarget(name: "OnboardKitTests", dependencies: ["OnboardKit", "OnboardTestSupport"]),
    .testTarget(
      name: "onboardTests",
      dependencies: ["onboard", "onboard-cohort", "OnboardKit", "OnboardTestSupport"]),
  ]
)
