import Foundation
import Testing

@testable import OnboardKit

/// Shared helpers of the JSON import tests: a skill index, fixtures and error lookups.
enum JSONTestSupport {
  /// A snapshot of Plans/skills.csv (the tests must not depend on the Plans/ being edited).
  static let skillsCSV = """
    id,name,kind,aliases
    sql-databases,Databases & SQL,technical,SQL (Intermediate)|SQL (Basic)|SQL (Advanced)|SQL|PostgreSQL|MySQL|Microsoft SQL Server|Databases & SQL|Databases|Relational Databases|Database Design|Technical Knowledge - Databases
    nosql-databases,NoSQL Databases (MongoDB & Redis),technical,MongoDB (NoSQL)|MongoDB|Redis|NoSQL|NoSQL Databases|Cassandra|Technical Knowledge - NoSQL
    rest-apis,REST APIs & Web Services,technical,REST API|REST APIs|RESTful API Design|REST API Design|API Design|Web Services|REST & Web Services|API Versioning|OpenAPI|Technical Knowledge - APIs
    microservices-architecture,Software Architecture & Microservices,technical,Microservices|Microservices Architecture|Software Architecture|System Design|Architecture & Microservices|Distributed Systems|Technical Knowledge - System Design
    containerization,Containerization (Docker),technical,Docker|Containerization|Containers|Kubernetes|Docker & Kubernetes|Technical Knowledge - Containers
    ci-cd,CI/CD,technical,CI/CD|Continuous Integration|Continuous Delivery|DevOps|Jenkins|GitHub Actions|Technical Knowledge - CI/CD
    software-testing,Software Testing,technical,Software Testing|Unit Testing|Automated Testing|Test Automation|Testing|Jest|Technical Knowledge - Testing
    application-security,Application Security,technical,Application Security|Secure Coding|Web Security|Cyber Security|OWASP Top 10|Security|Technical Knowledge - Security
    performance-testing,Performance Testing,technical,Performance Testing|Load Testing|JMeter|k6
    data-processing,Large Data Processing & Algorithms,technical,Large Data Processing|Data Structures|Algorithms|Data Structures & Algorithms|Big Data
    debugging,Debugging,technical,Debugging|Troubleshooting|Debugging Skills|Code Debugging
    git,Git & Version Control,technical,Git|Version Control|Git & Version Control|GitHub
    nodejs,Node.js & Express.js,technical,Node.js (Intermediate)|Node.js (Basic)|Node.js|Express.js|Express|Node.js & Express.js|Backend Development|Technical Knowledge - Node.js
    javascript,JavaScript,technical,JavaScript (Intermediate)|JavaScript (Basic)|JavaScript|JavaScript (coding): Intermediate-level algorithms|ES6|Technical Knowledge - JavaScript
    html-css,HTML & CSS,technical,HTML5|CSS|HTML|CSS3|HTML & CSS|HTML/CSS|Responsive Design
    accessibility,Web Accessibility,technical,Accessibility|Web Accessibility|WCAG|a11y|Accessibility (WCAG)
    react,React,technical,React|React.js|ReactJS|React (Intermediate)|Frontend Frameworks|Technical Knowledge - React
    web-performance,Browser & Web Performance,technical,Web Performance|Frontend Performance|Browser Performance|Core Web Vitals
    typescript,TypeScript,technical,TypeScript|TypeScript (Intermediate)|Technical Knowledge - TypeScript
    communication,Communication,soft,Communication|Communication Skills|Written Communication|Verbal Communication|Business Communication
    teamwork,Teamwork & Collaboration,soft,Teamwork|Collaboration|Team Player|Working with Others|Teamwork & Collaboration
    problem-solving,Problem Solving,soft,Problem Solving|Problem-Solving|Problem Solving (Basic)|Problem Solving (Intermediate)|Critical Thinking|Analytical Thinking|Problem Solving Ability
    feedback,Giving & Receiving Feedback,soft,Giving and Receiving Feedback|Giving & Receiving Feedback|Feedback|Receptiveness to Feedback|Coachability|Giving Feedback
    """

  static func skills() throws -> SkillIndex {
    let skills = try PlanLibrary.parseSkills(SourceFile(path: "skills.csv", text: skillsCSV))
    var index = SkillIndex()
    for skill in skills {
      for name in [skill.id, skill.name] + skill.aliases { index.add(name, skillID: skill.id) }
    }
    return index
  }

  /// The repository root: up from this file (Tests/OnboardKitTests/Import/).
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A fixture of Fixtures/json/.
  static func fixture(_ name: String) throws -> SourceFile {
    let url = repositoryRoot.appendingPathComponent("Fixtures/json/\(name)")
    return SourceFile(path: "Fixtures/json/\(name)", data: try Data(contentsOf: url))
  }

  /// Imports JSON text through the public entry point (the format is detected).
  static func run(_ text: String, path: String = "export.json") throws -> EvidenceImportResult {
    try EvidenceImport.parse(SourceFile(path: path, text: text), skills: skills())
  }

  /// The errors a file-level failure throws; [] when the import succeeds.
  static func thrown(_ text: String, path: String = "export.json") throws -> [InputError] {
    let skills = try skills()
    do throws(InputErrors) {
      _ = try EvidenceImport.parse(SourceFile(path: path, text: text), skills: skills)
      return []
    } catch {
      return error.errors
    }
  }

  /// The text of `data` from a location's line and (Unicode-scalar) column to the end of the line.
  static func text(at location: OnboardKit.SourceLocation, in data: Data) -> String {
    let lines = String(decoding: data, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    guard let line = location.line, let column = location.column, line - 1 < lines.count else {
      return ""
    }
    let scalars = lines[line - 1].unicodeScalars
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars.dropFirst(column - 1))
    return String(view)
  }
}

extension EvidenceImportResult {
  /// The evidence of a hire and an instrument (e.g. an attribute name), or nil.
  func found(_ hire: String, _ instrument: String) -> [Evidence] {
    evidence.filter { $0.hireKey == hire && $0.instrument == instrument }
  }
}
