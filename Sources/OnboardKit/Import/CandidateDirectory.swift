import Foundation

/// Reads the directory records vendors name candidates, interviewers and tests by, into a
/// ``JoinDirectory``: Harvest candidates and applications, Lever opportunities and users,
/// HackerRank tests. A record without an id is an error; a record listed twice keeps the first.
enum CandidateDirectory {
  /// Harvest candidate objects (`id`, `email_addresses[].value`, `application_ids`,
  /// `applications[].id`) and application objects (`id`, `candidate_id`), as a list or one object.
  static func records(_ list: JSONNode, file: String) throws(InputErrors) -> JoinDirectory {
    var directory = JoinDirectory()
    try each(list, file: file, expected: "a Harvest candidate or application object") {
      item, id throws(InputError) in
      if let candidate = JSONEvidenceImport.idKey(item["candidate_id"]) {
        directory.add(.greenhouseApplication, id: id, value: candidate)
        return
      }
      let plausible = JSONEvidenceImport.emails(of: item).map(\.text).filter(isPlausibleEmail)
      if !plausible.isEmpty {
        // Every address (personal and work, in the export's order): the join takes the one
        // that is on the roster (`JoinDirectory.addresses`).
        directory.add(.greenhouseCandidate, id: id, value: JoinDirectory.addressList(plausible))
      } else {
        // Kept so that a scorecard of this candidate is reported as having no valid address.
        directory.add(
          .greenhouseCandidate, id: id,
          value: JSONEvidenceImport.emails(of: item).first?.text ?? JoinDirectory.noAddress)
      }
      for application in item["application_ids"]?.array ?? [] {
        if let key = JSONEvidenceImport.idKey(application) {
          directory.add(.greenhouseApplication, id: key, value: id)
        }
      }
      for application in item["applications"]?.array ?? [] {
        if let key = JSONEvidenceImport.idKey(application["id"]) {
          directory.add(.greenhouseApplication, id: key, value: id)
        }
      }
    }
    return directory
  }

  /// Lever opportunity objects (`id`, `emails`) and user objects (`id`, `name`, `email`,
  /// `accessRole`).
  static func lever(_ list: JSONNode, file: String) throws(InputErrors) -> JoinDirectory {
    var directory = JoinDirectory()
    try each(list, file: file, expected: "a Lever opportunity or user object") {
      item, id throws(InputError) in
      if LeverImport.isUser(item) {
        if let name = JSONEvidenceImport.personName(item) {
          directory.add(.leverUser, id: id, value: name)
        }
        return
      }
      let emails = JSONEvidenceImport.emails(of: item)
      let plausible = emails.map(\.text).filter(isPlausibleEmail)
      directory.add(
        .leverOpportunity, id: id,
        value: plausible.isEmpty
          ? emails.first?.text ?? JoinDirectory.noAddress : JoinDirectory.addressList(plausible))
    }
    return directory
  }

  /// HackerRank test objects (`id`, `name`).
  static func tests(_ list: JSONNode, file: String) throws(InputErrors) -> JoinDirectory {
    var directory = JoinDirectory()
    try each(list, file: file, expected: "a HackerRank test object with `id` and `name`") {
      item, id throws(InputError) in
      if let name = item["name"]?.string?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
        directory.add(.hackerRankTest, id: id, value: name)
      }
    }
    return directory
  }

  /// Calls `body` with each object of a list (or the one object) and its id.
  private static func each(
    _ list: JSONNode, file: String, expected: String,
    _ body: (JSONNode, String) throws(InputError) -> Void
  ) throws(InputErrors) {
    var errors: [InputError] = []
    var seen: [String: String] = [:]
    for item in list.array ?? [list] {
      guard item.isObject else {
        errors.append(item.error(file, expected: expected))
        continue
      }
      guard let id = JSONEvidenceImport.idKey(item["id"]) else {
        errors.append(
          (item["id"] ?? item).error(
            file,
            "found \(item["id"]?.found ?? "no `id`"); expected the record's id (a number or a string)"
          ))
        continue
      }
      if let first = seen[id] {
        errors.append(
          item.error(
            file, "id `\(id)` is listed twice (first at \(first)); expected each record once"))
        continue
      }
      seen[id] = item.path
      do throws(InputError) { try body(item, id) } catch { errors.append(error) }
    }
    if !errors.isEmpty { throw InputErrors(errors) }
  }
}
