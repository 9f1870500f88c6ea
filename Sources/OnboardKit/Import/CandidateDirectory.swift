import Foundation

/// Candidates by id, for exports whose records name the candidate only by an id (Greenhouse
/// scorecards' `candidate_id`, Lever forms' `opportunity`), joined to an email address.
///
/// Each candidate record has an `id` and its addresses in `email_addresses` (Greenhouse:
/// `[{"value": ..., "type": ...}]`), `emails` (Lever: `["..."]`) or `email`; the first plausible
/// address is the one joined with the roster.
struct CandidateDirectory: Sendable {
  private struct Entry: Sendable {
    var email: String?
    var node: JSONNode
  }

  private var entries: [String: Entry] = [:]
  /// The path of the list the candidates came from (`$.candidates`), for messages.
  let listPath: String?

  /// An empty directory: every id lookup fails with a message saying how to provide one.
  init() { listPath = nil }

  /// Reads a list of candidate records; records without an id or listed twice are errors.
  init(_ list: JSONNode, file: String) throws(InputErrors) {
    listPath = list.path
    var errors: [InputError] = []
    guard let items = list.array else {
      throw InputErrors([
        list.error(file, expected: "an array of candidate objects with `id` and email addresses")
      ])
    }
    for item in items {
      guard item.isObject else {
        errors.append(
          item.error(file, expected: "a candidate object with `id` and email addresses"))
        continue
      }
      guard let id = JSONEvidenceImport.idKey(item["id"]) else {
        errors.append(
          (item["id"] ?? item).error(
            file,
            "found \(item["id"]?.found ?? "no `id`"); expected the candidate's id (a number or a string)"
          ))
        continue
      }
      if let first = entries[id] {
        errors.append(
          item.error(
            file,
            "candidate id `\(id)` is listed twice (first at \(first.node.path)); expected each candidate once"
          ))
        continue
      }
      let email = JSONEvidenceImport.emails(of: item).first { isPlausibleEmail($0.text) }?.text
      entries[id] = Entry(email: email, node: item)
    }
    if !errors.isEmpty { throw InputErrors(errors) }
  }

  /// The email of the candidate an id node names; an error at the id when it is unknown or the
  /// candidate has no address.
  func email(for idNode: JSONNode, file: String, what: String) throws(InputError) -> String {
    guard let id = JSONEvidenceImport.idKey(idNode) else {
      throw idNode.error(file, expected: "the \(what) id (a number or a string)")
    }
    guard let listPath else {
      throw idNode.error(
        file,
        "the \(what) is named only by its id `\(id)`; expected an email to join with the roster: "
          + "a `candidate_email` member here, or the export wrapped with the \(what)s' emails (see the documentation)"
      )
    }
    guard let entry = entries[id] else {
      throw idNode.error(
        file,
        "\(what) id `\(id)` is not in \(listPath); expected one with this id and an email address")
    }
    guard let email = entry.email else {
      throw entry.node.error(
        file, "\(what) `\(id)` has no valid email address; expected one to join with the roster")
    }
    return email
  }
}
