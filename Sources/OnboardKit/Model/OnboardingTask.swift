/// Something a person must do for a hire by a date (send the contract, ship the laptop, run the
/// workshop, hold the review), with a stable id that a tracker's export can be matched back on.
public struct OnboardingTask: Hashable, Sendable, Codable {
  /// Stable across reruns: `onb-<hire email slug>-<item id slug>`.
  public var id: String
  public var hireKey: String
  public var hireName: String
  /// The plan item it comes from.
  public var itemID: String
  public var title: String
  /// The role: manager, buddy, trainer, mentor, hr, it.
  public var ownerRole: String
  public var ownerName: String?
  public var ownerEmail: String?
  public var due: CalendarDate

  /// The roles whose items are tasks; the hire's own work and team meetings are not.
  public static let roles: Set<String> = ["manager", "buddy", "trainer", "mentor", "hr", "it"]

  /// The tasks of a plan, in date order: one per item that a named role must do or run.
  public static func tasks(of plan: OnboardingPlan) -> [OnboardingTask] {
    // What every task of the hire shares, made once (the key and name are computed properties).
    let hireKey = plan.hire.key
    let hireName = plan.hire.fullName
    let prefix = idStart(hireKey: hireKey)
    return plan.items.filter { roles.contains($0.owner) }.map { item in
      OnboardingTask(
        id: prefix + slug(item.id), hireKey: hireKey, hireName: hireName, itemID: item.id,
        title: title(of: item), ownerRole: item.owner, ownerName: item.ownerName,
        ownerEmail: item.ownerEmail, due: item.date)
    }
  }

  /// The stable id of a hire's item as a task.
  ///
  /// It was defined as the slug of the item id with `#` replaced by `-`; `slug` turns either into
  /// a dash the same way (both are neither letter nor digit), so the replacement is not made.
  public static func id(hireKey: String, itemID: String) -> String {
    idStart(hireKey: hireKey) + slug(itemID)
  }

  /// The start of a hire's task ids: `onb-<hire email slug>-`.
  static func idStart(hireKey: String) -> String {
    "onb-\(slug(hireKey))-"
  }

  /// What the owner does: an activity is its title; a session is run, a review is held.
  static func title(of item: PlanItem) -> String {
    switch item.kind {
    case .activity: item.title
    case .milestone: "Hold: \(item.title)"
    default: "Run: \(item.title)"
    }
  }

  /// Who it is for, as a line of text: `Priya Raman (manager)` or `trainer (nobody named)`.
  public var ownerText: String {
    ownerName.map { "\($0) (\(ownerRole))" } ?? "\(ownerRole) (nobody named)"
  }
}
