import Foundation

/// The interviewer calibration report as a terminal table, Markdown, JSON
/// (`onboard.calibration/1`) and an HTML section for the cohort's index.html.
public enum CalibrationText {
  static func explanation(_ c: InterviewerCalibration) -> String {
    "Per interviewer: the mean difference, in levels, between their rating of a hire's skill and "
      + "the mean of the other interviewers who rated the same hire on the same skill (negative: "
      + "rates lower). A difference of \(formatNumber(c.largeDifference, decimals: 2)) levels or "
      + "more over \(c.minimumComparisons) or more comparisons gets a note. For reading ratings in "
      + "context only: no level is changed."
  }

  static func signed(_ value: Double) -> String {
    (value > 0 ? "+" : value < 0 ? "−" : "") + formatNumber(abs(value), decimals: 2)
  }

  /// An aligned table, then the notes.
  public static func table(_ c: InterviewerCalibration) -> String {
    guard !c.rows.isEmpty else {
      return
        "Interviewer calibration: no hire was rated on one skill by two or more interviewers.\n"
    }
    var rows = [["Interviewer", "Skill", "Mean difference", "Comparisons", "Hires"]]
    for row in c.rows {
      rows.append([
        row.interviewer, row.skill, signed(row.meanDifference), "\(row.comparisons)",
        "\(row.hires)",
      ])
    }
    var text = "Interviewer calibration (\(c.comparedPairs) hire × skill pairs with two or more "
    text += "interviewers)\n" + GapTable.table(rows)
    for row in c.notable { text += GapTable.printable("Note: \(row.note ?? "")") + "\n" }
    return text + GapTable.printable(explanation(c)) + "\n"
  }

  /// A Markdown section.
  public static func markdown(_ c: InterviewerCalibration) -> String {
    let md = markdownEscaped
    var out = "## Interviewer calibration\n\n\(explanation(c))\n\n"
    guard !c.rows.isEmpty else {
      return out + "No hire was rated on one skill by two or more interviewers.\n"
    }
    out +=
      "| Interviewer | Skill | Mean difference | Comparisons | Hires |\n|---|---|---|---|---|\n"
    for row in c.rows {
      let skill = row.skillID == nil ? "**all skills**" : md(row.skill)
      out +=
        "| \(md(row.interviewer)) | \(skill) | \(signed(row.meanDifference)) | \(row.comparisons) "
        + "| \(row.hires) |\n"
    }
    if !c.notable.isEmpty { out += "\n" }
    for row in c.notable { out += "- **Note:** \(md(row.note ?? "")).\n" }
    return out
  }

  /// `{"schema": "onboard.calibration/1", "largeDifference", "minimumComparisons",
  /// "comparedPairs", "rows": [...]}`, keys sorted.
  public static func json(_ c: InterviewerCalibration) throws -> Data {
    struct Document: Encodable {
      var schema = "onboard.calibration/1"
      var largeDifference: Double
      var minimumComparisons: Int
      var comparedPairs: Int
      var rows: [InterviewerCalibration.Row]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(
      Document(
        largeDifference: c.largeDifference, minimumComparisons: c.minimumComparisons,
        comparedPairs: c.comparedPairs, rows: c.rows))
    data.append(0x0A)
    return data
  }

  /// The `<section>` of index.html; empty when nobody was compared.
  public static func htmlSection(_ c: InterviewerCalibration) -> String {
    guard !c.rows.isEmpty else { return "" }
    var html =
      "<section id=\"calibration\" aria-labelledby=\"calibration-h\">"
      + "<h2 id=\"calibration-h\">Interviewer calibration</h2><p>\(h(explanation(c)))</p>"
    for row in c.notable {
      html += "<p class=\"note\"><strong>Note:</strong> \(h(row.note ?? "")).</p>"
    }
    html +=
      "<div class=\"scroll\"><table class=\"gaps\"><thead><tr><th scope=\"col\">Interviewer</th>"
      + "<th scope=\"col\">Skill</th><th scope=\"col\">Mean difference</th>"
      + "<th scope=\"col\">Comparisons</th><th scope=\"col\">Hires</th></tr></thead><tbody>"
    for row in c.rows {
      let skill = row.skillID == nil ? "<strong>all skills</strong>" : bdi(row.skill)
      html +=
        "<tr><th scope=\"row\">\(bdi(row.interviewer))</th><td>\(skill)</td>"
        + "<td class=\"num\">\(signed(row.meanDifference))</td>"
        + "<td class=\"num\">\(row.comparisons)</td><td class=\"num\">\(row.hires)</td></tr>"
    }
    return html + "</tbody></table></div></section>"
  }
}
