extension InterviewKit {
  /// A printable Markdown version: the header to fill in, the instructions, then per section each
  /// question with its skills, anchors, rating boxes and room for notes.
  public func markdown() -> String {
    let md = markdownEscaped
    var out = MarkdownWriter()
    out.line("# Structured interview: \(md(bank.role))")
    out.blank()
    out.line("- **Candidate:** \(candidateLine.map(md) ?? "____________________")")
    out.line("- **Interviewer:** \(interviewer.map(md) ?? "____________________")")
    out.line("- **Date:** \(date?.longText ?? "____________________")")
    out.blank()
    for instruction in Self.instructions { out.line("- \(md(instruction))") }
    out.blank()
    for section in sections {
      if !section.title.isEmpty {
        out.line("## \(md(section.title))")
        out.blank()
      }
      for question in section.questions {
        out.line("### \(question.order). \(md(question.text))")
        out.blank()
        out.line(
          "*Skills: \(skills(of: question).map(md).joined(separator: ", "))* · `\(question.id)`")
        out.blank()
        out.line("| Rating | What the answer shows |")
        out.line("|---|---|")
        out.line("| 1 | \(md(question.anchor1)) |")
        out.line("| 3 | \(md(question.anchor3)) |")
        out.line("| 5 | \(md(question.anchor5)) |")
        out.blank()
        out.line("**Rating:** ☐ 1 ☐ 2 ☐ 3 ☐ 4 ☐ 5 ☐ not asked")
        out.blank()
        out.line("**Notes:**")
        out.blank()
        out.line("&nbsp;")
        out.blank()
      }
    }
    return out.text
  }

  /// A printable HTML page (A4, one question never split across pages); every text is escaped.
  public func html() -> String {
    let h = htmlEscaped
    var out = ""
    func line(_ text: String) { out += text + "\n" }
    line("<!DOCTYPE html>")
    line("<html lang=\"en\">")
    line("<head>")
    line("<meta charset=\"utf-8\">")
    line(
      "<title>Structured interview: \(h(bank.role))\(candidateName.map { " – " + h($0) } ?? "")</title>"
    )
    line("<style>\(Self.css)</style>")
    line("</head>")
    line("<body>")
    line("<h1>Structured interview: \(h(bank.role))</h1>")
    line("<table class=\"who\">")
    line("<tr><th>Candidate</th><td>\(candidateLine.map(h) ?? "")</td></tr>")
    line("<tr><th>Interviewer</th><td>\(interviewer.map(h) ?? "")</td></tr>")
    line("<tr><th>Date</th><td>\(date.map { h($0.longText) } ?? "")</td></tr>")
    line("</table>")
    line("<ul class=\"instructions\">")
    for instruction in Self.instructions { line("<li>\(h(instruction))</li>") }
    line("</ul>")
    for section in sections {
      if !section.title.isEmpty { line("<h2>\(h(section.title))</h2>") }
      for question in section.questions {
        line("<section class=\"question\">")
        line("<h3>\(question.order). \(h(question.text))</h3>")
        line(
          "<p class=\"skills\">Skills: \(skills(of: question).map(h).joined(separator: ", ")) "
            + "<span class=\"id\">\(h(question.id))</span></p>")
        line("<table class=\"anchors\">")
        line("<tr><th>1</th><td>\(h(question.anchor1))</td></tr>")
        line("<tr><th>3</th><td>\(h(question.anchor3))</td></tr>")
        line("<tr><th>5</th><td>\(h(question.anchor5))</td></tr>")
        line("</table>")
        line(
          "<p class=\"rating\">Rating: "
            + ["1", "2", "3", "4", "5", "not asked"].map { "<span class=\"box\">☐ \($0)</span>" }
            .joined(separator: " ") + "</p>")
        line("<div class=\"notes\">Notes:</div>")
        line("</section>")
      }
    }
    line("</body>")
    line("</html>")
    return out
  }

  /// "Name (email)", the name or the email alone, or nil.
  var candidateLine: String? {
    switch (candidateName, candidateEmail) {
    case (let name?, let email?): "\(name) (\(email))"
    case (let name?, nil): name
    case (nil, let email?): email
    case (nil, nil): nil
    }
  }

  static let css = """
    body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; color: #1f2933; max-width: 180mm; margin: 0 auto; }
    h1 { font-size: 18pt; margin-bottom: 4mm; }
    h2 { font-size: 14pt; margin-top: 8mm; border-bottom: 1px solid #9aa5b1; }
    h3 { font-size: 11.5pt; margin: 0 0 1mm 0; }
    table { border-collapse: collapse; width: 100%; }
    .who th { text-align: left; width: 30mm; padding: 1mm 2mm; }
    .who td { border-bottom: 1px solid #9aa5b1; padding: 1mm 2mm; }
    .skills { color: #52606d; margin: 0 0 1mm 0; }
    .id { font-family: monospace; font-size: 9pt; }
    .anchors th { width: 8mm; vertical-align: top; padding: 1mm 2mm; background: #f0f4f8; }
    .anchors td { padding: 1mm 2mm; border-top: 1px solid #d9e2ec; }
    .box { margin-right: 4mm; }
    .question { margin: 5mm 0; break-inside: avoid; page-break-inside: avoid; }
    .notes { border: 1px solid #9aa5b1; min-height: 28mm; padding: 1mm 2mm; color: #52606d; }
    @page { size: A4; margin: 15mm; }
    @media print { body { max-width: none; } .instructions { font-size: 10pt; } h2 { break-after: avoid; page-break-after: avoid; } }
    """
}
